// The training loop: batching, running means, validation, early stopping with restore, NaN
// recovery, slices, determinism, evaluate and predict.
#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "engine/model_json.hpp"
#include "engine/trainer.hpp"
#include "random_dataset.hpp"

namespace rnn {
namespace {

// Embedding(vocab, 4) → <recurrent>(units) → [Dropout] → Dense(1, sigmoid), sequences of `time`.
std::string model_json(int vocab, int time, const std::string& recurrent = "LSTM", int units = 3,
                       double dropout = 0.0) {
  std::string layers = R"({"class_name":"Embedding","config":{"name":"embedding","input_dim":)" +
                       std::to_string(vocab) + R"(,"output_dim":4,"batch_input_shape":[null,)" +
                       std::to_string(time) + "]}}," + R"({"class_name":")" + recurrent +
                       R"(","config":{"name":"rnn","units":)" + std::to_string(units) + "}},";
  if (dropout > 0)
    layers += R"({"class_name":"Dropout","config":{"name":"drop","rate":)" +
              std::to_string(dropout) + "}},";
  layers += R"({"class_name":"Dense","config":{"name":"out","units":1,"activation":"sigmoid"}})";
  return R"({"class_name":"Sequential","config":{"name":"m","layers":[)" + layers + "]}}";
}

// Random sequences; the label says whether token 3 occurs in the sequence.
Dataset contains_three(int count, int time, int vocab, uint64_t seed) {
  return random_dataset(count, time, seed, [&](Rng& rng, int32_t* row) {
    int32_t label = 0;
    for (int t = 0; t < time; ++t) {
      row[t] = static_cast<int32_t>(rng.below(static_cast<uint64_t>(vocab)));
      if (row[t] == 3) label = 1;
    }
    return label;
  });
}

Dataset flipped_labels(Dataset data) {
  for (auto& label : data.labels) label = 1 - label;
  return data;
}

FitConfig sgd(double learning_rate, int batch_size, int epochs) {
  FitConfig config;
  config.optimizer.name = "sgd";
  config.optimizer.learning_rate = learning_rate;
  config.batch_size = batch_size;
  config.epochs = epochs;
  return config;
}

template <typename S>
void run_to_end(Trainer<S>& trainer, int slice = 1000) {
  for (int guard = 0; guard < 100000 && !trainer.finished(); ++guard) trainer.run_slice(slice);
  ASSERT_TRUE(trainer.finished());
}

// A GRU over a 12-sample set of 5 steps, in two networks with the same seeded weights.
struct TwinGru {
  const ModelSpec spec = parse_model_json(model_json(6, 5, "GRU"));
  const Dataset data = contains_three(12, 5, 6, 1);
  Network<double> first{spec}, second{spec};
  TwinGru() {
    first.initialize(42);
    second.initialize(42);
  }
};

TEST(Trainer, OneFullBatchSgdEpochIsOneGradientStep) {
  // With the whole set in one batch, no shuffle effect and no dropout, an epoch of SGD is exactly
  // w ← w − lr · ∇L(w), the gradient computed here directly from the network and the loss.
  TwinGru twin;
  const Dataset& data = twin.data;
  Network<double>&reference = twin.first, &trained = twin.second;
  Rng rng(0);
  const TokenBatch all{data.count, data.time, data.ids};  // must outlive the backward pass
  reference.forward(all, false, rng);
  Mat<double> d_logits;
  const auto before = loss_and_gradient<double>(LossKind::BinaryCrossentropy, reference.logits(),
                                                data.labels, &d_logits);
  reference.zero_grads();
  reference.backward_from_logits(d_logits);

  Trainer<double> trainer(trained, data, nullptr, sgd(0.5, 12, 1));
  const BatchProgress progress = trainer.run_slice(10);
  EXPECT_TRUE(progress.finished);
  EXPECT_TRUE(progress.epoch_ended);
  EXPECT_EQ(trainer.stop_reason(), StopReason::Completed);
  ASSERT_EQ(trainer.history().size(), 1u);
  EXPECT_NEAR(trainer.history()[0].loss, before.loss, 1e-14);
  EXPECT_NEAR(trainer.history()[0].accuracy, before.accuracy, 1e-14);
  EXPECT_TRUE(std::isnan(trainer.history()[0].val_loss));
  for (size_t i = 0; i < trained.params().size(); ++i) {
    ASSERT_NEAR(trained.params()[i], reference.params()[i] - 0.5 * reference.grads()[i], 1e-14)
        << i;
  }
}

TEST(Trainer, EpochLossIsTheBatchSizeWeightedMeanIncludingThePartialBatch) {
  const ModelSpec spec = parse_model_json(model_json(6, 4));
  const Dataset data = contains_three(10, 4, 6, 2);
  Network<double> net(spec);
  net.initialize(3);
  Trainer<double> trainer(net, data, &data, sgd(0.3, 4, 2));
  EXPECT_EQ(trainer.batches_per_epoch(), 3);  // 4 + 4 + 2
  std::vector<BatchProgress> seen;
  trainer.set_batch_callback([&](const BatchProgress& p) { seen.push_back(p); });
  run_to_end(trainer, 2);
  ASSERT_EQ(seen.size(), 6u);
  ASSERT_EQ(trainer.history().size(), 2u);
  for (int epoch = 0; epoch < 2; ++epoch) {
    const BatchProgress* b = &seen[static_cast<size_t>(epoch * 3)];
    EXPECT_EQ(b[0].epoch, epoch + 1);
    EXPECT_EQ(b[2].batch, 3);
    EXPECT_EQ(b[2].batches_per_epoch, 3);
    const double weighted = (4 * b[0].batch_loss + 4 * b[1].batch_loss + 2 * b[2].batch_loss) / 10;
    EXPECT_NEAR(b[0].loss, b[0].batch_loss, 1e-15);
    EXPECT_NEAR(b[1].loss, (b[0].batch_loss + b[1].batch_loss) / 2, 1e-15);
    EXPECT_NEAR(b[2].loss, weighted, 1e-15);
    EXPECT_NEAR(trainer.history()[static_cast<size_t>(epoch)].loss, weighted, 1e-15);
    EXPECT_GT(b[2].samples_per_second, 0);
  }
  // val_* after the last epoch are evaluate() on the final weights.
  const auto value = evaluate(net, LossKind::BinaryCrossentropy, data, 7);
  EXPECT_NEAR(trainer.history()[1].val_loss, value.loss, 1e-13);
  EXPECT_NEAR(trainer.history()[1].val_accuracy, value.accuracy, 1e-13);
}

TEST(Trainer, EvaluateAndPredictDoNotDependOnTheBatchSize) {
  const ModelSpec spec = parse_model_json(model_json(7, 6, "SimpleRNN", 4, 0.5));
  const Dataset data = contains_three(11, 6, 7, 4);
  Network<double> net(spec);
  net.initialize(5);
  const auto whole = evaluate(net, LossKind::BinaryCrossentropy, data, 100);
  const auto batched = evaluate(net, LossKind::BinaryCrossentropy, data, 3);
  EXPECT_NEAR(whole.loss, batched.loss, 1e-14);
  EXPECT_DOUBLE_EQ(whole.accuracy, batched.accuracy);
  const TokenBatch x{data.count, data.time, data.ids};
  Rng rng;
  const Mat<double> all = net.forward(x, false, rng);
  const Mat<double> chunked = predict(net, x, 4);
  ASSERT_EQ(chunked.rows(), 11);
  ASSERT_EQ(chunked.cols(), 1);
  EXPECT_LT((all - chunked).cwiseAbs().maxCoeff(), 1e-15);
  // evaluate is the mean BCE of the predictions (dropout off): −mean(y log p + (1 − y) log(1 − p)).
  double expected = 0;
  for (int i = 0; i < data.count; ++i) {
    const double p = all(i, 0);
    expected -= data.labels[static_cast<size_t>(i)] ? std::log(p) : std::log(1 - p);
  }
  EXPECT_NEAR(whole.loss, expected / data.count, 1e-12);
}

// Validation labels are the training labels flipped, so learning the training set makes the
// validation loss worse: the first epoch is the best one.
struct FlippedRun {
  std::vector<std::vector<float>> weights_after_epoch;
  std::vector<float> final_weights;
  std::vector<EpochLog> history;
  int best_epoch = 0;
  StopReason reason = StopReason::Running;
};

FlippedRun run_flipped(int patience, bool restore, int epochs,
                       KerasVersion keras = KerasVersion::Keras3) {
  const ModelSpec spec = parse_model_json(model_json(6, 5, "LSTM", 4));
  const Dataset train = contains_three(64, 5, 6, 8);
  const Dataset validation = flipped_labels(train);
  Network<float> net(spec);
  net.initialize(9);
  FitConfig config;
  config.epochs = epochs;
  config.batch_size = 16;
  config.optimizer.name = "adam";
  config.optimizer.learning_rate = 0.02;
  config.early_stopping.enabled = true;
  config.early_stopping.patience = patience;
  config.early_stopping.restore_best_weights = restore;
  config.keras = keras;
  Trainer<float> trainer(net, train, &validation, config);
  FlippedRun run;
  while (!trainer.finished()) {
    const BatchProgress p = trainer.run_slice(3);
    if (p.epoch_ended && !p.finished) run.weights_after_epoch.push_back(net.params());
    if (p.epoch_ended && p.finished) run.weights_after_epoch.push_back({});  // restored already
  }
  run.final_weights = net.params();
  run.history = trainer.history();
  run.best_epoch = trainer.best_epoch();
  run.reason = trainer.stop_reason();
  return run;
}

TEST(Trainer, EarlyStoppingStopsAndRestoresTheBestEpoch) {
  const FlippedRun run = run_flipped(/*patience=*/2, /*restore=*/true, /*epochs=*/20);
  ASSERT_GE(run.history.size(), 3u);
  // Validation loss rises after the first epoch, so training stops after 1 + patience epochs.
  EXPECT_LT(run.history[0].val_loss, run.history[1].val_loss);
  EXPECT_LT(run.history[1].val_loss, run.history[2].val_loss);
  EXPECT_EQ(run.history.size(), 3u);
  EXPECT_EQ(run.reason, StopReason::EarlyStopping);
  EXPECT_EQ(run.best_epoch, 1);
  EXPECT_EQ(run.final_weights, run.weights_after_epoch[0]);  // bit for bit
}

TEST(Trainer, RestoreBestWeightsAppliesEvenWithoutStoppingEarly) {
  const FlippedRun run = run_flipped(/*patience=*/10, /*restore=*/true, /*epochs=*/3);
  EXPECT_EQ(run.history.size(), 3u);
  EXPECT_EQ(run.reason, StopReason::Completed);
  EXPECT_EQ(run.best_epoch, 1);
  EXPECT_EQ(run.final_weights, run.weights_after_epoch[0]);
  // Without restore_best_weights the last weights stay.
  const FlippedRun kept = run_flipped(/*patience=*/10, /*restore=*/false, /*epochs=*/3);
  EXPECT_NE(kept.final_weights, kept.weights_after_epoch[0]);
  EXPECT_EQ(kept.final_weights, run_flipped(10, false, 3).final_weights);
}

TEST(Trainer, TfKeras2RestoresBestWeightsOnlyWhenItStopsEarly) {
  // Adam computes alike in both generations, so the runs differ only in the restore rule.
  const FlippedRun stopped = run_flipped(2, true, 20, KerasVersion::TfKeras2);
  EXPECT_EQ(stopped.reason, StopReason::EarlyStopping);
  EXPECT_EQ(stopped.final_weights, stopped.weights_after_epoch[0]);
  const FlippedRun completed = run_flipped(10, true, 3, KerasVersion::TfKeras2);
  EXPECT_EQ(completed.reason, StopReason::Completed);
  EXPECT_EQ(completed.best_epoch, 1);
  EXPECT_NE(completed.final_weights, completed.weights_after_epoch[0]);
  EXPECT_EQ(completed.final_weights, run_flipped(10, false, 3).final_weights);  // the last epoch's
}

TEST(Trainer, ANonFiniteLossStopsTrainingWithTheLastGoodWeights) {
  const ModelSpec spec = parse_model_json(model_json(6, 5, "SimpleRNN", 4));
  const Dataset data = contains_three(64, 5, 6, 10);
  Network<float> net(spec);
  net.initialize(11);
  Trainer<float> trainer(net, data, &data, sgd(1e36, 8, 50));
  run_to_end(trainer, 1000);
  EXPECT_EQ(trainer.stop_reason(), StopReason::NonFiniteLoss);
  EXPECT_NE(trainer.stop_message().find("learning rate"), std::string::npos)
      << trainer.stop_message();
  for (float w : net.params()) ASSERT_TRUE(std::isfinite(w));
  // The kept weights give a finite loss.
  EXPECT_TRUE(std::isfinite(evaluate(net, LossKind::BinaryCrossentropy, data, 8).loss));
}

TEST(Trainer, NonFiniteInitialWeightsStopBeforeAnyUpdate) {
  const ModelSpec spec = parse_model_json(model_json(6, 5));
  const Dataset data = contains_three(8, 5, 6, 12);
  Network<float> net(spec);
  net.initialize(1);
  for (float& w : net.params()) w = std::nanf("");
  Trainer<float> trainer(net, data, nullptr, sgd(0.1, 4, 2));
  const BatchProgress p = trainer.run_slice(5);
  EXPECT_TRUE(p.finished);
  EXPECT_EQ(p.batches_run, 0);
  EXPECT_EQ(trainer.stop_reason(), StopReason::NonFiniteLoss);
  EXPECT_NE(trainer.stop_message().find("before any update"), std::string::npos);
}

std::vector<float> train_once(uint64_t seed, int slice) {
  const ModelSpec spec = parse_model_json(model_json(8, 6, "LSTM", 4, 0.3));
  const Dataset data = contains_three(40, 6, 8, 13);
  Network<float> net(spec);
  net.initialize(21);
  FitConfig config;
  config.epochs = 3;
  config.batch_size = 7;
  config.seed = seed;
  Trainer<float> trainer(net, data, &data, config);
  run_to_end(trainer, slice);
  return net.params();
}

TEST(Trainer, SameSeedSameBitsWhateverTheSlicing) {
  const std::vector<float> a = train_once(5, 1000);
  const std::vector<float> b = train_once(5, 1);
  const std::vector<float> c = train_once(5, 4);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0);
  EXPECT_EQ(std::memcmp(a.data(), c.data(), a.size() * sizeof(float)), 0);
  // Another seed shuffles and drops differently.
  EXPECT_NE(a, train_once(6, 1000));
}

TEST(Trainer, SlicesEndAtEpochBoundariesAndStopKeepsTheWeights) {
  const ModelSpec spec = parse_model_json(model_json(6, 4));
  const Dataset data = contains_three(20, 4, 6, 14);
  Network<float> net(spec);
  net.initialize(2);
  Trainer<float> trainer(net, data, nullptr, sgd(0.1, 8, 5));  // 3 batches per epoch
  BatchProgress p = trainer.run_slice(5);
  EXPECT_EQ(p.batches_run, 3);
  EXPECT_TRUE(p.epoch_ended);
  EXPECT_EQ(trainer.history().size(), 1u);
  p = trainer.run_slice(2);
  EXPECT_EQ(p.batches_run, 2);
  EXPECT_EQ(p.epoch, 2);
  EXPECT_EQ(p.batch, 2);
  EXPECT_FALSE(p.epoch_ended);
  const std::vector<float> trained_so_far = net.params();
  trainer.stop();
  EXPECT_TRUE(trainer.finished());
  EXPECT_EQ(trainer.stop_reason(), StopReason::StoppedByCaller);
  EXPECT_EQ(net.params(), trained_so_far);
  EXPECT_EQ(trainer.run_slice(3).batches_run, 0);
}

TEST(Trainer, RejectsDataTheModelCannotRead) {
  const ModelSpec spec = parse_model_json(model_json(6, 4));
  Network<float> net(spec);
  net.initialize(1);
  Dataset data = contains_three(8, 4, 6, 15);
  // The learner reads these sentences word for word (the data settings to change).
  const auto refusal = [&](const Dataset& d) -> std::string {
    try {
      Trainer<float> trainer(net, d, nullptr, FitConfig{});
    } catch (const ModelError& e) {
      return e.what();
    }
    return "accepted";
  };
  data.ids[5] = 6;  // vocabulary is 0..5; sequence 1, step 1
  EXPECT_EQ(refusal(data),
            "Token id 6 (training sequence 1, step 1) is outside the model's vocabulary of 6 ids; "
            "load the data with num_words <= 6 or enlarge the model's vocabulary.");
  data = contains_three(8, 4, 6, 15);
  data.labels[0] = 2;
  EXPECT_EQ(refusal(data),
            "Label 2 of training sequence 0 does not fit the model's output (2 classes, "
            "binary_crossentropy); give the last Dense layer one unit per class (softmax), or one "
            "unit (sigmoid) for labels 0/1.");
  const Dataset wrong_length = contains_three(8, 5, 6, 15);
  EXPECT_EQ(refusal(wrong_length),
            "The model reads sequences of 4 tokens (its input length) but the training data has "
            "maxlen 5; load the data with maxlen=4 or change the model's input length.");
  const Dataset good = contains_three(8, 4, 6, 15);
  FitConfig config;
  config.batch_size = 0;
  EXPECT_THROW(Trainer<float>(net, good, nullptr, config), ModelError);
  config = FitConfig{};
  config.early_stopping.enabled = true;  // monitors val_loss, but no validation data
  EXPECT_THROW(Trainer<float>(net, good, nullptr, config), ModelError);
  config = FitConfig{};
  config.optimizer.name = "lbfgs";
  EXPECT_THROW(Trainer<float>(net, good, nullptr, config), ModelError);
}

// Issue 13: a batch size near 2^31 (the CLI's --batch-size takes any int) overflowed
// count + batch_size − 1 and first + batch_size. It is one batch of the whole set: the same
// weights, evaluation and predictions as a batch size equal to the set's size.
TEST(Trainer, ABatchSizeNearIntMaxIsOneWholeBatch) {
  TwinGru twin;
  const Dataset& data = twin.data;
  Network<double>&whole = twin.first, &huge = twin.second;
  Trainer<double> by_whole(whole, data, &data, sgd(0.5, 12, 2));
  Trainer<double> by_huge(huge, data, &data, sgd(0.5, INT_MAX, 2));
  EXPECT_EQ(by_huge.batches_per_epoch(), 1);
  run_to_end(by_whole);
  run_to_end(by_huge);
  EXPECT_EQ(huge.params(), whole.params());
  const auto e_whole = evaluate(whole, LossKind::BinaryCrossentropy, data, 12);
  const auto e_huge = evaluate(huge, LossKind::BinaryCrossentropy, data, INT_MAX);
  EXPECT_EQ(e_huge.loss, e_whole.loss);
  EXPECT_EQ(e_huge.accuracy, e_whole.accuracy);
  const TokenBatch all{data.count, data.time, data.ids};
  EXPECT_EQ(predict(huge, all, INT_MAX), predict(whole, all, 12));
}

}  // namespace
}  // namespace rnn
