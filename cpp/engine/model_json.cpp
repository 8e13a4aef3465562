// Keras / TF.js Sequential JSON -> ModelSpec, and back.
//
// Spellings read (examples in tests/data/keras-json/):
//   Keras 3 model.to_json()   : {"module": "keras", "class_name": "Sequential", "config":
//   {"layers": [
//                                {"class_name": "InputLayer", "config": {"batch_shape": [null,
//                                100]}}, ...]}}
//   Keras 2 model.to_json()   : InputLayer with "batch_input_shape" first; layers without "module".
//   TF.js topology            : no InputLayer; "batch_input_shape" on the first layer.
//   TF.js model.json          : {"modelTopology": <one of the above, or {"model_config": <one of
//   the above>}>, ...}
// Unknown keys are ignored; options we cannot honour are rejected by name.

#include "engine/model_json.hpp"

#include "engine/json_object.hpp"
#include "engine/messages.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rnn {

using nlohmann::json;

namespace {

constexpr int kMaxJsonDepth = 64;

// nlohmann's dump() recurses per nesting level; refuse absurd nesting before parsing.
void check_depth(const std::string& text) {
  if (json_nesting_depth(text) > kMaxJsonDepth) fail_with(Msg::nested_too_deep, {});
}

std::string dump_short(const json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// Where a setting was read, as coded messages name it: "{kind} layer '{name}'".
struct Where {
  std::string kind;  // "LSTM", "InputLayer"
  std::string name;  // "lstm"
};

struct LayerContext {
  const json& config;
  std::string kind;  // "LSTM" (for coded messages: the layer's kind and name as parameters)
  std::string name;  // "lstm"
};

const json* find(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
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
  auto num = [&](const char* k, double d) {
    const json* x = cfg ? find(*cfg, k) : nullptr;
    if (!x) return d;
    if (!x->is_number())
      fail_with(Msg::initializer_setting_not_number,
                {c.kind, c.name, key, name, k, dump_short(*x)});
    return x->get<double>();
  };
  std::string n;
  for (char ch : name)
    if (ch != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  InitializerSpec s;
  if (n == "zeros" || n == "zero")
    s.kind = Initializer::Zeros;
  else if (n == "ones" || n == "one")
    s.kind = Initializer::Ones;
  else if (n == "glorotuniform")
    s.kind = Initializer::GlorotUniform;
  else if (n == "glorotnormal")
    s.kind = Initializer::GlorotNormal;
  else if (n == "heuniform")
    s.kind = Initializer::HeUniform;
  else if (n == "henormal")
    s.kind = Initializer::HeNormal;
  else if (n == "lecununiform")
    s.kind = Initializer::LecunUniform;
  else if (n == "lecunnormal")
    s.kind = Initializer::LecunNormal;
  else if (n == "orthogonal") {
    s.kind = Initializer::Orthogonal;
    s.gain = num("gain", 1.0);
  } else if (n == "randomuniform") {
    s.kind = Initializer::RandomUniform;
    s.a = num("minval", -0.05);
    s.b = num("maxval", 0.05);
  } else if (n == "randomnormal") {
    s.kind = Initializer::RandomNormal;
    s.a = num("mean", 0.0);
    s.b = num("stddev", 0.05);
  } else if (n == "truncatednormal") {
    s.kind = Initializer::TruncatedNormal;
    s.a = num("mean", 0.0);
    s.b = num("stddev", 0.05);
  } else if (n == "constant") {
    s.kind = Initializer::Constant;
    s.a = num("value", 0.0);
  } else
    fail_with(Msg::unsupported_initializer, {c.kind, c.name, name, key});
  return s;
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

// A shape list [null, 100] or [null, 100, 500]; returns the dims after the batch axis.
std::vector<int> parse_shape(const json& v, const Where& w, bool has_batch_axis) {
  if (!v.is_array()) fail_with(Msg::shape_not_list, {w.kind, w.name, dump_short(v)});
  std::vector<int> dims;
  for (size_t i = has_batch_axis ? 1 : 0; i < v.size(); ++i) {
    const json& d = v[i];
    if (d.is_null()) {
      dims.push_back(-1);
      continue;
    }
    if (!d.is_number_integer() && !d.is_number_unsigned())
      fail_with(Msg::shape_entry_not_whole, {w.kind, w.name, dump_short(v)});
    const auto x = d.get<int64_t>();
    if (x < 1 || x > 100000000) fail_with(Msg::shape_size_range, {w.kind, w.name, dump_short(v)});
    dims.push_back(static_cast<int>(x));
  }
  if (dims.empty() || dims.size() > 2) fail_with(Msg::shape_rank, {w.kind, w.name, dump_short(v)});
  return dims;
}

// The input declared on an InputLayer or on the first layer (batch_input_shape, batch_shape,
// input_shape, or Keras 2's Embedding input_length).
bool read_input_shape(const json& config, const Where& w, std::vector<int>& dims) {
  if (const json* v = find(config, "batch_shape")) {
    dims = parse_shape(*v, w, true);
    return true;
  }
  if (const json* v = find(config, "batch_input_shape")) {
    dims = parse_shape(*v, w, true);
    return true;
  }
  if (const json* v = find(config, "input_shape")) {
    dims = parse_shape(*v, w, false);
    return true;
  }
  return false;
}

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

// Finds the Sequential object inside any of the accepted wrappers.
const json& unwrap(const json& root) {
  const json* node = &root;
  if (const json* t = find(*node, "modelTopology")) node = t;
  if (const json* m = find(*node, "model_config")) node = m;
  return *node;
}

}  // namespace

ModelSpec parse_model_json(const std::string& text) {
  if (text.size() > 16 * 1024 * 1024) fail_with(Msg::model_json_too_large, {});
  check_depth(text);
  json root;
  try {
    root = parse_json(text);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    auto pos = what.find("parse error");
    fail_with(Msg::not_json, {pos == std::string::npos ? what : what.substr(pos)});
  } catch (const json::exception&) {
    // out_of_range 406: a number beyond double's range (1e999), which JSON allows and Keras never
    // writes.
    fail_with(Msg::number_too_large, {});
  }
  if (!root.is_object()) fail_with(Msg::not_object, {});
  const json& model = unwrap(root);
  const json* cls = find(model, "class_name");
  if (!cls || !cls->is_string()) fail_with(Msg::no_class_name, {});
  if (cls->get<std::string>() != "Sequential")
    fail_with(Msg::not_sequential, {cls->get<std::string>()});
  const bool keras3 = find(model, "module") != nullptr || find(root, "module") != nullptr;
  const json* config = find(model, "config");
  const json* layers = nullptr;
  ModelSpec spec;
  if (config && config->is_array()) {
    layers = config;  // very old Keras 2 spelling: config is the layer list
  } else if (config && config->is_object()) {
    layers = find(*config, "layers");
    if (const json* n = find(*config, "name"); n && n->is_string())
      spec.name = n->get<std::string>();
  }
  if (!layers || !layers->is_array()) fail_with(Msg::no_layer_list, {});
  if (layers->size() > 1000) fail_with(Msg::too_many_layers, {});

  std::vector<int> input_dims;
  bool have_input = false;
  for (size_t i = 0; i < layers->size(); ++i) {
    const json& entry = (*layers)[i];
    const json* lc = find(entry, "class_name");
    if (!lc || !lc->is_string()) fail_with(Msg::layer_no_class_name, {std::to_string(i + 1)});
    const std::string layer_class = lc->get<std::string>();
    static const json kEmpty = json::object();
    const json* lconf = find(entry, "config");
    if (lconf && !lconf->is_object())
      fail_with(Msg::layer_config_not_object, {std::to_string(i + 1), layer_class});
    const json& cfg = lconf ? *lconf : kEmpty;
    if (layer_class == "InputLayer") {
      if (!spec.layers.empty() || have_input)
        fail_with(Msg::input_layer_not_first, {std::to_string(i + 1)});
      const json* input_name = find(cfg, "name");
      if (!read_input_shape(
              cfg,
              Where{"InputLayer",
                    input_name && input_name->is_string() ? input_name->get<std::string>() : ""},
              input_dims))
        fail_with(Msg::input_layer_no_shape, {});
      have_input = true;
      continue;
    }
    LayerSpec l = parse_layer(layer_class, cfg, keras3, spec.layers.size());
    if (spec.layers.empty() && !have_input) {
      std::vector<int> dims;
      if (read_input_shape(cfg, Where{layer_kind_name(l.kind), l.name}, dims)) {
        input_dims = dims;
        have_input = true;
      } else if (const json* len = find(cfg, "input_length");
                 len && l.kind == LayerKind::Embedding) {
        LayerContext c{cfg, layer_kind_name(l.kind), l.name};
        input_dims = {get_int(c, "input_length", -1, false)};
        have_input = true;
      }
    }
    spec.layers.push_back(std::move(l));
  }
  if (spec.layers.empty()) fail_with(Msg::no_layers_besides_input, {});

  const LayerSpec& first = spec.layers.front();
  if (have_input) {
    spec.input_length = input_dims[0];
    if (input_dims.size() == 2) {
      if (first.kind == LayerKind::Embedding)
        fail_with(Msg::embedding_one_hot_shape, {first.name, std::to_string(input_dims[1])});
      spec.vocab = input_dims[1];
    } else if (is_recurrent(first.kind) || first.kind == LayerKind::Dense) {
      fail_with(Msg::one_hot_needs_shape,
                {layer_kind_name(first.kind), first.name,
                 input_dims[0] < 0 ? std::string("None") : std::to_string(input_dims[0])});
    }
  }
  validate_and_infer(spec);
  return spec;
}

namespace {

json initializer_json(const InitializerSpec& s) {
  switch (s.kind) {
    case Initializer::Zeros:
      return {{"class_name", "Zeros"}, {"config", json::object()}};
    case Initializer::Ones:
      return {{"class_name", "Ones"}, {"config", json::object()}};
    case Initializer::GlorotUniform:
      return {{"class_name", "GlorotUniform"}, {"config", {{"seed", nullptr}}}};
    case Initializer::GlorotNormal:
      return {{"class_name", "GlorotNormal"}, {"config", {{"seed", nullptr}}}};
    case Initializer::HeUniform:
      return {{"class_name", "HeUniform"}, {"config", {{"seed", nullptr}}}};
    case Initializer::HeNormal:
      return {{"class_name", "HeNormal"}, {"config", {{"seed", nullptr}}}};
    case Initializer::LecunUniform:
      return {{"class_name", "LecunUniform"}, {"config", {{"seed", nullptr}}}};
    case Initializer::LecunNormal:
      return {{"class_name", "LecunNormal"}, {"config", {{"seed", nullptr}}}};
    case Initializer::Orthogonal:
      return {{"class_name", "Orthogonal"}, {"config", {{"gain", s.gain}, {"seed", nullptr}}}};
    case Initializer::RandomUniform:
      return {{"class_name", "RandomUniform"},
              {"config", {{"minval", s.a}, {"maxval", s.b}, {"seed", nullptr}}}};
    case Initializer::RandomNormal:
      return {{"class_name", "RandomNormal"},
              {"config", {{"mean", s.a}, {"stddev", s.b}, {"seed", nullptr}}}};
    case Initializer::TruncatedNormal:
      return {{"class_name", "TruncatedNormal"},
              {"config", {{"mean", s.a}, {"stddev", s.b}, {"seed", nullptr}}}};
    case Initializer::Constant:
      return {{"class_name", "Constant"}, {"config", {{"value", s.a}}}};
  }
  return nullptr;
}

json layer_json(const LayerSpec& l) {
  json c = {{"name", l.name}, {"trainable", true}, {"dtype", "float32"}};
  switch (l.kind) {
    case LayerKind::Embedding:
      c["input_dim"] = l.input_dim;
      c["output_dim"] = l.output_dim;
      c["embeddings_initializer"] = initializer_json(l.embeddings_initializer);
      c["mask_zero"] = false;
      break;
    case LayerKind::Dense:
      c["units"] = l.units;
      c["activation"] = activation_name(l.activation);
      c["use_bias"] = l.use_bias;
      c["kernel_initializer"] = initializer_json(l.kernel_initializer);
      c["bias_initializer"] = initializer_json(l.bias_initializer);
      break;
    case LayerKind::Dropout:
      c["rate"] = l.rate;
      break;
    default:
      c["units"] = l.units;
      c["activation"] = activation_name(l.activation);
      if (l.kind != LayerKind::SimpleRNN)
        c["recurrent_activation"] = activation_name(l.recurrent_activation);
      c["use_bias"] = l.use_bias;
      c["return_sequences"] = l.return_sequences;
      c["return_state"] = false;
      c["go_backwards"] = false;
      c["stateful"] = false;
      c["unroll"] = false;
      c["dropout"] = l.dropout;
      c["recurrent_dropout"] = l.recurrent_dropout;
      c["kernel_initializer"] = initializer_json(l.kernel_initializer);
      c["recurrent_initializer"] = initializer_json(l.recurrent_initializer);
      c["bias_initializer"] = initializer_json(l.bias_initializer);
      if (l.kind == LayerKind::LSTM) c["unit_forget_bias"] = l.unit_forget_bias;
      if (l.kind == LayerKind::GRU) c["reset_after"] = l.reset_after;
      break;
  }
  return {{"class_name", layer_kind_name(l.kind)}, {"config", c}};
}

}  // namespace

std::string model_to_json(const ModelSpec& model) {
  json layers = json::array();
  for (size_t i = 0; i < model.layers.size(); ++i) {
    json lj = layer_json(model.layers[i]);
    if (i == 0) {
      json shape = {nullptr, model.input_length < 0 ? json(nullptr) : json(model.input_length)};
      if (model.one_hot) shape.push_back(model.vocab);
      lj["config"]["batch_input_shape"] = shape;
    }
    layers.push_back(std::move(lj));
  }
  // Keras 3's hard_sigmoid differs from Keras 2's; the "module" key marks the Keras 3 spelling so
  // that reading this JSON back keeps the Keras 3 formula.
  bool keras3_hard_sigmoid = false;
  for (const auto& l : model.layers)
    keras3_hard_sigmoid |= l.activation == Activation::HardSigmoidKeras3 ||
                           l.recurrent_activation == Activation::HardSigmoidKeras3;
  json out = {{"class_name", "Sequential"},
              {"config", {{"name", model.name}, {"layers", layers}}},
              {"keras_version", "2.15.0"},
              {"backend", "tensorflow"}};
  if (keras3_hard_sigmoid) out["module"] = "keras";
  return out.dump();
}

}  // namespace rnn
