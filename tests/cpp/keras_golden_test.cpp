// Keras' own reference outputs (KERAS_GOLDEN.md, from keras/src/layers/rnn/*_test.py
// test_correctness): constant weights (kernel 0.01, recurrent_kernel 0.02, bias 0.03; LSTM's
// forget bias 1.0 with unit_forget_bias), input arange(n) reshaped (batch, time, features), output
// the last step's h. Every unit of a sequence has the same value. Checked in float and double.

#include <gtest/gtest.h>

#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

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

template <typename S>
class KerasGolden : public ::testing::Test {};
using Scalars = ::testing::Types<float, double>;
TYPED_TEST_SUITE(KerasGolden, Scalars);

TYPED_TEST(KerasGolden, SimpleRnnTanh) {
  BoundLayer<TypeParam> bl(recurrent_spec(LayerKind::SimpleRNN, 4, 4, 3));
  set_constant_weights(bl);
  expect_golden(bl, 2, 3, {0.405432, 0.736053});
}

TYPED_TEST(KerasGolden, LstmUnitForgetBias) {
  BoundLayer<TypeParam> bl(recurrent_spec(LayerKind::LSTM, 3, 4, 6));
  set_constant_weights(bl);
  for (int j = 0; j < 3; ++j)
    bl.params[bl.params.size() - 12 + 3 + j] = TypeParam(1.0);  // f segment
  expect_golden(bl, 3, 6, {0.628869, 0.868991, 0.946077});
}

TYPED_TEST(KerasGolden, LstmWithoutUnitForgetBias) {
  LayerSpec spec = recurrent_spec(LayerKind::LSTM, 3, 4, 6);
  spec.unit_forget_bias = false;
  BoundLayer<TypeParam> bl(spec);
  set_constant_weights(bl);
  expect_golden(bl, 3, 6, {0.570197, 0.866191, 0.945962});
}

TYPED_TEST(KerasGolden, GruResetAfter) {
  BoundLayer<TypeParam> bl(recurrent_spec(LayerKind::GRU, 3, 4, 6));
  ASSERT_EQ(bl.params.size(), size_t(3 * 3 * (4 + 3 + 2)));  // bias (2, 3u)
  set_constant_weights(bl);
  expect_golden(bl, 3, 6, {0.521729, 0.637166, 0.393850});
}

// The same numbers through the initializer: unit_forget_bias with zero bias_initializer gives the
// forget segment 1 and the rest 0 (not Keras' test set-up, but the layout Keras builds).
TEST(KerasGoldenLayout, LstmUnitForgetBiasInitializerLayout) {
  LayerSpec spec = recurrent_spec(LayerKind::LSTM, 3, 4, 6);
  spec.bias_initializer = InitializerSpec{Initializer::Constant, 0.03};
  std::vector<double> params(size_t(param_count(spec)));
  Rng rng(1);
  initialize_layer_weights(spec, params.data(), rng);
  const size_t bias = params.size() - 12;
  for (int j = 0; j < 12; ++j)
    EXPECT_DOUBLE_EQ(params[bias + size_t(j)], (j >= 3 && j < 6) ? 1.0 : 0.03) << j;
}

}  // namespace
}  // namespace rnn::test
