// libFuzzer target: the TF.js model folder loader (load_tfjs: model.json + weights.bin, with its
// weight-path checks). The engine takes bytes; the CLI's model_dir.cpp only reads the files.
// Input: the length of model.json (uint16 LE), model.json's bytes, then weights.bin's bytes. The
// folder holds only weights.bin: any other (safe) path is a missing file, as on disk.
// Contract checked: only ModelError (or the missing-file error of the reader) escapes; a model that
// loads has finite weights, and saving it (save_tfjs) and loading that again gives the same
// topology and the same weights, bit for bit.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "engine/model_json.hpp"
#include "engine/tfjs_format.hpp"

namespace {

struct MissingFile {};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  size_t json_size = data[0] | (size_t(data[1]) << 8);
  if (json_size > size - 2) json_size = size - 2;
  const std::string model_json(reinterpret_cast<const char*>(data + 2), json_size);
  const std::string weights(reinterpret_cast<const char*>(data + 2 + json_size),
                            size - 2 - json_size);
  auto read_shard = [&](const std::string& path) -> std::string {
    if (!rnn::shard_path_problem(path).empty())
      __builtin_trap();  // the loader checks before reading
    if (path != rnn::kTfjsWeightsFile) throw MissingFile{};
    return weights;
  };
  rnn::LoadedModel loaded;
  try {
    loaded = rnn::load_tfjs(model_json, read_shard);
  } catch (const rnn::ModelError&) {
    return 0;
  } catch (const MissingFile&) {
    return 0;
  }
  if (int64_t(loaded.params.size()) != loaded.spec.total_params()) __builtin_trap();
  for (float v : loaded.params)
    if (!std::isfinite(v)) __builtin_trap();

  const rnn::TfjsFiles saved = rnn::save_tfjs(loaded.spec, loaded.params);
  const rnn::LoadedModel again = rnn::load_tfjs(saved.model_json, [&](const std::string& path) {
    if (path != rnn::kTfjsWeightsFile) __builtin_trap();
    return saved.weights_bin;
  });
  if (rnn::model_to_json(again.spec) != rnn::model_to_json(loaded.spec)) __builtin_trap();
  if (again.params.size() != loaded.params.size() ||
      std::memcmp(again.params.data(), loaded.params.data(),
                  loaded.params.size() * sizeof(float)) != 0)
    __builtin_trap();
  return 0;
}
