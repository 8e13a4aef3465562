// One contract for every layer kind the engine builds (kLayerKinds, model_spec.hpp), as Keras'
// run_layer_test holds each of its layers to: in a small model that makes sense for the kind,
//   - the output shape validate_and_infer gives it and the shape its forward pass produces;
//   - its parameter count, against Keras' formula written out here by hand;
//   - a save/load round trip through the TF.js files (bytes) and the .keras description (paths,
//     shapes, offsets): the same weights, bit for bit, and the same outputs;
//   - one SGD step on a fixed batch (fixed dropout masks) lowers the loss, and so does a step
//     on the layer's own weights alone;
//   - the float network matches the double one (outputs and gradients).
// A kind in kLayerKinds without a case below fails, and so does a case for a kind not listed.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/keras_format.hpp"
#include "engine/losses.hpp"
#include "engine/optimizers.hpp"
#include "engine/tfjs_format.hpp"
#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

constexpr int kVocab = 9, kTime = 6, kBatch = 4;

// A small model around the layer under test (layers[under_test]), and what Keras says of that
// layer: its output shape and its parameter count.
struct ContractCase {
  LayerKind kind;
  std::vector<LayerSpec> layers;
  size_t under_test;
  Shape output_shape;
  int64_t keras_params;
};

LayerSpec dropout_layer(double rate) {
  LayerSpec l;
  l.kind = LayerKind::Dropout;
  l.name = "dropout";
  l.rate = rate;
  return l;
}

LayerSpec sigmoid_head() { return model_layer(LayerKind::Dense, "head", 1); }

// Keras' formulas, with in = 4 input features (Embedding(9, 4) below) and u units:
//   Embedding(vocab, dim): vocab·dim         SimpleRNN(u): u·(in + u + 1)
//   LSTM(u): 4u·(in + u + 1)                  GRU(u), reset_after: 3u·(in + u + 2)
//   Dense(u) on in features: in·u + u          Dropout: 0
std::vector<ContractCase> contract_cases() {
  LayerSpec hidden = model_layer(LayerKind::Dense, "hidden", 6);
  hidden.activation = Activation::Tanh;
  return {
      {LayerKind::Embedding,
       {embedding_layer(kVocab, 4), model_layer(LayerKind::SimpleRNN, "rnn", 3), sigmoid_head()},
       0,
       Shape{true, kTime, 4},
       9 * 4},
      {LayerKind::SimpleRNN,
       {embedding_layer(kVocab, 4), model_layer(LayerKind::SimpleRNN, "rnn", 5), sigmoid_head()},
       1,
       Shape{false, -1, 5},
       5 * (4 + 5 + 1)},
      {LayerKind::LSTM,
       {embedding_layer(kVocab, 4), model_layer(LayerKind::LSTM, "lstm", 5, true),
        model_layer(LayerKind::SimpleRNN, "rnn", 3), sigmoid_head()},
       1,
       Shape{true, kTime, 5},
       4 * 5 * (4 + 5 + 1)},
      {LayerKind::GRU,
       {embedding_layer(kVocab, 4), model_layer(LayerKind::GRU, "gru", 5), sigmoid_head()},
       1,
       Shape{false, -1, 5},
       3 * 5 * (4 + 5 + 2)},
      {LayerKind::Dense,
       {embedding_layer(kVocab, 4), model_layer(LayerKind::SimpleRNN, "rnn", 4), hidden,
        sigmoid_head()},
       2,
       Shape{false, -1, 6},
       4 * 6 + 6},
      {LayerKind::Dropout,
       {embedding_layer(kVocab, 4), dropout_layer(0.3), model_layer(LayerKind::SimpleRNN, "rnn", 3),
        sigmoid_head()},
       1,
       Shape{true, kTime, 4},
       0},
  };
}

class LayerContract : public ::testing::TestWithParam<LayerKind> {
 protected:
  void SetUp() override {
    int cases = 0;
    for (const ContractCase& c : contract_cases()) {
      if (c.kind != GetParam()) continue;
      found_ = c;
      ++cases;
    }
    ASSERT_EQ(cases, 1) << layer_kind_name(GetParam())
                        << " is in kLayerKinds: it needs one case in contract_cases()";
    model_.input_length = kTime;
    model_.layers = found_.layers;
    validate_and_infer(model_);
  }
  const LayerSpec& layer() const { return model_.layers[found_.under_test]; }

  ContractCase found_;
  ModelSpec model_;
};

// The fixed batch: ids 1..8 (0 is padding) and balanced labels.
TokenBatch fixed_batch() {
  TokenBatch x{kBatch, kTime, {}};
  Rng rng(31);
  for (int i = 0; i < kBatch * kTime; ++i) x.ids.push_back(int32_t(1 + rng.below(kVocab - 1)));
  return x;
}
const std::vector<int32_t> kLabels{0, 1, 1, 0};

// Loss on the fixed batch with the same dropout masks every time (training: dropout on), and
// its gradient accumulated into net.grads() when `backward`.
template <typename S>
double batch_loss(Network<S>& net, bool backward) {
  Rng masks(77);
  net.forward(fixed_batch(), /*training=*/true, masks);
  Mat<S> d_logits;
  const LossValue<S> v =
      loss_and_gradient<S>(loss_kind_for(net.spec()), net.logits(), kLabels, &d_logits);
  if (backward) {
    net.zero_grads();
    net.backward_from_logits(d_logits);
  }
  return double(v.loss);
}

template <typename S>
Mat<S> evaluate(Network<S>& net) {
  Rng unused(0);
  return net.forward(fixed_batch(), /*training=*/false, unused);
}

TEST_P(LayerContract, OutputShape) {
  const Shape& want = found_.output_shape;
  EXPECT_EQ(layer().output_shape.has_time, want.has_time);
  EXPECT_EQ(layer().output_shape.time, want.time);
  EXPECT_EQ(layer().output_shape.features, want.features);
  // The layer's own forward pass: (batch · time, features) per step, or (batch, features).
  BoundLayer<double> bl(layer());
  Rng rng(3);
  fill_random(bl.params, rng);
  const bool steps_in = layer().kind == LayerKind::Embedding || layer().input_shape.has_time;
  const Mat<double>& y = layer().kind == LayerKind::Embedding
                             ? bl.forward_ids(fixed_batch().ids, kBatch, kTime)
                             : bl.forward(random_matrix<double>(steps_in ? kBatch * kTime : kBatch,
                                                                layer().input_shape.features, rng),
                                          kBatch, steps_in ? kTime : 0);
  EXPECT_EQ(y.rows(), want.has_time ? kBatch * kTime : kBatch);
  EXPECT_EQ(y.cols(), want.features);
}

TEST_P(LayerContract, ParameterCountIsKeras) {
  EXPECT_EQ(param_count(layer()), found_.keras_params);
  int64_t weights = 0;
  for (const WeightSpec& w : weight_specs(layer())) weights += w.size();
  EXPECT_EQ(weights, found_.keras_params);
  EXPECT_EQ(model_.param_offset(found_.under_test + 1) - model_.param_offset(found_.under_test),
            found_.keras_params);
}

TEST_P(LayerContract, SavedAndLoadedGivesTheSameWeightsAndOutputs) {
  Network<float> net(model_);
  net.initialize(5);
  const Mat<float> before = evaluate(net);

  const TfjsFiles files = save_tfjs(model_, net.params());
  const LoadedModel tfjs =
      load_tfjs(files.model_json, [&](const std::string&) { return files.weights_bin; });
  EXPECT_EQ(tfjs.params, net.params());
  EXPECT_EQ(tfjs.spec.layers[found_.under_test].kind, GetParam());
  EXPECT_EQ(param_count(tfjs.spec.layers[found_.under_test]), found_.keras_params);
  Network<float> from_tfjs(tfjs.spec);
  from_tfjs.params() = tfjs.params;
  EXPECT_EQ(evaluate(from_tfjs), before);

  // .keras: what keras_save describes, opened again by keras_open, each dataset read back from
  // where the writer placed it.
  const KerasArchive archive = keras_save(model_, "{}");
  nlohmann::json listing = {{"datasets", nlohmann::json::array()},
                            {"attrs", nlohmann::json::object()}};
  for (const KerasDataset& d : archive.datasets)
    listing["datasets"].push_back({{"path", d.path}, {"shape", d.shape}, {"dtype", "float32"}});
  const KerasOpened opened = keras_open(archive.config_json, listing.dump());
  ASSERT_EQ(opened.weights.size(), archive.datasets.size());
  Network<float> from_keras(opened.spec);
  EXPECT_EQ(opened.spec.layers[found_.under_test].kind, GetParam());
  for (const KerasDataset& read : opened.weights) {
    const auto written = std::find_if(archive.datasets.begin(), archive.datasets.end(),
                                      [&](const KerasDataset& d) { return d.path == read.path; });
    ASSERT_NE(written, archive.datasets.end()) << read.path;
    EXPECT_EQ(read.shape, written->shape) << read.path;
    int64_t size = 1;
    for (int n : read.shape) size *= n;
    std::copy_n(net.params().begin() + written->offset, size,
                from_keras.params().begin() + read.offset);
  }
  EXPECT_EQ(from_keras.params(), net.params());
  EXPECT_EQ(evaluate(from_keras), before);
}

TEST_P(LayerContract, OneTrainingStepLowersTheLossOnAFixedBatch) {
  for (const bool own_weights_only : {false, true}) {
    if (own_weights_only && found_.keras_params == 0) continue;  // Dropout: no weights of its own
    SCOPED_TRACE(own_weights_only ? "the layer's own weights" : "every weight");
    Network<double> net(model_);
    net.initialize(11);
    const double before = batch_loss(net, /*backward=*/true);
    const int64_t begin = model_.param_offset(found_.under_test), end = begin + found_.keras_params;
    std::vector<double> grads = net.grads();
    if (own_weights_only)
      for (int64_t i = 0; i < int64_t(grads.size()); ++i)
        if (i < begin || i >= end) grads[size_t(i)] = 0.0;
    const bool layer_gradient =
        std::any_of(grads.begin() + begin, grads.begin() + end, [](double g) { return g != 0.0; });
    EXPECT_EQ(layer_gradient, found_.keras_params > 0);
    OptimizerConfig sgd;
    sgd.name = "sgd";
    sgd.learning_rate = 0.05;
    Optimizer<double>::create(sgd, model_)->step(net.params(), grads);
    const double after = batch_loss(net, /*backward=*/false);
    EXPECT_LT(after, before);
  }
}

TEST_P(LayerContract, FloatMatchesDouble) {
  Network<double> exact(model_);
  Network<float> fast(model_);
  exact.initialize(13);
  Rng rng(14);
  for (double& p : exact.params()) p += rng.uniform(-0.2, 0.2);
  for (size_t i = 0; i < exact.params().size(); ++i) fast.params()[i] = float(exact.params()[i]);
  const Mat<double> y = evaluate(exact);
  const double output_error = (evaluate(fast).cast<double>() - y).cwiseAbs().maxCoeff();
  EXPECT_LE(output_error, 1e-6);
  batch_loss(exact, /*backward=*/true);
  batch_loss(fast, /*backward=*/true);
  double scale = 1.0, worst = 0.0;
  for (size_t i = 0; i < exact.grads().size(); ++i) {
    scale = std::max(scale, std::abs(exact.grads()[i]));
    worst = std::max(worst, std::abs(double(fast.grads()[i]) - exact.grads()[i]));
  }
  EXPECT_LE(worst, 1e-5 * scale) << "largest gradient " << scale;
}

INSTANTIATE_TEST_SUITE_P(EveryKind, LayerContract, ::testing::ValuesIn(kLayerKinds),
                         [](const ::testing::TestParamInfo<LayerKind>& info) {
                           return std::string(layer_kind_name(info.param));
                         });

// The other direction: a case for a kind missing from kLayerKinds would test a layer the rest of
// the engine (and this contract's instantiation) does not know about.
TEST(LayerContractCases, EveryCaseIsAListedKind) {
  for (const ContractCase& c : contract_cases())
    EXPECT_NE(std::find(kLayerKinds.begin(), kLayerKinds.end(), c.kind), kLayerKinds.end())
        << layer_kind_name(c.kind);
  EXPECT_EQ(contract_cases().size(), kLayerKinds.size());
}

}  // namespace
}  // namespace rnn::test
