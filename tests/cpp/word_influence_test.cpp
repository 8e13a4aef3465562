// The word-influence views' two measures beyond the input gradient (engine/word_influence.hpp):
// occlusion_outputs against separate predictions, mean_input_gradients against the per-review
// norms by hand. (The input gradient itself: each cell's test file and recurrent_test.cpp.)

#include <gtest/gtest.h>

#include <cmath>

#include "cell_trace_helpers.hpp"
#include "engine/trainer.hpp"
#include "engine/word_influence.hpp"

namespace rnn::test {
namespace {

TEST(Occlusion, EveryVariantEqualsItsOwnPrediction) {
  TwinNetworks nets(
      cell_model({embedding_layer(kTraceVocab, 3), cell_layer(LayerKind::LSTM, "lstm", 4), head()}),
      6);
  Network<float>& fast = nets.fast;
  const std::vector<int32_t>& ids = kGradientIds;
  std::vector<int> steps;
  const Mat<float> out = occlusion_outputs(fast, ids, 2, steps);
  ASSERT_EQ(steps, (std::vector<int>{2, 3, 4, 5, 6, 7, 8}));  // the kept steps
  ASSERT_EQ(out.rows(), Eigen::Index(steps.size()));
  for (size_t k = 0; k < steps.size(); ++k) {
    std::vector<int32_t> variant = ids;
    variant[size_t(steps[k])] = 2;
    const Mat<float> alone = predict(fast, TokenBatch{1, int(variant.size()), variant}, 1);
    EXPECT_NEAR(out(Eigen::Index(k), 0), alone(0, 0), 1e-6) << "step " << steps[k];
  }
  // The step whose token is already the OOV id changes nothing.
  const Mat<float> original = predict(fast, TokenBatch{1, int(ids.size()), ids}, 1);
  EXPECT_NEAR(out(2, 0), original(0, 0), 1e-6);
  EXPECT_GT(std::abs(out(0, 0) - original(0, 0)), 1e-6);
}

TEST(MeanInputGradients, AveragesOverTheReviewsWithAWordAtEachPosition) {
  TwinNetworks nets(
      cell_model({embedding_layer(kTraceVocab, 3), cell_layer(LayerKind::GRU, "gru", 4), head()}),
      7);
  Network<double>& exact = nets.exact;
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
    const std::vector<int32_t> review(data.ids.begin() + b * 5, data.ids.begin() + b * 5 + 5);
    each.push_back(exact.input_gradient_norms(TokenBatch{1, 5, review}));
  }
  EXPECT_NEAR(mean(0), each[2](0, 0), 1e-12);                        // one review has a word there
  EXPECT_NEAR(mean(1), (each[1](0, 1) + each[2](0, 1)) / 2, 1e-12);  // two
  EXPECT_NEAR(mean(4), (each[0](0, 4) + each[1](0, 4) + each[2](0, 4)) / 3, 1e-12);
  EXPECT_EQ(mean_input_gradients(exact, data, 1)(0, 0),
            0.0);  // only the first review: padding there
}

}  // namespace
}  // namespace rnn::test
