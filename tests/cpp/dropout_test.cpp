// Dropout as Keras 3 (and, where it differs, tf.keras 2) does it, observed through behaviour: the
// Dropout layer (inverted, every element independent, nothing at evaluation) and the RNN masks (one
// per sequence and feature, reused at every step; one input mask shared by all gates when only
// `dropout` is set; Keras' per-gate masks once `recurrent_dropout` is set; inverted scaling; off at
// evaluation), and the gradients through dropout.

#include <gtest/gtest.h>

#include <set>

#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

LayerSpec dropout_layer_spec(double rate, int time, int features) {
  LayerSpec l;
  l.kind = LayerKind::Dropout;
  l.name = "dropout";
  l.rate = rate;
  l.input_shape = l.output_shape = Shape{true, time, features};
  return l;
}

TEST(DropoutLayer, InvertedScalingAndRate) {
  BoundLayer<double> bl(dropout_layer_spec(0.3, 50, 40));
  const Mat<double> x = Mat<double>::Constant(100 * 50, 40, 2.0);
  const Mat<double>& y = bl.forward(x, 100, 50, true);
  int64_t zeros = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double v = y.data()[i];
    if (v == 0)
      ++zeros;
    else
      EXPECT_DOUBLE_EQ(v, 2.0 / 0.7);
  }
  EXPECT_NEAR(double(zeros) / double(y.size()), 0.3, 0.01);
}

TEST(DropoutLayer, EveryStepDrawsItsOwnMask) {
  BoundLayer<double> bl(dropout_layer_spec(0.5, 64, 1));
  const Mat<double>& y = bl.forward(Mat<double>::Ones(64, 1), 1, 64, true);
  EXPECT_GT(y.maxCoeff(), 0.0);
  EXPECT_EQ(y.minCoeff(), 0.0);  // steps of one sequence differ: not one mask per sequence
}

TEST(DropoutLayer, NothingAtEvaluation) {
  BoundLayer<float> bl(dropout_layer_spec(0.5, 3, 4));
  Rng rng(1);
  const Mat<float> x = random_matrix<float>(6, 4, rng);
  EXPECT_EQ(bl.forward(x, 2, 3, false), x);
}

// SimpleRNN(1) on one feature, linear, W = 1, b = 0: h_t = m x_t + m' U h_{t−1}.
LayerSpec counting_rnn(double dropout, double recurrent_dropout, int time) {
  LayerSpec spec = recurrent_spec(LayerKind::SimpleRNN, 1, 1, time, true);
  spec.activation = Activation::Linear;
  spec.dropout = dropout;
  spec.recurrent_dropout = recurrent_dropout;
  return spec;
}

TEST(RnnDropout, InputMaskIsOnePerSequenceReusedAtEveryStep) {
  const int batch = 300, time = 6;
  BoundLayer<double> bl(counting_rnn(0.25, 0, time));
  bl.params = {1.0, 0.0, 0.0};  // W, U, b
  const Mat<double>& h = bl.forward(Mat<double>::Ones(batch * time, 1), batch, time, true);
  int dropped = 0;
  for (int b = 0; b < batch; ++b) {
    const double first = h(b * time, 0);
    EXPECT_TRUE(first == 0.0 || std::abs(first - 1 / 0.75) < 1e-15) << first;  // inverted scaling
    for (int t = 1; t < time; ++t) EXPECT_EQ(h(b * time + t, 0), first) << "sample " << b;
    dropped += first == 0.0;
  }
  EXPECT_NEAR(dropped / double(batch), 0.25, 0.08);
}

TEST(RnnDropout, RecurrentMaskIsOnePerSequenceReusedAtEveryStep) {
  // x = 1, W = U = 1, rate 1/2: m' = 0 gives 1, 1, 1, …; m' = 2 gives 1, 3, 7, 15, …
  const int batch = 200, time = 5;
  BoundLayer<double> bl(counting_rnn(0, 0.5, time));
  bl.params = {1.0, 1.0, 0.0};
  const Mat<double>& h = bl.forward(Mat<double>::Ones(batch * time, 1), batch, time, true);
  int kept = 0;
  for (int b = 0; b < batch; ++b) {
    const bool is_kept = h(b * time + 1, 0) != 1.0;
    kept += is_kept;
    for (int t = 0; t < time; ++t)
      EXPECT_DOUBLE_EQ(h(b * time + t, 0), is_kept ? std::pow(2.0, t + 1) - 1 : 1.0)
          << b << "," << t;
  }
  EXPECT_GT(kept, 50);
  EXPECT_LT(kept, 150);
}

// Number of distinct outputs over many samples that all read the same sequence: the masks are the
// only thing that differs between samples.
template <typename S>
size_t distinct_outputs(BoundLayer<S>& bl, int batch, int time, bool training) {
  Mat<S> x(batch * time, bl.spec.input_shape.features);
  for (int b = 0; b < batch; ++b)
    for (int t = 0; t < time; ++t) x.row(b * time + t).setConstant(S(0.5 + 0.25 * t));
  const Mat<S>& y = bl.forward(x, batch, time, training);
  std::set<std::vector<S>> seen;
  for (int b = 0; b < batch; ++b)
    seen.insert(std::vector<S>(y.row(b).data(), y.row(b).data() + y.cols()));
  return seen.size();
}

TEST(RnnDropout, DropoutAloneSharesOneInputMaskAcrossGates) {
  // One input feature: a shared mask gives each sample one of two inputs (0 or 2x), so at most two
  // distinct outputs; separate per-gate masks would give up to 2^k. tf.keras 2 (2.6-2.10) drops
  // the whole input sequence before its cuDNN-able kernel instead: a fresh mask at every step, so
  // over 3 steps 2^3 = 8 input patterns reach 400 samples.
  for (LayerKind kind : {LayerKind::LSTM, LayerKind::GRU}) {
    LayerSpec spec = recurrent_spec(kind, 2, 1, 3);
    spec.dropout = 0.5;
    BoundLayer<double> bl(spec);
    Rng rng(4);
    fill_random(bl.params, rng, 0.8);
    EXPECT_EQ(distinct_outputs(bl, 400, 3, true), 2u) << layer_kind_name(kind);
    bl.layer->set_keras_version(KerasVersion::TfKeras2);
    EXPECT_EQ(distinct_outputs(bl, 400, 3, true), 8u) << layer_kind_name(kind);
  }
}

TEST(RnnDropout, TfKeras2KeepsOneMaskPerSequenceWhereItRunsTheCell) {
  // Where tf.keras 2 runs the cell step by step, the mask stays one per sequence: SimpleRNN, and
  // an LSTM with hard_sigmoid gates.
  BoundLayer<double> simple(counting_rnn(0.25, 0, 6));
  simple.params = {1.0, 0.0, 0.0};
  simple.layer->set_keras_version(KerasVersion::TfKeras2);
  const Mat<double>& h = simple.forward(Mat<double>::Ones(300 * 6, 1), 300, 6, true);
  for (int b = 0; b < 300; ++b)
    for (int t = 1; t < 6; ++t) ASSERT_EQ(h(b * 6 + t, 0), h(b * 6, 0)) << "sample " << b;
  LayerSpec hard = recurrent_spec(LayerKind::LSTM, 2, 1, 3);
  hard.dropout = 0.5;
  hard.recurrent_activation = Activation::HardSigmoid;
  BoundLayer<double> cell(hard);
  Rng rng(4);
  fill_random(cell.params, rng, 0.8);
  cell.layer->set_keras_version(KerasVersion::TfKeras2);
  EXPECT_EQ(distinct_outputs(cell, 400, 3, true), 2u);
}

TEST(RnnDropout, WithRecurrentDropoutEachGateHasItsOwnMasks) {
  // Keras (3.8+, like Keras 2) switches to its per-gate cell when recurrent_dropout is set: the
  // 4 LSTM / 3 GRU gates each draw an input mask, giving 2^k input patterns on one feature.
  // U = 0 makes the recurrent masks irrelevant, isolating the input masks; random biases keep
  // the 2^k patterns apart (a zero candidate would merge them).
  for (LayerKind kind : {LayerKind::LSTM, LayerKind::GRU}) {
    LayerSpec spec = recurrent_spec(kind, 2, 1, 3);
    spec.dropout = 0.5;
    spec.recurrent_dropout = 0.5;
    BoundLayer<double> bl(spec);
    Rng rng(5);
    fill_random(bl.params, rng, 0.8);
    const int k = gate_count(kind), ku = k * 2;
    for (int i = ku; i < ku + 2 * ku; ++i) bl.params[size_t(i)] = 0.0;  // recurrent_kernel (2, k·u)
    EXPECT_EQ(distinct_outputs(bl, 600, 3, true), size_t(1) << k) << layer_kind_name(kind);
  }
}

TEST(RnnDropout, NothingIsDroppedAtEvaluation) {
  for (LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    LayerSpec with = recurrent_spec(kind, 3, 2, 4, true), without = with;
    with.dropout = 0.5;
    with.recurrent_dropout = 0.5;
    BoundLayer<float> a(with), b(without);
    Rng rng(6);
    fill_random(a.params, rng);
    b.params = a.params;
    const Mat<float> x = random_matrix<float>(8, 2, rng);
    EXPECT_EQ(a.forward(x, 2, 4, false), b.forward(x, 2, 4, false)) << layer_kind_name(kind);
    EXPECT_NE(a.forward(x, 2, 4, true), b.forward(x, 2, 4, false)) << layer_kind_name(kind);
  }
}

TEST(RnnDropout, SameSeedSameMasksNewMasksEveryBatch) {
  LayerSpec spec = recurrent_spec(LayerKind::LSTM, 3, 2, 4, true);
  spec.dropout = 0.3;
  spec.recurrent_dropout = 0.3;
  BoundLayer<double> bl(spec);
  Rng rng(7);
  fill_random(bl.params, rng);
  const Mat<double> x = random_matrix<double>(8, 2, rng);
  const Mat<double> first = bl.forward(x, 2, 4, true, 99);
  EXPECT_EQ(bl.forward(x, 2, 4, true, 99), first);
  Rng shared(99);
  bl.layer->forward(LayerInput<double>{2, 4, &x, nullptr}, true, shared);
  EXPECT_EQ(bl.layer->output(), first);
  bl.layer->forward(LayerInput<double>{2, 4, &x, nullptr}, true, shared);
  EXPECT_NE(bl.layer->output(), first);  // the next batch draws new masks
}

// ---- gradients: the Dropout layer alone (same masks at every evaluation), and in a stack ----

TEST(DropoutGradient, TrainingAndEvaluation) {
  const LayerSpec spec = dropout_layer_spec(0.4, 4, 3);
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
