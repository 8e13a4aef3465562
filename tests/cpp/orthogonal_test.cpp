// The Orthogonal initializer's hand-written Householder QR (engine/initializers.cpp) against the
// Eigen HouseholderQR it replaced: the same bits for every thin side from 2 to 47, agreement to
// rounding beyond, and orthogonality either way.

#include <gtest/gtest.h>

#include <Eigen/QR>
#include <cmath>
#include <cstring>

#include "engine/initializers.hpp"
#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

using MatD = Mat<double>;

// The engine's former implementation, verbatim but for the error check.
std::vector<double> eigen_orthogonal(const std::vector<int>& shape, Rng& rng, double gain) {
  int64_t rows = 1;
  for (size_t i = 0; i + 1 < shape.size(); ++i) rows *= shape[i];
  const int64_t cols = shape.back();
  const int64_t tall = std::max(rows, cols), thin = std::min(rows, cols);
  MatD a(tall, thin);
  for (int64_t i = 0; i < a.size(); ++i) a.data()[i] = rng.normal();
  Eigen::HouseholderQR<MatD> qr(a);
  MatD q = qr.householderQ() * MatD::Identity(tall, thin);
  const MatD r = qr.matrixQR().topRows(thin).template triangularView<Eigen::Upper>();
  for (int64_t j = 0; j < thin; ++j) {
    const double d = r(j, j);
    q.col(j) *= (d > 0) ? 1.0 : (d < 0 ? -1.0 : 0.0);
  }
  MatD w = (rows < cols) ? MatD(q.transpose()) : q;
  std::vector<double> out(size_t(rows * cols));
  for (int64_t i = 0; i < rows * cols; ++i) out[size_t(i)] = gain * w.data()[i];
  return out;
}

// Largest |difference| between the engine's draw and Eigen's for one shape and seed; `same_bits`
// tells whether every value has the same bit pattern.
double compare(const std::vector<int>& shape, uint64_t seed, double gain, bool& same_bits) {
  Rng r1(seed), r2(seed);
  const std::vector<double> ours =
      draw_initializer({Initializer::Orthogonal, 0, 0, gain}, shape, r1, "w");
  const std::vector<double> eigen = eigen_orthogonal(shape, r2, gain);
  EXPECT_EQ(ours.size(), eigen.size());
  same_bits = ours.size() == eigen.size() &&
              std::memcmp(ours.data(), eigen.data(), ours.size() * sizeof(double)) == 0;
  double worst = 0;
  for (size_t i = 0; i < std::min(ours.size(), eigen.size()); ++i)
    worst = std::max(worst, std::abs(ours[i] - eigen[i]));
  EXPECT_EQ(r1.uniform(), r2.uniform())
      << "the generator must be left where Eigen's version left it";
  return worst;
}

TEST(Orthogonal, SameBitsAsEigenForThinSidesUpTo47) {
  // Recurrent kernels (u, k·u) of the presets and around them, tall kernels, squares, and tall
  // sides past 128 (where Eigen's matrix-vector kernel sums in blocks of 16).
  const std::vector<std::vector<int>> shapes = {
      {8, 8},   {8, 24},  {8, 32},   {16, 48},  {32, 32},  {32, 96},   {32, 128},
      {2, 2},   {2, 7},   {47, 47},  {47, 188}, {40, 160}, {33, 132},  {24, 72},
      {7, 300}, {300, 9}, {500, 16}, {129, 3},  {3, 129},  {12, 5, 4}, {3, 3}};
  for (const auto& shape : shapes)
    for (uint64_t seed : {0ull, 1ull, 42ull, 12345ull}) {
      bool same = false;
      compare(shape, seed, seed == 1 ? 1.7 : 1.0, same);
      EXPECT_TRUE(same) << "shape " << ::testing::PrintToString(shape) << " seed " << seed;
    }
}

TEST(Orthogonal, OtherSizesAgreeWithEigenToRounding) {
  for (const std::vector<int>& shape :
       std::vector<std::vector<int>>{{1, 9}, {9, 1}, {48, 48}, {64, 256}, {100, 60}}) {
    bool same = false;
    EXPECT_LE(compare(shape, 7, 1.0, same), 1e-13) << ::testing::PrintToString(shape);
  }
}

TEST(Orthogonal, OrthonormalRowsOrColumns) {
  for (const std::vector<int>& shape :
       std::vector<std::vector<int>>{{8, 32}, {32, 8}, {48, 48}, {64, 256}}) {
    Rng rng(11);
    const std::vector<double> w = draw_initializer({Initializer::Orthogonal}, shape, rng, "w");
    const MatD m = Eigen::Map<const MatD>(w.data(), shape[0], shape[1]);
    const MatD gram = shape[0] <= shape[1] ? MatD(m * m.transpose()) : MatD(m.transpose() * m);
    EXPECT_LE((gram - MatD::Identity(gram.rows(), gram.cols())).cwiseAbs().maxCoeff(), 1e-12);
  }
}

}  // namespace
}  // namespace rnn::test
