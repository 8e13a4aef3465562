// Gradients carried back over hundreds of steps: the float backward loops flush the carried
// gradients below 1e-30 to zero (kernels::flush_subnormals), so nothing subnormal — where x86
// arithmetic is about a hundred times slower, and WebAssembly cannot switch it off — comes out of
// them, on the fused and the general paths alike; where the exact double gradient is still
// sizeable, float agrees with it.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/kernels/recurrent_step.hpp"
#include "layer_test_helpers.hpp"

namespace rnn {
namespace {

using test::BoundLayer;
using test::random_matrix;
using test::recurrent_spec;

TEST(Subnormals, FlushKeepsNormalValuesAndZeroesTinyOnes) {
  std::vector<float> f = {1e-29f, -2e-30f, 9e-31f, -5e-38f,      1e-40f,
                          0.0f,   -0.0f,   1.0f,   std::nanf("")};
  kernels::flush_subnormals(f.data(), int64_t(f.size()));
  const std::vector<float> expected_f = {1e-29f, -2e-30f, 0, 0, 0, 0, 0, 1.0f};
  for (size_t i = 0; i < expected_f.size(); ++i) EXPECT_EQ(f[i], expected_f[i]) << i;
  EXPECT_TRUE(std::isnan(f.back()));
  std::vector<double> d = {1e-300, 1e-310, -1e-320};  // double: only true subnormals go
  kernels::flush_subnormals(d.data(), int64_t(d.size()));
  EXPECT_EQ(d[0], 1e-300);
  EXPECT_EQ(d[1], 0.0);
  EXPECT_EQ(d[2], 0.0);
}

struct Case {
  const char* name;
  LayerKind kind;
  bool fused;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class LongSequence : public ::testing::TestWithParam<Case> {};

TEST_P(LongSequence, NoSubnormalGradientsAndFloatMatchesDoubleWhereItMatters) {
  const Case c = GetParam();
  const RecurrentPaths paths{c.fused, true};
  const int batch = 3, time = 400, features = 4, units = 8;
  LayerSpec spec = recurrent_spec(c.kind, units, features, time);
  spec.recurrent_activation = Activation::Sigmoid;
  BoundLayer<float> f(spec, paths);
  BoundLayer<double> d(spec, paths);
  Rng rng(3);
  test::fill_random_twins(d, f, rng, 0.4);
  const Mat<double> x = random_matrix<double>(batch * time, features, rng, 1.0);
  const Mat<float> xf = x.cast<float>();  // the layer's backward reads its input: keep it alive
  f.forward(xf, batch, time, true);
  d.forward(x, batch, time, true);
  const Mat<double> dy = Mat<double>::Ones(batch, units);
  Mat<float> dx_f;
  Mat<double> dx_d;
  f.layer->backward(dy.cast<float>(), &dx_f);
  d.layer->backward(dy, &dx_d);

  int tiny_in_double = 0, compared = 0;
  for (Eigen::Index i = 0; i < dx_f.size(); ++i) {
    const float v = dx_f.data()[i];
    const double ref = dx_d.data()[i];
    ASSERT_NE(std::fpclassify(v), FP_SUBNORMAL) << c.name << " input gradient " << i << " = " << v;
    if (ref != 0 && std::abs(ref) < 1e-32) ++tiny_in_double;
    if (std::abs(ref) > 1e-6) {
      EXPECT_NEAR(v, ref, 1e-4 * std::abs(ref) + 1e-9) << c.name << " " << i;
      ++compared;
    }
  }
  for (float g : f.grads) ASSERT_NE(std::fpclassify(g), FP_SUBNORMAL) << c.name;
  // The sequence is long enough for the exact gradient to fall far below the bar, and the early
  // steps' float gradients are then exactly 0; the late steps' are compared above.
  EXPECT_GT(tiny_in_double, 0) << c.name;
  EXPECT_GT(compared, 0) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Paths, LongSequence,
                         ::testing::Values(Case{"lstm_fused", LayerKind::LSTM, true},
                                           Case{"lstm_general", LayerKind::LSTM, false},
                                           Case{"gru_fused", LayerKind::GRU, true},
                                           Case{"gru_general", LayerKind::GRU, false},
                                           Case{"simplernn_fused", LayerKind::SimpleRNN, true},
                                           Case{"simplernn_general", LayerKind::SimpleRNN, false}),
                         ::testing::PrintToStringParamName());  // PrintTo: the case's name

}  // namespace
}  // namespace rnn
