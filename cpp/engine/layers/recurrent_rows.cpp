// The recurrent layers' passes over every row of a batch (recurrent.hpp): token-id gathers and
// scatters, the permutations between the network's batch-major rows and the layer's time-major
// ones, the input dropout mask and the input bias. They run on every batch of every model and are
// built for speed (-O3, CMakeLists.txt), as plain loops: as Eigen expressions in a size-built file
// they were not inlined, 15-20% of a batch of the dropout models (measured in Node).
#include "engine/layers/recurrent.hpp"

namespace rnn {

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
#define RNN_ROW_PASSES(S)                                                                  \
  template void RecurrentLayer<S>::gather_rows(const S*, int, S*) const;                   \
  template void RecurrentLayer<S>::scatter_rows(const S*, int, S*) const;                  \
  template void RecurrentLayer<S>::permute_rows(const Mat<S>&, Mat<S>&, bool) const;       \
  template void RecurrentLayer<S>::mask_rows(const Mat<S>&, const Mat<S>&, Mat<S>&) const; \
  template void RecurrentLayer<S>::add_input_bias(Mat<S>&) const;
RNN_ROW_PASSES(float)
RNN_ROW_PASSES(double)
#undef RNN_ROW_PASSES

}  // namespace rnn
