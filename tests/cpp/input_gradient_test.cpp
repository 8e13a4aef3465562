// Network::input_gradient_norms (‖∂z/∂x_t‖, z the output layer's pre-activation, x_t the first
// recurrent layer's input) against central differences in double precision, for every cell
// type, both GRU reset modes, a stack, a softmax head and one-hot input; occlusion_outputs
// against separate predictions; mean_input_gradients against the per-review norms by hand.

#include <gtest/gtest.h>

#include "cell_trace_helpers.hpp"
#include "engine/word_influence.hpp"
#include "engine/trainer.hpp"

namespace rnn::test {
namespace {

constexpr int kVocab = 12;
// Padding (id 0) first; the kept ids are all different, so moving Embedding row id_t moves x_t
// of that step alone.
const std::vector<int32_t> kIds{0, 0, 5, 9, 2, 7, 11, 4, 3};
constexpr int kFirstKept = 2;

// z for one sequence: the logit the gradient is taken of (the predicted class's with softmax).
double logit(Network<double>& net, const std::vector<int32_t>& ids, int column) {
  Rng unused(0);
  net.forward(TokenBatch{1, int(ids.size()), ids}, false, unused);
  return net.logits()(0, column);
}

int predicted_column(Network<double>& net, const std::vector<int32_t>& ids) {
  Rng unused(0);
  net.forward(TokenBatch{1, int(ids.size()), ids}, false, unused);
  Eigen::Index best = 0;
  net.logits().row(0).maxCoeff(&best);
  return int(best);
}

// ‖∂z/∂x_t‖ by central differences over Embedding row id_t (the Embedding is layer 0).
std::vector<double> numeric_norms(Network<double>& net, int dim, int from) {
  const int column = predicted_column(net, kIds);
  std::vector<double> norms;
  for (size_t t = size_t(from); t < kIds.size(); ++t) {
    double* row = net.params().data() + kIds[t] * dim;
    const std::vector<double> g =
        numeric_gradient(row, size_t(dim), [&] { return logit(net, kIds, column); });
    double sq = 0;
    for (double v : g) sq += v * v;
    norms.push_back(std::sqrt(sq));
  }
  return norms;
}

struct GradientCase {
  const char* name;
  std::vector<LayerSpec> layers;  // after an Embedding(kVocab, 3)
};
void PrintTo(const GradientCase& c, std::ostream* os) { *os << c.name; }

class InputGradient : public ::testing::TestWithParam<GradientCase> {};

TEST_P(InputGradient, MatchesCentralDifferencesAtEveryKeptStep) {
  std::vector<LayerSpec> layers{embedding_layer(kVocab, 3)};
  for (const LayerSpec& l : GetParam().layers) layers.push_back(l);
  const ModelSpec m = cell_model(layers);
  Network<double> exact(m);
  Network<float> fast(m);
  randomise(exact, fast, 3);
  const Mat<double> norms = exact.input_gradient_norms(TokenBatch{1, int(kIds.size()), kIds});
  const Mat<float> norms_float = fast.input_gradient_norms(TokenBatch{1, int(kIds.size()), kIds});
  ASSERT_EQ(norms.rows(), 1);
  ASSERT_EQ(norms.cols(), Eigen::Index(kIds.size()));
  const std::vector<double> numeric = numeric_norms(exact, 3, kFirstKept);
  for (size_t k = 0; k < numeric.size(); ++k) {
    const Eigen::Index t = Eigen::Index(kFirstKept + k);
    EXPECT_NEAR(norms(0, t), numeric[k], 1e-7 * std::max(1.0, numeric[k])) << "step " << t;
    EXPECT_NEAR(norms_float(0, t), norms(0, t), 1e-4 * std::max(1.0, norms(0, t))) << "step " << t;
    EXPECT_GT(numeric[k], 0.0);
  }
  // The gradient pass leaves the gradient buffer as it found a fresh network: zeroed.
  for (double g : exact.grads()) ASSERT_EQ(g, 0.0);
}

LayerSpec head(int units = 1) {
  LayerSpec d = model_layer(LayerKind::Dense, "dense", units);
  if (units > 1) d.activation = Activation::Softmax;
  return d;
}

INSTANTIATE_TEST_SUITE_P(
    Cells, InputGradient,
    ::testing::Values(
        GradientCase{"SimpleRnn", {cell_layer(LayerKind::SimpleRNN, "rnn", 4), head()}},
        GradientCase{"Lstm", {cell_layer(LayerKind::LSTM, "lstm", 4), head()}},
        GradientCase{"GruResetAfter", {cell_layer(LayerKind::GRU, "gru", 4), head()}},
        GradientCase{"GruResetBefore",
                     {cell_layer(LayerKind::GRU, "gru", 4, false, false), head()}},
        GradientCase{"LstmOverGruStack",
                     {cell_layer(LayerKind::LSTM, "lstm", 4, true),
                      cell_layer(LayerKind::GRU, "gru", 3), head()}},
        GradientCase{"GruSoftmaxHead", {cell_layer(LayerKind::GRU, "gru", 4), head(3)}}),
    [](const ::testing::TestParamInfo<GradientCase>& info) { return info.param.name; });

// One-hot: the same recurrent layer behind an Embedding whose table is the identity reads
// x_t = e_{id_t} too, so its central differences over row id_t are the one-hot model's gradient.
TEST(InputGradient, OneHotEqualsAnIdentityEmbeddingsDifferences) {
  for (const LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    SCOPED_TRACE(layer_kind_name(kind));
    const ModelSpec one_hot = cell_model({cell_layer(kind, "cell", 3), head()}, kVocab);
    const ModelSpec embedded =
        cell_model({embedding_layer(kVocab, kVocab), cell_layer(kind, "cell", 3), head()});
    Network<double> a(one_hot), b(embedded);
    Network<float> a_float(one_hot);
    randomise(a, a_float, 4);
    std::fill(b.params().begin(), b.params().end(), 0.0);
    for (int v = 0; v < kVocab; ++v) b.params()[size_t(v * kVocab + v)] = 1.0;
    std::copy(a.params().begin(), a.params().end(), b.params().begin() + kVocab * kVocab);
    ASSERT_NEAR(logit(a, kIds, 0), logit(b, kIds, 0), 1e-14);
    const Mat<double> norms = a.input_gradient_norms(TokenBatch{1, int(kIds.size()), kIds});
    const std::vector<double> numeric = numeric_norms(b, kVocab, kFirstKept);
    for (size_t k = 0; k < numeric.size(); ++k)
      EXPECT_NEAR(norms(0, Eigen::Index(kFirstKept + k)), numeric[k],
                  1e-7 * std::max(1.0, numeric[k]));
  }
}

TEST(Occlusion, EveryVariantEqualsItsOwnPrediction) {
  const ModelSpec m =
      cell_model({embedding_layer(kVocab, 3), cell_layer(LayerKind::LSTM, "lstm", 4), head()});
  Network<double> exact(m);
  Network<float> fast(m);
  randomise(exact, fast, 6);
  std::vector<int> steps;
  const Mat<float> out = occlusion_outputs(fast, kIds, 2, steps);
  ASSERT_EQ(steps, (std::vector<int>{2, 3, 4, 5, 6, 7, 8}));  // the kept steps
  ASSERT_EQ(out.rows(), Eigen::Index(steps.size()));
  for (size_t k = 0; k < steps.size(); ++k) {
    std::vector<int32_t> variant = kIds;
    variant[size_t(steps[k])] = 2;
    const Mat<float> alone = predict(fast, TokenBatch{1, int(variant.size()), variant}, 1);
    EXPECT_NEAR(out(Eigen::Index(k), 0), alone(0, 0), 1e-6) << "step " << steps[k];
  }
  // The step whose token is already the OOV id changes nothing.
  const Mat<float> original = predict(fast, TokenBatch{1, int(kIds.size()), kIds}, 1);
  EXPECT_NEAR(out(2, 0), original(0, 0), 1e-6);
  EXPECT_GT(std::abs(out(0, 0) - original(0, 0)), 1e-6);
}

TEST(MeanInputGradients, AveragesOverTheReviewsWithAWordAtEachPosition) {
  const ModelSpec m =
      cell_model({embedding_layer(kVocab, 3), cell_layer(LayerKind::GRU, "gru", 4), head()});
  Network<double> exact(m);
  Network<float> fast(m);
  randomise(exact, fast, 7);
  Dataset data;
  data.count = 3;
  data.time = 5;
  data.ids = {0, 0, 0, 4, 5, /**/ 0, 3, 6, 7, 8, /**/ 9, 10, 11, 4, 5};
  data.labels = {0, 1, 0};
  const Mat<double> means = mean_input_gradients(exact, data, 64);
  ASSERT_EQ(means.cols(), 5);
  const auto mean = [&](int t) { return means(0, t); };
  std::vector<Mat<double>> each;
  for (int b = 0; b < 3; ++b) {
    const std::vector<int32_t> ids(data.ids.begin() + b * 5, data.ids.begin() + b * 5 + 5);
    each.push_back(exact.input_gradient_norms(TokenBatch{1, 5, ids}));
  }
  EXPECT_NEAR(mean(0), each[2](0, 0), 1e-12);                        // one review has a word there
  EXPECT_NEAR(mean(1), (each[1](0, 1) + each[2](0, 1)) / 2, 1e-12);  // two
  EXPECT_NEAR(mean(4), (each[0](0, 4) + each[1](0, 4) + each[2](0, 4)) / 3, 1e-12);
  EXPECT_EQ(mean_input_gradients(exact, data, 1)(0, 0),
            0.0);  // only the first review: padding there
}

}  // namespace
}  // namespace rnn::test
