// Keras' initializers: ranges and fans, orthogonality, the LSTM forget-bias layout, and the same
// bits for the same seed.

#include <gtest/gtest.h>

#include <numeric>

#include "engine/initializers.hpp"
#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

using MatD = Mat<double>;

TEST(Initializers, FansAsKeras) {
  EXPECT_EQ(compute_fans({}).fan_in, 1.0);
  EXPECT_EQ(compute_fans({7}).fan_out, 7.0);
  const Fans f = compute_fans({16, 32});
  EXPECT_EQ(f.fan_in, 16.0);
  EXPECT_EQ(f.fan_out, 32.0);
}

TEST(Initializers, GlorotUniformLimitAndSpread) {
  Rng rng(1);
  const std::vector<double> w =
      draw_initializer({Initializer::GlorotUniform}, {100, 300}, rng, "k");
  const double limit = std::sqrt(6.0 / 400.0);
  double max_abs = 0, sum_sq = 0;
  for (double v : w) max_abs = std::max(max_abs, std::abs(v)), sum_sq += v * v;
  EXPECT_LE(max_abs, limit);
  EXPECT_GT(max_abs, 0.99 * limit);
  EXPECT_NEAR(sum_sq / double(w.size()), limit * limit / 3,
              0.02 * limit * limit / 3);  // U(−a, a): a²/3
}

TEST(Initializers, TruncatedNormalsStayWithinTwoSigma) {
  Rng rng(2);
  const std::vector<double> w = draw_initializer({Initializer::GlorotNormal}, {200, 200}, rng, "k");
  const double stddev = std::sqrt(2.0 / 400.0) / 0.87962566103423978;
  double sum_sq = 0;
  for (double v : w) {
    EXPECT_LE(std::abs(v), 2 * stddev);
    sum_sq += v * v;
  }
  // The truncation correction makes the variance scale / fan_avg, as Keras intends.
  EXPECT_NEAR(sum_sq / double(w.size()), 2.0 / 400.0, 0.03 * 2.0 / 400.0);
}

TEST(Initializers, OrthogonalWideAndTall) {
  Rng rng(3);
  // Recurrent kernel (u, 4u): wider than tall, so its rows are orthonormal.
  const std::vector<double> wide = draw_initializer({Initializer::Orthogonal}, {8, 32}, rng, "r");
  const MatD a = Eigen::Map<const MatD>(wide.data(), 8, 32);
  EXPECT_LE((a * a.transpose() - MatD::Identity(8, 8)).cwiseAbs().maxCoeff(), 1e-12);
  const std::vector<double> tall =
      draw_initializer({Initializer::Orthogonal, 0, 0, 2.0}, {32, 8}, rng, "r");
  const MatD b = Eigen::Map<const MatD>(tall.data(), 32, 8);
  EXPECT_LE((b.transpose() * b - 4.0 * MatD::Identity(8, 8)).cwiseAbs().maxCoeff(),
            1e-12);  // gain 2
}

TEST(Initializers, OrthogonalOnAVectorIsRejected) {
  Rng rng(4);
  EXPECT_THROW(draw_initializer({Initializer::Orthogonal}, {5}, rng, "LSTM layer 'l' bias"),
               ModelError);
}

TEST(Initializers, RandomUniformRangeAndConstants) {
  Rng rng(5);
  for (double v : draw_initializer({Initializer::RandomUniform, -0.05, 0.05}, {50, 20}, rng, "e")) {
    EXPECT_GE(v, -0.05);
    EXPECT_LT(v, 0.05);
  }
  for (double v : draw_initializer({Initializer::Constant, 0.3}, {3}, rng, "b")) EXPECT_EQ(v, 0.3);
  for (double v : draw_initializer({Initializer::Ones}, {3}, rng, "b")) EXPECT_EQ(v, 1.0);
}

TEST(Initializers, NetworkInitializesEveryWeightAsKeras) {
  ModelSpec m;
  m.input_length = 10;
  LayerSpec emb;
  emb.kind = LayerKind::Embedding, emb.name = "embedding", emb.input_dim = 50, emb.output_dim = 16;
  LayerSpec lstm;
  lstm.kind = LayerKind::LSTM, lstm.name = "lstm", lstm.units = 8,
  lstm.activation = Activation::Tanh;
  LayerSpec dense;
  dense.kind = LayerKind::Dense, dense.name = "dense", dense.units = 1,
  dense.activation = Activation::Sigmoid;
  m.layers = {emb, lstm, dense};
  validate_and_infer(m);
  Network<double> net(m);
  net.initialize(42);
  const std::vector<double>& p = net.params();
  ASSERT_EQ(p.size(), size_t(800 + 4 * 8 * (16 + 8 + 1) + 9));
  for (size_t i = 0; i < 800; ++i) ASSERT_LE(std::abs(p[i]), 0.05);
  const double* kernel = p.data() + 800;
  const double glorot = std::sqrt(6.0 / (16 + 32));
  for (int i = 0; i < 16 * 32; ++i) ASSERT_LE(std::abs(kernel[i]), glorot);
  const MatD u = Eigen::Map<const MatD>(kernel + 16 * 32, 8, 32);
  EXPECT_LE((u * u.transpose() - MatD::Identity(8, 8)).cwiseAbs().maxCoeff(), 1e-12);
  const double* bias = kernel + 16 * 32 + 8 * 32;
  for (int j = 0; j < 32; ++j) EXPECT_EQ(bias[j], (j >= 8 && j < 16) ? 1.0 : 0.0) << j;
  EXPECT_EQ(p.back(), 0.0);  // Dense bias

  Network<double> again(m);
  again.initialize(42);
  EXPECT_EQ(again.params(), p);  // same seed, same bits
  again.initialize(43);
  EXPECT_NE(again.params(), p);
  Network<float> single(m);
  single.initialize(42);
  for (size_t i = 0; i < p.size(); ++i) ASSERT_EQ(single.params()[i], float(p[i]));
}

}  // namespace
}  // namespace rnn::test
