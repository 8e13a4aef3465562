// The file formats module: a second, small WebAssembly module the page loads only when a user
// downloads or opens a model file, so that the writers' and readers' code (ordered JSON, the
// Keras layouts) stays out of the engine module every visitor loads. The engine module's reply
// framing (reply.hpp); the values' JSON shapes are documented in docs/formats.md.

#include <emscripten/bind.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bindings/reply.hpp"
#include "engine/json_object.hpp"
#include "engine/keras_format.hpp"
#include "engine/model_json.hpp"
#include "engine/model_spec.hpp"
#include "engine/tfjs_format.hpp"

namespace {

using nlohmann::json;
using rnn::bindings::guarded;

// model.json of TensorFlow.js' layers format for a model given as any accepted Keras / TF.js JSON,
// exactly as the CLI writes it (tfjs_format.cpp, save_tfjs); its weights.bin is the engine's flat
// weights, little-endian float32, in the same order.
std::string tfjs_model_json(const std::string& model_json) {
  return guarded([&] {
    const rnn::ModelSpec spec = rnn::parse_model_json(model_json);
    const std::vector<float> zeros(static_cast<size_t>(spec.total_params()), 0.0f);
    return json{{"model_json", rnn::save_tfjs(spec, zeros).model_json}};
  });
}

// A .keras file's JSON members and HDF5 layout (keras_format.hpp, keras_archive_json).
std::string keras_save(const std::string& model_json, const std::string& compile_json) {
  return guarded([&] {
    return rnn::parse_json(
        rnn::keras_archive_json(rnn::keras_save(rnn::parse_model_json(model_json), compile_json)));
  });
}

// A .keras file opened from config.json and the listing of model.weights.h5.
std::string keras_open(const std::string& config_json, const std::string& h5_listing_json) {
  return guarded([&] {
    return rnn::parse_json(rnn::keras_opened_json(rnn::keras_open(config_json, h5_listing_json)));
  });
}

// A tf.keras 2 .h5 model file opened from its listing.
std::string h5_model_open(const std::string& h5_listing_json) {
  return guarded(
      [&] { return rnn::parse_json(rnn::keras_opened_json(rnn::h5_model_open(h5_listing_json))); });
}

// A TF.js model.json with its one weight file (any name the manifest gives it), through load_tfjs'
// checks -> {"model_json", "weights_b64": the flat weights as base64 little-endian float32,
// "notes"}.
std::string tfjs_open(const std::string& model_json, const std::string& weights_bin) {
  return guarded([&] {
    const rnn::TfjsOpened opened = rnn::tfjs_open_single_file(model_json, weights_bin);
    return json{{"model_json", opened.model_json},
                {"weights_b64", opened.weights_b64},
                {"notes", opened.notes}};
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(rnn_formats) {
  emscripten::function("tfjsModelJson", &tfjs_model_json);
  emscripten::function("kerasSave", &keras_save);
  emscripten::function("kerasOpen", &keras_open);
  emscripten::function("h5ModelOpen", &h5_model_open);
  emscripten::function("tfjsOpen", &tfjs_open);
}
