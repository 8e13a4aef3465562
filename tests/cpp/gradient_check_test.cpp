// Finite-difference gradient checks in double precision: central differences of
// loss = Σ output ⊙ R (R fixed and random) against the backward pass, for every parameter and
// every continuous input, relative error ‖a − n‖ / ‖a + n‖ ≤ 1e-6. Dropout cases reseed the mask
// generator at every evaluation, so the function being differentiated is fixed.

#include <gtest/gtest.h>

#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

struct RecurrentCase {
  const char* name;
  LayerKind kind;
  bool return_sequences;
  bool use_bias;
  bool reset_after;
  Activation recurrent_activation;
  double dropout;
  double recurrent_dropout;
};

void PrintTo(const RecurrentCase& c, std::ostream* os) { *os << c.name; }

class RecurrentGradient : public ::testing::TestWithParam<RecurrentCase> {};

TEST_P(RecurrentGradient, MatchesCentralDifferences) {
  const RecurrentCase& c = GetParam();
  LayerSpec spec = recurrent_spec(c.kind, 4, 3, 5, c.return_sequences);
  spec.use_bias = c.use_bias;
  spec.reset_after = c.reset_after;
  spec.recurrent_activation = c.recurrent_activation;
  spec.dropout = c.dropout;
  spec.recurrent_dropout = c.recurrent_dropout;
  const bool training = c.dropout > 0 || c.recurrent_dropout > 0;
  check_layer_gradients(spec, 3, 5, training);
}

const Activation kSig = Activation::Sigmoid;
INSTANTIATE_TEST_SUITE_P(
    Layers, RecurrentGradient,
    ::testing::Values(
        RecurrentCase{"SimpleRnnLast", LayerKind::SimpleRNN, false, true, true, kSig, 0, 0},
        RecurrentCase{"SimpleRnnSequences", LayerKind::SimpleRNN, true, true, true, kSig, 0, 0},
        RecurrentCase{"SimpleRnnNoBias", LayerKind::SimpleRNN, true, false, true, kSig, 0, 0},
        RecurrentCase{"SimpleRnnDropout", LayerKind::SimpleRNN, true, true, true, kSig, 0.4, 0.3},
        RecurrentCase{"LstmLast", LayerKind::LSTM, false, true, true, kSig, 0, 0},
        RecurrentCase{"LstmSequences", LayerKind::LSTM, true, true, true, kSig, 0, 0},
        RecurrentCase{"LstmNoBias", LayerKind::LSTM, true, false, true, kSig, 0, 0},
        RecurrentCase{"LstmInputDropout", LayerKind::LSTM, true, true, true, kSig, 0.3, 0},
        RecurrentCase{"LstmBothDropouts", LayerKind::LSTM, true, true, true, kSig, 0.3, 0.4},
        RecurrentCase{"GruResetAfter", LayerKind::GRU, true, true, true, kSig, 0, 0},
        RecurrentCase{"GruResetAfterLast", LayerKind::GRU, false, true, true, kSig, 0, 0},
        RecurrentCase{"GruResetBefore", LayerKind::GRU, true, true, false, kSig, 0, 0},
        RecurrentCase{"GruResetAfterNoBias", LayerKind::GRU, true, false, true, kSig, 0, 0},
        RecurrentCase{"GruResetAfterDropouts", LayerKind::GRU, true, true, true, kSig, 0.3, 0.4},
        RecurrentCase{"GruResetBeforeDropouts", LayerKind::GRU, true, true, false, kSig, 0.3, 0.4},
        RecurrentCase{"GruInputDropoutOnly", LayerKind::GRU, true, true, true, kSig, 0.3, 0},
        RecurrentCase{"LstmSoftmaxGates", LayerKind::LSTM, true, true, true, Activation::Softmax, 0,
                      0}),
    [](const ::testing::TestParamInfo<RecurrentCase>& info) { return info.param.name; });

TEST(DenseGradient, EveryActivationOn2DAnd3D) {
  for (Activation act :
       {Activation::Linear, Activation::Tanh, Activation::Sigmoid, Activation::Softmax,
        Activation::HardSigmoid, Activation::HardSigmoidKeras3}) {
    SCOPED_TRACE(activation_name(act));
    check_layer_gradients(dense_spec(3, 4, act), 5, 0, false);
    check_layer_gradients(dense_spec(3, 4, act, true, 6), 2, 6, false);
  }
}

TEST(DenseGradient, Relu) {
  // relu has a kink at 0: random inputs never land within eps of it.
  check_layer_gradients(dense_spec(3, 4, Activation::Relu, true, 6), 2, 6, false);
}

TEST(DenseGradient, WithoutBias) {
  LayerSpec spec = dense_spec(3, 4, Activation::Tanh);
  spec.use_bias = false;
  check_layer_gradients(spec, 5, 0, false);
}

TEST(DropoutGradient, TrainingAndEvaluation) {
  LayerSpec spec;
  spec.kind = LayerKind::Dropout;
  spec.name = "dropout";
  spec.rate = 0.4;
  spec.input_shape = spec.output_shape = Shape{true, 4, 3};
  Rng rng(3);
  for (bool training : {true, false}) {
    BoundLayer<double> bl(spec);
    Mat<double> x = random_matrix<double>(8, 3, rng);
    const Mat<double> r = random_matrix<double>(8, 3, rng);
    auto loss = [&]() { return bl.forward(x, 2, 4, training).cwiseProduct(r).sum(); };
    loss();
    Mat<double> dx;
    bl.layer->backward(r, &dx);
    const std::vector<double> analytic(dx.data(), dx.data() + dx.size());
    EXPECT_LE(relative_error(analytic, numeric_gradient(x.data(), size_t(x.size()), loss)), 1e-6);
  }
}

// Through the whole Network: loss = Σ logits ⊙ R via backward_from_logits.
double check_network_gradients(ModelSpec model, int batch, int time, bool training,
                               KerasVersion keras = KerasVersion::Keras3) {
  validate_and_infer(model);
  Network<double> net(model);
  net.initialize(5);
  net.set_keras_version(keras);
  Rng rng(9);
  for (double& p : net.params()) p += rng.uniform(-0.3, 0.3);  // biases away from 0
  TokenBatch x{batch, time, {}};
  for (int i = 0; i < batch * time; ++i) x.ids.push_back(int32_t(rng.below(uint64_t(model.vocab))));
  Rng mask_rng(21);
  net.forward(x, training, mask_rng);
  const Mat<double> r = random_matrix<double>(net.logits().rows(), net.logits().cols(), rng);
  auto loss = [&]() {
    Rng masks(21);
    net.forward(x, training, masks);
    return net.logits().cwiseProduct(r).sum();
  };
  loss();
  net.zero_grads();
  net.backward_from_logits(r);
  const std::vector<double> analytic = net.grads();
  const double e =
      relative_error(analytic, numeric_gradient(net.params().data(), net.params().size(), loss));
  EXPECT_LE(e, 1e-6);
  return e;
}

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

TEST(NetworkGradient, OneHotSimpleRnnDense) {
  ModelSpec m;
  m.input_length = 5;
  m.vocab = 6;
  m.layers = {model_layer(LayerKind::SimpleRNN, "rnn", 4),
              model_layer(LayerKind::Dense, "dense", 1)};
  check_network_gradients(m, 3, 5, false);
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

TEST(NetworkGradient, OneHotDenseOn3D) {
  ModelSpec m;
  m.input_length = 4;
  m.vocab = 5;
  m.layers = {model_layer(LayerKind::Dense, "dense_in", 3),
              model_layer(LayerKind::SimpleRNN, "rnn", 2),
              model_layer(LayerKind::Dense, "dense", 1)};
  check_network_gradients(m, 2, 4, false);
}

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

TEST(NetworkGradient, StackWithDropoutLayerInTraining) {
  ModelSpec m;
  m.input_length = 5;
  LayerSpec drop;
  drop.kind = LayerKind::Dropout;
  drop.name = "dropout";
  drop.rate = 0.3;
  LayerSpec lstm = model_layer(LayerKind::LSTM, "lstm", 3, true);
  lstm.dropout = 0.3;
  m.layers = {embedding_layer(6, 4), drop, lstm, model_layer(LayerKind::SimpleRNN, "rnn", 3),
              model_layer(LayerKind::Dense, "dense", 2)};
  check_network_gradients(m, 3, 5, true);
}

}  // namespace
}  // namespace rnn::test
