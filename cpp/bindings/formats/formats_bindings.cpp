// The file formats module: a second, small WebAssembly module the page loads only when a user
// downloads a model, so that the writers' code (ordered JSON, streams) stays out of the engine
// module every visitor loads. Same reply framing as bindings.cpp: {"ok": true, "value": ...} |
// {"ok": false, "error": "..."}; no C++ exception reaches JavaScript.

#include <emscripten/bind.h>

#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/model_json.hpp"
#include "engine/tfjs_format.hpp"

namespace {

using nlohmann::json;

// model.json of TensorFlow.js' layers format for a model given as any accepted Keras / TF.js JSON,
// exactly as the CLI writes it (tfjs_format.cpp, save_tfjs); its weights.bin is the engine's flat
// weights, little-endian float32, in the same order.
std::string tfjs_model_json(const std::string& model_json) {
  try {
    const rnn::ModelSpec spec = rnn::parse_model_json(model_json);
    const std::vector<float> zeros(static_cast<size_t>(spec.total_params()), 0.0f);
    return json{{"ok", true}, {"value", {{"model_json", rnn::save_tfjs(spec, zeros).model_json}}}}.dump();
  } catch (const std::exception& e) {
    return json{{"ok", false}, {"error", e.what()}}.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(rnn_formats) { emscripten::function("tfjsModelJson", &tfjs_model_json); }
