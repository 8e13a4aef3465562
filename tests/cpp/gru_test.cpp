// The GRU, in one place: Keras' golden values, the gradient checks (reset_after both ways), the
// forward pass against Keras' cell equations written out by hand, closed forms, the cell trace
// and the input gradient. Keras' GRU (gate order z, r, h):
//   z = σ(x W_z + h U_z + b_z)   r = σ(x W_r + h U_r + b_r)
//   reset_after (Keras' default, bias (2, 3u): input row b, recurrent row b'):
//     h̃ = tanh(x W_h + b_h + r ⊙ (h U_h + b'_h)), with b'_z, b'_r added to z's and r's sums
//   reset_after = False: h̃ = tanh(x W_h + (r ⊙ h) U_h + b_h)
//   h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃
// What every layer kind must do is in layer_contract_test.cpp; what the three cells share
// (one-hot input, stacks, dropout masks) in recurrent_test.cpp and dropout_test.cpp.

#include <gtest/gtest.h>

#include <cmath>

#include "cell_trace_helpers.hpp"
#include "recurrent_test_helpers.hpp"

namespace rnn::test {
namespace {

// ---- Keras' golden values (KERAS_GOLDEN.md), float and double ----

TYPED_TEST(KerasGolden, GruResetAfter) {
  BoundLayer<TypeParam> bl(recurrent_spec(LayerKind::GRU, 3, 4, 6));
  ASSERT_EQ(bl.params.size(), size_t(3 * 3 * (4 + 3 + 2)));  // bias (2, 3u)
  set_constant_weights(bl);
  expect_golden(bl, 3, 6, {0.521729, 0.637166, 0.393850});
}

// ---- gradient checks: central differences in double, relative error ≤ 1e-6 ----

INSTANTIATE_TEST_SUITE_P(
    Gru, RecurrentGradient,
    ::testing::Values(
        RecurrentCase{"GruResetAfter", LayerKind::GRU},
        RecurrentCase{"GruResetAfterLast", LayerKind::GRU}.last(),
        RecurrentCase{"GruResetBefore", LayerKind::GRU}.reset_before(),
        RecurrentCase{"GruResetAfterNoBias", LayerKind::GRU}.no_bias(),
        RecurrentCase{"GruResetAfterDropouts", LayerKind::GRU}.dropouts(0.3, 0.4),
        RecurrentCase{"GruResetBeforeDropouts", LayerKind::GRU}.reset_before().dropouts(0.3, 0.4),
        RecurrentCase{"GruInputDropoutOnly", LayerKind::GRU}.dropouts(0.3, 0)),
    CaseName());

TEST(NetworkGradient, GruResetBeforeSequencesSoftmaxDenseOn3D) {
  ModelSpec m;
  m.input_length = 5;
  LayerSpec gru = model_layer(LayerKind::GRU, "gru", 4, true);
  gru.reset_after = false;
  LayerSpec out = model_layer(LayerKind::Dense, "dense", 3);
  out.activation = Activation::Softmax;
  m.layers = {embedding_layer(6, 3), gru, out};
  check_network_gradients(m, 2, 5, false);
}

// ---- the forward pass against the scalar reference ----

INSTANTIATE_TEST_SUITE_P(
    Gru, AgainstScalarReference,
    ::testing::Values(ReferenceCase{"GruResetAfter", LayerKind::GRU},
                      ReferenceCase{"GruResetBefore", LayerKind::GRU}.reset_before(),
                      ReferenceCase{"GruResetAfterNoBias", LayerKind::GRU}.no_bias(),
                      ReferenceCase{"GruResetBeforeHardSigmoid", LayerKind::GRU}
                          .reset_before()
                          .gates(Activation::HardSigmoid)),
    CaseName());

// ---- closed forms ----

TEST(RecurrentClosedForm, GruBiasOnlyIsGeometric) {
  // W = U = 0, only the recurrent candidate bias b_rh: z = r = 1/2, h̃ = tanh(b_rh / 2),
  // h_t = h_{t−1}/2 + h̃/2, so h_t = h̃ (1 − 2^−t).
  BoundLayer<double> bl(recurrent_spec(LayerKind::GRU, 1, 2, 6, true));
  const double b_rh = 0.8;
  bl.params.back() = b_rh;  // bias (2, 3u): last entry is row 1, gate h
  Rng rng(3);
  const Mat<double>& y = bl.forward(random_matrix<double>(6, 2, rng), 1, 6);
  for (int t = 1; t <= 6; ++t)
    EXPECT_NEAR(y(t - 1, 0), std::tanh(b_rh / 2) * (1 - std::pow(0.5, t)), 1e-15);
}

TEST(RecurrentClosedForm, LastStepOutputIsLastRowOfSequences) {
  Rng rng(5);
  BoundLayer<double> seq(recurrent_spec(LayerKind::GRU, 3, 2, 4, true));
  BoundLayer<double> last(recurrent_spec(LayerKind::GRU, 3, 2, 4, false));
  fill_random(seq.params, rng);
  last.params = seq.params;
  const Mat<double> x = random_matrix<double>(8, 2, rng);
  const Mat<double> all = seq.forward(x, 2, 4);
  const Mat<double>& h = last.forward(x, 2, 4);
  EXPECT_EQ(h.row(0), all.row(3));
  EXPECT_EQ(h.row(1), all.row(7));
}

// ---- the cell trace (Network::trace) and the input gradient ----

INSTANTIATE_TEST_SUITE_P(
    Gru, CellTrace,
    ::testing::Values(single_cell_trace("GruResetAfterEmbedding",
                                        cell_layer(LayerKind::GRU, "gru", 4), false),
                      single_cell_trace("GruResetBeforeEmbedding",
                                        cell_layer(LayerKind::GRU, "gru", 4, false, false), false),
                      single_cell_trace("GruResetBeforeOneHot",
                                        cell_layer(LayerKind::GRU, "gru", 3, false, false), true)),
    CaseName());

INSTANTIATE_TEST_SUITE_P(
    Gru, InputGradient,
    ::testing::Values(
        single_cell_gradient("GruResetAfter", cell_layer(LayerKind::GRU, "gru", 4)),
        single_cell_gradient("GruResetBefore", cell_layer(LayerKind::GRU, "gru", 4, false, false)),
        single_cell_gradient("GruSoftmaxHead", cell_layer(LayerKind::GRU, "gru", 4), 3)),
    CaseName());

}  // namespace
}  // namespace rnn::test
