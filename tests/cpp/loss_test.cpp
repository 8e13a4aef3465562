// Losses against hand-computed values and central finite differences; model-to-loss mapping.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/losses.hpp"

namespace rnn {
namespace {

Mat<double> column(std::initializer_list<double> values) {
  Mat<double> m(static_cast<Eigen::Index>(values.size()), 1);
  Eigen::Index i = 0;
  for (double v : values) m(i++, 0) = v;
  return m;
}

TEST(BinaryCrossentropy, MatchesHandComputedValues) {
  // Per sample L = −y·log σ(z) − (1 − y)·log(1 − σ(z)):
  //   z = 0,  y = 1: −log 0.5 = log 2                         = 0.6931471805599453
  //   z = 2,  y = 0: −log(1 − σ(2)) = 2 + log(1 + e^−2)       = 2.1269280110429727
  //   z = −3, y = 0: −log(1 − σ(−3)) = log(1 + e^−3)          = 0.04858735157374206
  //   z = 30, y = 1: log(1 + e^−30)                            ≈ 9.357622968840175e-14
  //   z = −30, y = 1: 30 + log(1 + e^−30)                      ≈ 30.0000000000000936
  const Mat<double> z = column({0, 2, -3, 30, -30});
  const std::vector<int32_t> y = {1, 0, 0, 1, 1};
  Mat<double> grad;
  const auto value = loss_and_gradient(LossKind::BinaryCrossentropy, z, y, &grad);
  const double expected = (0.6931471805599453 + 2.1269280110429727 + 0.04858735157374206 +
                           9.357622968840175e-14 + 30.0000000000000936) /
                          5;
  EXPECT_NEAR(value.loss, expected, 1e-14);
  // σ(z) > 0.5: z = 0 gives exactly 0.5 -> predicted 0 (wrong), z = 2 -> 1 (wrong), z = −3 -> 0
  // (right), z = 30 -> 1 (right), z = −30 -> 0 (wrong): 2 of 5.
  EXPECT_DOUBLE_EQ(value.accuracy, 0.4);
  // dL/dz = (σ(z) − y) / batch.
  EXPECT_NEAR(grad(0, 0), (0.5 - 1) / 5, 1e-15);
  EXPECT_NEAR(grad(1, 0), 0.8807970779778823 / 5, 1e-15);
  EXPECT_NEAR(grad(2, 0), 0.04742587317756678 / 5, 1e-15);
  EXPECT_NEAR(grad(3, 0), -9.357622968840175e-14 / 5, 1e-16);  // σ(30) − 1 cancels to ~1 ulp of 1
  EXPECT_NEAR(grad(4, 0), (9.357622968840175e-14 - 1) / 5, 1e-15);
}

TEST(BinaryCrossentropy, StaysFiniteForSaturatedFloatLogits) {
  // A naive −log σ(z) in float would give log(0) = −inf for z = −200.
  Mat<float> z(2, 1);
  z << -200.0f, 200.0f;
  Mat<float> grad;
  const auto value = loss_and_gradient(LossKind::BinaryCrossentropy, z, {1, 0}, &grad);
  EXPECT_NEAR(value.loss, 200.0, 1e-4);  // (200 + 200) / 2
  EXPECT_FLOAT_EQ(grad(0, 0), -0.5f);
  EXPECT_FLOAT_EQ(grad(1, 0), 0.5f);
}

TEST(BinaryCrossentropy, GradientMatchesFiniteDifferences) {
  const Mat<double> z = column({0.3, -1.7, 4.2, -0.01});
  const std::vector<int32_t> y = {1, 0, 1, 0};
  Mat<double> grad;
  loss_and_gradient(LossKind::BinaryCrossentropy, z, y, &grad);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < z.rows(); ++i) {
    Mat<double> plus = z, minus = z;
    plus(i, 0) += h;
    minus(i, 0) -= h;
    const double numeric =
        (loss_and_gradient(LossKind::BinaryCrossentropy, plus, y, nullptr).loss -
         loss_and_gradient(LossKind::BinaryCrossentropy, minus, y, nullptr).loss) /
        (2 * h);
    EXPECT_NEAR(grad(i, 0), numeric, 1e-9) << "sample " << i;
  }
}

TEST(BinaryCrossentropy, RejectsLabelsOtherThanZeroOrOne) {
  EXPECT_THROW(loss_and_gradient(LossKind::BinaryCrossentropy, column({0.0}), {2}, nullptr),
               ModelError);
  EXPECT_THROW(loss_and_gradient(LossKind::BinaryCrossentropy, column({0.0, 1.0}), {1}, nullptr),
               ModelError);
}

TEST(SparseCategoricalCrossentropy, MatchesHandComputedValues) {
  // logits (1, 2, 3): logsumexp = log(e + e² + e³) = 3.40760596444438
  //   label 0: 3.40760596444438 − 1 = 2.40760596444438; label 2: 0.40760596444438
  // softmax = (0.09003057317038046, 0.24472847105479767, 0.6652409557748219)
  Mat<double> z(2, 3);
  z << 1, 2, 3, 1, 2, 3;
  Mat<double> grad;
  const auto value = loss_and_gradient(LossKind::SparseCategoricalCrossentropy, z, {0, 2}, &grad);
  EXPECT_NEAR(value.loss, (2.40760596444438 + 0.40760596444438) / 2, 1e-14);
  EXPECT_DOUBLE_EQ(value.accuracy, 0.5);  // argmax is class 2 for both
  // dL/dz = (softmax − one_hot) / batch
  EXPECT_NEAR(grad(0, 0), (0.09003057317038046 - 1) / 2, 1e-15);
  EXPECT_NEAR(grad(0, 1), 0.24472847105479767 / 2, 1e-15);
  EXPECT_NEAR(grad(0, 2), 0.6652409557748219 / 2, 1e-15);
  EXPECT_NEAR(grad(1, 2), (0.6652409557748219 - 1) / 2, 1e-15);
}

TEST(SparseCategoricalCrossentropy, StaysFiniteForHugeLogits) {
  // e^1000 overflows; shifting by the maximum gives logsumexp = 1000 exactly, so L = 1000 − 0.
  Mat<float> z(1, 3);
  z << 1000.0f, 0.0f, -1000.0f;
  Mat<float> grad;
  const auto value = loss_and_gradient(LossKind::SparseCategoricalCrossentropy, z, {1}, &grad);
  EXPECT_NEAR(value.loss, 1000.0, 1e-3);
  EXPECT_FLOAT_EQ(grad(0, 0), 1.0f);
  EXPECT_FLOAT_EQ(grad(0, 1), -1.0f);
  EXPECT_FLOAT_EQ(grad(0, 2), 0.0f);
}

TEST(SparseCategoricalCrossentropy, GradientMatchesFiniteDifferences) {
  Mat<double> z(2, 4);
  z << 0.1, -0.4, 2.0, 0.7, -1.2, 0.3, 0.0, 0.9;
  const std::vector<int32_t> y = {3, 1};
  Mat<double> grad;
  loss_and_gradient(LossKind::SparseCategoricalCrossentropy, z, y, &grad);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < z.rows(); ++i) {
    for (Eigen::Index j = 0; j < z.cols(); ++j) {
      Mat<double> plus = z, minus = z;
      plus(i, j) += h;
      minus(i, j) -= h;
      const double numeric =
          (loss_and_gradient(LossKind::SparseCategoricalCrossentropy, plus, y, nullptr).loss -
           loss_and_gradient(LossKind::SparseCategoricalCrossentropy, minus, y, nullptr).loss) /
          (2 * h);
      EXPECT_NEAR(grad(i, j), numeric, 1e-9) << i << "," << j;
    }
  }
}

TEST(SparseCategoricalCrossentropy, RejectsOutOfRangeClasses) {
  Mat<double> z(1, 3);
  z << 0, 0, 0;
  EXPECT_THROW(loss_and_gradient(LossKind::SparseCategoricalCrossentropy, z, {3}, nullptr),
               ModelError);
  EXPECT_THROW(loss_and_gradient(LossKind::SparseCategoricalCrossentropy, z, {-1}, nullptr),
               ModelError);
}

LayerSpec dense(int units, Activation activation) {
  LayerSpec layer;
  layer.kind = LayerKind::Dense;
  layer.name = "dense";
  layer.units = units;
  layer.activation = activation;
  layer.input_shape = {false, -1, 8};
  layer.output_shape = {false, -1, units};
  return layer;
}

TEST(LossKindFor, FollowsTheLastLayer) {
  ModelSpec model;
  model.layers = {dense(1, Activation::Sigmoid)};
  EXPECT_EQ(loss_kind_for(model), LossKind::BinaryCrossentropy);
  model.layers = {dense(46, Activation::Softmax)};
  EXPECT_EQ(loss_kind_for(model), LossKind::SparseCategoricalCrossentropy);
  model.layers = {dense(1, Activation::Linear)};
  try {
    loss_kind_for(model);
    FAIL() << "a linear output has no loss here";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("sigmoid"), std::string::npos) << e.what();
  }
  model.layers = {dense(1, Activation::Softmax)};
  EXPECT_THROW(loss_kind_for(model), ModelError);
  LayerSpec lstm;
  lstm.kind = LayerKind::LSTM;
  lstm.name = "lstm";
  lstm.units = 8;
  model.layers = {lstm};
  EXPECT_THROW(loss_kind_for(model), ModelError);
  LayerSpec per_step = dense(1, Activation::Sigmoid);
  per_step.output_shape = {true, 100, 1};
  model.layers = {per_step};
  EXPECT_THROW(loss_kind_for(model), ModelError);
}

}  // namespace
}  // namespace rnn
