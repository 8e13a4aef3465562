// multiply(): every transpose combination, accumulate or not, on whole matrices and on column
// blocks (row stride larger than the width), against a plain triple loop in double. Sizes cross the
// row-product kernels' blocks (4 rows; 16, 8, 4 columns) and the aᵀ·b path's row chunks.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/linalg.hpp"
#include "engine/rng.hpp"

namespace rnn {
namespace {

template <typename S>
using M = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

template <typename S>
M<S> random(Eigen::Index r, Eigen::Index c, Rng& rng) {
  M<S> m(r, c);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = S(rng.uniform(-1, 1));
  return m;
}

// op(x)(i, j) for the reference loop.
template <typename S>
double at(const M<S>& x, Transpose t, Eigen::Index i, Eigen::Index j) {
  return double(t == Transpose::No ? x(i, j) : x(j, i));
}

template <typename S>
void check_all(double tolerance) {
  Rng rng(5);
  const int sizes[][3] = {{1, 1, 1},
                          {3, 5, 2},
                          {7, 1, 33},
                          {64, 8, 32},
                          {17, 16, 29},
                          {5, 3000, 24},
                          {500, 16, 32},
                          {8, 1300, 1},
                          {2, 0, 4},
                          {0, 3, 3},
                          // n past 512 floats: aᵀ·b's chunks shrink to their floor of 8 rows, and
                          // k = 2,001 leaves a last, shorter chunk.
                          {3, 2001, 600}};
  for (const auto& size : sizes) {
    const Eigen::Index m = size[0], k = size[1], n = size[2];
    for (Transpose ta : {Transpose::No, Transpose::Yes}) {
      for (Transpose tb : {Transpose::No, Transpose::Yes}) {
        for (Accumulate acc : {Accumulate::No, Accumulate::Yes}) {
          // a and b stored with two extra columns each side; the product reads a block of them.
          // Every store keeps at least one row (the blocks take the rows needed, possibly none):
          // a block at a column offset into an empty matrix offsets its null data pointer,
          // undefined behaviour that the sanitizer build stops on.
          const Eigen::Index ar = ta == Transpose::No ? m : k, ac = ta == Transpose::No ? k : m;
          const Eigen::Index br = tb == Transpose::No ? k : n, bc = tb == Transpose::No ? n : k;
          const M<S> a_store = random<S>(std::max<Eigen::Index>(ar, 1), ac + 4, rng);
          const M<S> b_store = random<S>(std::max<Eigen::Index>(br, 1), bc + 4, rng);
          const M<S> a = a_store.topRows(ar).middleCols(2, ac);
          const M<S> b = b_store.topRows(br).middleCols(2, bc);
          M<S> c_store = random<S>(std::max<Eigen::Index>(m, 1), n + 3, rng);
          const M<S> c0 = c_store;
          multiply<S>(a_store.topRows(ar).middleCols(2, ac), ta,
                      b_store.topRows(br).middleCols(2, bc), tb,
                      c_store.topRows(m).middleCols(1, n), acc);
          for (Eigen::Index i = 0; i < m; ++i) {
            EXPECT_EQ(c_store(i, 0), c0(i, 0));  // columns outside the block untouched
            EXPECT_EQ(c_store(i, n + 1), c0(i, n + 1));
            EXPECT_EQ(c_store(i, n + 2), c0(i, n + 2));
            for (Eigen::Index j = 0; j < n; ++j) {
              // Rounding grows with the sum's length and size: float ≈ eps · √k · |partial sums|.
              double expected = acc == Accumulate::Yes ? double(c0(i, j + 1)) : 0.0;
              for (Eigen::Index r = 0; r < k; ++r) expected += at(a, ta, i, r) * at(b, tb, r, j);
              ASSERT_NEAR(double(c_store(i, j + 1)), expected,
                          tolerance * (1.0 + std::sqrt(double(k))) * (1.0 + std::abs(expected)))
                  << "m " << m << " k " << k << " n " << n << " ta " << int(ta) << " tb " << int(tb)
                  << " acc " << int(acc) << " at (" << i << ", " << j << ")";
            }
          }
        }
      }
    }
  }
}

TEST(Linalg, FloatProductsMatchDoubleLoop) { check_all<float>(2e-6); }
TEST(Linalg, DoubleProductsMatchDoubleLoop) { check_all<double>(1e-13); }

// set_product resizes its output to the product's shape.
TEST(Linalg, SetProductResizes) {
  Rng rng(3);
  const M<double> a = random<double>(4, 6, rng), b = random<double>(5, 6, rng);
  M<double> out(1, 1);
  set_product<double>(out, a, Transpose::No, b, Transpose::Yes);
  ASSERT_EQ(out.rows(), 4);
  ASSERT_EQ(out.cols(), 5);
  EXPECT_LT((out - a * b.transpose()).cwiseAbs().maxCoeff(), 1e-14);
}

}  // namespace
}  // namespace rnn
