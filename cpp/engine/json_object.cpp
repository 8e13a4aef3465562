#include "engine/json_object.hpp"

namespace rnn {

JsonObject::JsonObject() : value_(nlohmann::json::object()) {}

JsonObject&& JsonObject::add(const char* key, nlohmann::json value) && {
  value_[key] = std::move(value);
  return std::move(*this);
}

JsonObject::operator nlohmann::json() && { return std::move(value_); }

}  // namespace rnn
