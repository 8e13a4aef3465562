// One layer's config in Keras / TF.js JSON -> LayerSpec: each setting checked for its type and
// range, options we cannot honour rejected by name (layer_config_reader.hpp). Unknown keys are
// ignored. The model around the layers (wrappers, InputLayer, input shape) is model_json.cpp's.

#include "engine/layer_config_reader.hpp"

#include <cctype>
#include <cmath>

#include "engine/keras_initializers.hpp"
#include "engine/messages.hpp"

namespace rnn::config_reader {

const json* find(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string dump_short(const json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

int get_int(const LayerContext& c, const char* key, int fallback, bool required) {
  const json* v = find(c.config, key);
  if (!v) {
    if (required) fail_with(Msg::missing_option, {c.kind, c.name, key});
    return fallback;
  }
  double d = 0;
  if (v->is_number_integer() || v->is_number_unsigned()) {
    d = v->get<double>();
  } else if (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>()) {
    d = v->get<double>();
  } else {
    fail_with(Msg::not_whole_number, {c.kind, c.name, key, dump_short(*v)});
  }
  if (d < -1e9 || d > 2e9)
    fail_with(Msg::size_far_too_large, {c.kind, c.name, key, dump_short(*v)});
  return static_cast<int>(d);
}

namespace {

double get_number(const LayerContext& c, const char* key, double fallback) {
  const json* v = find(c.config, key);
  if (!v) return fallback;
  if (!v->is_number()) fail_with(Msg::not_a_number, {c.kind, c.name, key, dump_short(*v)});
  return v->get<double>();
}

bool get_bool(const LayerContext& c, const char* key, bool fallback) {
  const json* v = find(c.config, key);
  if (!v) return fallback;
  if (!v->is_boolean()) fail_with(Msg::not_true_false, {c.kind, c.name, key, dump_short(*v)});
  return v->get<bool>();
}

Activation parse_activation(const LayerContext& c, const char* key, Activation fallback,
                            bool keras3) {
  const json* v = find(c.config, key);
  if (!v) return key == std::string("activation") ? Activation::Linear : fallback;
  const json* name = v;
  // Keras 3 may write {"module": "keras.activations", "class_name": "function", "config": "tanh"}.
  if (v->is_object()) name = find(*v, "config");
  if (!name || !name->is_string())
    fail_with(Msg::activation_not_name, {c.kind, c.name, key, dump_short(*v)});
  const std::string s = name->get<std::string>();
  if (s == "linear" || s == "None") return Activation::Linear;
  if (s == "relu") return Activation::Relu;
  if (s == "tanh") return Activation::Tanh;
  if (s == "sigmoid") return Activation::Sigmoid;
  if (s == "softmax") return Activation::Softmax;
  if (s == "hard_sigmoid" || s == "hardSigmoid")
    return keras3 ? Activation::HardSigmoidKeras3 : Activation::HardSigmoid;
  fail_with(Msg::unknown_activation, {c.kind, c.name, key, s});
}

// A class name as the reader compares it: lower case, without underscores ("glorot_uniform" and
// "GlorotUniform" are the same initializer).
std::string folded(const std::string& name) {
  std::string n;
  for (char ch : name)
    if (ch != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return n;
}

InitializerSpec parse_initializer(const LayerContext& c, const char* key,
                                  InitializerSpec fallback) {
  const json* v = find(c.config, key);
  if (!v) return fallback;
  std::string name;
  const json* cfg = nullptr;
  if (v->is_string()) {
    name = v->get<std::string>();
  } else if (v->is_object() && find(*v, "class_name") && (*v)["class_name"].is_string()) {
    name = (*v)["class_name"].get<std::string>();
    cfg = find(*v, "config");
  } else {
    fail_with(Msg::initializer_not_object, {c.kind, c.name, key, dump_short(*v)});
  }
  std::string n = folded(name);
  if (n == "zero" || n == "one") n += 's';  // Keras' aliases of Zeros and Ones
  for (const KerasInitializer& entry : kKerasInitializers) {
    if (folded(entry.class_name) != n) continue;
    InitializerSpec s;
    s.kind = entry.kind;
    for (int i = 0; i < entry.setting_count; ++i) {
      const InitializerSetting& setting = entry.settings[i];
      const json* x = cfg ? find(*cfg, setting.key) : nullptr;
      if (x && !x->is_number())
        fail_with(Msg::initializer_setting_not_number,
                  {c.kind, c.name, key, name, setting.key, dump_short(*x)});
      s.*setting.field = x ? x->get<double>() : setting.keras_default;
    }
    return s;
  }
  fail_with(Msg::unsupported_initializer, {c.kind, c.name, name, key});
}

// Options we cannot honour: rejected with the layer's name and what to change.
void reject_unsupported_options(const LayerContext& c) {
  const char* must_be_false[] = {"return_state", "go_backwards", "stateful", "mask_zero"};
  for (const char* k : must_be_false)
    if (get_bool(c, k, false))
      fail_with(
          std::string(k) == "mask_zero" ? Msg::mask_zero_unsupported : Msg::option_must_be_false,
          {c.kind, c.name, k});
  const char* must_be_null[] = {
      "kernel_regularizer",   "recurrent_regularizer",  "bias_regularizer",
      "activity_regularizer", "embeddings_regularizer", "kernel_constraint",
      "recurrent_constraint", "bias_constraint",        "embeddings_constraint"};
  for (const char* k : must_be_null)
    if (const json* v = find(c.config, k))
      fail_with(Msg::option_must_be_null, {c.kind, c.name, k, dump_short(*v)});
  if (!get_bool(c, "trainable", true)) fail_with(Msg::not_trainable, {c.kind, c.name});
  if (get_bool(c, "time_major", false)) fail_with(Msg::time_major, {c.kind, c.name});
}

}  // namespace

LayerSpec parse_layer(const std::string& cls, const json& config, bool keras3, size_t index) {
  LayerSpec l;
  if (cls == "Embedding")
    l.kind = LayerKind::Embedding;
  else if (cls == "SimpleRNN")
    l.kind = LayerKind::SimpleRNN;
  else if (cls == "LSTM")
    l.kind = LayerKind::LSTM;
  else if (cls == "GRU")
    l.kind = LayerKind::GRU;
  else if (cls == "Dense")
    l.kind = LayerKind::Dense;
  else if (cls == "Dropout")
    l.kind = LayerKind::Dropout;
  else
    fail_with(Msg::unsupported_layer, {std::to_string(index + 1), cls});
  const json* name = find(config, "name");
  l.name = (name && name->is_string()) ? name->get<std::string>() : "";
  if (l.name.empty()) l.name = std::string(cls) + "_" + std::to_string(index + 1);
  for (auto& ch : l.name)
    if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
  if (l.name.size() > 100) fail_with(Msg::name_too_long, {std::to_string(index + 1)});
  const LayerContext c{config, cls, l.name};
  reject_unsupported_options(c);

  switch (l.kind) {
    case LayerKind::Embedding:
      l.input_dim = get_int(c, "input_dim", 0, true);
      l.output_dim = get_int(c, "output_dim", 0, true);
      l.embeddings_initializer =
          parse_initializer(c, "embeddings_initializer", l.embeddings_initializer);
      break;
    case LayerKind::Dense:
      l.units = get_int(c, "units", 0, true);
      l.activation = parse_activation(c, "activation", Activation::Linear, keras3);
      l.use_bias = get_bool(c, "use_bias", true);
      l.kernel_initializer = parse_initializer(c, "kernel_initializer", l.kernel_initializer);
      l.bias_initializer = parse_initializer(c, "bias_initializer", l.bias_initializer);
      break;
    case LayerKind::Dropout:
      l.rate = get_number(c, "rate", 0.0);
      break;
    default:  // SimpleRNN, LSTM, GRU
      l.units = get_int(c, "units", 0, true);
      l.activation = find(config, "activation")
                         ? parse_activation(c, "activation", Activation::Tanh, keras3)
                         : Activation::Tanh;
      l.recurrent_activation =
          parse_activation(c, "recurrent_activation", Activation::Sigmoid, keras3);
      l.use_bias = get_bool(c, "use_bias", true);
      l.return_sequences = get_bool(c, "return_sequences", false);
      l.dropout = get_number(c, "dropout", 0.0);
      l.recurrent_dropout = get_number(c, "recurrent_dropout", 0.0);
      l.reset_after = get_bool(c, "reset_after", true);
      l.unit_forget_bias = get_bool(c, "unit_forget_bias", true);
      l.kernel_initializer = parse_initializer(c, "kernel_initializer", l.kernel_initializer);
      l.recurrent_initializer =
          parse_initializer(c, "recurrent_initializer", l.recurrent_initializer);
      l.bias_initializer = parse_initializer(c, "bias_initializer", l.bias_initializer);
      break;
  }
  return l;
}

}  // namespace rnn::config_reader
