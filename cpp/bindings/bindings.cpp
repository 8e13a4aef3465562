// The Embind table: everything JavaScript can call, and nothing else. Every entry point catches
// every C++ exception and returns {"ok": false, "error": message} instead: a C++ exception never
// reaches JavaScript (web/src/engine/engine-api.ts turns these replies into typed errors).

#include <emscripten/bind.h>

#include <exception>
#include <new>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/model_json.hpp"
#include "engine/summary.hpp"

namespace {

using nlohmann::json;

template <typename F>
std::string guarded(F&& body) {
  try {
    return json{{"ok", true}, {"value", body()}}.dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (const std::bad_alloc&) {
    return json{{"ok", false}, {"error", "Out of memory: the model or data is too large for this tab."}}.dump();
  } catch (const std::exception& e) {
    return json{{"ok", false}, {"error", e.what()}}.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

// Model JSON (any accepted spelling) -> the summary object (see summary.hpp, summary_json).
std::string summarize_model(const std::string& model_json) {
  return guarded([&] { return json::parse(rnn::summary_json(rnn::summarize(rnn::parse_model_json(model_json)))); });
}

std::string engine_info() {
  return guarded([] {
    return json{{"simd", 
#if defined(__wasm_simd128__)
                 true
#else
                 false
#endif
                },
                {"version", "0.1.0"}};
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(rnn_engine) {
  emscripten::function("summarizeModel", &summarize_model);
  emscripten::function("engineInfo", &engine_info);
}
