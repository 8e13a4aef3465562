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

}  // namespace rnn
