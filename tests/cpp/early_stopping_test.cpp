// Keras 3's and tf.keras 2's EarlyStopping decisions on scripted sequences of monitored values.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/early_stopping.hpp"
#include "engine/model_spec.hpp"

namespace rnn {
namespace {

struct Replay {
  int stopped_after = -1;  // epoch (from 0) whose verdict said stop; -1 = never
  std::vector<int> kept;   // epochs whose weights were kept as the best
  int best_epoch = -1;
};

Replay replay(const EarlyStoppingConfig& config, const std::vector<double>& values) {
  EarlyStopping policy(config);
  Replay result;
  for (int epoch = 0; epoch < static_cast<int>(values.size()); ++epoch) {
    const EarlyStoppingVerdict verdict = policy.on_epoch_end(epoch, values[epoch]);
    if (verdict.keep_weights) result.kept.push_back(epoch);
    if (verdict.stop) {
      result.stopped_after = epoch;
      break;
    }
  }
  result.best_epoch = policy.best_epoch();
  return result;
}

EarlyStoppingConfig config(const std::string& monitor, int patience, bool restore = true) {
  EarlyStoppingConfig c;
  c.enabled = true;
  c.monitor = monitor;
  c.patience = patience;
  c.restore_best_weights = restore;
  return c;
}

TEST(EarlyStopping, StopsAfterPatienceEpochsWithoutImprovement) {
  // val_loss 1.0 (best), 0.8 (best), 0.85 (wait 1), 0.9 (wait 2 = patience → stop), 0.7 unseen.
  const Replay r = replay(config("val_loss", 2), {1.0, 0.8, 0.85, 0.9, 0.7});
  EXPECT_EQ(r.stopped_after, 3);
  EXPECT_EQ(r.best_epoch, 1);
  EXPECT_EQ(r.kept, (std::vector<int>{0, 1}));
}

TEST(EarlyStopping, KeepsNoWeightsWithoutRestoreBestWeights) {
  const Replay r = replay(config("val_loss", 2, false), {1.0, 0.8, 0.85, 0.9});
  EXPECT_EQ(r.stopped_after, 3);
  EXPECT_EQ(r.best_epoch, 1);
  EXPECT_TRUE(r.kept.empty());
}

TEST(EarlyStopping, PatienceZeroStopsAtTheFirstEpochThatDoesNotImprove) {
  EXPECT_EQ(replay(config("val_loss", 0), {1.0, 0.9, 0.95, 0.5}).stopped_after, 2);
  // Equal is not better.
  EXPECT_EQ(replay(config("val_loss", 0), {1.0, 1.0}).stopped_after, 1);
}

EarlyStoppingConfig tf_keras_2(EarlyStoppingConfig c) {
  c.keras = KerasVersion::TfKeras2;
  return c;
}

TEST(EarlyStopping, TfKeras2ChecksPatienceAfterAnImprovementToo) {
  // tf.keras 2.7-2.10 does not return after an improvement: with patience 0, wait is reset to 0
  // and 0 >= 0 stops at the second epoch although it improved; Keras 3 goes on.
  EXPECT_EQ(replay(config("val_loss", 0), {1.0, 0.9, 0.8, 0.7}).stopped_after, -1);
  const Replay r = replay(tf_keras_2(config("val_loss", 0)), {1.0, 0.9, 0.8, 0.7});
  EXPECT_EQ(r.stopped_after, 1);
  EXPECT_EQ(r.best_epoch, 1);
  EXPECT_EQ(r.kept, (std::vector<int>{0, 1}));
  // With patience >= 1 both generations decide alike (the book's patience 3 run included).
  const std::vector<double> book = {0.69, 0.60, 0.55, 0.56, 0.54, 0.545, 0.55, 0.56, 0.50};
  const Replay k3 = replay(config("val_loss", 3), book);
  const Replay k2 = replay(tf_keras_2(config("val_loss", 3)), book);
  EXPECT_EQ(k3.stopped_after, 7);
  EXPECT_EQ(k2.stopped_after, 7);
  EXPECT_EQ(k3.kept, k2.kept);
  EXPECT_EQ(k2.best_epoch, 4);
}

TEST(EarlyStopping, RestoreRuleDependsOnTheGeneration) {
  // Keras 3 restores in on_train_end whatever ended training; tf.keras up to 2.12 restores only
  // where it stops training.
  const EarlyStopping keras3(config("val_loss", 3));
  EXPECT_TRUE(keras3.restores_at_end(true));
  EXPECT_TRUE(keras3.restores_at_end(false));
  const EarlyStopping keras2(tf_keras_2(config("val_loss", 3)));
  EXPECT_TRUE(keras2.restores_at_end(true));
  EXPECT_FALSE(keras2.restores_at_end(false));
  EXPECT_FALSE(EarlyStopping(config("val_loss", 3, false)).restores_at_end(true));
  // start_from_epoch came with Keras 2.11.
  EarlyStoppingConfig warm = tf_keras_2(config("val_loss", 3));
  warm.start_from_epoch = 2;
  EXPECT_THROW(EarlyStopping{warm}, ModelError);
}

TEST(EarlyStopping, NeverStopsAfterTheFirstEpochAndKeepsItsWeights) {
  // A NaN first value is no improvement on +inf, yet Keras neither stops at epoch 0 nor leaves
  // restore_best_weights with nothing to restore.
  const Replay r = replay(config("val_loss", 0), {std::nan(""), 2.0, 3.0});
  EXPECT_EQ(r.kept, (std::vector<int>{0, 1}));
  EXPECT_EQ(r.stopped_after, 2);
  EXPECT_EQ(r.best_epoch, 1);
}

TEST(EarlyStopping, MinDeltaIsTheMarginAnImprovementMustExceed) {
  // min_delta 0.1: 0.95 is not 0.1 below 1.0 → wait 1 = patience → stop at epoch 1.
  EarlyStoppingConfig c = config("val_loss", 1);
  c.min_delta = -0.1;  // Keras uses |min_delta|
  const Replay r = replay(c, {1.0, 0.95, 0.5});
  EXPECT_EQ(r.stopped_after, 1);
  EXPECT_EQ(r.best_epoch, 0);
  // 0.85 is more than 0.1 below 1.0: an improvement.
  EXPECT_EQ(replay(c, {1.0, 0.85, 0.8}).stopped_after, 2);
}

TEST(EarlyStopping, AccuracyIsMaximised) {
  // 0.5 (best), 0.6 (best), 0.6 (equal: wait 1), 0.55 (wait 2 → stop).
  EarlyStopping policy(config("val_accuracy", 2));
  EXPECT_TRUE(policy.maximize());
  const Replay r = replay(config("val_accuracy", 2), {0.5, 0.6, 0.6, 0.55, 0.9});
  EXPECT_EQ(r.stopped_after, 3);
  EXPECT_EQ(r.best_epoch, 1);
  EXPECT_EQ(r.kept, (std::vector<int>{0, 1}));
}

TEST(EarlyStopping, BaselineMustBeBeatenToResetTheWait) {
  // Without a baseline: 0.9 (best), 0.95 (wait 1), 0.96 (wait 2 → stop at epoch 2).
  EXPECT_EQ(replay(config("val_loss", 2), {0.9, 0.95, 0.96}).stopped_after, 2);
  // With baseline 0.5 the first epoch improves on +inf but not on the baseline, so its wait
  // stays 1: 0.95 makes it 2 → stop at epoch 1.
  EarlyStoppingConfig c = config("val_loss", 2);
  c.has_baseline = true;
  c.baseline = 0.5;
  EXPECT_EQ(replay(c, {0.9, 0.95, 0.96}).stopped_after, 1);
  // Improving epochs never stop training, even above the baseline.
  EXPECT_EQ(replay(c, {0.9, 0.8, 0.7, 0.6}).stopped_after, -1);
}

TEST(EarlyStopping, StartFromEpochIgnoresWarmUpEpochs) {
  EarlyStoppingConfig c = config("val_loss", 0);
  c.start_from_epoch = 2;
  // Epochs 0 and 1 are ignored; 2 is the first monitored (best), 3 does not improve → stop.
  const Replay r = replay(c, {0.1, 5.0, 1.0, 1.2});
  EXPECT_EQ(r.kept, (std::vector<int>{2}));
  EXPECT_EQ(r.stopped_after, 3);
  EXPECT_EQ(r.best_epoch, 2);
}

TEST(EarlyStopping, RejectsUnknownMonitorsAndNegativePatience) {
  EXPECT_THROW(EarlyStopping(config("val_auc", 1)), ModelError);
  EXPECT_THROW(EarlyStopping(config("val_loss", -1)), ModelError);
}

}  // namespace
}  // namespace rnn
