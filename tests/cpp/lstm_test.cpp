// The LSTM, in one place: Keras' golden values, the gradient checks, the forward pass against
// Keras' cell equations written out by hand, closed forms, the cell trace, the input gradient
// and a learning test. Keras' LSTM (gate order i, f, c, o):
//   i = σ(x W_i + h U_i + b_i)   f = σ(x W_f + h U_f + b_f)   g = tanh(x W_c + h U_c + b_c)
//   o = σ(x W_o + h U_o + b_o)   c_t = f ⊙ c_{t−1} + i ⊙ g   h_t = o ⊙ tanh(c_t)
// What every layer kind must do is in layer_contract_test.cpp; what the three cells share
// (one-hot input, stacks, dropout masks) in recurrent_test.cpp and dropout_test.cpp.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cell_trace_helpers.hpp"
#include "learning_helpers.hpp"
#include "recurrent_test_helpers.hpp"

namespace rnn::test {
namespace {

// ---- Keras' golden values (KERAS_GOLDEN.md), float and double ----

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

// ---- gradient checks: central differences in double, relative error ≤ 1e-6 ----

INSTANTIATE_TEST_SUITE_P(
    Lstm, RecurrentGradient,
    ::testing::Values(
        RecurrentCase{"LstmLast", LayerKind::LSTM}.last(),
        RecurrentCase{"LstmSequences", LayerKind::LSTM},
        RecurrentCase{"LstmNoBias", LayerKind::LSTM}.no_bias(),
        RecurrentCase{"LstmInputDropout", LayerKind::LSTM}.dropouts(0.3, 0),
        RecurrentCase{"LstmBothDropouts", LayerKind::LSTM}.dropouts(0.3, 0.4),
        RecurrentCase{"LstmSoftmaxGates", LayerKind::LSTM}.gates(Activation::Softmax)),
    CaseName());

// ---- the forward pass against the scalar reference ----

INSTANTIATE_TEST_SUITE_P(Lstm, AgainstScalarReference,
                         ::testing::Values(ReferenceCase{"Lstm", LayerKind::LSTM},
                                           ReferenceCase{"LstmHardSigmoidKeras3", LayerKind::LSTM}
                                               .gates(Activation::HardSigmoidKeras3),
                                           ReferenceCase{"LstmHardSigmoidKeras2NoBias",
                                                         LayerKind::LSTM}
                                               .gates(Activation::HardSigmoid)
                                               .no_bias()),
                         CaseName());

// ---- closed forms and special cases ----

TEST(RecurrentClosedForm, LstmBiasOnlyRecursion) {
  // W = U = 0: c_t = σ(b_f) c_{t−1} + σ(b_i) tanh(b_c), h_t = σ(b_o) tanh(c_t).
  BoundLayer<double> bl(recurrent_spec(LayerKind::LSTM, 1, 2, 5, true));
  const double bi = 0.3, bf = 1.0, bc = -0.7, bo = 0.2;
  const size_t bias = bl.params.size() - 4;
  bl.params[bias] = bi, bl.params[bias + 1] = bf, bl.params[bias + 2] = bc,
  bl.params[bias + 3] = bo;
  Rng rng(2);
  const Mat<double>& y = bl.forward(random_matrix<double>(5, 2, rng), 1, 5);
  auto sig = [](double z) { return 1 / (1 + std::exp(-z)); };
  double c = 0;
  for (int t = 0; t < 5; ++t) {
    c = sig(bf) * c + sig(bi) * std::tanh(bc);
    EXPECT_NEAR(y(t, 0), sig(bo) * std::tanh(c), 1e-15);
  }
}

TEST(RecurrentClosedForm, EmptySequenceGivesInitialState) {
  BoundLayer<double> bl(recurrent_spec(LayerKind::LSTM, 3, 2, 0));
  Rng rng(4);
  fill_random(bl.params, rng);
  const Mat<double>& y = bl.forward(Mat<double>(0, 2), 2, 0);
  ASSERT_EQ(y.rows(), 2);
  EXPECT_EQ(y.cwiseAbs().maxCoeff(), 0.0);
}

TEST(OneHotInput, OutOfRangeIdIsRejectedWithTheLayerName) {
  LayerSpec spec = recurrent_spec(LayerKind::LSTM, 2, 4, 2);
  spec.one_hot_input = true;
  spec.name = "lstm_1";
  BoundLayer<float> bl(spec);
  try {
    bl.forward_ids({1, 4}, 1, 2);
    FAIL() << "no error";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("lstm_1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("token id 4"), std::string::npos) << e.what();
  }
}

// ---- the cell trace (Network::trace) and the input gradient ----

INSTANTIATE_TEST_SUITE_P(
    Lstm, CellTrace,
    ::testing::Values(
        single_cell_trace("LstmEmbedding", cell_layer(LayerKind::LSTM, "lstm", 4), false),
        single_cell_trace("LstmOneHot", cell_layer(LayerKind::LSTM, "lstm", 3), true)),
    CaseName());

INSTANTIATE_TEST_SUITE_P(Lstm, InputGradient,
                         ::testing::Values(single_cell_gradient("Lstm", cell_layer(LayerKind::LSTM,
                                                                                   "lstm", 4))),
                         CaseName());

// ---- learning ----

TEST(LearningSmoke, LstmRemembersTheFirstTokenAcrossFiftyStepsOfNoise) {
  const Dataset train = first_token(512, 101), validation = first_token(200, 999);
  const Outcome o = fit(smoke_model("LSTM", 12, 51), train, validation, 10, "adam", 1e-2, 1);
  EXPECT_NEAR(o.first_loss, 0.69, 0.05);  // chance level at the start: log 2
  EXPECT_LT(o.best_val_loss, 0.05);
  EXPECT_EQ(o.best_val_accuracy, 1.0);
}

}  // namespace
}  // namespace rnn::test
