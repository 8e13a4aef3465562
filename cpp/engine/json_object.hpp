#pragma once
// JSON helpers for the engine and the bindings, written with the WebAssembly module's size in mind.

// A JSON object built key by key: json_object().add("a", 1).add("b", x). Same value as nlohmann's
// initializer-list form {{"a", 1}, {"b", x}} (keys are sorted either way: nlohmann::json keeps a
// std::map), but each key costs one out-of-line call and values are moved in, not copied. The
// initializer lists were inlined at every use and made up much of the WebAssembly module's size.

#include <nlohmann/json.hpp>

namespace rnn {

class JsonObject {
 public:
  JsonObject();
  JsonObject&& add(const char* key, nlohmann::json value) &&;
  operator nlohmann::json() &&;

 private:
  nlohmann::json value_;
};

inline JsonObject json_object() { return JsonObject(); }

// nlohmann::json::parse(text), same result and same parse_error exceptions, without instantiating
// the parser a second time for parse()'s optional callback.
nlohmann::json parse_json(const std::string& text);

// The deepest nesting of [ and { in JSON text (outside strings), counted without parsing: readers
// refuse deep text before nlohmann's recursive dump() or their own recursion could overflow the
// stack. Stops counting once past `limit`.
int json_nesting_depth(const std::string& text, int limit = 64);

}  // namespace rnn
