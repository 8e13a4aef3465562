// SimpleRNN, in one place: Keras' golden value, the gradient checks, the forward pass against
// Keras' cell equation written out by hand, the one-hot kernel row, the cell trace and the input
// gradient. Keras' SimpleRNN: h_t = activation(x_t W + h_{t−1} U + b) (tanh by default).
// What every layer kind must do is in layer_contract_test.cpp; what the three cells share
// (one-hot input, stacks, dropout masks) in recurrent_test.cpp and dropout_test.cpp.

#include <gtest/gtest.h>

#include "cell_trace_helpers.hpp"
#include "recurrent_test_helpers.hpp"

namespace rnn::test {
namespace {

// ---- Keras' golden value (KERAS_GOLDEN.md), float and double ----

TYPED_TEST(KerasGolden, SimpleRnnTanh) {
  BoundLayer<TypeParam> bl(recurrent_spec(LayerKind::SimpleRNN, 4, 4, 3));
  set_constant_weights(bl);
  expect_golden(bl, 2, 3, {0.405432, 0.736053});
}

// ---- gradient checks: central differences in double, relative error ≤ 1e-6 ----

INSTANTIATE_TEST_SUITE_P(
    SimpleRnn, RecurrentGradient,
    ::testing::Values(RecurrentCase{"SimpleRnnLast", LayerKind::SimpleRNN}.last(),
                      RecurrentCase{"SimpleRnnSequences", LayerKind::SimpleRNN},
                      RecurrentCase{"SimpleRnnNoBias", LayerKind::SimpleRNN}.no_bias(),
                      RecurrentCase{"SimpleRnnDropout", LayerKind::SimpleRNN}.dropouts(0.4, 0.3)),
    CaseName());

TEST(NetworkGradient, OneHotSimpleRnnDense) {
  ModelSpec m;
  m.input_length = 5;
  m.vocab = 6;
  m.layers = {model_layer(LayerKind::SimpleRNN, "rnn", 4),
              model_layer(LayerKind::Dense, "dense", 1)};
  check_network_gradients(m, 3, 5, false);
}

// ---- the forward pass against the scalar reference ----

INSTANTIATE_TEST_SUITE_P(
    SimpleRnn, AgainstScalarReference,
    ::testing::Values(ReferenceCase{"SimpleRnnTanh", LayerKind::SimpleRNN},
                      ReferenceCase{"SimpleRnnRelu", LayerKind::SimpleRNN}.relu()),
    CaseName());

TEST(OneHotInput, TokenIdZeroSelectsKernelRowZero) {
  LayerSpec spec = recurrent_spec(LayerKind::SimpleRNN, 2, 4, 1);
  spec.one_hot_input = true;
  spec.activation = Activation::Linear;
  BoundLayer<double> bl(spec);
  for (int j = 0; j < 2; ++j) bl.params[size_t(j)] = 0.25 * (j + 1);  // kernel row 0
  const Mat<double>& y = bl.forward_ids({0}, 1, 1);
  EXPECT_DOUBLE_EQ(y(0, 0), 0.25);
  EXPECT_DOUBLE_EQ(y(0, 1), 0.5);
}

// ---- the cell trace (Network::trace) and the input gradient ----

INSTANTIATE_TEST_SUITE_P(
    SimpleRnn, CellTrace,
    ::testing::Values(
        single_cell_trace("SimpleRnnEmbedding", cell_layer(LayerKind::SimpleRNN, "rnn", 4), false),
        single_cell_trace("SimpleRnnOneHot", cell_layer(LayerKind::SimpleRNN, "rnn", 3), true)),
    CaseName());

INSTANTIATE_TEST_SUITE_P(SimpleRnn, InputGradient,
                         ::testing::Values(single_cell_gradient(
                             "SimpleRnn", cell_layer(LayerKind::SimpleRNN, "rnn", 4))),
                         CaseName());

}  // namespace
}  // namespace rnn::test
