// What SimpleRNN, LSTM and GRU share, held over all three at once: zero weights, the one-hot
// input path (forward, backward, input gradient), stacks of different cells (gradients, trace,
// input gradient), tf.keras 2's per-step input masks through a network, and a learning test
// every cell must pass. Each cell's own tests: simple_rnn_test, lstm_test, gru_test.

#include <gtest/gtest.h>

#include <string>

#include "cell_trace_helpers.hpp"
#include "learning_helpers.hpp"
#include "recurrent_test_helpers.hpp"

namespace rnn::test {

// The parameterised checks each cell's file instantiates with its own cases (Lstm/..., Gru/...,
// SimpleRnn/...; the stacks below as Stacks/...).
TEST_P(RecurrentGradient, MatchesCentralDifferences) { check_recurrent_gradient(GetParam()); }
TEST_P(AgainstScalarReference, EveryStepOfEverySample) {
  check_against_scalar_reference(GetParam());
}
TEST_P(CellTrace, EveryStepSatisfiesTheCellEquations) { check_cell_trace(GetParam()); }
TEST_P(InputGradient, MatchesCentralDifferencesAtEveryKeptStep) {
  check_input_gradient(GetParam());
}

namespace {

TEST(RecurrentClosedForm, ZeroWeightsGiveZeroStates) {
  for (LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    BoundLayer<double> bl(recurrent_spec(kind, 3, 2, 4, true));
    Rng rng(1);
    const Mat<double>& y = bl.forward(random_matrix<double>(8, 2, rng), 2, 4);
    EXPECT_EQ(y.cwiseAbs().maxCoeff(), 0.0) << layer_kind_name(kind);
  }
}

// ---- the one-hot input path ----

TEST(OneHotInput, EqualsExplicitOneHotVectorsForwardAndBackward) {
  for (LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    for (bool training : {false, true}) {
      SCOPED_TRACE(std::string(layer_kind_name(kind)) + (training ? " with dropout" : ""));
      const int batch = 3, time = 4, vocab = 6;
      LayerSpec dense_in = recurrent_spec(kind, 3, vocab, time, true);
      dense_in.dropout = 0.4;
      dense_in.recurrent_dropout = 0.3;
      LayerSpec ids_in = dense_in;
      ids_in.one_hot_input = true;
      BoundLayer<double> a(dense_in), b(ids_in);
      Rng rng(6);
      fill_random(a.params, rng);
      b.params = a.params;
      std::vector<int32_t> ids{0, 5, 2, 2, 1, 0, 0, 3, 4, 4, 5, 1};
      Mat<double> one_hot = Mat<double>::Zero(batch * time, vocab);
      for (size_t r = 0; r < ids.size(); ++r) one_hot(Eigen::Index(r), ids[r]) = 1.0;
      const Mat<double> ya = a.forward(one_hot, batch, time, training);
      const Mat<double> yb = b.forward_ids(ids, batch, time, training);
      EXPECT_LE((ya - yb).cwiseAbs().maxCoeff(), 1e-14);
      const Mat<double> r = random_matrix<double>(ya.rows(), ya.cols(), rng);
      Mat<double> dx;
      a.layer->backward(r, &dx);
      b.layer->backward(r, nullptr);
      double worst = 0;
      for (size_t i = 0; i < a.grads.size(); ++i)
        worst = std::max(worst, std::abs(a.grads[i] - b.grads[i]));
      EXPECT_LE(worst, 1e-13);
    }
  }
}

// One-hot: the same recurrent layer behind an Embedding whose table is the identity reads
// x_t = e_{id_t} too, so its central differences over row id_t are the one-hot model's gradient.
TEST(InputGradient, OneHotEqualsAnIdentityEmbeddingsDifferences) {
  for (const LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    SCOPED_TRACE(layer_kind_name(kind));
    const ModelSpec one_hot = cell_model({cell_layer(kind, "cell", 3), head()}, kTraceVocab);
    const ModelSpec embedded = cell_model(
        {embedding_layer(kTraceVocab, kTraceVocab), cell_layer(kind, "cell", 3), head()});
    Network<double> a(one_hot), b(embedded);
    Network<float> a_float(one_hot);
    randomise(a, a_float, 4);
    std::fill(b.params().begin(), b.params().end(), 0.0);
    for (int v = 0; v < kTraceVocab; ++v) b.params()[size_t(v * kTraceVocab + v)] = 1.0;
    std::copy(a.params().begin(), a.params().end(), b.params().begin() + kTraceVocab * kTraceVocab);
    ASSERT_NEAR(logit(a, kGradientIds, 0), logit(b, kGradientIds, 0), 1e-14);
    const Mat<double> norms =
        a.input_gradient_norms(TokenBatch{1, int(kGradientIds.size()), kGradientIds});
    const std::vector<double> numeric = numeric_norms(b, kTraceVocab, kGradientFirstKept);
    for (size_t k = 0; k < numeric.size(); ++k)
      EXPECT_NEAR(norms(0, Eigen::Index(kGradientFirstKept + k)), numeric[k],
                  1e-7 * std::max(1.0, numeric[k]));
  }
}

// ---- stacks and dropout masks through whole networks ----

TEST(NetworkGradient, EmbeddingLstmSequencesGruDense) {
  ModelSpec m;
  m.input_length = 6;
  m.layers = {embedding_layer(7, 3), model_layer(LayerKind::LSTM, "lstm", 4, true),
              model_layer(LayerKind::GRU, "gru", 3), model_layer(LayerKind::Dense, "dense", 1)};
  check_network_gradients(m, 3, 6, false);
}

TEST(NetworkGradient, TfKeras2PerStepInputMasksOnEmbeddingAndOneHotInputs) {
  // tf.keras 2's fresh LSTM / GRU input mask at every step, through the gathered-embedding path
  // and the one-hot path.
  ModelSpec m;
  m.input_length = 6;
  LayerSpec lstm = model_layer(LayerKind::LSTM, "lstm", 4, true);
  lstm.dropout = 0.3;
  LayerSpec gru = model_layer(LayerKind::GRU, "gru", 3);
  gru.dropout = 0.3;
  m.layers = {embedding_layer(7, 3), lstm, gru, model_layer(LayerKind::Dense, "dense", 1)};
  check_network_gradients(m, 3, 6, true, KerasVersion::TfKeras2);
  ModelSpec one_hot;
  one_hot.input_length = 5;
  one_hot.vocab = 6;
  one_hot.layers = {lstm, model_layer(LayerKind::Dense, "dense", 1)};
  one_hot.layers[0].return_sequences = false;
  check_network_gradients(one_hot, 3, 5, true, KerasVersion::TfKeras2);
}

TEST(NetworkGradient, OneHotLstmAndGruWithDropoutMasks) {
  for (LayerKind kind : {LayerKind::LSTM, LayerKind::GRU}) {
    ModelSpec m;
    m.input_length = 5;
    m.vocab = 6;
    LayerSpec rnn = model_layer(kind, "rnn", 3);
    rnn.dropout = 0.3;
    rnn.recurrent_dropout = 0.2;
    m.layers = {rnn, model_layer(LayerKind::Dense, "dense", 1)};
    check_network_gradients(m, 4, 5, true);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Stacks, CellTrace,
    ::testing::Values(TraceCase{"LstmOverGruStack",
                                {cell_layer(LayerKind::LSTM, "lstm", 4, true),
                                 cell_layer(LayerKind::GRU, "gru", 3), head()},
                                false},
                      TraceCase{"GruOverSimpleRnnOneHotStack",
                                {cell_layer(LayerKind::SimpleRNN, "rnn", 3, true),
                                 cell_layer(LayerKind::GRU, "gru", 4, false, false), head()},
                                true}),
    CaseName());

INSTANTIATE_TEST_SUITE_P(Stacks, InputGradient,
                         ::testing::Values(GradientCase{
                             "LstmOverGruStack",
                             {cell_layer(LayerKind::LSTM, "lstm", 4, true),
                              cell_layer(LayerKind::GRU, "gru", 3), head()}}),
                         CaseName());

// ---- learning ----

TEST(LearningSmoke, EveryCellLearnsWhetherATokenOccurs) {
  const Dataset train = contains_three(512, 1), validation = contains_three(256, 2);
  for (const char* cell : {"SimpleRNN", "LSTM", "GRU"}) {
    // RMSprop (the curriculum's optimizer), at 10x its default learning rate to keep this short.
    const Outcome o = fit(smoke_model(cell, 6, 10), train, validation, 12, "rmsprop", 1e-2, 3);
    EXPECT_LT(o.best_val_loss, 0.15) << cell;
    EXPECT_GT(o.best_val_accuracy, 0.95) << cell;
  }
}

}  // namespace
}  // namespace rnn::test
