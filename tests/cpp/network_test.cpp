// Network<S>: the stacked layers behind the contract in network.hpp — output layout, trace(),
// accumulation, determinism and float/double agreement, errors.

#include <gtest/gtest.h>

#include <cmath>

#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

ModelSpec model(std::vector<LayerSpec> layers, int input_length = -1, int one_hot_vocab = 0) {
  ModelSpec m;
  m.input_length = input_length;
  m.vocab = one_hot_vocab;
  m.layers = std::move(layers);
  validate_and_infer(m);
  return m;
}

// Embedding(vocab, 3) -> one recurrent layer (last step only) -> Dense(1).
ModelSpec embedding_cell_dense(int vocab, LayerKind kind, const char* name, int units) {
  return model({embedding_layer(vocab, 3), model_layer(kind, name, units),
                model_layer(LayerKind::Dense, "dense", 1)});
}

TokenBatch random_batch(int batch, int time, int vocab, uint64_t seed) {
  Rng rng(seed);
  TokenBatch x{batch, time, {}};
  for (int i = 0; i < batch * time; ++i) x.ids.push_back(int32_t(rng.below(uint64_t(vocab))));
  return x;
}

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

TEST(Network, TraceMatchesAnIndependentLstmAndDense) {
  const ModelSpec m = embedding_cell_dense(20, LayerKind::LSTM, "lstm", 4);
  Network<double> net(m);
  net.initialize(3);
  Rng rng(8);
  for (double& p : net.params()) p += rng.uniform(-0.2, 0.2);
  const std::vector<int32_t> ids{0, 7, 19, 3, 3, 12};
  const SequenceTrace<double> tr = net.trace(ids);

  // Independent: embeddings looked up by hand, Keras' LSTM equations unit by unit.
  const std::vector<double>& p = net.params();
  const double* E = p.data();
  const double* W = E + 20 * 3;
  const double* U = W + 3 * 16;
  const double* b = U + 4 * 16;
  const double* dense_w = b + 16;
  std::vector<double> h(4, 0.0), c(4, 0.0);
  ASSERT_EQ(tr.layers.size(), 1u);
  const LayerTrace<double>& lt = tr.layers[0];
  ASSERT_EQ(lt.hidden.rows(), 6);
  ASSERT_EQ(lt.gate_names, (std::vector<std::string>{"input", "forget", "output"}));
  for (size_t t = 0; t < ids.size(); ++t) {
    const double* x = E + ids[t] * 3;
    std::vector<double> hn(4);
    for (int j = 0; j < 4; ++j) {
      double z[4];
      for (int g = 0; g < 4; ++g) {
        z[g] = b[g * 4 + j];
        for (int i = 0; i < 3; ++i) z[g] += x[i] * W[i * 16 + g * 4 + j];
        for (int i = 0; i < 4; ++i) z[g] += h[size_t(i)] * U[i * 16 + g * 4 + j];
      }
      c[size_t(j)] = sigmoid(z[1]) * c[size_t(j)] + sigmoid(z[0]) * std::tanh(z[2]);
      hn[size_t(j)] = sigmoid(z[3]) * std::tanh(c[size_t(j)]);
      EXPECT_NEAR(lt.gates[0](Eigen::Index(t), j), sigmoid(z[0]), 1e-14);
      EXPECT_NEAR(lt.gates[1](Eigen::Index(t), j), sigmoid(z[1]), 1e-14);
      EXPECT_NEAR(lt.gates[2](Eigen::Index(t), j), sigmoid(z[3]), 1e-14);
      EXPECT_NEAR(lt.cell(Eigen::Index(t), j), c[size_t(j)], 1e-14);
    }
    h = hn;
    double logit = dense_w[4];
    for (int j = 0; j < 4; ++j) {
      EXPECT_NEAR(lt.hidden(Eigen::Index(t), j), h[size_t(j)], 1e-14);
      logit += h[size_t(j)] * dense_w[j];
    }
    EXPECT_NEAR(tr.output_per_step(Eigen::Index(t), 0), sigmoid(logit), 1e-14);  // Dense on h_t
  }
  // The last hidden state is what the Dense layer reads in a normal forward: same prediction.
  ASSERT_EQ(tr.output.rows(), 1);
  EXPECT_NEAR(tr.output(0, 0), tr.output_per_step(5, 0), 1e-15);
  Rng unused(0);
  const Mat<double> normal = net.forward(TokenBatch{1, 6, ids}, false, unused);
  EXPECT_EQ(normal(0, 0), tr.output(0, 0));
}

TEST(Network, TraceOfStackedGruGivesEveryRecurrentLayer) {
  const ModelSpec m =
      model({embedding_layer(10, 3), model_layer(LayerKind::SimpleRNN, "rnn", 2, true),
             model_layer(LayerKind::GRU, "gru", 3), model_layer(LayerKind::Dense, "dense", 1)});
  Network<float> net(m);
  net.initialize(1);
  const SequenceTrace<float> tr = net.trace({1, 2, 3, 4});
  ASSERT_EQ(tr.layers.size(), 2u);
  EXPECT_EQ(tr.layers[0].layer_name, "rnn");
  EXPECT_TRUE(tr.layers[0].gates.empty());
  EXPECT_EQ(tr.layers[1].gate_names, (std::vector<std::string>{"update", "reset"}));
  EXPECT_EQ(tr.layers[1].gates[0].rows(), 4);
  EXPECT_EQ(tr.layers[1].cell.size(), 0);
  EXPECT_EQ(tr.output_per_step.rows(), 4);
  EXPECT_FLOAT_EQ(tr.output_per_step(3, 0), tr.output(0, 0));
}

TEST(Network, SequenceOutputIsBatchMajorStepsThenFeatures) {
  const ModelSpec m =
      model({embedding_layer(10, 3), model_layer(LayerKind::LSTM, "lstm", 2, true)});
  Network<double> net(m);
  net.initialize(2);
  Rng unused(0);
  const TokenBatch x = random_batch(3, 4, 10, 5);
  const Mat<double> y = net.forward(x, false, unused);
  ASSERT_EQ(y.rows(), 3);
  ASSERT_EQ(y.cols(), 4 * 2);
  // Sample 1 alone gives the same (b, t·f + j) values: no mixing between samples.
  const TokenBatch one{1, 4, std::vector<int32_t>(x.ids.begin() + 4, x.ids.begin() + 8)};
  const Mat<double> y1 = net.forward(one, false, unused);
  EXPECT_LE((y.row(1) - y1.row(0)).cwiseAbs().maxCoeff(), 1e-15);
  const SequenceTrace<double> tr = net.trace(one.ids);
  for (int t = 0; t < 4; ++t)
    for (int j = 0; j < 2; ++j) EXPECT_NEAR(y(1, t * 2 + j), tr.layers[0].hidden(t, j), 1e-15);
}

TEST(Network, BackwardAccumulatesUntilZeroed) {
  const ModelSpec m = embedding_cell_dense(10, LayerKind::GRU, "gru", 2);
  Network<double> net(m);
  net.initialize(4);
  Rng unused(0);
  net.forward(random_batch(2, 5, 10, 6), false, unused);
  const Mat<double> ones = Mat<double>::Ones(2, 1);
  net.backward_from_logits(ones);
  const std::vector<double> once = net.grads();
  net.backward_from_logits(ones);
  for (size_t i = 0; i < once.size(); ++i) ASSERT_DOUBLE_EQ(net.grads()[i], 2 * once[i]);
  net.zero_grads();
  for (double g : net.grads()) ASSERT_EQ(g, 0.0);
}

TEST(Network, SameSeedSameBitsAndFloatAgreesWithDouble) {
  LayerSpec lstm = model_layer(LayerKind::LSTM, "lstm", 8, true);
  lstm.dropout = 0.3;
  lstm.recurrent_dropout = 0.2;
  LayerSpec drop;
  drop.kind = LayerKind::Dropout, drop.name = "dropout", drop.rate = 0.25;
  LayerSpec gru = model_layer(LayerKind::GRU, "gru", 4);
  gru.dropout = 0.3;
  const ModelSpec m =
      model({embedding_layer(30, 16), lstm, drop, gru, model_layer(LayerKind::Dense, "dense", 1)});
  const TokenBatch x = random_batch(16, 12, 30, 7);
  Network<float> f1(m), f2(m);
  Network<double> d(m);
  f1.initialize(11), f2.initialize(11), d.initialize(11);
  Rng r1(5), r2(5), r3(5);
  const Mat<float> y1 = f1.forward(x, true, r1);
  const Mat<float> y2 = f2.forward(x, true, r2);
  const Mat<double> yd = d.forward(x, true, r3);
  EXPECT_EQ(y1, y2);
  EXPECT_LE((y1.cast<double>() - yd).cwiseAbs().maxCoeff(), 1e-5);
  const Mat<float> d_logits = Mat<float>::Ones(16, 1);
  f1.backward_from_logits(d_logits);
  f2.backward_from_logits(d_logits);
  d.backward_from_logits(d_logits.cast<double>());
  EXPECT_EQ(f1.grads(), f2.grads());
  double worst = 0;
  for (size_t i = 0; i < d.grads().size(); ++i)
    worst = std::max(worst, std::abs(f1.grads()[i] - d.grads()[i]));
  EXPECT_LE(worst, 1e-5);
}

TEST(Network, OneHotModelWithDenseFirst) {
  const ModelSpec m = model(
      {model_layer(LayerKind::Dense, "dense_in", 3), model_layer(LayerKind::SimpleRNN, "rnn", 2),
       model_layer(LayerKind::Dense, "dense", 1)},
      4, 6);
  Network<double> net(m);
  net.initialize(9);
  Rng unused(0);
  const Mat<double> y = net.forward(random_batch(2, 4, 6, 1), false, unused);
  EXPECT_EQ(y.rows(), 2);
  EXPECT_EQ(y.cols(), 1);
  EXPECT_GT(y.minCoeff(), 0.0);
  EXPECT_LT(y.maxCoeff(), 1.0);
}

TEST(Network, RejectsBadBatches) {
  const ModelSpec m = model({embedding_layer(5, 2), model_layer(LayerKind::SimpleRNN, "rnn", 2)});
  Network<float> net(m);
  Rng unused(0);
  EXPECT_THROW(net.forward(TokenBatch{2, 3, {1, 2, 3}}, false, unused), ModelError);
  try {
    net.forward(TokenBatch{1, 2, {1, 5}}, false, unused);
    FAIL();
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("embedding"), std::string::npos) << e.what();
  }
  EXPECT_THROW(net.backward_from_logits(Mat<float>::Ones(3, 3)), ModelError);
}

}  // namespace
}  // namespace rnn::test
