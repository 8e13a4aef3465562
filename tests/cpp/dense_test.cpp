// Dense and the activations: closed forms, softmax rows, Dense on 3-D = Dense per step, extreme
// inputs, the one-hot gather, and the gradient checks. Keras' Dense: y = activation(x W + b),
// kernel W (in, units), applied to every step of a 3-D input. Embedding: embedding_test.cpp.

#include <gtest/gtest.h>

#include "engine/activations.hpp"
#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

TEST(Activations, KerasFormulasAtKnownPoints) {
  Mat<double> z(1, 5);
  z << -4.0, -1.0, 0.0, 1.5, 4.0;
  auto apply = [&](Activation a) {
    Mat<double> y = z;
    apply_activation(a, y);
    return y;
  };
  const Mat<double> hs2 = apply(Activation::HardSigmoid),
                    hs3 = apply(Activation::HardSigmoidKeras3);
  const double k2[] = {0.0, 0.3, 0.5, 0.8, 1.0};             // clip(0.2x + 0.5)
  const double k3[] = {0.0, 0.5 - 1.0 / 6, 0.5, 0.75, 1.0};  // clip(x/6 + 0.5)
  for (int i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(hs2(0, i), k2[i]);
    EXPECT_DOUBLE_EQ(hs3(0, i), k3[i]);
  }
  EXPECT_EQ(apply(Activation::Relu), (Mat<double>(1, 5) << 0, 0, 0, 1.5, 4.0).finished());
  EXPECT_DOUBLE_EQ(apply(Activation::Sigmoid)(0, 3), 1 / (1 + std::exp(-1.5)));
  EXPECT_DOUBLE_EQ(apply(Activation::Tanh)(0, 1), std::tanh(-1.0));
}

// NaN goes through every activation as NaN (as in Keras and TF.js), so a diverged pre-activation
// reaches the loss and the trainer's non-finite check instead of turning into a finite 0 or 1.
TEST(Activations, NaNStaysNaN) {
  for (Activation a :
       {Activation::Linear, Activation::Relu, Activation::Tanh, Activation::Sigmoid,
        Activation::HardSigmoid, Activation::HardSigmoidKeras3, Activation::Softmax}) {
    Mat<float> f(1, 4);
    f << std::nanf(""), -1.f, 0.5f, 2.f;
    Mat<double> d = f.cast<double>();
    apply_activation(a, f);
    apply_activation(a, d);
    EXPECT_TRUE(std::isnan(f(0, 0))) << "float activation " << int(a);
    EXPECT_TRUE(std::isnan(d(0, 0))) << "double activation " << int(a);
  }
}

TEST(Activations, ExtremeInputsStayFinite) {
  Mat<float> z(1, 4);
  z << -300.f, -88.f, 88.f, 300.f;
  Mat<float> s = z, t = z, m = z;
  apply_activation(Activation::Sigmoid, s);
  apply_activation(Activation::Tanh, t);
  apply_activation(Activation::Softmax, m);
  EXPECT_TRUE(s.allFinite());
  EXPECT_NEAR(s(0, 0), 0.f, 1e-30f);
  EXPECT_EQ(s(0, 3), 1.f);
  EXPECT_EQ(t(0, 0), -1.f);
  EXPECT_EQ(t(0, 3), 1.f);
  EXPECT_TRUE(m.allFinite());
  EXPECT_FLOAT_EQ(m(0, 3), 1.f);
  EXPECT_FLOAT_EQ(m.sum(), 1.f);
}

TEST(Dense, ZeroKernelGivesActivationOfBias) {
  BoundLayer<double> bl(dense_spec(3, 4, Activation::Sigmoid));
  bl.params[12] = -1.0, bl.params[13] = 0.0, bl.params[14] = 2.0;  // bias after the (4, 3) kernel
  Rng rng(1);
  const Mat<double>& y = bl.forward(random_matrix<double>(5, 4, rng), 5, 0);
  for (int r = 0; r < 5; ++r) {
    EXPECT_DOUBLE_EQ(y(r, 0), 1 / (1 + std::exp(1.0)));
    EXPECT_DOUBLE_EQ(y(r, 1), 0.5);
    EXPECT_DOUBLE_EQ(y(r, 2), 1 / (1 + std::exp(-2.0)));
  }
}

TEST(Dense, KernelLayoutIsInputsByUnits) {
  // x = e_1 picks kernel row 1 = params[3..5] of a (4, 3) row-major kernel.
  BoundLayer<double> bl(dense_spec(3, 4, Activation::Linear));
  for (size_t i = 0; i < 12; ++i) bl.params[i] = double(i);
  Mat<double> x = Mat<double>::Zero(1, 4);
  x(0, 1) = 1;
  const Mat<double>& y = bl.forward(x, 1, 0);
  EXPECT_EQ(y, (Mat<double>(1, 3) << 3, 4, 5).finished());
}

TEST(Dense, SoftmaxRowsSumToOne) {
  BoundLayer<double> bl(dense_spec(5, 3, Activation::Softmax, true, 4));
  Rng rng(2);
  fill_random(bl.params, rng, 3.0);
  const Mat<double>& y = bl.forward(random_matrix<double>(8, 3, rng, 5.0), 2, 4);
  for (Eigen::Index r = 0; r < y.rows(); ++r) {
    EXPECT_NEAR(y.row(r).sum(), 1.0, 1e-15);
    EXPECT_GT(y.row(r).minCoeff(), 0.0);
  }
}

TEST(Dense, On3DEqualsDenseOnEveryStep) {
  BoundLayer<double> seq(dense_spec(3, 4, Activation::Tanh, true, 5));
  BoundLayer<double> flat(dense_spec(3, 4, Activation::Tanh));
  Rng rng(3);
  fill_random(seq.params, rng);
  flat.params = seq.params;
  const Mat<double> x = random_matrix<double>(2 * 5, 4, rng);
  const Mat<double> y = seq.forward(x, 2, 5);
  ASSERT_EQ(y.rows(), 10);
  for (int b = 0; b < 2; ++b)
    for (int t = 0; t < 5; ++t) {
      const Mat<double> step = x.row(b * 5 + t);
      EXPECT_EQ(y.row(b * 5 + t), flat.forward(step, 1, 0).row(0)) << b << "," << t;
    }
}

TEST(Dense, LogitsArePreActivation) {
  BoundLayer<double> bl(dense_spec(1, 2, Activation::Sigmoid));
  bl.params = {0.5, -1.0, 0.25};
  Mat<double> x(1, 2);
  x << 2.0, 1.0;
  bl.forward(x, 1, 0);
  EXPECT_DOUBLE_EQ(bl.layer->logits()(0, 0), 0.25);  // 2·0.5 − 1 + 0.25
  EXPECT_DOUBLE_EQ(bl.layer->output()(0, 0), 1 / (1 + std::exp(-0.25)));
}

TEST(Dense, OneHotInputGathersKernelRows) {
  LayerSpec spec = dense_spec(2, 5, Activation::Linear, true, 3);
  spec.one_hot_input = true;
  BoundLayer<double> bl(spec);
  for (size_t i = 0; i < bl.params.size(); ++i) bl.params[i] = double(i);
  const Mat<double>& y = bl.forward_ids({4, 0, 2}, 1, 3);
  EXPECT_EQ(y, (Mat<double>(3, 2) << 8 + 10, 9 + 11, 0 + 10, 1 + 11, 4 + 10, 5 + 11).finished());
}

// ---- gradient checks: central differences in double, relative error ≤ 1e-6 ----

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

TEST(NetworkGradient, OneHotDenseOn3D) {
  ModelSpec m;
  m.input_length = 4;
  m.vocab = 5;
  m.layers = {model_layer(LayerKind::Dense, "dense_in", 3),
              model_layer(LayerKind::SimpleRNN, "rnn", 2),
              model_layer(LayerKind::Dense, "dense", 1)};
  check_network_gradients(m, 2, 4, false);
}

}  // namespace
}  // namespace rnn::test
