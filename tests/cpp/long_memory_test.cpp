// Long-range memory, the curriculum's point about LSTM versus SimpleRNN: with Keras' default
// initialisers, the same data and the same optimizer, an LSTM learns to carry one token across
// 160+ steps of strong noise, while a SimpleRNN, given at least as many updates, does not.
//
// The task. Token ids 0..31 are read as one-hot vectors (no Embedding), so every step adds a whole
// row of the glorot-initialised input kernel to the cell's pre-activations (about ±0.4 per unit),
// not a ±0.05 embedding: the noise pushes the state hard. Each sequence has 200 steps; exactly one
// step holds the signal token, 0 (label 1) or 1 (label 0), and every other step one of 30 noise
// tokens 2..31. In the training data the signal's position is uniform over all 200 steps (short
// gaps give a learning signal to start from); in the validation data it is within the first 40
// steps, so the label has to be carried through at least 160 steps of noise.
//
// Measured (float, this file's settings; "epochs" = when the LSTM first reached 0.95 validation
// accuracy out of a budget of 30; the SimpleRNN always ran all 30):
//   LSTM, model seeds 1..16: reached >= 0.95 on all 16, after 12..22 epochs (seed 1: 14 epochs,
//     0.995; seed 4: 18 epochs, 0.995). Its first-epoch loss was 0.690..0.697 (log 2: chance).
//   SimpleRNN, model seeds 1..24: 22 of 24 never exceeded 0.585 validation accuracy in any epoch
//     (seed 1: best 0.510; seed 4: best 0.525) while fitting their training data to 0.75..0.87
//     accuracy by memorising the noise; 2 of 24 (seeds 6 and 24) broke through late, around
//     epochs 20..25, to 0.995 / 1.0. So SimpleRNN is not incapable of the task in principle: the
//     long gap makes its gradients vanish and it finds the solution only rarely, whereas LSTM
//     (forget gate biased open, additive cell) finds it every time.
//   GRU, model seeds 1..8: reached >= 0.95 on all 8, after 16..30 epochs; not tested here because
//     its steps cost about 2.4 times an LSTM's at this size, which would double the run time.
//   Shorter tasks separate the cells less: with 100 steps SimpleRNN solved some seeds within the
//     budget; with 300 steps no SimpleRNN seed broke through but the LSTM often needed > 30 epochs.
// The seeds below are typical ones of those runs, with wide margins on both sides: the LSTM
// reaches 0.95 with 8+ epochs of budget to spare, the SimpleRNN stays below 0.53 where the test
// allows 0.65.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "engine/model_json.hpp"
#include "engine/trainer.hpp"
#include "random_dataset.hpp"

namespace rnn {
namespace {

constexpr int kTime = 200;
constexpr int kNoiseTokens = 30;
constexpr int kVocab = 2 + kNoiseTokens;  // 0 and 1 are the signal, 2.. the noise
constexpr int kEpochBudget = 30;
constexpr double kLstmTarget = 0.95;  // validation accuracy at which the LSTM has learnt it
constexpr double kSimpleRnnCeiling =
    0.65;  // chance is 0.5 (the classes are balanced in expectation)

// InputLayer (time, vocabulary) one-hot → <cell>(8) → Dense(1, sigmoid), Keras' defaults otherwise.
ModelSpec one_hot_model(const std::string& cell) {
  return parse_model_json(
      R"({"class_name":"Sequential","config":{"name":"long_memory","layers":[)"
      R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,)" +
      std::to_string(kTime) + "," + std::to_string(kVocab) + "]}}," + R"({"class_name":")" + cell +
      R"(","config":{"name":"cell","units":8}},)" +
      R"({"class_name":"Dense","config":{"name":"out","units":1,"activation":"sigmoid"}}]}})");
}

// `count` sequences whose one signal token sits at a position drawn from [first, last).
Dataset signal_in_noise(int count, int first, int last, uint64_t seed) {
  return random_dataset(count, kTime, seed, [&](Rng& rng, int32_t* row) {
    const int label = static_cast<int>(rng.below(2));
    const int at = first + static_cast<int>(rng.below(static_cast<uint64_t>(last - first)));
    for (int t = 0; t < kTime; ++t)
      row[t] = t == at ? (label ? 0 : 1) : static_cast<int32_t>(2 + rng.below(kNoiseTokens));
    return label;
  });
}

struct TrainingRun {
  std::vector<EpochLog> history;
  StopReason reason;
  double best_val_accuracy = 0;
};

// Adam at 3e-3 with clipnorm 1, batches of 32, up to kEpochBudget epochs; stops early once the
// validation accuracy reaches stop_at (pass > 1 to always run the whole budget).
TrainingRun train(const std::string& cell, uint64_t seed, double stop_at) {
  static const Dataset train_data = signal_in_noise(512, 0, kTime, 11);
  static const Dataset far_validation = signal_in_noise(200, 0, kTime / 5, 12);
  Network<float> network(one_hot_model(cell));
  network.initialize(seed);
  FitConfig config;
  config.epochs = kEpochBudget;
  config.batch_size = 32;
  config.seed = seed;
  config.optimizer.name = "adam";
  config.optimizer.learning_rate = 3e-3;
  config.optimizer.clipnorm = 1.0;
  Trainer<float> trainer(network, train_data, &far_validation, config);
  while (!trainer.finished()) {
    const BatchProgress progress = trainer.run_slice(1000);  // a slice ends at most one epoch
    if (progress.epoch_ended && trainer.history().back().val_accuracy >= stop_at) trainer.stop();
  }
  TrainingRun run{trainer.history(), trainer.stop_reason()};
  for (const EpochLog& log : run.history)
    run.best_val_accuracy = std::max(run.best_val_accuracy, log.val_accuracy);
  return run;
}

std::string curve(const TrainingRun& run) {
  std::string s;
  for (const EpochLog& log : run.history) s += " " + std::to_string(log.val_accuracy).substr(0, 5);
  return s;
}

TEST(LongMemory, LstmCarriesOneTokenAcrossMoreThan160StepsOfNoise) {
  for (const uint64_t seed : {1, 4}) {
    const TrainingRun run = train("LSTM", seed, kLstmTarget);
    ASSERT_FALSE(run.history.empty());
    EXPECT_NEAR(run.history.front().loss, 0.693, 0.03) << "seed " << seed;  // chance at the start
    // Reached the target before the budget ran out (it would have Completed otherwise).
    EXPECT_EQ(run.reason, StopReason::StoppedByCaller)
        << "seed " << seed << ": validation accuracy per epoch:" << curve(run);
    EXPECT_GE(run.history.back().val_accuracy, kLstmTarget) << "seed " << seed << ":" << curve(run);
  }
}

TEST(LongMemory, SimpleRnnDoesNotWithTheSameBudget) {
  for (const uint64_t seed : {1, 4}) {
    const TrainingRun run = train("SimpleRNN", seed, 2.0);  // never stops early: the whole budget
    EXPECT_EQ(run.reason, StopReason::Completed) << "seed " << seed;
    ASSERT_EQ(run.history.size(), static_cast<size_t>(kEpochBudget));
    // Near chance on the long gaps in every epoch...
    EXPECT_LE(run.best_val_accuracy, kSimpleRnnCeiling) << "seed " << seed << ":" << curve(run);
    // ...although it trains: it fits the training sequences (by memorising their noise; measured
    // 0.75..0.87), so the failure is not a network that does not learn at all.
    EXPECT_GE(run.history.back().accuracy, 0.7) << "seed " << seed;
  }
}

}  // namespace
}  // namespace rnn
