#pragma once
// Shared by the seeded learning smoke tests (lstm_test, recurrent_test): whole training runs
// (float, as shipped) on small synthetic tasks, judged on validation data they never trained on.

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "engine/model_json.hpp"
#include "engine/trainer.hpp"

namespace rnn::test {

// Embedding(vocab, 4) → <cell>(8) → Dense(1, sigmoid).
inline ModelSpec smoke_model(const std::string& cell, int vocab, int time) {
  return parse_model_json(
      R"({"class_name":"Sequential","config":{"name":"smoke","layers":[)"
      R"({"class_name":"Embedding","config":{"name":"embedding","input_dim":)" +
      std::to_string(vocab) + R"(,"output_dim":4,"batch_input_shape":[null,)" +
      std::to_string(time) + "]}}," + R"({"class_name":")" + cell +
      R"(","config":{"name":"cell","units":8}},)" +
      R"({"class_name":"Dense","config":{"name":"out","units":1,"activation":"sigmoid"}}]}})");
}

// `count` sequences of `time` ids; `sample` appends one sequence's ids and returns its label.
inline Dataset synthetic_dataset(int count, int time, uint64_t seed,
                                 const std::function<int(Rng&, std::vector<int32_t>&)>& sample) {
  Rng rng(seed);
  Dataset data;
  data.count = count;
  data.time = time;
  for (int i = 0; i < count; ++i) data.labels.push_back(sample(rng, data.ids));
  return data;
}

// Label 1 when token 3 occurs anywhere in 10 random tokens of 0..5.
inline Dataset contains_three(int count, uint64_t seed) {
  return synthetic_dataset(count, 10, seed, [](Rng& rng, std::vector<int32_t>& ids) {
    int label = 0;
    for (int t = 0; t < 10; ++t) {
      const auto id = static_cast<int32_t>(rng.below(6));
      label |= id == 3;
      ids.push_back(id);
    }
    return label;
  });
}

// The first token is 3 (label 1) or 4 (label 0); 50 tokens of noise from 5..11 follow.
inline Dataset first_token(int count, uint64_t seed) {
  return synthetic_dataset(count, 51, seed, [](Rng& rng, std::vector<int32_t>& ids) {
    const int label = static_cast<int>(rng.below(2));
    ids.push_back(label ? 3 : 4);
    for (int t = 1; t < 51; ++t) ids.push_back(static_cast<int32_t>(5 + rng.below(7)));
    return label;
  });
}

struct Outcome {
  double first_loss;
  double best_val_loss;
  double best_val_accuracy;
};

inline Outcome fit(const ModelSpec& spec, const Dataset& train, const Dataset& validation,
                   int epochs, const std::string& optimizer, double learning_rate, uint64_t seed) {
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

}  // namespace rnn::test
