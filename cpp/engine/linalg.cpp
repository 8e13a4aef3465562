#include "engine/linalg.hpp"

#include <algorithm>
#include <vector>

#include "engine/kernels/recurrent_step.hpp"

namespace rnn {
namespace {

// A reused buffer for a transposed weight matrix: it grows to the largest once and is not
// allocated again (thread_local: two engines on two threads would not share it).
template <typename S>
std::vector<S>& transposed_buffer() {
  thread_local std::vector<S> buffer;
  return buffer;
}

// dst (cols, rows), contiguous = srcᵀ, src (rows, cols) with row stride ld.
template <typename S>
void transpose_into(const S* src, int64_t rows, int64_t cols, int64_t ld, S* dst) {
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) dst[j * rows + i] = src[i * ld + j];
}

}  // namespace

// Every product is built from the row product z += a · B of a row a (k) and a matrix B (k, n),
// taken four rows at a time (kernels::add_4rows_times_matrix: a 4 × 8 output tile in registers)
// and one row at a time for the rest (kernels::add_row_times_matrix: up to 16 outputs in
// registers); wasm_simd128 under WebAssembly. Shapes here are tall and thin (thousands of
// rows of time steps, k and n of 1 to a few hundred), where this is as fast as a blocked GEMM and
// a fraction of its code:
//   a · b      one row product per row of a;
//   a · bᵀ     bᵀ is a weight matrix (small): transposed once into a buffer, then as above;
//   aᵀ · b     c row e += Σ_r a(r, e) b(r, ·): the rows r are taken in chunks whose b rows stay in
//              L1 (about 16 KB), and the chunk's columns of a are read in place, four at a time
//              (kernels::add_columns_times_matrix; a transposed copy of a cost 10% of a batch
//              of the dropout models in WebAssembly); the last m mod 4 columns are copied into
//              contiguous runs for the single-row kernel.
template <typename S>
void multiply(ConstRows<S> a, Transpose ta, ConstRows<S> b, Transpose tb, Rows<S> c,
              Accumulate acc) {
  const int64_t m = c.rows(), n = c.cols();
  const int64_t k = ta == Transpose::No ? a.cols() : a.rows();
  eigen_assert((ta == Transpose::No ? a.rows() : a.cols()) == m);
  eigen_assert((tb == Transpose::No ? b.rows() : b.cols()) == k);
  eigen_assert((tb == Transpose::No ? b.cols() : b.rows()) == n);
  const int64_t ldc = c.outerStride();
  if (acc == Accumulate::No)
    for (int64_t i = 0; i < m; ++i) std::fill_n(c.data() + i * ldc, n, S(0));
  if (m == 0 || n == 0 || k == 0) return;

  const S* bp = b.data();
  int64_t ldb = b.outerStride();
  if (tb == Transpose::Yes) {
    std::vector<S>& bt = transposed_buffer<S>();
    bt.resize(size_t(k * n));
    transpose_into(b.data(), n, k, ldb, bt.data());
    bp = bt.data();
    ldb = n;
  }
  const int64_t lda = a.outerStride();
  if (ta == Transpose::No) {
    kernels::add_rows_times_matrix(a.data(), lda, m, bp, k, n, ldb, c.data(), ldc);
    return;
  }
  const int64_t chunk = std::clamp<int64_t>(int64_t(16384 / sizeof(S)) / n, 8, 1024);
  for (int64_t r0 = 0; r0 < k; r0 += chunk)
    kernels::add_columns_times_matrix(a.data() + r0 * lda, lda, m, bp + r0 * ldb,
                                      std::min(chunk, k - r0), n, ldb, c.data(), ldc);
}

template <typename S>
void add_column_sums(ConstRows<S> m, S* out) {
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    const S* row = m.data() + i * m.outerStride();
    for (Eigen::Index j = 0; j < m.cols(); ++j) out[j] += row[j];
  }
}

template void add_column_sums<float>(ConstRows<float>, float*);
template void add_column_sums<double>(ConstRows<double>, double*);
template void multiply<float>(ConstRows<float>, Transpose, ConstRows<float>, Transpose, Rows<float>,
                              Accumulate);
template void multiply<double>(ConstRows<double>, Transpose, ConstRows<double>, Transpose,
                               Rows<double>, Accumulate);

}  // namespace rnn
