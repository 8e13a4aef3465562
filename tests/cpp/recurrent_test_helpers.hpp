#pragma once
// Shared by the SimpleRNN, LSTM and GRU tests: Keras' cells written out per sample and per unit
// (the scalar reference their forward passes are held against), and the set-up of Keras' own
// golden values (KERAS_GOLDEN.md: test_correctness in keras/src/layers/rnn/*_test.py).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <vector>

#include "layer_test_helpers.hpp"

namespace rnn::test {

// ---- the scalar reference ----

inline double act(Activation a, double z) {
  switch (a) {
    case Activation::Linear:
      return z;
    case Activation::Relu:
      return z > 0 ? z : 0;
    case Activation::Tanh:
      return std::tanh(z);
    case Activation::Sigmoid:
      return 1 / (1 + std::exp(-z));
    case Activation::HardSigmoid:
      return std::min(1.0, std::max(0.0, 0.2 * z + 0.5));
    case Activation::HardSigmoidKeras3:
      return std::min(1.0, std::max(0.0, z / 6 + 0.5));
    default:
      ADD_FAILURE() << "no scalar reference for softmax";
      return 0;
  }
}

// Keras' cells, one sample at a time, weights read from the flat Keras layout:
// kernel[i][g·u + j], recurrent_kernel[k][g·u + j], bias[g·u + j] (+ 3u for GRU's recurrent row).
inline std::vector<std::vector<double>> reference_sequence(
    const LayerSpec& l, const std::vector<double>& p, const std::vector<std::vector<double>>& x) {
  const int n = l.input_shape.features, u = l.units, k = gate_count(l.kind), ku = k * u;
  const double* W = p.data();
  const double* U = W + n * ku;
  const double* b = l.use_bias ? U + u * ku : nullptr;
  auto in_proj = [&](const std::vector<double>& xt, int g, int j) {
    double s = b ? b[g * u + j] : 0.0;
    for (int i = 0; i < n; ++i) s += xt[size_t(i)] * W[i * ku + g * u + j];
    return s;
  };
  auto rec_proj = [&](const std::vector<double>& h, int g, int j) {
    double s = 0;
    for (int i = 0; i < u; ++i) s += h[size_t(i)] * U[i * ku + g * u + j];
    return s;
  };
  std::vector<double> h(size_t(u), 0.0), c(size_t(u), 0.0);
  std::vector<std::vector<double>> out;
  for (const auto& xt : x) {
    std::vector<double> hn(static_cast<size_t>(u));
    for (int j = 0; j < u; ++j) {
      if (l.kind == LayerKind::SimpleRNN) {
        hn[size_t(j)] = act(l.activation, in_proj(xt, 0, j) + rec_proj(h, 0, j));
      } else if (l.kind == LayerKind::LSTM) {
        const double i = act(l.recurrent_activation, in_proj(xt, 0, j) + rec_proj(h, 0, j));
        const double f = act(l.recurrent_activation, in_proj(xt, 1, j) + rec_proj(h, 1, j));
        const double g = act(l.activation, in_proj(xt, 2, j) + rec_proj(h, 2, j));
        const double o = act(l.recurrent_activation, in_proj(xt, 3, j) + rec_proj(h, 3, j));
        c[size_t(j)] = f * c[size_t(j)] + i * g;  // c used only by unit j: safe to update in place
        hn[size_t(j)] = o * act(l.activation, c[size_t(j)]);
      } else {
        const double* br = (b && l.reset_after) ? b + ku : nullptr;
        const double qz = rec_proj(h, 0, j) + (br ? br[j] : 0);
        const double qr = rec_proj(h, 1, j) + (br ? br[u + j] : 0);
        const double z = act(l.recurrent_activation, in_proj(xt, 0, j) + qz);
        double hh;
        if (l.reset_after) {
          const double r = act(l.recurrent_activation, in_proj(xt, 1, j) + qr);
          hh = act(l.activation,
                   in_proj(xt, 2, j) + r * (rec_proj(h, 2, j) + (br ? br[2 * u + j] : 0)));
        } else {
          // (r ⊙ h) U_h needs every unit's r.
          std::vector<double> rh(static_cast<size_t>(u));
          for (int m = 0; m < u; ++m)
            rh[size_t(m)] =
                act(l.recurrent_activation, in_proj(xt, 1, m) + rec_proj(h, 1, m)) * h[size_t(m)];
          hh = act(l.activation, in_proj(xt, 2, j) + rec_proj(rh, 2, j));
        }
        hn[size_t(j)] = z * h[size_t(j)] + (1 - z) * hh;
      }
    }
    h = hn;
    out.push_back(h);
  }
  return out;
}

// One forward configuration of a recurrent layer, held against reference_sequence; a case names
// what differs from Keras' defaults (tanh, sigmoid gates, reset_after, bias).
struct ReferenceCase {
  const char* name;
  LayerKind kind;
  Activation activation = Activation::Tanh;
  Activation recurrent_activation = Activation::Sigmoid;
  bool reset_after = true;
  bool use_bias = true;

  ReferenceCase relu() const {
    return changed(*this, [](ReferenceCase& c) { c.activation = Activation::Relu; });
  }
  ReferenceCase gates(Activation a) const {
    return changed(*this, [a](ReferenceCase& c) { c.recurrent_activation = a; });
  }
  ReferenceCase reset_before() const {
    return changed(*this, [](ReferenceCase& c) { c.reset_after = false; });
  }
  ReferenceCase no_bias() const {
    return changed(*this, [](ReferenceCase& c) { c.use_bias = false; });
  }
};

inline void PrintTo(const ReferenceCase& c, std::ostream* os) { *os << c.name; }

// The parameterised suites each cell's test file instantiates with its own cases (the TEST_P
// bodies, one line each, are in recurrent_test.cpp): RecurrentGradient (check_recurrent_gradient,
// layer_test_helpers.hpp) and AgainstScalarReference (check_against_scalar_reference).
class RecurrentGradient : public ::testing::TestWithParam<RecurrentCase> {};
class AgainstScalarReference : public ::testing::TestWithParam<ReferenceCase> {};

// Every step of every sample of the double layer within 1e-12 of reference_sequence, the float
// layer within 1e-5: batch 3, 7 steps, 5 features, 4 units, random weights and inputs.
inline void check_against_scalar_reference(const ReferenceCase& c) {
  const int batch = 3, time = 7, n = 5, u = 4;
  LayerSpec spec = recurrent_spec(c.kind, u, n, time, true);
  spec.activation = c.activation;
  spec.recurrent_activation = c.recurrent_activation;
  spec.reset_after = c.reset_after;
  spec.use_bias = c.use_bias;
  Rng rng(17);
  BoundLayer<double> dl(spec);
  BoundLayer<float> fl(spec);
  fill_random_twins(dl, fl, rng, 0.7);
  const Mat<double> x = random_matrix<double>(batch * time, n, rng, 1.5);
  const Mat<double>& yd = dl.forward(x, batch, time);
  const Mat<float>& yf = fl.forward(x.cast<float>(), batch, time);
  double worst_double = 0, worst_float = 0;
  for (int b = 0; b < batch; ++b) {
    std::vector<std::vector<double>> seq;
    for (int t = 0; t < time; ++t) {
      const auto row = x.row(b * time + t);
      seq.emplace_back(row.data(), row.data() + n);
    }
    const auto expected = reference_sequence(spec, dl.params, seq);
    for (int t = 0; t < time; ++t)
      for (int j = 0; j < u; ++j) {
        worst_double =
            std::max(worst_double, std::abs(yd(b * time + t, j) - expected[size_t(t)][size_t(j)]));
        worst_float = std::max(
            worst_float, std::abs(double(yf(b * time + t, j)) - expected[size_t(t)][size_t(j)]));
      }
  }
  EXPECT_LE(worst_double, 1e-12);
  EXPECT_LE(worst_float, 1e-5);
}

// ---- Keras' golden values ----
// Constant weights (kernel 0.01, recurrent_kernel 0.02, bias 0.03; LSTM's forget bias 1.0 with
// unit_forget_bias), input arange(n) reshaped (batch, time, features), output the last step's h.
// Every unit of a sequence has the same value. Checked in float and double.

template <typename S>
Mat<S> arange_input(int batch, int time, int features) {
  Mat<S> x(batch * time, features);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = S(i);
  return x;
}

// kernel 0.01, recurrent_kernel 0.02, bias 0.03 (all of it: GRU's (2, 3u) too).
template <typename S>
void set_constant_weights(BoundLayer<S>& bl) {
  const LayerSpec& l = bl.spec;
  const int ku = gate_count(l.kind) * l.units;
  const size_t kernel = size_t(l.input_shape.features) * ku, recurrent = size_t(l.units) * ku;
  for (size_t i = 0; i < bl.params.size(); ++i)
    bl.params[i] = i < kernel ? S(0.01) : i < kernel + recurrent ? S(0.02) : S(0.03);
}

template <typename S>
void expect_golden(BoundLayer<S>& bl, int batch, int time, const std::vector<double>& expected) {
  const Mat<S> x = arange_input<S>(batch, time, bl.spec.input_shape.features);
  const Mat<S>& h = bl.forward(x, batch, time);
  ASSERT_EQ(h.rows(), batch);
  ASSERT_EQ(h.cols(), bl.spec.units);
  for (int b = 0; b < batch; ++b)
    for (int j = 0; j < bl.spec.units; ++j)
      EXPECT_NEAR(double(h(b, j)), expected[size_t(b)], 5e-6) << "sequence " << b << " unit " << j;
}

// Keras' golden values, typed over float and double; each cell's file adds its TYPED_TESTs.
template <typename S>
class KerasGolden : public ::testing::Test {};
using Scalars = ::testing::Types<float, double>;
TYPED_TEST_SUITE(KerasGolden, Scalars);

}  // namespace rnn::test
