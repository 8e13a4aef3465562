#include "engine/json_object.hpp"

namespace rnn {

JsonObject::JsonObject() : value_(nlohmann::json::object()) {}

JsonObject&& JsonObject::add(const char* key, nlohmann::json value) && {
  value_[key] = std::move(value);
  return std::move(*this);
}

JsonObject::operator nlohmann::json() && { return std::move(value_); }

nlohmann::json parse_json(const std::string& text) {
  nlohmann::json result;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder(result, true);
  nlohmann::json::sax_parse(text, &builder);
  return result;
}

int json_nesting_depth(const std::string& text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace rnn
