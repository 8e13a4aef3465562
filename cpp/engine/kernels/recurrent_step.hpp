#pragma once
// The pieces of a fused recurrent step: the row product z += h · U (h of u units, U (u, n)
// row-major, z of n gate pre-activations) for one row, four rows, or a block of rows (the samples
// of one step, four at a time: each load of U then serves four samples), and an activation
// applied to a contiguous run of values. A layer's time loop works step by step on blocks that
// sit in L1, with no temporary and no allocation.
//
// Under __wasm_simd128__ the row product is written with wasm_simd128.h (Eigen 3.4 has no wasm
// backend and its generic code is several times slower there); elsewhere it is a plain loop that
// the compiler vectorises. Both compute z_k += Σ_j h_j U_jk in the same order j = 0..u−1, so the
// float result is identical up to the compiler's contraction choices.

#include <cstdint>
#include <cstring>
#include <cmath>
#include <limits>
#include <type_traits>

#include "engine/activations.hpp"
#include "engine/kernels/fast_math.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace rnn::kernels {

// z[k] += Σ_j h[j] · U[j·ld + k],  k < n (ld, the row stride of U, is n for a whole matrix and
// larger for a block of its columns).
// Outputs are summed in a local block over all j (16, then 8, then 4 wide), which the compiler
// keeps in vector registers (summing into z directly reloads and stores z for every j). The 8-wide
// block serves the backward's dh = dz Uᵀ, whose output is only u = 8 wide.
template <int kBlock, typename S>
inline int64_t add_row_times_matrix_blocks(const S* h, const S* u_matrix, int64_t units, int64_t n,
                                           int64_t ld, S* z, int64_t k0) {
  for (; k0 + kBlock <= n; k0 += kBlock) {
    S acc[kBlock];
    for (int kk = 0; kk < kBlock; ++kk) acc[kk] = z[k0 + kk];
    for (int64_t j = 0; j < units; ++j) {
      const S hj = h[j];
      const S* row = u_matrix + j * ld + k0;
      for (int kk = 0; kk < kBlock; ++kk) acc[kk] += hj * row[kk];
    }
    for (int kk = 0; kk < kBlock; ++kk) z[k0 + kk] = acc[kk];
  }
  return k0;
}

template <typename S>
inline void add_row_times_matrix(const S* h, const S* u_matrix, int64_t units, int64_t n,
                                 int64_t ld, S* z) {
  int64_t k0 = add_row_times_matrix_blocks<16>(h, u_matrix, units, n, ld, z, 0);
  k0 = add_row_times_matrix_blocks<8>(h, u_matrix, units, n, ld, z, k0);
  k0 = add_row_times_matrix_blocks<4>(h, u_matrix, units, n, ld, z, k0);
  for (int64_t k = k0; k < n; ++k) {
    S a = z[k];
    for (int64_t j = 0; j < units; ++j) a += h[j] * u_matrix[j * ld + k];
    z[k] = a;
  }
}

#if defined(__wasm_simd128__)
template <>
inline void add_row_times_matrix<float>(const float* h, const float* u_matrix, int64_t units,
                                        int64_t n, int64_t ld, float* z) {
  int64_t k = 0;
  // Sixteen outputs at a time held in four registers across the whole sum over j.
  for (; k + 16 <= n; k += 16) {
    v128_t a0 = wasm_v128_load(z + k), a1 = wasm_v128_load(z + k + 4);
    v128_t a2 = wasm_v128_load(z + k + 8), a3 = wasm_v128_load(z + k + 12);
    for (int64_t j = 0; j < units; ++j) {
      const v128_t hj = wasm_f32x4_splat(h[j]);
      const float* row = u_matrix + j * ld + k;
      a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(hj, wasm_v128_load(row)));
      a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(hj, wasm_v128_load(row + 4)));
      a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(hj, wasm_v128_load(row + 8)));
      a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(hj, wasm_v128_load(row + 12)));
    }
    wasm_v128_store(z + k, a0);
    wasm_v128_store(z + k + 4, a1);
    wasm_v128_store(z + k + 8, a2);
    wasm_v128_store(z + k + 12, a3);
  }
  for (; k + 8 <= n; k += 8) {
    v128_t a0 = wasm_v128_load(z + k), a1 = wasm_v128_load(z + k + 4);
    for (int64_t j = 0; j < units; ++j) {
      const v128_t hj = wasm_f32x4_splat(h[j]);
      const float* row = u_matrix + j * ld + k;
      a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(hj, wasm_v128_load(row)));
      a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(hj, wasm_v128_load(row + 4)));
    }
    wasm_v128_store(z + k, a0);
    wasm_v128_store(z + k + 4, a1);
  }
  for (; k + 4 <= n; k += 4) {
    v128_t a = wasm_v128_load(z + k);
    for (int64_t j = 0; j < units; ++j)
      a = wasm_f32x4_add(
          a, wasm_f32x4_mul(wasm_f32x4_splat(h[j]), wasm_v128_load(u_matrix + j * ld + k)));
    wasm_v128_store(z + k, a);
  }
  for (; k < n; ++k) {
    float a = z[k];
    for (int64_t j = 0; j < units; ++j) a += h[j] * u_matrix[j * ld + k];
    z[k] = a;
  }
}
#endif

// The same for a whole matrix U (u, n): row stride n.
template <typename S>
inline void add_row_times_matrix(const S* h, const S* u_matrix, int64_t units, int64_t n, S* z) {
  add_row_times_matrix<S>(h, u_matrix, units, n, n, z);
}

// One row whose elements lie a_step apart (a column of a row-major matrix when a_step is its row
// stride): z[k] += Σ_j h[j·a_step] · U[j·ld + k], in the same order as add_row_times_matrix. The
// row is copied into a contiguous run, 256 elements at a time, for the vector kernel (a plain
// strided loop was 3× slower on the blog LSTM's Embedding gradient, 2 columns of 10,000 rows);
// z holds the partial sums between runs, so the order and the bits are the single-row kernel's.
template <typename S>
inline void add_stepped_row_times_matrix(const S* h, int64_t a_step, const S* u_matrix,
                                         int64_t units, int64_t n, int64_t ld, S* z) {
  if (a_step == 1) return add_row_times_matrix<S>(h, u_matrix, units, n, ld, z);
  constexpr int64_t kRun = 256;
  S run[kRun];
  for (int64_t j0 = 0; j0 < units; j0 += kRun) {
    const int64_t len = units - j0 < kRun ? units - j0 : kRun;
    for (int64_t j = 0; j < len; ++j) run[j] = h[(j0 + j) * a_step];
    add_row_times_matrix<S>(run, u_matrix + j0 * ld, len, n, ld, z);
  }
}

// Four rows at once, for matrix products (linalg.cpp): c_r[k] += Σ_j a_r[j·a_step] · B[j·ldb + k]
// for r = 0..3, a_r = a + r·lda, c_r = c + r·ldc (a_step = 1 for rows of a; lda = 1 and a_step =
// the row stride for four columns of a, i.e. four rows of aᵀ read in place). Each loaded run of
// B serves four rows (a 4 × 8 tile of float outputs held in registers; 4 × 4 for double), a
// quarter of the single-row kernel's loads per multiply-add. Same summation order per output as
// add_row_times_matrix.
template <typename S>
inline void add_4rows_times_matrix(const S* a, int64_t lda, int64_t a_step, const S* b, int64_t k,
                                   int64_t n, int64_t ldb, S* c, int64_t ldc) {
  // Two 16-byte vectors of S per row (GCC/Clang vector extensions: SSE2 natively).
  typedef S V __attribute__((vector_size(16)));
  constexpr int64_t kLanes = int64_t(16 / sizeof(S));
  const auto load = [](const S* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  const auto store = [](S* p, V v) { std::memcpy(p, &v, sizeof v); };
  int64_t col = 0;
  for (; col + 2 * kLanes <= n; col += 2 * kLanes) {
    V lo_acc[4], hi_acc[4];
    for (int r = 0; r < 4; ++r) {
      lo_acc[r] = load(c + r * ldc + col);
      hi_acc[r] = load(c + r * ldc + col + kLanes);
    }
    for (int64_t j = 0; j < k; ++j) {
      const V lo = load(b + j * ldb + col), hi = load(b + j * ldb + col + kLanes);
      for (int r = 0; r < 4; ++r) {
        const S x = a[r * lda + j * a_step];
        lo_acc[r] += x * lo;
        hi_acc[r] += x * hi;
      }
    }
    for (int r = 0; r < 4; ++r) {
      store(c + r * ldc + col, lo_acc[r]);
      store(c + r * ldc + col + kLanes, hi_acc[r]);
    }
  }
  for (int r = 0; r < 4 && col < n; ++r)
    add_stepped_row_times_matrix<S>(a + r * lda, a_step, b + col, k, n - col, ldb,
                                    c + r * ldc + col);
}

#if defined(__wasm_simd128__)
// The same with wasm_simd128.h: a 4 × 8 tile in eight registers.
template <>
inline void add_4rows_times_matrix<float>(const float* a, int64_t lda, int64_t a_step,
                                          const float* b, int64_t k, int64_t n, int64_t ldb,
                                          float* c, int64_t ldc) {
  float* c0 = c;
  float* c1 = c + ldc;
  float* c2 = c + 2 * ldc;
  float* c3 = c + 3 * ldc;
  int64_t col = 0;
  for (; col + 8 <= n; col += 8) {
    v128_t p0 = wasm_v128_load(c0 + col), q0 = wasm_v128_load(c0 + col + 4);
    v128_t p1 = wasm_v128_load(c1 + col), q1 = wasm_v128_load(c1 + col + 4);
    v128_t p2 = wasm_v128_load(c2 + col), q2 = wasm_v128_load(c2 + col + 4);
    v128_t p3 = wasm_v128_load(c3 + col), q3 = wasm_v128_load(c3 + col + 4);
    for (int64_t j = 0; j < k; ++j) {
      const float* row = b + j * ldb + col;
      const v128_t lo = wasm_v128_load(row), hi = wasm_v128_load(row + 4);
      const float* aj = a + j * a_step;
      const v128_t x0 = wasm_f32x4_splat(aj[0]), x1 = wasm_f32x4_splat(aj[lda]);
      const v128_t x2 = wasm_f32x4_splat(aj[2 * lda]), x3 = wasm_f32x4_splat(aj[3 * lda]);
      p0 = wasm_f32x4_add(p0, wasm_f32x4_mul(x0, lo));
      q0 = wasm_f32x4_add(q0, wasm_f32x4_mul(x0, hi));
      p1 = wasm_f32x4_add(p1, wasm_f32x4_mul(x1, lo));
      q1 = wasm_f32x4_add(q1, wasm_f32x4_mul(x1, hi));
      p2 = wasm_f32x4_add(p2, wasm_f32x4_mul(x2, lo));
      q2 = wasm_f32x4_add(q2, wasm_f32x4_mul(x2, hi));
      p3 = wasm_f32x4_add(p3, wasm_f32x4_mul(x3, lo));
      q3 = wasm_f32x4_add(q3, wasm_f32x4_mul(x3, hi));
    }
    wasm_v128_store(c0 + col, p0);
    wasm_v128_store(c0 + col + 4, q0);
    wasm_v128_store(c1 + col, p1);
    wasm_v128_store(c1 + col + 4, q1);
    wasm_v128_store(c2 + col, p2);
    wasm_v128_store(c2 + col + 4, q2);
    wasm_v128_store(c3 + col, p3);
    wasm_v128_store(c3 + col + 4, q3);
  }
  for (int r = 0; r < 4 && col < n; ++r)
    add_stepped_row_times_matrix<float>(a + r * lda, a_step, b + col, k, n - col, ldb,
                                        c + r * ldc + col);
}
#endif

// c row i += a row i · B for m rows (a rows lda apart, c rows ldc apart, B (k, n) with row stride
// ldb): four rows at a time, then one by one. Each output is summed in the same order j = 0..k−1
// whichever kernel takes its row, so the result does not depend on how the rows are grouped.
template <typename S>
inline void add_rows_times_matrix(const S* a, int64_t lda, int64_t m, const S* b, int64_t k,
                                  int64_t n, int64_t ldb, S* c, int64_t ldc) {
  int64_t i = 0;
  for (; i + 4 <= m; i += 4)
    add_4rows_times_matrix<S>(a + i * lda, lda, 1, b, k, n, ldb, c + i * ldc, ldc);
  for (; i < m; ++i) add_row_times_matrix<S>(a + i * lda, b, k, n, ldb, c + i * ldc);
}

// The same with aᵀ: c row e += Σ_j a(j, e) B(j, ·) for e < m, a (k, m) with row stride lda read
// in place (no transposed copy): four columns of a at a time, in the same order j = 0..k−1.
template <typename S>
inline void add_columns_times_matrix(const S* a, int64_t lda, int64_t m, const S* b, int64_t k,
                                     int64_t n, int64_t ldb, S* c, int64_t ldc) {
  int64_t e = 0;
  for (; e + 4 <= m; e += 4)
    add_4rows_times_matrix<S>(a + e, 1, lda, b, k, n, ldb, c + e * ldc, ldc);
  for (; e < m; ++e) add_stepped_row_times_matrix<S>(a + e, lda, b, k, n, ldb, c + e * ldc);
}

// Gradients carried back through hundreds of steps shrink geometrically (each step multiplies by
// gate derivatives ≤ 1/4) and reach the subnormal range, where x86 arithmetic is about a hundred
// times slower. TensorFlow's CPU threads run Keras with the processor's flush-to-zero mode;
// WebAssembly has no such mode, so the backward loops flush the gradients they carry from step to
// step (dh_{t−1}, and the LSTM's dc_{t−1}) by hand: float values below 1e-30 (about 2⁻¹⁰⁰) become
// 0, and the step's gate gradients, products of the carried ones with gate derivatives, stay out of
// the subnormal range with them. The bar sits above the subnormal range (1.2e-38) because a
// product of such a value with a weight or an activation would itself be subnormal: flushing only
// below 1.2e-38 left the blog's LSTM(32) on 500-step reviews 4× slower than flush-to-zero; at
// 1e-30 it trains 13× faster than without (63 against 855 ms per batch natively). No weight moves
// by a gradient that small: RMSprop and Adam divide by √v + 1e-7, so it would change a weight by at
// most lr · 1e-23, far below any weight's float resolution. Double (the gradient checks) flushes
// only true subnormals.
// NaN is kept (the trainer's non-finite check must see it).
template <typename S>
inline S flushed(S x) {
  constexpr S tiny = std::is_same_v<S, float> ? S(1e-30) : std::numeric_limits<S>::min();
  return std::abs(x) < tiny ? S(0) : x;
}

template <typename S>
inline void flush_subnormals(S* p, int64_t n) {
  for (int64_t k = 0; k < n; ++k) p[k] = flushed(p[k]);
}

// y = act(y) on n contiguous values: the fast kernels for float sigmoid / tanh, the exact
// activations otherwise (double, and every other activation).
template <typename S>
inline void activate_run(Activation act, S* y, int n) {
  if constexpr (std::is_same_v<S, float>) {
    if (act == Activation::Sigmoid) return fast_sigmoid_inplace(y, n);
    if (act == Activation::Tanh) return fast_tanh_inplace(y, n);
  }
  using RowMap = Eigen::Map<Eigen::Matrix<S, 1, Eigen::Dynamic>>;
  apply_activation(act, RowMap(y, n));
}

}  // namespace rnn::kernels
