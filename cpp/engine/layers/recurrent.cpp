// The recurrent layers' forward and backward around the cell's time loop: dropout masks, the input
// mode, the recurrent products of the general loops, and the input side (recurrent.hpp).
// Built for size (-Oz, CMakeLists.txt): the work is in what it calls — the products (linalg.cpp),
// the row passes (recurrent_rows.cpp) and the cells' loops.
#include "engine/layers/recurrent.hpp"
#include "engine/linalg.hpp"

namespace rnn {

template <typename S>
RecurrentLayer<S>::RecurrentLayer(const LayerSpec& spec, RecurrentPaths paths)
    : Layer<S>(spec),
      paths_(paths),
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
  return this->spec_.return_sequences ? sequence_ : last_;
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
  const int64_t rows = input_masks == 1 && per_step_input_mask()
                           ? int64_t(this->batch_) * this->time_
                           : this->batch_;
  for (Mat<S>& m : input_masks_) {
    m.resize(rows, in_features_);
    draw_dropout_mask(m, l.dropout, rng);
  }
  recurrent_masks_.resize(recurrent_dropout ? gates_count_ : 0);
  for (Mat<S>& m : recurrent_masks_) {
    m.resize(this->batch_, units_);
    draw_dropout_mask(m, l.recurrent_dropout, rng);
  }
}

template <typename S>
bool RecurrentLayer<S>::per_step_input_mask() const {
  const LayerSpec& l = this->spec_;
  return keras_ == KerasVersion::TfKeras2 &&
         (l.kind == LayerKind::LSTM || l.kind == LayerKind::GRU) &&
         l.activation == Activation::Tanh && l.recurrent_activation == Activation::Sigmoid &&
         l.recurrent_dropout == 0.0 && l.use_bias && (l.kind == LayerKind::LSTM || l.reset_after);
}

template <typename S>
typename RecurrentLayer<S>::InputMode RecurrentLayer<S>::input_mode(const LayerInput<S>& in) const {
  if (this->spec_.one_hot_input) return InputMode::OneHot;
  if (!in.embedding) return InputMode::Values;
  // The table pays off while the vocabulary is no larger than the batch's batch·time rows.
  const bool table = paths_.embedding_table && input_masks_.empty() &&
                     int64_t(in.vocab) <= int64_t(in.batch) * in.time;
  return table ? InputMode::Table : InputMode::Gathered;
}

template <typename S>
void RecurrentLayer<S>::forward(const LayerInput<S>& in, bool training, Rng& rng) {
  this->batch_ = in.batch;
  this->time_ = in.time;
  ids_ = in.ids;
  embedding_ = in.embedding;
  d_embedding_ = in.d_embedding;
  vocab_ = in.vocab;
  const int64_t rows = int64_t(in.batch) * in.time;
  if (this->spec_.one_hot_input) check_token_ids(this->spec_, ids_, rows, in_features_);
  draw_masks(training, rng);
  mode_ = input_mode(in);
  if (mode_ == InputMode::Values) {
    to_time_major(*in.values, input_);
  } else if (mode_ == InputMode::Gathered) {
    input_.resize(rows, in_features_);
    gather_rows(embedding_, in_features_, input_.data());
  }
  hidden_.resize(rows, units_);
  scratch_.resize(in.batch, units_);
  masked_prev_.resize(in.batch, units_);
  if (in.time > 0) {
    project_inputs();
    resize_steps();
    if (fused())
      forward_steps_fused();
    else
      forward_steps_general();
    last_ = step(hidden_, in.time - 1);
    if (this->spec_.return_sequences) to_batch_major(hidden_, sequence_);
  } else {
    last_.setZero(in.batch, units_);  // no step read: the initial state h_0 = 0
    sequence_.resize(0, units_);
  }
}

template <typename S>
void RecurrentLayer<S>::add_recurrent(int t, RowsRef<S> out, int first_gate, int gates) {
  const ConstStepView<S> h_prev = previous_hidden(t);
  const int u = units_;
  if (recurrent_masks_.empty()) {
    multiply<S>(h_prev, Transpose::No,
                recurrent_kernel_.middleCols(int64_t(first_gate) * u, int64_t(gates) * u),
                Transpose::No, out, Accumulate::Yes);
    return;
  }
  for (int g = first_gate; g < first_gate + gates; ++g) {
    masked_prev_ = h_prev.cwiseProduct(recurrent_masks_[size_t(g)]);
    multiply<S>(masked_prev_, Transpose::No, recurrent_kernel_.middleCols(int64_t(g) * u, u),
                Transpose::No, out.middleCols(int64_t(g - first_gate) * u, u), Accumulate::Yes);
  }
}

template <typename S>
void RecurrentLayer<S>::backward_recurrent(int t, ConstRowsRef<S> d_pre, int first_gate, int gates,
                                           Mat<S>& d_prev) {
  const ConstStepView<S> h_prev = previous_hidden(t);
  const int u = units_;
  if (recurrent_masks_.empty()) {
    const int64_t c0 = int64_t(first_gate) * u, n = int64_t(gates) * u;
    multiply<S>(h_prev, Transpose::Yes, d_pre, Transpose::No, d_recurrent_kernel_.middleCols(c0, n),
                Accumulate::Yes);
    multiply<S>(d_pre, Transpose::No, recurrent_kernel_.middleCols(c0, n), Transpose::Yes, d_prev,
                Accumulate::Yes);
    return;
  }
  for (int g = first_gate; g < first_gate + gates; ++g) {
    const auto d_gate = d_pre.middleCols(int64_t(g - first_gate) * u, u);
    masked_prev_ = h_prev.cwiseProduct(recurrent_masks_[size_t(g)]);
    multiply<S>(masked_prev_, Transpose::Yes, d_gate, Transpose::No,
                d_recurrent_kernel_.middleCols(int64_t(g) * u, u), Accumulate::Yes);
    set_product<S>(d_prev_gate_, d_gate, Transpose::No,
                   recurrent_kernel_.middleCols(int64_t(g) * u, u), Transpose::Yes);
    d_prev += d_prev_gate_.cwiseProduct(recurrent_masks_[size_t(g)]);
  }
}

template <typename S>
void RecurrentLayer<S>::add_recurrent_kernel_gradient(const Mat<S>& d_steps, int first_col) {
  // Time-major rows: h_{t−1} of steps 0..T−2 are the first (T−1)·batch rows of hidden_, the
  // matching d_pre_t of steps 1..T−1 the rows after the first batch of d_steps.
  const int64_t n = (int64_t(this->time_) - 1) * this->batch_;
  if (n <= 0) return;
  const int64_t cols = d_recurrent_kernel_.cols() - first_col;
  multiply<S>(hidden_.topRows(n), Transpose::Yes, d_steps.bottomRows(n).middleCols(first_col, cols),
              Transpose::No, d_recurrent_kernel_.middleCols(first_col, cols), Accumulate::Yes);
}

template <typename S>
void RecurrentLayer<S>::backward(const Mat<S>& d_output, Mat<S>* d_input) {
  const int time = this->time_;
  const int64_t rows = int64_t(this->batch_) * time;
  if (time == 0) {
    if (d_input) d_input->resize(0, in_features_);
    return;
  }
  // Without return_sequences only h_T reaches the output: d_hidden_ is (batch, u).
  if (this->spec_.return_sequences)
    to_time_major(d_output, d_hidden_);
  else
    d_hidden_ = d_output;
  d_gates_.resize(rows, int64_t(gates_count_) * units_);
  d_next_.resize(this->batch_, units_);
  d_prev_gate_.resize(this->batch_, units_);
  if (fused())
    backward_steps_fused();
  else
    backward_steps_general();
  backward_inputs(d_input);
}

// The input side: P_t for every step and its backward, one function per input mode — an
// Embedding's table projected once (Table), one-hot token ids (OneHot), continuous values or an
// Embedding's rows gathered by the layer (Values, Gathered).

template <typename S>
void RecurrentLayer<S>::project_inputs() {
  gates_.resize(int64_t(this->batch_) * this->time_, int64_t(gates_count_) * units_);
  switch (mode_) {
    case InputMode::Table:
      return project_table();  // the table already holds b_in
    case InputMode::OneHot:
      project_one_hot();
      break;
    case InputMode::Values:
    case InputMode::Gathered:
      project_values();
      break;
  }
  add_input_bias(gates_);
}

// T = E W + b_in once per batch, then P_t = T[id_t].
template <typename S>
void RecurrentLayer<S>::project_table() {
  const Eigen::Map<const Mat<S>> embedding(embedding_, vocab_, in_features_);
  set_product<S>(table_, embedding, Transpose::No, kernel_, Transpose::No);
  add_input_bias(table_);
  gather_rows(table_.data(), int(table_.cols()), gates_.data());
}

// e_id ⊙ m_g, times W_g, is row id of W_g scaled by m_g(b, id).
template <typename S>
void RecurrentLayer<S>::project_one_hot() {
  const int64_t rows = gates_.rows(), u = units_;
  for (int64_t r = 0; r < rows; ++r) {
    const int id = id_at(r);
    gates_.row(r) = kernel_.row(id);
    if (input_masks_.empty()) continue;
    for (int g = 0; g < gates_count_; ++g)
      gates_.row(r).segment(g * u, u) *= one_hot_mask(r, g, id);
  }
}

// P = x̃ W: x̃ = x without an input mask, x ⊙ m with one shared mask (x̃ kept for the backward
// pass), and gate by gate P_g = (x ⊙ m_g) W_g with one mask per gate.
template <typename S>
void RecurrentLayer<S>::project_values() {
  const int u = units_;
  if (input_masks_.empty()) {
    set_product<S>(gates_, input_, Transpose::No, kernel_, Transpose::No);
  } else if (input_masks_.size() == 1) {
    mask_rows(input_, input_masks_[0], masked_input_);
    set_product<S>(gates_, masked_input_, Transpose::No, kernel_, Transpose::No);
  } else {
    for (int g = 0; g < gates_count_; ++g) {
      mask_rows(input_, input_masks_[size_t(g)], masked_input_);
      multiply<S>(masked_input_, Transpose::No, kernel_.middleCols(int64_t(g) * u, u),
                  Transpose::No, gates_.middleCols(int64_t(g) * u, u), Accumulate::No);
    }
  }
}

//   db_in += Σ dP_t;  then per mode dW (and dE or dx below the layer).
template <typename S>
void RecurrentLayer<S>::backward_inputs(Mat<S>* d_input) {
  if (this->spec_.use_bias) add_column_sums<S>(d_gates_, d_input_bias_.data());
  switch (mode_) {
    case InputMode::Table:
      return backward_table();
    case InputMode::OneHot:
      return backward_one_hot();
    case InputMode::Values:
    case InputMode::Gathered:
      break;
  }
  // The gradient of the inputs is needed below this layer: the Embedding's rows when gathered.
  const bool gathered = mode_ == InputMode::Gathered;
  const bool need_input = d_input != nullptr || gathered;
  if (input_masks_.size() > 1)
    backward_values_per_gate(need_input);
  else
    backward_values(need_input);
  if (gathered)
    scatter_rows(d_input_.data(), in_features_, d_embedding_);
  else if (d_input)
    to_batch_major(d_input_, *d_input);
}

// dT[id] += dP_t, then dW += Eᵀ dT and dE += dT Wᵀ.
template <typename S>
void RecurrentLayer<S>::backward_table() {
  d_table_.setZero(vocab_, d_gates_.cols());
  scatter_rows(d_gates_.data(), int(d_gates_.cols()), d_table_.data());
  const Eigen::Map<const Mat<S>> embedding(embedding_, vocab_, in_features_);
  Eigen::Map<Mat<S>> d_embedding(d_embedding_, vocab_, in_features_);
  multiply<S>(embedding, Transpose::Yes, d_table_, Transpose::No, d_kernel_, Accumulate::Yes);
  multiply<S>(d_table_, Transpose::No, kernel_, Transpose::Yes, d_embedding, Accumulate::Yes);
}

// dW_g[id] += dP_t^g · m_g(b, id); nothing lies below ids.
template <typename S>
void RecurrentLayer<S>::backward_one_hot() {
  const int64_t rows = d_gates_.rows(), u = units_;
  for (int64_t r = 0; r < rows; ++r) {
    const int id = id_at(r);
    if (input_masks_.empty()) {
      d_kernel_.row(id) += d_gates_.row(r);
      continue;
    }
    for (int g = 0; g < gates_count_; ++g)
      d_kernel_.row(id).segment(g * u, u) +=
          d_gates_.row(r).segment(g * u, u) * one_hot_mask(r, g, id);
  }
}

// dW += x̃ᵀ dP;  dx = dP Wᵀ, times the shared mask: dx = (dP Wᵀ) ⊙ m. (masked_input_ still holds
// the forward's x̃ when there is a mask.)
template <typename S>
void RecurrentLayer<S>::backward_values(bool need_input) {
  const bool masked = input_masks_.size() == 1;
  multiply<S>(masked ? masked_input_ : input_, Transpose::Yes, d_gates_, Transpose::No, d_kernel_,
              Accumulate::Yes);
  if (!need_input) return;
  set_product<S>(d_input_, d_gates_, Transpose::No, kernel_, Transpose::Yes);
  if (masked) mask_rows(d_input_, input_masks_[0], d_input_);
}

// Gate by gate: dW_g += (x ⊙ m_g)ᵀ dP_g;  dx = Σ_g (dP_g W_gᵀ) ⊙ m_g.
template <typename S>
void RecurrentLayer<S>::backward_values_per_gate(bool need_input) {
  const int time = this->time_, batch = this->batch_, u = units_;
  if (need_input) d_input_.setZero(int64_t(batch) * time, in_features_);
  for (int g = 0; g < gates_count_; ++g) {
    const Mat<S>& mask = input_masks_[size_t(g)];
    const auto d_gate = d_gates_.middleCols(int64_t(g) * u, u);
    mask_rows(input_, mask, masked_input_);
    multiply<S>(masked_input_, Transpose::Yes, d_gate, Transpose::No,
                d_kernel_.middleCols(int64_t(g) * u, u), Accumulate::Yes);
    if (!need_input) continue;
    set_product<S>(masked_input_, d_gate, Transpose::No, kernel_.middleCols(int64_t(g) * u, u),
                   Transpose::Yes);
    for (int t = 0; t < time; ++t)
      d_input_.middleRows(int64_t(t) * batch, batch) +=
          masked_input_.middleRows(int64_t(t) * batch, batch).cwiseProduct(mask);
  }
}

template class RecurrentLayer<float>;
template class RecurrentLayer<double>;

}  // namespace rnn
