// Seeded learning smoke tests: whole training runs (float, as shipped) that must reach a loss
// threshold on validation data they never trained on.
#include <gtest/gtest.h>

#include <string>

#include "engine/model_json.hpp"
#include "engine/trainer.hpp"

namespace rnn {
namespace {

// Embedding(vocab, 4) → <cell>(8) → Dense(1, sigmoid).
ModelSpec model(const std::string& cell, int vocab, int time) {
  return parse_model_json(
      R"({"class_name":"Sequential","config":{"name":"smoke","layers":[)"
      R"({"class_name":"Embedding","config":{"name":"embedding","input_dim":)" +
      std::to_string(vocab) + R"(,"output_dim":4,"batch_input_shape":[null,)" +
      std::to_string(time) + "]}}," + R"({"class_name":")" + cell +
      R"(","config":{"name":"cell","units":8}},)" +
      R"({"class_name":"Dense","config":{"name":"out","units":1,"activation":"sigmoid"}}]}})");
}

// Label 1 when token 3 occurs anywhere in 10 random tokens of 0..5.
Dataset contains_three(int count, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  data.count = count;
  data.time = 10;
  for (int i = 0; i < count; ++i) {
    int label = 0;
    for (int t = 0; t < data.time; ++t) {
      const auto id = static_cast<int32_t>(rng.below(6));
      label |= id == 3;
      data.ids.push_back(id);
    }
    data.labels.push_back(label);
  }
  return data;
}

// The first token is 3 (label 1) or 4 (label 0); 50 tokens of noise from 5..11 follow.
Dataset first_token(int count, uint64_t seed) {
  Rng rng(seed);
  Dataset data;
  data.count = count;
  data.time = 51;
  for (int i = 0; i < count; ++i) {
    const int label = static_cast<int>(rng.below(2));
    data.ids.push_back(label ? 3 : 4);
    for (int t = 1; t < data.time; ++t) data.ids.push_back(static_cast<int32_t>(5 + rng.below(7)));
    data.labels.push_back(label);
  }
  return data;
}

struct Outcome {
  double first_loss;
  double best_val_loss;
  double best_val_accuracy;
};

Outcome fit(const ModelSpec& spec, const Dataset& train, const Dataset& validation, int epochs,
            const std::string& optimizer, double learning_rate, uint64_t seed) {
  Network<float> network(spec);
  network.initialize(seed);
  FitConfig config;
  config.epochs = epochs;
  config.batch_size = 32;
  config.seed = seed;
  config.optimizer.name = optimizer;
  config.optimizer.learning_rate = learning_rate;
  Trainer<float> trainer(network, train, &validation, config);
  while (!trainer.finished()) trainer.run_slice(100);
  EXPECT_EQ(trainer.stop_reason(), StopReason::Completed) << trainer.stop_message();
  Outcome outcome{trainer.history().front().loss, 1e9, 0};
  for (const EpochLog& log : trainer.history()) {
    if (log.val_loss < outcome.best_val_loss) {
      outcome.best_val_loss = log.val_loss;
      outcome.best_val_accuracy = log.val_accuracy;
    }
  }
  return outcome;
}

TEST(LearningSmoke, EveryCellLearnsWhetherATokenOccurs) {
  const Dataset train = contains_three(512, 1), validation = contains_three(256, 2);
  for (const char* cell : {"SimpleRNN", "LSTM", "GRU"}) {
    // RMSprop (the curriculum's optimizer), at 10x its default learning rate to keep this short.
    const Outcome o = fit(model(cell, 6, 10), train, validation, 12, "rmsprop", 1e-2, 3);
    EXPECT_LT(o.best_val_loss, 0.15) << cell;
    EXPECT_GT(o.best_val_accuracy, 0.95) << cell;
  }
}

TEST(LearningSmoke, LstmRemembersTheFirstTokenAcrossFiftyStepsOfNoise) {
  const Dataset train = first_token(512, 101), validation = first_token(200, 999);
  const Outcome o = fit(model("LSTM", 12, 51), train, validation, 10, "adam", 1e-2, 1);
  EXPECT_NEAR(o.first_loss, 0.69, 0.05);  // chance level at the start: log 2
  EXPECT_LT(o.best_val_loss, 0.05);
  EXPECT_EQ(o.best_val_accuracy, 1.0);
}

}  // namespace
}  // namespace rnn
