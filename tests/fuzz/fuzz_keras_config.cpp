// libFuzzer target: the Keras file readers' JSON half (engine/keras_format.hpp): keras_open (a
// .keras file's config.json + the listing of its model.weights.h5) and h5_model_open (a tf.keras 2
// .h5 file's listing), which the page feeds from files a user uploads.
// Input: mode (byte 0: bit 0 set = h5_model_open), the length of config.json (uint16 LE),
// config.json, then the listing JSON. Contract checked: only ModelError escapes; an opened model's
// weights are its parameters exactly (consecutive offsets, sizes adding up to total_params, in flat
// order); its model_json reads back as the same model; and a model that Keras 3 can express, saved
// by keras_save, opens again as itself.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/keras_format.hpp"
#include "engine/model_json.hpp"

namespace {

void check_opened(const rnn::KerasOpened& opened) {
  int64_t offset = 0;
  for (const rnn::KerasDataset& w : opened.weights) {
    if (w.offset != offset) __builtin_trap();
    int64_t count = 1;
    for (int n : w.shape) count *= n;
    offset += count;
  }
  if (offset != opened.spec.total_params()) __builtin_trap();
  if (rnn::model_to_json(rnn::parse_model_json(opened.model_json)) != opened.model_json)
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const bool h5 = data[0] & 1;
  size_t config_size = data[1] | (size_t(data[2]) << 8);
  if (config_size > size - 3) config_size = size - 3;
  const std::string config(reinterpret_cast<const char*>(data + 3), config_size);
  const std::string listing(reinterpret_cast<const char*>(data + 3 + config_size),
                            size - 3 - config_size);
  rnn::KerasOpened opened;
  try {
    opened = h5 ? rnn::h5_model_open(listing) : rnn::keras_open(config, listing);
  } catch (const rnn::ModelError&) {
    return 0;
  }
  check_opened(opened);

  rnn::KerasArchive archive;
  try {
    archive = rnn::keras_save(opened.spec, "{}");
  } catch (const rnn::ModelError&) {
    return 0;  // e.g. Keras 2's hard_sigmoid, which Keras 3 cannot express
  }
  nlohmann::json own = {{"datasets", nlohmann::json::array()}};
  for (const rnn::KerasDataset& d : archive.datasets)
    own["datasets"].push_back({{"path", d.path}, {"shape", d.shape}, {"dtype", "float32"}});
  const rnn::KerasOpened again = rnn::keras_open(archive.config_json, own.dump());
  check_opened(again);
  if (again.model_json != opened.model_json) __builtin_trap();
  return 0;
}
