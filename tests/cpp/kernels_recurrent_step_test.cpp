// The fused recurrent-step kernels against independent references: the row product against a
// double loop, and the fused float LSTM (fast gates) against the same layer in double (exact gates)
// over a long sequence, forward and backward.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/kernels/recurrent_step.hpp"
#include "layer_test_helpers.hpp"

namespace rnn {
namespace {

using test::BoundLayer;
using test::random_matrix;
using test::recurrent_spec;

// Units and widths around the kernel's 16-wide blocks and 4-wide tails: u = 1..32, n = k·u.
TEST(KernelsRecurrentStep, RowProductMatchesDoubleReference) {
  Rng rng(11);
  for (int units : {1, 3, 4, 8, 13, 16, 32}) {
    for (int gates : {1, 3, 4}) {
      const int n = gates * units;
      std::vector<float> h(static_cast<size_t>(units)), u(static_cast<size_t>(units) * n),
          z(static_cast<size_t>(n));
      for (float& v : h) v = float(rng.uniform(-1, 1));
      for (float& v : u) v = float(rng.uniform(-1, 1));
      for (float& v : z) v = float(rng.uniform(-1, 1));
      std::vector<double> expected(z.begin(), z.end());
      for (int j = 0; j < units; ++j)
        for (int k = 0; k < n; ++k)
          expected[size_t(k)] += double(h[size_t(j)]) * u[size_t(j) * n + k];
      kernels::add_row_times_matrix(h.data(), u.data(), units, n, z.data());
      for (int k = 0; k < n; ++k)
        // float sums of at most 33 terms of magnitude ≤ 1: a few ulps of 33
        EXPECT_NEAR(z[size_t(k)], expected[size_t(k)], 1e-5)
            << "u " << units << " n " << n << " k " << k;
    }
  }
}

// The fused loops' step-wide products (four samples at a time) and the weight gradients' aᵀ·b
// (four columns of a read in place) must give the same bits as the single-row kernel on the same
// rows (a transposed copy for aᵀ): the fused loops rely on it to keep the numbers of every
// training run. Rows 1..9 cross the 4-row groups; widths the 8-wide tiles and their tails; k = 300
// the 256-element runs of a column of a.
TEST(KernelsRecurrentStep, FourRowProductsMatchTheRowKernelBitForBit) {
  Rng rng(17);
  for (int rows : {1, 4, 7, 9}) {
    for (int k : {1, 5, 8, 32, 300}) {
      for (int n : {3, 8, 24, 32}) {
        const auto filled = [&](size_t size) {
          std::vector<float> v(size);
          for (float& x : v) x = float(rng.uniform(-1, 1));
          return v;
        };
        const std::vector<float> a = filled(size_t(rows) * k), b = filled(size_t(k) * n),
                                 c0 = filled(size_t(rows) * n);
        std::vector<float> expected = c0, rows_out = c0;
        for (int r = 0; r < rows; ++r)
          kernels::add_row_times_matrix(a.data() + r * k, b.data(), k, n, expected.data() + r * n);
        kernels::add_rows_times_matrix(a.data(), k, rows, b.data(), k, n, n, rows_out.data(), n);
        // aᵀ·b with at = aᵀ stored as (k, rows): c row r += Σ_j at(j, r) b(j, ·).
        std::vector<float> at(a.size()), columns_out = c0;
        for (int r = 0; r < rows; ++r)
          for (int j = 0; j < k; ++j) at[size_t(j) * rows + r] = a[size_t(r) * k + j];
        kernels::add_columns_times_matrix(at.data(), rows, rows, b.data(), k, n, n,
                                          columns_out.data(), n);
        for (size_t i = 0; i < expected.size(); ++i) {
          EXPECT_EQ(rows_out[i], expected[i]) << "rows " << rows << " k " << k << " n " << n;
          EXPECT_EQ(columns_out[i], expected[i]) << "rows " << rows << " k " << k << " n " << n;
        }
      }
    }
  }
}

// Float LSTM (fused step, fast sigmoid/tanh) vs double LSTM (fused step, exact gates) with the
// same weights: outputs and every gradient. Tolerance: the gates differ by ≤ 1.5e-7 and float
// rounding adds more per step; over 100 steps the measured worst is 1.3e-7 (outputs, absolute)
// and 1.5e-7 (gradients, relative to the largest); the bounds leave about 8× margin.
TEST(KernelsRecurrentStep, FusedFloatLstmMatchesDoubleReference) {
  const int batch = 5, time = 100, features = 6, units = 8;
  LayerSpec spec =
      recurrent_spec(LayerKind::LSTM, units, features, time, /*return_sequences=*/true);
  spec.recurrent_activation = Activation::Sigmoid;
  BoundLayer<double> ref(spec);
  BoundLayer<float> fast(spec);
  Rng rng(3);
  test::fill_random_twins(ref, fast, rng, 0.6);
  const Mat<double> x = random_matrix<double>(int64_t(batch) * time, features, rng, 1.5);
  const Mat<double>& yd = ref.forward(x, batch, time);
  const Mat<float> xf = x.cast<float>();  // the layer's backward reads its input: keep it alive
  const Mat<float>& yf = fast.forward(xf, batch, time);
  const double forward_err = (yf.cast<double>() - yd).cwiseAbs().maxCoeff();
  EXPECT_LT(forward_err, 1e-6);

  const Mat<double> dy = random_matrix<double>(yd.rows(), yd.cols(), rng, 1.0);
  Mat<double> dxd;
  Mat<float> dxf;
  ref.layer->backward(dy, &dxd);
  fast.layer->backward(dy.cast<float>(), &dxf);
  double grad_err = 0, grad_scale = 0;
  for (size_t i = 0; i < ref.grads.size(); ++i) {
    grad_err = std::max(grad_err, std::abs(double(fast.grads[i]) - ref.grads[i]));
    grad_scale = std::max(grad_scale, std::abs(ref.grads[i]));
  }
  EXPECT_LT(grad_err / grad_scale, 1.2e-6);
  std::printf("fused float LSTM vs double: output %.2g, gradients %.2g relative to the largest\n",
              forward_err, grad_err / grad_scale);
  EXPECT_LT((dxf.cast<double>() - dxd).cwiseAbs().maxCoeff(), 2e-6);
}

// The fused loop in double against an LSTM written out by hand from Keras' equations and layout.
TEST(KernelsRecurrentStep, FusedLstmFirstStepsMatchHandComputation) {
  const int units = 2, features = 1, time = 2;
  LayerSpec spec = recurrent_spec(LayerKind::LSTM, units, features, time, true);
  spec.recurrent_activation = Activation::Sigmoid;
  BoundLayer<double> layer(spec);
  Rng rng(5);
  test::fill_random(layer.params, rng, 0.8);
  Mat<double> x(time, features);
  x << 0.7, -1.2;
  const Mat<double> y = layer.forward(x, 1, time);
  // Independent step: weights in Keras layout (kernel (1, 8), recurrent (2, 8), bias (8)).
  const double* w = layer.params.data();
  const double* rk = w + 4 * units;
  const double* b = rk + units * 4 * units;
  auto sig = [](double v) { return 1 / (1 + std::exp(-v)); };
  std::vector<double> h(units, 0.0), c(units, 0.0);
  for (int t = 0; t < time; ++t) {
    std::vector<double> z(4 * units);
    for (int k = 0; k < 4 * units; ++k) {
      z[size_t(k)] = x(t, 0) * w[k] + b[k];
      for (int j = 0; j < units; ++j) z[size_t(k)] += h[size_t(j)] * rk[j * 4 * units + k];
    }
    for (int k = 0; k < units; ++k) {
      const double i = sig(z[size_t(k)]), f = sig(z[size_t(units + k)]),
                   g = std::tanh(z[size_t(2 * units + k)]), o = sig(z[size_t(3 * units + k)]);
      c[size_t(k)] = f * c[size_t(k)] + i * g;
      h[size_t(k)] = o * std::tanh(c[size_t(k)]);
    }
    for (int k = 0; k < units; ++k) EXPECT_NEAR(y(t, k), h[size_t(k)], 1e-14) << t << " " << k;
  }
}

}  // namespace
}  // namespace rnn
