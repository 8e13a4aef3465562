// The fast float exp / tanh / sigmoid against double std::exp / std::tanh / exact logistic over a
// dense grid, at the approximation's seams, at extreme inputs, and through apply_activation.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/activations.hpp"
#include "engine/kernels/fast_math.hpp"
#include "engine/network.hpp"

namespace rnn {
namespace {

double exact_sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Every float step of 1/4096 on [−12, 12] plus the seams (±0.4, ±10, ±87) and their neighbours.
std::vector<float> dense_grid() {
  std::vector<float> xs;
  for (int k = -12 * 4096; k <= 12 * 4096; ++k) xs.push_back(float(k) / 4096.0f);
  for (float seam : {0.4f, 10.0f, 87.0f, 1e-6f, 1e-30f}) {
    for (float s : {seam, -seam}) {
      xs.push_back(s);
      xs.push_back(std::nextafter(s, 0.0f));
      xs.push_back(std::nextafter(s, 100.0f * s));
    }
  }
  return xs;
}

TEST(KernelsFastMath, TanhWithinDocumentedErrorOverDenseGrid) {
  std::vector<float> xs = dense_grid(), ys = xs;
  kernels::fast_tanh_inplace(ys.data(), int64_t(ys.size()));
  double worst = 0, worst_rel_small = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    const double ref = std::tanh(double(xs[i]));
    worst = std::max(worst, std::abs(ys[i] - ref));
    EXPECT_EQ(kernels::fast_tanh(xs[i]), ys[i]) << "array and scalar forms differ at " << xs[i];
    if (std::abs(xs[i]) < 0.5f && xs[i] != 0)
      worst_rel_small = std::max(worst_rel_small, std::abs(ys[i] - ref) / std::abs(ref));
  }
  EXPECT_LE(worst, 4e-7);            // fast_math.hpp: 3.6e-7 measured
  EXPECT_LE(worst_rel_small, 1e-6);  // small inputs keep their relative precision too
  EXPECT_EQ(kernels::fast_tanh(0.0f), 0.0f);
}

TEST(KernelsFastMath, SigmoidWithinDocumentedErrorOverDenseGrid) {
  std::vector<float> xs = dense_grid(), ys = xs;
  kernels::fast_sigmoid_inplace(ys.data(), int64_t(ys.size()));
  double worst = 0, worst_rel = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    const double ref = exact_sigmoid(double(xs[i]));
    worst = std::max(worst, std::abs(ys[i] - ref));
    // Below −87 the input is clamped: tiny but no longer relatively accurate.
    if (xs[i] >= -86.0f) worst_rel = std::max(worst_rel, std::abs(ys[i] - ref) / ref);
  }
  EXPECT_LE(worst, 1.5e-7);
  EXPECT_LE(worst_rel, 1e-6);  // the far negative tail is relatively accurate, not just near 0
  EXPECT_EQ(kernels::fast_sigmoid(0.0f), 0.5f);
}

TEST(KernelsFastMath, ExpRelativeErrorOverItsRange) {
  double worst = 0;
  for (int k = -87 * 256; k <= 87 * 256; ++k) {
    const float y = float(k) / 256.0f;
    worst = std::max(worst, std::abs(kernels::fast_exp(y) / std::exp(double(y)) - 1.0));
  }
  EXPECT_LE(worst, 3e-7);
}

TEST(KernelsFastMath, ExtremeInputsAreFiniteAndSaturate) {
  std::vector<float> xs = {-300.f,
                           -1e30f,
                           -88.f,
                           88.f,
                           300.f,
                           1e30f,
                           -std::numeric_limits<float>::infinity(),
                           std::numeric_limits<float>::infinity()};
  std::vector<float> t = xs, s = xs;
  kernels::fast_tanh_inplace(t.data(), int64_t(t.size()));
  kernels::fast_sigmoid_inplace(s.data(), int64_t(s.size()));
  for (size_t i = 0; i < xs.size(); ++i) {
    ASSERT_TRUE(std::isfinite(t[i])) << xs[i];
    ASSERT_TRUE(std::isfinite(s[i])) << xs[i];
    EXPECT_EQ(t[i], xs[i] < 0 ? -1.0f : 1.0f) << xs[i];
    if (xs[i] < 0) {
      EXPECT_GE(s[i], 0.0f);
      EXPECT_LT(s[i], 1e-30f);
    } else {
      EXPECT_EQ(s[i], 1.0f);
    }
  }
}

TEST(KernelsFastMath, NaNStaysNaN) {
  // A diverged run must show up as a non-finite loss, not be hidden by saturating gates.
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> t(7, nan), s(7, nan);  // 7: the four-lane body and the scalar tail
  kernels::fast_tanh_inplace(t.data(), 7);
  kernels::fast_sigmoid_inplace(s.data(), 7);
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE(std::isnan(t[size_t(i)])) << i;
    EXPECT_TRUE(std::isnan(s[size_t(i)])) << i;
  }
}

TEST(KernelsFastMath, FloatActivationsUseTheFastPathDoubleStaysExact) {
  Mat<float> zf(3, 5);
  zf << -3.f, -0.39f, 0.f, 0.41f, 2.5f, 9.5f, -9.5f, 0.1f, -0.1f, 1.f, 40.f, -40.f, 0.7f, -0.7f,
      5.f;
  Mat<double> zd = zf.cast<double>();
  Mat<float> tf = zf, sf = zf;
  Mat<double> td = zd, sd = zd;
  // A strided block (a column range of a row-major matrix) must work as well as a whole matrix.
  apply_activation(Activation::Tanh, tf.middleCols(1, 3));
  apply_activation(Activation::Tanh, tf.leftCols(1));
  apply_activation(Activation::Tanh, tf.rightCols(1));
  apply_activation(Activation::Sigmoid, sf);
  apply_activation(Activation::Tanh, td);
  apply_activation(Activation::Sigmoid, sd);
  for (Eigen::Index i = 0; i < zf.size(); ++i) {
    const double x = zd.data()[i];
    EXPECT_DOUBLE_EQ(td.data()[i], std::tanh(x));
    EXPECT_NEAR(sd.data()[i], exact_sigmoid(x), 1e-15);
    EXPECT_EQ(tf.data()[i], kernels::fast_tanh(zf.data()[i]));
    EXPECT_EQ(sf.data()[i], kernels::fast_sigmoid(zf.data()[i]));
  }
}

}  // namespace
}  // namespace rnn
