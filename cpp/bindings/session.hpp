#pragma once
// One worker's engine state: a loaded data pack, a model, its training run. A small adapter from
// JSON text in / JSON text out to the engine's types; every method returns the bindings' reply
// {"ok": true, "value": ...} | {"ok": false, "error": "..."} (see bindings.cpp).

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/model_spec.hpp"
#include "engine/network.hpp"
#include "engine/pack.hpp"
#include "engine/trainer.hpp"

namespace rnn::bindings {

class Session {
 public:
  Session();
  ~Session();

  // Keeps a copy of the pack's bytes (checked now: header, size, checksum). -> PackInfo.
  nlohmann::json load_pack(std::vector<uint8_t> bytes);
  // The training split at num_words / maxlen: length histogram (at the pack's stored length),
  // mean, median, and the first `samples` reviews as ids with labels.
  nlohmann::json describe_data(int num_words, int maxlen, int samples);

  // Builds the network (initialised from the seed) and the trainer over the pack's splits.
  // settings: {"num_words", "maxlen", "optimizer", "learning_rate", "batch_size", "epochs",
  //            "patience", "restore_best", "seed"}.
  nlohmann::json start_training(const std::string& model_json, const nlohmann::json& settings);
  // Runs at most max_batches batches; -> {"batches": [...progress...], "epochs": [...new logs...],
  // "finished": bool}.
  nlohmann::json run_slice(int max_batches);
  // Stops the run now, keeping the weights trained so far.
  nlohmann::json stop_training();
  // After the run: evaluates the test split -> the run's result.
  nlohmann::json finish_training();

  // Predictions for token-id sequences (already padded to the model's length): [[outputs]...].
  nlohmann::json predict(const nlohmann::json& sequences);
  // The same for `count` sequences given flat (count × time ids, sample-major): the fast path.
  nlohmann::json predict_ids(std::vector<int32_t> ids, int count);
  // One sequence's per-step values of every recurrent layer (with its weights), outputs, input
  // gradients and occlusion outputs (session.cpp).
  nlohmann::json trace(const nlohmann::json& ids);

 private:
  const PackInfo& pack_info() const;

  std::vector<uint8_t> pack_;
  std::unique_ptr<PackInfo> info_;
  std::unique_ptr<ModelSpec> spec_;
  std::unique_ptr<Network<float>> network_;
  std::unique_ptr<DataSplits> data_;
  std::unique_ptr<Trainer<float>> trainer_;
  int batch_size_ = 32;
};

}  // namespace rnn::bindings
