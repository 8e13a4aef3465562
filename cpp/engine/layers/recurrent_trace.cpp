// What the cell anatomy and the gradient chart read from a recurrent layer after a forward (and
// backward) pass without dropout. Runs once per user action on one review: built for size
// (CMakeLists.txt), and it recomputes the pre-activations from the weights instead of keeping
// them in the training loops, which overwrite them with the gate values.
#include "engine/layers/recurrent.hpp"
#include "engine/linalg.hpp"

#include <algorithm>
#include <cmath>

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
  // Plain loops over the rows (not Eigen expressions): this runs once per review, and each
  // expression type would add its own code to the WebAssembly module.
  const LayerSpec& l = this->spec_;
  const int time = this->time_, u = units_, in = in_features_;
  const int64_t ku = int64_t(gates_count_) * u, batch = this->batch_;
  const bool one_hot = mode_ == InputMode::OneHot, gru = l.kind == LayerKind::GRU;
  tr.layer_name = l.name;
  tr.kind = l.kind;
  tr.hidden.resize(time, u);
  tr.hidden_prev.setZero(time, u);
  tr.values.resize(time, ku);
  Mat<S> p(time, ku);
  if (one_hot)
    tr.input_ids.resize(size_t(time));
  else
    tr.input.resize(time, in);
  for (int t = 0; t < time; ++t) {
    const int64_t r = t * batch;
    std::copy_n(hidden_.data() + r * u, u, tr.hidden.data() + int64_t(t) * u);
    if (t > 0)
      std::copy_n(hidden_.data() + (r - batch) * u, u, tr.hidden_prev.data() + int64_t(t) * u);
    std::copy_n(gates_.data() + r * ku, ku, tr.values.data() + t * ku);
    if (one_hot) {
      tr.input_ids[size_t(t)] = id_at(r);
      std::copy_n(kernel_.data() + int64_t(id_at(r)) * ku, ku, p.data() + t * ku);
    } else {
      const S* x =
          mode_ == InputMode::Table ? embedding_ + int64_t(id_at(r)) * in : input_.data() + r * in;
      std::copy_n(x, in, tr.input.data() + int64_t(t) * in);
    }
  }
  if (!one_hot) set_product<S>(p, tr.input, Transpose::No, kernel_, Transpose::No);
  Mat<S> q, q_h;
  set_product<S>(q, tr.hidden_prev, Transpose::No, recurrent_kernel_, Transpose::No);
  if (gru && !l.reset_after) {  // (r ⊙ h_{t−1}) U_h
    Mat<S> reset_prev(time, u);
    for (int t = 0; t < time; ++t)
      for (int k = 0; k < u; ++k) reset_prev(t, k) = tr.values(t, u + k) * tr.hidden_prev(t, k);
    set_product<S>(q_h, reset_prev, Transpose::No, recurrent_kernel_.middleCols(2 * u, u),
                   Transpose::No);
  }
  const S* b_in = l.use_bias ? input_bias_.data() : nullptr;
  const S* b_rec = gru && l.reset_after && b_in ? b_in + ku : nullptr;  // bias (2, 3u): row 1
  tr.pre.resize(time, ku);
  for (int t = 0; t < time; ++t)
    for (int64_t c = 0; c < ku; ++c) {
      S rec = q(t, c) + (b_rec ? b_rec[c] : S(0));
      if (gru && c >= 2 * u) rec = l.reset_after ? tr.values(t, c - u) * rec : q_h(t, c - 2 * u);
      tr.pre(t, c) = p(t, c) + (b_in ? b_in[c] : S(0)) + rec;
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
  for (Eigen::Index r = 0; r < dx.rows(); ++r) {
    S sum = 0;
    for (Eigen::Index k = 0; k < dx.cols(); ++k) sum += dx(r, k) * dx(r, k);
    norms(r % batch, r / batch) = std::sqrt(sum);
  }
}

template void RecurrentLayer<float>::fill_step_values(LayerTrace<float>&) const;
template void RecurrentLayer<double>::fill_step_values(LayerTrace<double>&) const;
template void RecurrentLayer<float>::input_gradient_norms(Mat<float>&) const;
template void RecurrentLayer<double>::input_gradient_norms(Mat<double>&) const;

}  // namespace rnn
