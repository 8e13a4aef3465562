#pragma once
// The reply framing of every WebAssembly entry point, in the engine module (bindings.cpp) and the
// file formats module (formats/formats_bindings.cpp): {"ok": true, "value": ...} |
// {"ok": false, "error": "...", "code"?: n, "params"?: [...]}. Every C++ exception is caught here;
// none reaches JavaScript (web/src/engine/engine-api.ts turns these replies into typed errors).

#include <exception>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "engine/messages.hpp"
#include "engine/model_spec.hpp"

namespace rnn::bindings {

using nlohmann::json;

// One copy of the reply framing for every entry point (a template per entry point made up a
// tenth of the .wasm). The bytes are what json{{"ok", ...}, {"value" | "error", ...}}.dump() gives
// (keys sorted, no spaces); the value is moved, never copied.
using Body = json (*)(void*);

inline std::string dump_text(const json& v) {
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A coded message also sends its code (its position in engine/messages.def) and parameters,
// which the page turns into Korean or English text.
inline std::string coded_error(const rnn::ModelError& e) {
  if (e.code() < 0) return "{\"error\":" + dump_text(e.what()) + ",\"ok\":false}";
  return "{\"code\":" + std::to_string(e.code()) + ",\"error\":" + dump_text(e.what()) +
         ",\"ok\":false,\"params\":" + dump_text(e.params()) + "}";
}

inline std::string guarded_call(Body body, void* context) {
  try {
    return "{\"ok\":true,\"value\":" + dump_text(body(context)) + "}";
  } catch (const std::bad_alloc&) {
    // The failed allocation's memory is free again here: the reply's few bytes fit.
    return coded_error(rnn::ModelError(static_cast<int>(rnn::Msg::out_of_memory), {},
                                       rnn::message_text(rnn::Msg::out_of_memory, {})));
  } catch (const rnn::ModelError& e) {
    return coded_error(e);
  } catch (const std::exception& e) {
    return "{\"error\":" + dump_text(e.what()) + ",\"ok\":false}";
  }
}

template <typename F>
std::string guarded(F&& body) {
  using Fn = std::remove_reference_t<F>;
  return guarded_call([](void* f) -> json { return (*static_cast<Fn*>(f))(); }, &body);
}

}  // namespace rnn::bindings
