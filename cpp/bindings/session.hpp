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
  // settings: {"num_words", "maxlen", "optimizer", "learning_rate", "clipnorm", "batch_size",
  // "epochs",
  //            "patience", "restore_best", "seed"}.
  nlohmann::json start_training(const std::string& model_json, const nlohmann::json& settings);
  //   "iterations": the optimizer's update count to go on from (a saved run; its weights and
  //   optimizer state are then written into state_buffer before the first slice).
  // Runs at most max_batches batches; -> {"batches": [...progress...], "epochs": [...new logs...],
  // "finished": bool}.
  nlohmann::json run_slice(int max_batches);
  // Stops the run now, keeping the weights trained so far.
  nlohmann::json stop_training();
  // After the run: evaluates the test split -> the run's result.
  nlohmann::json finish_training();

  // A saved or opened model, ready to predict (no data needed); its weights are zero until the
  // caller writes them into state_buffer(0).
  nlohmann::json load_model(const std::string& model_json);
  // The buffers a saved run is made of, for the caller to read or overwrite in place (sizes
  // fixed): 0 the model's weights (ModelSpec::param_offset order), 1 the run's optimizer state
  // (Optimizer::state). Null when there is no model / no run.
  std::vector<float>* state_buffer(int which);

  // The pack's splits at num_words / maxlen, padded and cut as pad_sequences does, kept for the
  // caller to read (the notebook's .npz): 0 x_train, 1 y_train, 2 x_val, 3 y_val, 4 x_test,
  // 5 y_test. Ids sample-major (count × maxlen). ModelError without a pack.
  const std::vector<int32_t>& data_array(int num_words, int maxlen, int which);

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
  std::unique_ptr<DataSplits> exported_;
  int exported_words_ = 0, exported_maxlen_ = 0;
  int batch_size_ = 32;
};

}  // namespace rnn::bindings
