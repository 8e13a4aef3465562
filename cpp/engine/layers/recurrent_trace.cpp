// What the cell anatomy and the gradient chart read from a recurrent layer after a forward (and
// backward) pass without dropout. Runs once per user action on one review: built for size
// (CMakeLists.txt), and it recomputes the pre-activations from the weights instead of keeping
// them in the training loops, which overwrite them with the gate values.
#include "engine/layers/recurrent.hpp"
#include "engine/linalg.hpp"

namespace rnn {

// Sample 0, step t is time-major row t·batch.
//   P_t = x_t W + b_in                 (one-hot: P_t = W[id_t] + b_in)
//   Q_t = h_{t−1} U (+ b_rec, GRU with reset_after)
//   pre = P + Q, except the GRU candidate:
//     reset_after:  pre_h = P_h + r ⊙ Q_h;   otherwise  pre_h = P_h + (r ⊙ h_{t−1}) U_h
// The gate values are what the forward pass kept in gates_ (LSTM i f g o, GRU z r h̃); a
// SimpleRNN keeps a_t there, and its value is h_t.
template <typename S>
void RecurrentLayer<S>::fill_step_values(LayerTrace<S>& tr) const {
  const LayerSpec& l = this->spec_;
  const int time = this->time_, u = units_;
  const int64_t ku = int64_t(gates_count_) * u, batch = this->batch_;
  tr.layer_name = l.name;
  tr.kind = l.kind;
  tr.hidden.resize(time, u);
  tr.hidden_prev.setZero(time, u);
  tr.values.resize(time, ku);
  Mat<S> p(time, ku);
  if (mode_ == InputMode::OneHot) tr.input_ids.resize(size_t(time));
  else tr.input.resize(time, in_features_);
  for (int t = 0; t < time; ++t) {
    const int64_t r = t * batch;
    tr.hidden.row(t) = hidden_.row(r);
    if (t > 0) tr.hidden_prev.row(t) = hidden_.row(r - batch);
    tr.values.row(t) = gates_.row(r);
    if (mode_ == InputMode::OneHot) {
      tr.input_ids[size_t(t)] = id_at(r);
      p.row(t) = kernel_.row(id_at(r));
    } else if (mode_ == InputMode::Table) {
      tr.input.row(t) = Eigen::Map<const Eigen::Matrix<S, 1, Eigen::Dynamic>>(embedding_ + int64_t(id_at(r)) * in_features_, in_features_);
    } else {
      tr.input.row(t) = input_.row(r);
    }
  }
  if (mode_ != InputMode::OneHot) set_product<S>(p, tr.input, Transpose::No, kernel_, Transpose::No);
  if (l.use_bias) p.rowwise() += input_bias_;
  Mat<S> q;
  set_product<S>(q, tr.hidden_prev, Transpose::No, recurrent_kernel_, Transpose::No);
  const bool gru = l.kind == LayerKind::GRU;
  if (gru && l.reset_after && l.use_bias)  // bias (2, 3u): row 1 is b_rec
    q.rowwise() += Eigen::Map<const Eigen::Matrix<S, 1, Eigen::Dynamic>>(input_bias_.data() + ku, ku);
  tr.pre = p + q;
  if (gru) {
    const auto r = tr.values.middleCols(u, u);
    if (l.reset_after) {
      tr.pre.middleCols(2 * u, u) = p.middleCols(2 * u, u) + r.cwiseProduct(q.middleCols(2 * u, u));
    } else {
      const Mat<S> reset_prev = r.cwiseProduct(tr.hidden_prev);
      set_product<S>(q, reset_prev, Transpose::No, recurrent_kernel_.middleCols(2 * u, u), Transpose::No);
      tr.pre.middleCols(2 * u, u) = p.middleCols(2 * u, u) + q;
    }
  }
  if (l.kind == LayerKind::SimpleRNN) tr.values = tr.hidden;
}

// d loss / d x_t = dP_t Wᵀ: the input projection's transpose (without dropout masks).
template <typename S>
void RecurrentLayer<S>::input_gradient_norms(Mat<S>& norms) const {
  const int batch = this->batch_;
  norms.setZero(batch, this->time_);
  if (d_gates_.rows() != int64_t(batch) * this->time_ || this->time_ == 0) return;
  Mat<S> dx;
  set_product<S>(dx, d_gates_, Transpose::No, kernel_, Transpose::Yes);
  for (Eigen::Index r = 0; r < dx.rows(); ++r) norms(r % batch, r / batch) = dx.row(r).norm();
}

template void RecurrentLayer<float>::fill_step_values(LayerTrace<float>&) const;
template void RecurrentLayer<double>::fill_step_values(LayerTrace<double>&) const;
template void RecurrentLayer<float>::input_gradient_norms(Mat<float>&) const;
template void RecurrentLayer<double>::input_gradient_norms(Mat<double>&) const;

}  // namespace rnn
