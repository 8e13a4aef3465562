// The recurrent layers' fast paths against their general ones, on whole networks built with the
// paths chosen (RecurrentPaths, network.hpp):
//   - the fused loops (kernels/recurrent_step.hpp, time-major) against the general
//     Eigen loops, the plain reference path;
//   - the Embedding table (E·W + b projected once per batch, rows gathered, gradients scattered)
//     against gathering E's rows and projecting every step.
// Each model stacks Embedding → cell (return_sequences) → cell → Dense, so one run covers the
// table input, a continuous input, sequence outputs and their gradients. Outputs and every
// parameter gradient must agree: to 1e-12 in double (the same maths in another order) and in
// float to 2e-6 relative to the largest value (float rounding in another order).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/network.hpp"
#include "layer_test_helpers.hpp"

namespace rnn {
namespace {

struct Case {
  const char* name;
  LayerKind kind;
  bool reset_after;
};

ModelSpec stacked_model(const Case& c) {
  ModelSpec m;
  m.layers = {test::embedding_layer(30, 5), test::model_layer(c.kind, "first", 6, true),
              test::model_layer(c.kind, "second", 5),
              test::model_layer(LayerKind::Dense, "dense", 1)};
  for (int i : {1, 2}) {
    m.layers[size_t(i)].recurrent_activation = Activation::Sigmoid;
    m.layers[size_t(i)].reset_after = c.reset_after;
  }
  validate_and_infer(m);
  return m;
}

struct Result {
  std::vector<double> output;
  std::vector<double> grads;
};

// batch 4 × time 12 = 48 rows ≥ vocab 30: the table path applies when enabled.
template <typename S>
Result run(const ModelSpec& spec, bool fused, bool table) {
  Network<S> net(spec, RecurrentPaths{fused, table});
  net.initialize(5);
  Rng noise(9);
  for (S& p : net.params()) p += S(noise.uniform(-0.3, 0.3));  // non-zero biases too
  TokenBatch x{4, 12, {}};
  for (int i = 0; i < 48; ++i) x.ids.push_back(int32_t(noise.below(30)));
  Rng rng(1);
  const Mat<S>& y = net.forward(x, /*training=*/true, rng);
  Result r;
  r.output.assign(y.data(), y.data() + y.size());
  Mat<S> d_logits(y.rows(), y.cols());
  for (Eigen::Index i = 0; i < d_logits.size(); ++i) d_logits.data()[i] = S(noise.uniform(-1, 1));
  net.zero_grads();
  net.backward_from_logits(d_logits);
  r.grads.assign(net.grads().begin(), net.grads().end());
  return r;
}

double max_relative_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double diff = 0, scale = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff = std::max(diff, std::abs(a[i] - b[i]));
    scale = std::max(scale, std::abs(b[i]));
  }
  return diff / scale;
}

class RecurrentPathsTest : public ::testing::TestWithParam<Case> {};

TEST_P(RecurrentPathsTest, FastPathsMatchTheGeneralOnes) {
  const ModelSpec spec = stacked_model(GetParam());
  const Result ref_d = run<double>(spec, false, false);
  const Result ref_f = run<float>(spec, false, false);
  for (bool fused : {false, true}) {
    for (bool table : {false, true}) {
      const std::string label =
          std::string(fused ? "fused" : "general") + (table ? " + table" : " + gather");
      const Result d = run<double>(spec, fused, table);
      EXPECT_LT(max_relative_difference(d.output, ref_d.output), 1e-12) << label;
      EXPECT_LT(max_relative_difference(d.grads, ref_d.grads), 1e-12) << label;
      const Result f = run<float>(spec, fused, table);
      EXPECT_LT(max_relative_difference(f.output, ref_f.output), 2e-6) << label;
      EXPECT_LT(max_relative_difference(f.grads, ref_f.grads), 2e-6) << label;
      // And float against double: the fast gates' error, bounded as in kernels_recurrent_step_test.
      EXPECT_LT(max_relative_difference(f.grads, ref_d.grads), 5e-6) << label;
    }
  }
  // The gradients are not all zero (the comparison above would then be empty).
  EXPECT_GT(*std::max_element(ref_d.grads.begin(), ref_d.grads.end()), 1e-3);
}

INSTANTIATE_TEST_SUITE_P(Cells, RecurrentPathsTest,
                         ::testing::Values(Case{"simple_rnn", LayerKind::SimpleRNN, true},
                                           Case{"lstm", LayerKind::LSTM, true},
                                           Case{"gru_reset_after", LayerKind::GRU, true},
                                           Case{"gru_reset_before", LayerKind::GRU, false}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace rnn
