#include "engine/layers/recurrent.hpp"

namespace rnn {

template <typename S>
RecurrentLayer<S>::RecurrentLayer(const LayerSpec& spec)
    : Layer<S>(spec),
      units_(spec.units),
      gates_count_(gate_count(spec.kind)),
      in_features_(spec.input_shape.features) {}

template <typename S>
void RecurrentLayer<S>::bind(S* params, S* grads) {
  const int64_t ku = int64_t(gates_count_) * units_;
  const int64_t kernel_size = int64_t(in_features_) * ku, recurrent_size = int64_t(units_) * ku;
  new (&kernel_) MatMap<S>(params, in_features_, ku);
  new (&d_kernel_) MatMap<S>(grads, in_features_, ku);
  new (&recurrent_kernel_) MatMap<S>(params + kernel_size, units_, ku);
  new (&d_recurrent_kernel_) MatMap<S>(grads + kernel_size, units_, ku);
  if (this->spec_.use_bias) {
    new (&input_bias_) VecMap<S>(params + kernel_size + recurrent_size, ku);
    new (&d_input_bias_) VecMap<S>(grads + kernel_size + recurrent_size, ku);
  }
  bind_extra(params + kernel_size + recurrent_size, grads + kernel_size + recurrent_size);
}

template <typename S>
const Mat<S>& RecurrentLayer<S>::output() const {
  return this->spec_.return_sequences ? hidden_ : last_;
}

template <typename S>
void RecurrentLayer<S>::draw_masks(bool training, Rng& rng) {
  const LayerSpec& l = this->spec_;
  const bool input_dropout = training && l.dropout > 0.0 && l.dropout < 1.0;
  const bool recurrent_dropout = training && l.recurrent_dropout > 0.0 && l.recurrent_dropout < 1.0;
  // Keras uses its per-gate cell whenever recurrent_dropout is set, and then one input mask per
  // gate too; otherwise a single input mask shared by all gates.
  const size_t input_masks = input_dropout ? (l.recurrent_dropout > 0.0 ? gates_count_ : 1) : 0;
  input_masks_.resize(input_masks);
  for (Mat<S>& m : input_masks_) {
    m.resize(this->batch_, in_features_);
    draw_dropout_mask(m, l.dropout, rng);
  }
  recurrent_masks_.resize(recurrent_dropout ? gates_count_ : 0);
  for (Mat<S>& m : recurrent_masks_) {
    m.resize(this->batch_, units_);
    draw_dropout_mask(m, l.recurrent_dropout, rng);
  }
}

template <typename S>
void RecurrentLayer<S>::mask_rows(const Mat<S>& x, const Mat<S>& mask, Mat<S>& out) const {
  const int time = this->time_;
  out.resize(x.rows(), x.cols());
  for (int b = 0; b < this->batch_; ++b)
    out.middleRows(int64_t(b) * time, time) =
        x.middleRows(int64_t(b) * time, time).array().rowwise() * mask.row(b).array();
}

template <typename S>
void RecurrentLayer<S>::project_inputs() {
  const int time = this->time_, u = units_;
  const int64_t rows = int64_t(this->batch_) * time;
  gates_.resize(rows, int64_t(gates_count_) * u);
  if (this->spec_.one_hot_input) {
    // e_id ⊙ m_g, times W_g, is row id of W_g scaled by m_g(b, id).
    for (int64_t r = 0; r < rows; ++r) {
      const int id = ids_[r];
      const int64_t b = r / time;
      if (input_masks_.empty()) {
        gates_.row(r) = kernel_.row(id);
      } else if (input_masks_.size() == 1) {
        gates_.row(r) = kernel_.row(id) * input_masks_[0](b, id);
      } else {
        for (int g = 0; g < gates_count_; ++g)
          gates_.row(r).segment(int64_t(g) * u, u) =
              kernel_.row(id).segment(int64_t(g) * u, u) * input_masks_[size_t(g)](b, id);
      }
    }
  } else if (input_masks_.empty()) {
    gates_.noalias() = *input_ * kernel_;
  } else if (input_masks_.size() == 1) {
    mask_rows(*input_, input_masks_[0], masked_input_);
    gates_.noalias() = masked_input_ * kernel_;
  } else {
    for (int g = 0; g < gates_count_; ++g) {
      mask_rows(*input_, input_masks_[size_t(g)], masked_input_);
      gates_.middleCols(int64_t(g) * u, u).noalias() =
          masked_input_ * kernel_.middleCols(int64_t(g) * u, u);
    }
  }
  if (this->spec_.use_bias) gates_.rowwise() += input_bias_;
}

template <typename S>
void RecurrentLayer<S>::forward(const LayerInput<S>& in, bool training, Rng& rng) {
  this->batch_ = in.batch;
  this->time_ = in.time;
  input_ = in.values;
  ids_ = in.ids;
  const int64_t rows = int64_t(in.batch) * in.time;
  if (this->spec_.one_hot_input) check_token_ids(this->spec_, ids_, rows, in_features_);
  draw_masks(training, rng);
  hidden_.resize(rows, units_);
  scratch_.resize(in.batch, units_);
  masked_prev_.resize(in.batch, units_);
  if (in.time > 0) {
    project_inputs();
    forward_steps();
    last_ = step_rows(hidden_, in.time - 1, in.time);
  } else {
    last_.setZero(in.batch, units_);  // no step read: the initial state h_0 = 0
  }
}

template <typename S>
void RecurrentLayer<S>::add_recurrent(int t, RowsRef<S> out, int first_gate, int gates) {
  const ConstStepView<S> h_prev = previous_hidden(t);
  const int u = units_;
  if (recurrent_masks_.empty()) {
    out.noalias() += h_prev * recurrent_kernel_.middleCols(int64_t(first_gate) * u, int64_t(gates) * u);
    return;
  }
  for (int g = first_gate; g < first_gate + gates; ++g) {
    masked_prev_ = h_prev.cwiseProduct(recurrent_masks_[size_t(g)]);
    out.middleCols(int64_t(g - first_gate) * u, u).noalias() +=
        masked_prev_ * recurrent_kernel_.middleCols(int64_t(g) * u, u);
  }
}

template <typename S>
void RecurrentLayer<S>::backward_recurrent(int t, ConstRowsRef<S> d_pre, int first_gate, int gates,
                                           Mat<S>& d_prev) {
  const ConstStepView<S> h_prev = previous_hidden(t);
  const int u = units_;
  if (recurrent_masks_.empty()) {
    const int64_t c0 = int64_t(first_gate) * u, n = int64_t(gates) * u;
    d_recurrent_kernel_.middleCols(c0, n).noalias() += h_prev.transpose() * d_pre;
    d_prev.noalias() += d_pre * recurrent_kernel_.middleCols(c0, n).transpose();
    return;
  }
  for (int g = first_gate; g < first_gate + gates; ++g) {
    const auto d_gate = d_pre.middleCols(int64_t(g - first_gate) * u, u);
    masked_prev_ = h_prev.cwiseProduct(recurrent_masks_[size_t(g)]);
    d_recurrent_kernel_.middleCols(int64_t(g) * u, u).noalias() += masked_prev_.transpose() * d_gate;
    d_prev_gate_.noalias() = d_gate * recurrent_kernel_.middleCols(int64_t(g) * u, u).transpose();
    d_prev += d_prev_gate_.cwiseProduct(recurrent_masks_[size_t(g)]);
  }
}

template <typename S>
void RecurrentLayer<S>::backward_inputs(Mat<S>* d_input) {
  const int time = this->time_, u = units_;
  const int64_t rows = int64_t(this->batch_) * time;
  if (this->spec_.one_hot_input) {
    for (int64_t r = 0; r < rows; ++r) {
      const int id = ids_[r];
      const int64_t b = r / time;
      if (input_masks_.empty()) {
        d_kernel_.row(id) += d_gates_.row(r);
      } else if (input_masks_.size() == 1) {
        d_kernel_.row(id) += d_gates_.row(r) * input_masks_[0](b, id);
      } else {
        for (int g = 0; g < gates_count_; ++g)
          d_kernel_.row(id).segment(int64_t(g) * u, u) +=
              d_gates_.row(r).segment(int64_t(g) * u, u) * input_masks_[size_t(g)](b, id);
      }
    }
  } else if (input_masks_.empty()) {
    d_kernel_.noalias() += input_->transpose() * d_gates_;
    if (d_input) d_input->noalias() = d_gates_ * kernel_.transpose();
  } else if (input_masks_.size() == 1) {
    mask_rows(*input_, input_masks_[0], masked_input_);
    d_kernel_.noalias() += masked_input_.transpose() * d_gates_;
    if (d_input) {
      d_input->noalias() = d_gates_ * kernel_.transpose();
      for (int b = 0; b < this->batch_; ++b)
        d_input->middleRows(int64_t(b) * time, time).array().rowwise() *= input_masks_[0].row(b).array();
    }
  } else {
    if (d_input) d_input->setZero(rows, in_features_);
    for (int g = 0; g < gates_count_; ++g) {
      const Mat<S>& mask = input_masks_[size_t(g)];
      const auto d_gate = d_gates_.middleCols(int64_t(g) * u, u);
      mask_rows(*input_, mask, masked_input_);
      d_kernel_.middleCols(int64_t(g) * u, u).noalias() += masked_input_.transpose() * d_gate;
      if (d_input) {
        masked_input_.noalias() = d_gate * kernel_.middleCols(int64_t(g) * u, u).transpose();
        for (int b = 0; b < this->batch_; ++b)
          d_input->middleRows(int64_t(b) * time, time) +=
              (masked_input_.middleRows(int64_t(b) * time, time).array().rowwise() * mask.row(b).array())
                  .matrix();
      }
    }
  }
  if (this->spec_.use_bias) d_input_bias_ += d_gates_.colwise().sum();
}

template <typename S>
void RecurrentLayer<S>::backward(const Mat<S>& d_output, Mat<S>* d_input) {
  const int time = this->time_;
  const int64_t rows = int64_t(this->batch_) * time;
  if (time == 0) {
    if (d_input) d_input->resize(0, in_features_);
    return;
  }
  // Without return_sequences only h_T reaches the output.
  if (this->spec_.return_sequences) {
    d_hidden_ = d_output;
  } else {
    d_hidden_.setZero(rows, units_);
    step_rows(d_hidden_, time - 1, time) = d_output;
  }
  d_gates_.resize(rows, int64_t(gates_count_) * units_);
  d_next_.resize(this->batch_, units_);
  d_prev_gate_.resize(this->batch_, units_);
  backward_steps();
  backward_inputs(d_input);
}

template class RecurrentLayer<float>;
template class RecurrentLayer<double>;

}  // namespace rnn
