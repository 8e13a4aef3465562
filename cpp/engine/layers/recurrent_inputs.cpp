// The recurrent layers' input side (recurrent.hpp): the projection P_t = x̃_t W + b_in of every
// step before the time loop, and its backward, one function per input mode — an Embedding's table
// projected once (Table), one-hot token ids (OneHot), continuous values or an Embedding's rows
// gathered by the layer (Values, Gathered) — and the passes over every row of a batch between the
// network's batch-major rows and the layer's time-major ones. The row passes run on every batch of
// every model and are built for speed (plain loops: as Eigen expressions in a size-built file they
// were not inlined, 15-20% of a batch of the dropout models, measured in Node); the per-mode
// functions are built for size (RNN_OPTIMIZE_SIZE): their work is in the matrix products.
#include "engine/layers/recurrent.hpp"
#include "engine/linalg.hpp"

namespace rnn {

template <typename S>
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::project_inputs() {
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
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::project_table() {
  const Eigen::Map<const Mat<S>> embedding(embedding_, vocab_, in_features_);
  set_product<S>(table_, embedding, Transpose::No, kernel_, Transpose::No);
  add_input_bias(table_);
  gather_rows(table_.data(), int(table_.cols()), gates_.data());
}

// e_id ⊙ m_g, times W_g, is row id of W_g scaled by m_g(b, id).
template <typename S>
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::project_one_hot() {
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
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::project_values() {
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
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::backward_inputs(Mat<S>* d_input) {
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
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::backward_table() {
  d_table_.setZero(vocab_, d_gates_.cols());
  scatter_rows(d_gates_.data(), int(d_gates_.cols()), d_table_.data());
  const Eigen::Map<const Mat<S>> embedding(embedding_, vocab_, in_features_);
  Eigen::Map<Mat<S>> d_embedding(d_embedding_, vocab_, in_features_);
  multiply<S>(embedding, Transpose::Yes, d_table_, Transpose::No, d_kernel_, Accumulate::Yes);
  multiply<S>(d_table_, Transpose::No, kernel_, Transpose::Yes, d_embedding, Accumulate::Yes);
}

// dW_g[id] += dP_t^g · m_g(b, id); nothing lies below ids.
template <typename S>
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::backward_one_hot() {
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
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::backward_values(bool need_input) {
  const bool masked = input_masks_.size() == 1;
  multiply<S>(masked ? masked_input_ : input_, Transpose::Yes, d_gates_, Transpose::No, d_kernel_,
              Accumulate::Yes);
  if (!need_input) return;
  set_product<S>(d_input_, d_gates_, Transpose::No, kernel_, Transpose::Yes);
  if (masked) mask_rows(d_input_, input_masks_[0], d_input_);
}

// Gate by gate: dW_g += (x ⊙ m_g)ᵀ dP_g;  dx = Σ_g (dP_g W_gᵀ) ⊙ m_g.
template <typename S>
RNN_OPTIMIZE_SIZE void RecurrentLayer<S>::backward_values_per_gate(bool need_input) {
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

template <typename S>
void RecurrentLayer<S>::gather_rows(const S* table, int cols, S* out) const {
  const int64_t rows = int64_t(this->batch_) * this->time_;
  for (int64_t r = 0; r < rows; ++r) {
    const S* from = table + int64_t(id_at(r)) * cols;
    S* to = out + r * cols;
    for (int k = 0; k < cols; ++k) to[k] = from[k];
  }
}

template <typename S>
void RecurrentLayer<S>::scatter_rows(const S* rows_in, int cols, S* table) const {
  const int64_t rows = int64_t(this->batch_) * this->time_;
  for (int64_t r = 0; r < rows; ++r) {
    const S* from = rows_in + r * cols;
    S* to = table + int64_t(id_at(r)) * cols;
    for (int k = 0; k < cols; ++k) to[k] += from[k];
  }
}

// Time-major row r = t·batch + b is batch-major row b·time + t.
template <typename S>
void RecurrentLayer<S>::permute_rows(const Mat<S>& from, Mat<S>& to, bool to_time) const {
  const int batch = this->batch_, time = this->time_;
  const int64_t cols = from.cols();
  to.resize(from.rows(), cols);
  for (int64_t r = 0; r < from.rows(); ++r) {
    const int64_t other = (r % batch) * time + r / batch;
    const S* x = from.data() + (to_time ? other : r) * cols;
    S* y = to.data() + (to_time ? r : other) * cols;
    for (int64_t k = 0; k < cols; ++k) y[k] = x[k];
  }
}

template <typename S>
void RecurrentLayer<S>::mask_rows(const Mat<S>& x, const Mat<S>& mask, Mat<S>& out) const {
  out.resize(x.rows(), x.cols());
  const int64_t cols = x.cols();
  for (int64_t r = 0; r < x.rows(); ++r) {
    const S* from = x.data() + r * cols;
    const S* m = mask.data() + mask_row(mask, r) * cols;
    S* to = out.data() + r * cols;
    for (int64_t k = 0; k < cols; ++k) to[k] = from[k] * m[k];
  }
}

template <typename S>
void RecurrentLayer<S>::add_input_bias(Mat<S>& rows) const {
  if (!this->spec_.use_bias) return;
  const int64_t cols = rows.cols();
  const S* b = input_bias_.data();
  for (int64_t r = 0; r < rows.rows(); ++r) {
    S* row = rows.data() + r * cols;
    for (int64_t k = 0; k < cols; ++k) row[k] += b[k];
  }
}

// recurrent.cpp instantiates the class; this file, its own members.
#define RNN_INPUT_SIDE_MEMBERS(S)                                                          \
  template void RecurrentLayer<S>::project_inputs();                                       \
  template void RecurrentLayer<S>::project_table();                                        \
  template void RecurrentLayer<S>::project_one_hot();                                      \
  template void RecurrentLayer<S>::project_values();                                       \
  template void RecurrentLayer<S>::backward_inputs(Mat<S>*);                               \
  template void RecurrentLayer<S>::backward_table();                                       \
  template void RecurrentLayer<S>::backward_one_hot();                                     \
  template void RecurrentLayer<S>::backward_values(bool);                                  \
  template void RecurrentLayer<S>::backward_values_per_gate(bool);                         \
  template void RecurrentLayer<S>::gather_rows(const S*, int, S*) const;                   \
  template void RecurrentLayer<S>::scatter_rows(const S*, int, S*) const;                  \
  template void RecurrentLayer<S>::permute_rows(const Mat<S>&, Mat<S>&, bool) const;       \
  template void RecurrentLayer<S>::mask_rows(const Mat<S>&, const Mat<S>&, Mat<S>&) const; \
  template void RecurrentLayer<S>::add_input_bias(Mat<S>&) const;
RNN_INPUT_SIDE_MEMBERS(float)
RNN_INPUT_SIDE_MEMBERS(double)
#undef RNN_INPUT_SIDE_MEMBERS

}  // namespace rnn
