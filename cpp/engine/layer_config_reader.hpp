#pragma once
// One layer's config in Keras / TF.js JSON read into a LayerSpec (layer_config_reader.cpp): what
// the model's structure (model_json.cpp) needs of it; not for other files.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/model_spec.hpp"

namespace rnn::config_reader {

using json = nlohmann::json;

// obj[key] when obj is an object holding a non-null key; nullptr else.
const json* find(const json& obj, const char* key);

// The value as JSON text, cut to 60 characters, for messages that quote what was received.
std::string dump_short(const json& v);

// Where a setting is read, as coded messages name it: "{kind} layer '{name}'".
struct LayerContext {
  const json& config;
  std::string kind;  // "LSTM", "InputLayer"
  std::string name;  // "lstm"
};

// config[key] as a whole number (2.0 counts); `fallback` when absent unless `required`.
int get_int(const LayerContext& c, const char* key, int fallback, bool required);

// A layer of class `cls` ("LSTM") from its config; `index` counts the layers before it (InputLayer
// not counted) and names it in messages. `keras3`: hard_sigmoid means Keras 3's formula. Throws
// the coded ModelError of the first setting it cannot honour.
LayerSpec parse_layer(const std::string& cls, const json& config, bool keras3, size_t index);

}  // namespace rnn::config_reader
