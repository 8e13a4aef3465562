// Optimizer steps against values computed by hand from Keras 3's and tf.keras 2's update rules
// (DESIGN.md; README, "Keras parity notes").
#include <gtest/gtest.h>

#include <cmath>

#include "engine/optimizers.hpp"

namespace rnn {
namespace {

// Dense(2) on one feature: kernel (1, 2) at [0, 2), bias (2) at [2, 4) — two weight variables.
ModelSpec two_variable_model() {
  LayerSpec dense;
  dense.kind = LayerKind::Dense;
  dense.name = "dense";
  dense.units = 2;
  dense.activation = Activation::Sigmoid;
  dense.input_shape = {false, -1, 1};
  dense.output_shape = {false, -1, 2};
  ModelSpec model;
  model.layers = {dense};
  return model;
}

OptimizerConfig named(const std::string& name, double learning_rate = -1) {
  OptimizerConfig config;
  config.name = name;
  config.learning_rate = learning_rate;
  return config;
}

TEST(Optimizer, KerasDefaultLearningRates) {
  const ModelSpec model = two_variable_model();
  EXPECT_DOUBLE_EQ(Optimizer<double>::create(named("sgd"), model)->config().learning_rate, 0.01);
  EXPECT_DOUBLE_EQ(Optimizer<double>::create(named("RMSprop"), model)->config().learning_rate,
                   1e-3);
  EXPECT_DOUBLE_EQ(Optimizer<double>::create(named("Adam"), model)->config().learning_rate, 1e-3);
  EXPECT_EQ(Optimizer<double>::create(named("RMSprop"), model)->config().name, "rmsprop");
}

// Steps w = {w0, 0, 0, 0} of the Dense(2) model with gradients {g, 0, 0, 0}, one g of `gradients`
// a step: w[0] must be within `tolerance` of expected[step] after each. Returns w.
template <size_t N>
std::vector<double> expect_first_weight_steps(const OptimizerConfig& config, double w0,
                                              const double (&gradients)[N],
                                              const double (&expected)[N], double tolerance,
                                              int64_t* iterations = nullptr) {
  auto optimizer = Optimizer<double>::create(config, two_variable_model());
  std::vector<double> w = {w0, 0.0, 0.0, 0.0};
  for (size_t step = 0; step < N; ++step) {
    optimizer->step(w, {gradients[step], 0.0, 0.0, 0.0});
    EXPECT_NEAR(w[0], expected[step], tolerance) << "step " << step + 1;
  }
  if (iterations) *iterations = optimizer->iterations();
  return w;
}

TEST(Optimizer, RmspropPutsEpsilonInsideTheSquareRoot) {
  // Defaults lr 1e-3, ρ 0.9, ε 1e-7; tiny gradients so that ε matters:
  //   g = 1e-3:  v = 0.1·1e-6 = 1e-7;             w = 1 − 1e-3·1e-3/√(1e-7 + 1e-7)
  //                                                 = 0.9977639320225002
  //   g = 2e-3:  v = 0.9e-7 + 0.1·4e-6 = 4.9e-7;  w −= 1e-3·2e-3/√(4.9e-7 + 1e-7)
  //                                                 → 0.9951601538028838
  //   g = −1e-3: v = 4.41e-7 + 1e-7 = 5.41e-7;    w += 1e-3·1e-3/√(5.41e-7 + 1e-7)
  //                                                 → 0.9964091783833049
  // (ε outside the root would give 1 − 1e-6/(√1e-7 + 1e-7) = 0.99683872... after the first step.)
  int64_t iterations = 0;
  const std::vector<double> w = expect_first_weight_steps(
      named("rmsprop"), 1.0, {1e-3, 2e-3, -1e-3},
      {0.9977639320225002, 0.9951601538028838, 0.9964091783833049}, 1e-13, &iterations);
  EXPECT_EQ(w[1], 0.0);  // a zero gradient moves nothing: 0 / √(0 + ε) = 0
  EXPECT_EQ(iterations, 3);
}

OptimizerConfig rmsprop_with_momentum(double epsilon) {
  OptimizerConfig config = named("rmsprop", 0.1);
  config.rho = 0.5;
  config.momentum = 0.5;
  config.epsilon = epsilon;
  return config;
}

TEST(Optimizer, RmspropWithMomentumAccumulatesTheIncrement) {
  // lr 0.1, ρ 0.5, μ 0.5, ε 0, g = 1 twice:
  //   v1 = 0.5;  Δ1 = 0.1/√0.5 = 0.1414213562373095;  m1 = Δ1;            w = −0.1414213562373095
  //   v2 = 0.75; Δ2 = 0.1/√0.75 = 0.11547005383792516; m2 = 0.5·m1 + Δ2 = 0.18618073195657992
  //   w = −0.1414213562373095 − 0.18618073195657992 = −0.3276020881938894
  expect_first_weight_steps(rmsprop_with_momentum(0), 0.0, {1.0, 1.0},
                            {-0.1414213562373095, -0.3276020881938894}, 1e-15);
}

OptimizerConfig tf_keras_2(OptimizerConfig config) {
  config.keras = KerasVersion::TfKeras2;
  return config;
}

TEST(Optimizer, TfKeras2RmspropWithoutMomentumPutsEpsilonOutsideTheSquareRoot) {
  // Same steps as RmspropPutsEpsilonInsideTheSquareRoot, tf.keras 2's dense path Δ = lr·g/(√v + ε):
  //   g = 1e-3:  v = 1e-7;    √v + ε = 3.1622776601683794e-4 + 1e-7;  w = 1 − 1e-6/3.16327766e-4
  //                                                                      = 0.9968387220237038
  //   g = 2e-3:  v = 4.9e-7;  w −= 2e-6/(7.0e-4 + 1e-7)                  → 0.9939819872715255
  //   g = −1e-3: v = 5.41e-7; w += 1e-6/(7.355270e-4 + 1e-7)             → 0.9953413718104002
  const std::vector<double> w = expect_first_weight_steps(
      tf_keras_2(named("rmsprop")), 1.0, {1e-3, 2e-3, -1e-3},
      {0.9968387220237038, 0.9939819872715255, 0.9953413718104002}, 1e-13);
  EXPECT_EQ(w[1], 0.0);  // 0 / (√0 + ε) = 0
}

TEST(Optimizer, RmspropWithMomentumKeepsEpsilonInsideTheRootInBothGenerations) {
  // TensorFlow's ApplyRMSProp (tf.keras 2's momentum path) and Keras 3 agree: Δ = lr·g/√(v + ε).
  // lr 0.1, ρ 0.5, μ 0.5, ε 0.25, g = 1 twice:
  //   v1 = 0.5;  Δ1 = 0.1/√0.75 = 0.11547005383792516;  m1 = Δ1;  w = −0.11547005383792516
  //   v2 = 0.75; Δ2 = 0.1/√1 = 0.1;  m2 = 0.5·m1 + 0.1 = 0.15773502691896258;
  //   w = −0.27320508075688776
  // (ε outside the root would give −0.10448154998549658 after the first step.)
  const OptimizerConfig config = rmsprop_with_momentum(0.25);
  for (const OptimizerConfig& c : {config, tf_keras_2(config)})
    expect_first_weight_steps(c, 0.0, {1.0, 1.0}, {-0.11547005383792516, -0.27320508075688776},
                              1e-15);
}

// Two steps from w = 0 on the Dense(2) model, its kernel a table of `rows`: the first looks up both
// rows with gradient `first`, the second row 0 only with g = {1, 0, 0, 0}. Returns w.
std::vector<double> two_lookups(const OptimizerConfig& config, TouchedRows& rows,
                                const std::vector<double>& first) {
  auto optimizer = Optimizer<double>::create(config, two_variable_model());
  std::vector<double> w(4, 0.0);
  rows.touched = {1, 1};
  optimizer->step(w, first, &rows);
  rows.touched = {1, 0};
  optimizer->step(w, {1, 0, 0, 0}, &rows);
  return w;
}

TEST(Optimizer, TfKeras2MomentumUpdatesOnlyTheLookedUpRowsOfATable) {
  // The kernel (1, 2) is treated as a table of two rows of width 1 (an Embedding's shape).
  // SGD lr 0.1, μ 0.5. Step 1 looks up both rows with g = 1: m = −0.1, w = −0.1 everywhere.
  // Step 2 looks up row 0 only (g = 1 there, 0 elsewhere):
  //   row 0:  m = 0.5·(−0.1) − 0.1 = −0.15;  w = −0.25        (both generations)
  //   row 1:  Keras 3 (dense): m = −0.05, w = −0.15;  tf.keras 2 (sparse): untouched, w = −0.1
  //   bias (not a table, dense in both): g = 0, m = −0.05, w = −0.15
  TouchedRows rows;
  rows.offset = 0;
  rows.width = 1;
  for (const KerasVersion keras : {KerasVersion::Keras3, KerasVersion::TfKeras2}) {
    OptimizerConfig config = named("sgd", 0.1);
    config.momentum = 0.5;
    config.keras = keras;
    const std::vector<double> w = two_lookups(config, rows, {1, 1, 1, 1});
    const bool sparse = keras == KerasVersion::TfKeras2;
    EXPECT_NEAR(w[0], -0.25, 1e-15);
    EXPECT_NEAR(w[1], sparse ? -0.1 : -0.15, 1e-15);
    EXPECT_NEAR(w[2], -0.15, 1e-15);
    EXPECT_NEAR(w[3], -0.15, 1e-15);
  }
  // RMSprop with momentum too (lr 0.1, ρ 0.5, μ 0.5, ε 0); row 1 gets g = 1 and then is not
  // looked up: Keras 3 decays v to 0.25 and moves it by m = 0.5·0.1/√0.5 = 0.0707...; tf.keras 2
  // leaves it at −0.1/√0.5 = −0.1414213562373095.
  const std::vector<double> w =
      two_lookups(tf_keras_2(rmsprop_with_momentum(0)), rows, {1, 1, 0, 0});
  EXPECT_NEAR(w[1], -0.1414213562373095, 1e-15);
  EXPECT_NEAR(w[0], -0.3276020881938894, 1e-15);  // the dense momentum test's value
  // Without momentum tf.keras 2's sparse paths equal the dense rule: the rows are ignored.
  auto plain = Optimizer<double>::create(tf_keras_2(named("sgd", 0.1)), two_variable_model());
  std::vector<double> p(4, 0.0);
  plain->step(p, {1, 1, 1, 1}, &rows);
  EXPECT_EQ(p, (std::vector<double>{-0.1, -0.1, -0.1, -0.1}));
}

TEST(Optimizer, AdamBiasCorrectionOverSeveralSteps) {
  // Defaults lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7; α_t = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ).
  // Step 1, g = 0.1: m = 0.01, v = 1e-5, α = 1e-3·√0.001/0.1 = 3.1622776601683794e-4,
  //   w = 0.5 − α·0.01/(√1e-5 + 1e-7) = 0.5 − 1e-3·(1 − ~3.2e-5) = 0.49900003162177664.
  // Steps 2 and 3 follow the same arithmetic (m ← m + (g − m)·0.1, v ← v + (g² − v)·0.001).
  auto optimizer = Optimizer<double>::create(named("adam"), two_variable_model());
  std::vector<double> w = {0.5, -0.5, 0.0, 0.0};
  const std::vector<std::vector<double>> gradients = {
      {0.1, -2.0, 0, 0}, {0.3, 1.0, 0, 0}, {-0.2, 0.5, 0, 0}};
  const double expected[3][2] = {{0.49900003162177664, -0.49900000158113633},
                                 {0.4980822596809747, -0.4987336649182836},
                                 {0.4978243580564026, -0.49867227614028903}};
  for (int step = 0; step < 3; ++step) {
    optimizer->step(w, gradients[step]);
    EXPECT_NEAR(w[0], expected[step][0], 1e-14) << "step " << step + 1;
    EXPECT_NEAR(w[1], expected[step][1], 1e-14) << "step " << step + 1;
  }
}

TEST(Optimizer, SgdPlainMomentumAndNesterov) {
  const ModelSpec model = two_variable_model();
  // Plain, default lr 0.01: w = 1 − 0.01·2 = 0.98.
  auto plain = Optimizer<double>::create(named("sgd"), model);
  std::vector<double> w = {1, 0, 0, 0};
  plain->step(w, {2, 0, 0, 0});
  EXPECT_NEAR(w[0], 0.98, 1e-15);

  // Momentum 0.9, lr 0.1, gradients 1, 0.5, −1:
  //   m = −0.1 → w 0.9;  m = −0.09 − 0.05 = −0.14 → 0.76;  m = −0.126 + 0.1 = −0.026 → 0.734
  OptimizerConfig config = named("sgd", 0.1);
  config.momentum = 0.9;
  auto momentum = Optimizer<double>::create(config, model);
  // Nesterov: w += μ·m − lr·g:  1 − 0.09 − 0.1 = 0.81;  0.81 − 0.126 − 0.05 = 0.634;
  //   0.634 − 0.0234 + 0.1 = 0.7106
  config.nesterov = true;
  auto nesterov = Optimizer<double>::create(config, model);
  std::vector<double> a = {1, 0, 0, 0}, b = {1, 0, 0, 0};
  const double gradient[] = {1, 0.5, -1};
  const double expected_momentum[] = {0.9, 0.76, 0.734};
  const double expected_nesterov[] = {0.81, 0.634, 0.7106};
  for (int step = 0; step < 3; ++step) {
    momentum->step(a, {gradient[step], 0, 0, 0});
    nesterov->step(b, {gradient[step], 0, 0, 0});
    EXPECT_NEAR(a[0], expected_momentum[step], 1e-14) << "step " << step + 1;
    EXPECT_NEAR(b[0], expected_nesterov[step], 1e-14) << "step " << step + 1;
  }
}

TEST(Optimizer, ClipnormClipsEachWeightVariableByItsOwnNorm) {
  // SGD lr 1, clipnorm 1. Kernel gradient (3, 4) has norm 5 → scaled by 1/5 to (0.6, 0.8).
  // Bias gradient (0.3, 0.4) has norm 0.5 ≤ 1 → unchanged. (Clipping the whole buffer by its
  // norm √25.25 would have scaled the bias too.)
  OptimizerConfig config = named("sgd", 1.0);
  config.clipnorm = 1.0;
  auto optimizer = Optimizer<double>::create(config, two_variable_model());
  std::vector<double> w(4, 0.0);
  optimizer->step(w, {3, 4, 0.3, 0.4});
  EXPECT_NEAR(w[0], -0.6, 1e-15);
  EXPECT_NEAR(w[1], -0.8, 1e-15);
  EXPECT_NEAR(w[2], -0.3, 1e-15);
  EXPECT_NEAR(w[3], -0.4, 1e-15);
}

TEST(Optimizer, FloatFollowsDouble) {
  const ModelSpec model = two_variable_model();
  for (const char* name : {"sgd", "rmsprop", "adam"}) {
    auto single = Optimizer<float>::create(named(name), model);
    auto twin = Optimizer<double>::create(named(name), model);
    std::vector<float> wf = {0.2f, -0.1f, 0.05f, 0.0f};
    std::vector<double> wd = {0.2f, -0.1f, 0.05f, 0.0f};
    for (int step = 0; step < 10; ++step) {
      const double g = 0.3 * std::sin(step + 1.0);
      single->step(wf, {float(g), float(-g), float(2 * g), 0.5f});
      twin->step(wd, {float(g), float(-g), float(2 * g), 0.5f});
    }
    for (int i = 0; i < 4; ++i) EXPECT_NEAR(wf[i], wd[i], 2e-6) << name << " " << i;
  }
}

TEST(Optimizer, RejectsBadConfigurationsWithAMessage) {
  const ModelSpec model = two_variable_model();
  EXPECT_THROW(Optimizer<float>::create(named("adagrad"), model), ModelError);
  EXPECT_THROW(Optimizer<float>::create(named("adam", 0.0), model), ModelError);
  EXPECT_THROW(Optimizer<float>::create(named("adam", std::nan("")), model), ModelError);
  OptimizerConfig bad = named("rmsprop");
  bad.rho = 1.5;
  EXPECT_THROW(Optimizer<float>::create(bad, model), ModelError);
  bad = named("adam");
  bad.beta_2 = 1.0;
  EXPECT_THROW(Optimizer<float>::create(bad, model), ModelError);
  bad = named("rmsprop");
  bad.nesterov = true;
  EXPECT_THROW(Optimizer<float>::create(bad, model), ModelError);
  bad = named("sgd");
  bad.clipnorm = -1;
  try {
    Optimizer<float>::create(bad, model);
    FAIL() << "negative clipnorm accepted";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("clipnorm"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("-1"), std::string::npos) << e.what();
  }
  auto optimizer = Optimizer<float>::create(named("sgd"), model);
  std::vector<float> too_short(3, 0.0f);
  EXPECT_THROW(optimizer->step(too_short, {0, 0, 0}), ModelError);
}

// A saved run goes on exactly: an optimizer that took two steps, saved (state() and iterations())
// and restored into a fresh optimizer, takes its third step as the uninterrupted one does. Adam's
// third step depends on the iteration count (bias correction), RMSprop with momentum on both slots.
TEST(Optimizer, RestoredStateContinuesExactly) {
  const ModelSpec model = two_variable_model();
  const std::vector<std::vector<double>> gradients = {
      {0.5, -1.0, 0.25, 2.0}, {-0.3, 0.7, 1.5, -0.2}, {0.9, 0.1, -0.4, 0.6}};
  OptimizerConfig rms_momentum = named("rmsprop");
  rms_momentum.momentum = 0.5;
  OptimizerConfig sgd_momentum = named("sgd");
  sgd_momentum.momentum = 0.9;
  for (const OptimizerConfig& config :
       {named("adam"), named("rmsprop"), rms_momentum, sgd_momentum, named("sgd")}) {
    auto whole = Optimizer<double>::create(config, model);
    std::vector<double> w_whole = {0.1, 0.2, 0.3, 0.4};
    for (const auto& g : gradients) whole->step(w_whole, g);

    auto first = Optimizer<double>::create(config, model);
    std::vector<double> w = {0.1, 0.2, 0.3, 0.4};
    first->step(w, gradients[0]);
    first->step(w, gradients[1]);
    auto resumed = Optimizer<double>::create(config, model);
    resumed->state() = first->state();
    resumed->set_iterations(first->iterations());
    resumed->step(w, gradients[2]);
    for (size_t i = 0; i < w.size(); ++i)
      EXPECT_DOUBLE_EQ(w[i], w_whole[i]) << config.name << " weight " << i;
    EXPECT_EQ(resumed->iterations(), 3);

    // Without the restored state the third step differs (the test can tell the two apart),
    // except for plain SGD, which has no state.
    auto fresh = Optimizer<double>::create(config, model);
    std::vector<double> w_fresh = {0.1, 0.2, 0.3, 0.4};
    first = Optimizer<double>::create(config, model);
    first->step(w_fresh, gradients[0]);
    first->step(w_fresh, gradients[1]);
    fresh->step(w_fresh, gradients[2]);
    if (first->state().empty())
      EXPECT_EQ(w_fresh, w_whole);
    else
      EXPECT_NE(w_fresh, w_whole) << config.name;
  }
}

TEST(Optimizer, StateHoldsOneSlotPerOptimizerVariable) {
  const ModelSpec model = two_variable_model();  // four parameters
  OptimizerConfig rms_momentum = named("rmsprop");
  rms_momentum.momentum = 0.5;
  OptimizerConfig sgd_momentum = named("sgd");
  sgd_momentum.momentum = 0.9;
  EXPECT_EQ(Optimizer<double>::create(named("adam"), model)->state().size(), 8u);  // m, v
  EXPECT_EQ(Optimizer<double>::create(named("rmsprop"), model)->state().size(), 4u);
  EXPECT_EQ(Optimizer<double>::create(rms_momentum, model)->state().size(), 8u);
  EXPECT_EQ(Optimizer<double>::create(sgd_momentum, model)->state().size(), 4u);
  EXPECT_EQ(Optimizer<double>::create(named("sgd"), model)->state().size(), 0u);
}

}  // namespace
}  // namespace rnn
