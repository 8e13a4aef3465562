#pragma once
// Saving and loading a model in the TensorFlow.js "layers-model" format: a model.json holding the
// Keras topology and a weights manifest, plus the weights as raw little-endian float32 bytes.
//
//   model.json = {"format": "layers-model", "generatedBy": ..., "convertedBy": null,
//                 "modelTopology": <Sequential JSON, as model_to_json writes it>,
//                 "weightsManifest": [{"paths": ["weights.bin"],
//                                      "weights": [{"name": "lstm/kernel", "shape": [16, 32],
//                                                   "dtype": "float32"}, ...]}]}
//
// Weight names are "<layer name>/<Keras weight name>" in Keras' order (the order of the flat
// parameter buffer). That is the spelling TF.js itself writes; TF.js also accepts the cell-named
// spelling of Keras 2 ("lstm/lstm_cell/kernel"), and so does load_tfjs.
//
// Pure: no file I/O here. The caller supplies the bytes of each weight file (cli/model_dir.hpp does
// it for a folder on disk; the web app for uploaded files).

#include <functional>
#include <string>
#include <vector>

#include "engine/model_spec.hpp"

namespace rnn {

struct LoadedModel {
  ModelSpec spec;
  std::vector<float> params;  // ModelSpec::param_offset order, each weight row-major (Keras layout)
};

struct TfjsFiles {
  std::string model_json;
  std::string weights_bin;  // the one shard, named "weights.bin" in the manifest
};

// The weight file name written into the manifest.
constexpr const char* kTfjsWeightsFile = "weights.bin";

// Throws ModelError when params does not hold exactly spec.total_params() values.
TfjsFiles save_tfjs(const ModelSpec& spec, const std::vector<float>& params);

// Reads a layers-model model.json and its weight shards. read_shard receives each manifest path,
// relative to the model's folder, and returns the file's bytes (or throws). Every path is checked
// before any read: no absolute paths, no "..", no URLs or drive letters, no backslashes.
// Rejects with a ModelError naming what is wrong: malformed JSON, another format, an invalid
// topology, missing / extra / duplicate weights, shapes that do not match the topology, any dtype
// but float32, quantized weights, shards shorter or longer than the manifest, non-finite values.
LoadedModel load_tfjs(
    const std::string& model_json,
    const std::function<std::string(const std::string& relative_path)>& read_shard);

// A TF.js model opened from the page's two uploads: model.json and its one weight file (whatever
// name the manifest gives it; a manifest naming several files is refused, naming them). Every
// load_tfjs check applies. model_json: the topology as model_to_json writes it; weights_b64: the
// flat weights (ModelSpec::param_offset order) as base64 of little-endian float32.
struct TfjsOpened {
  std::string model_json;
  std::string weights_b64;
  std::vector<std::string> notes;
};
TfjsOpened tfjs_open_single_file(const std::string& model_json, const std::string& weights_bin);

// Why a shard path is unsafe ("" when it is a plain relative path inside the model's folder).
std::string shard_path_problem(const std::string& path);

// What a user should know before loading this model into TF.js ("" when nothing): TF.js' GRU
// refuses reset_after=True ("GRUCell does not support reset_after parameter set to true"), and
// TF.js computes hard_sigmoid as Keras 2 does, so a Keras 3 hard_sigmoid layer would give other
// numbers there. The summary shows this text.
std::string tfjs_compatibility_note(const ModelSpec& spec);

}  // namespace rnn
