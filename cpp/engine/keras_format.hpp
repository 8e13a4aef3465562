#pragma once
// Keras' own model files, described rather than read or written: Keras 3's `.keras` archive
// (Keras 3.4.1's layout, read back by every Keras 3.x) and tf.keras 2's `model.save('x.h5')`.
// Pure: no files, no HDF5 or zip library. The caller (the CLI with libhdf5 + libzip, the page with
// h5wasm + fflate) writes or walks the HDF5 file; this code says which groups and float32
// datasets there are, where each sits in the engine's flat weights, and what the JSON members say.
//
// A .keras file is a zip of three members, stored (not compressed), in this order:
//   metadata.json     {"keras_version": "3.4.1", "date_saved": "2026-12-05@04:00:00"}
//   config.json       {"module": "keras", "class_name": "Sequential", "config": {...},
//   "registered_name":
//                      null, "build_config": {"input_shape": [null, T]}, "compile_config": {...}}
//   model.weights.h5  groups "vars", "layers", "layers/<snake case class>[_k]", ".../vars",
//                     recurrent layers' weights under ".../cell/vars"; datasets "vars/0", "vars/1",
//                     ... (float32, C order, Keras' weight order). The layer groups are named by
//                     class in snake case with _1, _2, ... for repeats (saving_lib's
//                     _save_container_state), not by layer name: embedding, simple_rnn, lstm,
//                     lstm_1, gru, dense, dropout.
// A tf.keras 2 .h5 file: root attribute "model_config" (JSON text), group "model_weights" with the
// attribute "layer_names" and, per layer group, "weight_names" (maybe chunked: "weight_names0",
// "weight_names1", ...); datasets "model_weights/<layer>/<weight name>", e.g.
// "model_weights/lstm/lstm/lstm_cell/kernel:0". "optimizer_weights" is ignored.
//
// Listing (what the caller walked in an HDF5 file), as JSON:
//   {"datasets": [{"path": "layers/lstm/cell/vars/0", "shape": [16, 32], "dtype": "float32"}, ...],
//    "attrs": {"/": {"model_config": "..."}, "/model_weights": {"layer_names": ["lstm", ...]},
//    ...}}
// Paths without a leading '/'; attribute group keys with one ("/" is the root). dtype: "float32",
// "float64", "float16", "int64", "int32", ... (NumPy's names). Attribute values: strings, numbers,
// or lists of them (byte strings as strings).
//
// Every problem is a ModelError with a coded message (format_messages.def) naming what is wrong and
// what to do.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model_spec.hpp"

namespace rnn {

// One float32 dataset of a weights file: its HDF5 path and shape, and where its values sit in the
// engine's flat weights (ModelSpec::param_offset order); it holds product(shape) values.
struct KerasDataset {
  std::string path;
  std::vector<int> shape;
  int64_t offset = 0;
};

// What the training run used, for compile_config. JSON (compileJson):
//   {"optimizer": "rmsprop" | "adam" | "sgd", "learning_rate": 1e-4, "rho": 0.9, "momentum": 0,
//    "epsilon": 1e-7, "beta_1": 0.9, "beta_2": 0.999, "nesterov": false, "clipnorm": 0 (0 = none),
//    "loss": "binary_crossentropy", "metrics": ["accuracy"], "date_saved": "2026-12-05@04:00:00"}
// Every key is optional: Keras' defaults for the optimizer; the loss follows the output layer
// (Dense(1, sigmoid): binary_crossentropy; Dense(k, softmax): sparse_categorical_crossentropy) and
// must match it when given; metrics default to ["accuracy"]; date_saved to "" (then left out).
struct KerasArchive {
  std::string metadata_json;
  std::string config_json;
  std::vector<std::string> groups;     // every HDF5 group, parents first, in Keras' creation order
  std::vector<KerasDataset> datasets;  // the model's weights, in the engine's flat order
};

// The members of a .keras file, in the order they are written (and the only ones read).
extern const char* const kKerasMembers[3];

// The .keras description of a validated model. Refuses (ModelError) a compile setting Keras 3
// cannot express (an unknown optimizer, a loss that does not fit the output layer) and a layer
// whose numbers Keras 3 would compute differently (Keras 2's hard_sigmoid).
KerasArchive keras_save(const ModelSpec& spec, const std::string& compile_json);

// An opened Keras file: the model as JSON the engine accepts (model_to_json), the datasets to read
// (as float32, concatenated in this order: they are the engine's flat weights), and notes for the
// user (optimizer state left behind, ...).
struct KerasNote {
  int code = -1;  // format_messages.def code, as errors carry it (the page translates it)
  std::vector<std::string> params;
  std::string text;  // English
};

struct KerasOpened {
  ModelSpec spec;
  std::string model_json;
  std::vector<KerasDataset> weights;
  std::vector<KerasNote> notes;
};

// A Keras 3 .keras file: config.json's text and the listing of model.weights.h5. Refuses configs
// that are not a Sequential Keras 3 model of supported layers in float32 (quantized, mixed
// precision, LoRA), missing or extra weight datasets (optimizer/... is ignored: a ModelCheckpoint
// file opens), wrong shapes or dtypes.
KerasOpened keras_open(const std::string& config_json, const std::string& h5_listing_json);

// A tf.keras 2 model.save('x.h5') file, from its listing (root attribute model_config, the
// model_weights group's attributes and datasets).
KerasOpened h5_model_open(const std::string& h5_listing_json);

// Throws the coded ModelError (weights_not_finite) naming the first dataset holding NaN or an
// infinity, once the caller has read the datasets into params (each at its offset).
void check_finite_weights(const std::vector<float>& params,
                          const std::vector<KerasDataset>& datasets);

// The opened result as the bindings send it: {"model_json", "weights": [{"path", "shape",
// "offset"}], "notes": [{"code", "params", "text"}]}.
std::string keras_opened_json(const KerasOpened& opened);
// A KerasArchive as the bindings send it: {"metadata_json", "config_json", "members", "groups",
// "datasets": [{"path", "shape", "offset", "dtype": "float32"}]}.
std::string keras_archive_json(const KerasArchive& archive);

}  // namespace rnn
