// Keras / TF.js Sequential JSON -> ModelSpec, and back: the model's structure (the wrappers, the
// InputLayer, the input shape, the list of layers); each layer's config is read by
// layer_config_reader.cpp and written by layer_config_writer.cpp.
//
// Spellings read (examples in tests/data/keras-json/):
//   Keras 3 model.to_json(): {"module": "keras", "class_name": "Sequential", "config": {"layers":
//                            [{"class_name": "InputLayer", "config": {"batch_shape": [null, 100]}},
//                            ...]}}
//   Keras 2 model.to_json(): InputLayer with "batch_input_shape" first; layers without "module".
//   TF.js topology:          no InputLayer; "batch_input_shape" on the first layer.
//   TF.js model.json:        {"modelTopology": <one of the above, or {"model_config": <one of the
//                            above>}>, ...}
// Unknown keys are ignored.

#include "engine/model_json.hpp"

#include <nlohmann/json.hpp>

#include "engine/json_object.hpp"
#include "engine/layer_config_reader.hpp"
#include "engine/layer_config_writer.hpp"
#include "engine/messages.hpp"

namespace rnn {

using nlohmann::json;
using namespace config_reader;

namespace {

constexpr int kMaxJsonDepth = 64;

// nlohmann's dump() recurses per nesting level; refuse absurd nesting before parsing.
void check_depth(const std::string& text) {
  if (json_nesting_depth(text) > kMaxJsonDepth) fail_with(Msg::nested_too_deep, {});
}

// Where a shape was read, as coded messages name it: "{kind} layer '{name}'".
struct Where {
  std::string kind;  // "LSTM", "InputLayer"
  std::string name;  // "lstm"
};

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

std::string model_to_json(const ModelSpec& model) {
  json layers = json::array();
  for (size_t i = 0; i < model.layers.size(); ++i) {
    const LayerSpec& l = model.layers[i];
    json lj = {{"class_name", layer_kind_name(l.kind)},
               {"config", json(layer_config(l, KerasConfigForm::Keras2))}};
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
