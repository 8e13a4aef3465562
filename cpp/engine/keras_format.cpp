// Keras' model files described (keras_format.hpp): the .keras writer's JSON members and HDF5
// layout (each layer's config from layer_config_writer.cpp), and what the readers (keras_open.cpp)
// share with it: the coded messages and Keras 3's dataset paths.
// Layouts checked against Keras 3.4.1's saving_lib.py, the layers' get_config, and files Keras 3.6
// and 3.13 wrote (tests/fixtures/keras3-structure.json); tf.keras 2's legacy hdf5_format.py.

#include "engine/keras_format.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/enum_names.hpp"
#include "engine/json_object.hpp"
#include "engine/keras_format_internal.hpp"
#include "engine/layer_config_writer.hpp"
#include "engine/messages.hpp"

namespace rnn {

const char* const kKerasMembers[3] = {"metadata.json", "config.json", "model.weights.h5"};

namespace keras_detail {

struct FormatTemplate {
  const char* parameters;
  const char* english;
};

constexpr FormatTemplate kFormatTemplates[] = {
#define RNN_MESSAGE(code, parameters, english) {parameters, english},
#include "engine/format_messages.def"
#undef RNN_MESSAGE
};

std::string format_text(Msg code, const std::vector<std::string>& params) {
  const FormatTemplate& t =
      kFormatTemplates[static_cast<int>(code) - static_cast<int>(Msg::keras_config_not_json)];
  return fill_message(t.parameters, t.english, params);
}

void fail(Msg code, std::vector<std::string> params) {
  std::string text = format_text(code, params);
  throw ModelError(static_cast<int>(code), std::move(params), text);
}

}  // namespace keras_detail

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;
using namespace keras_detail;

// naming.to_snake_case of each layer class, as saving_lib names the layer groups.
constexpr EnumName<LayerKind> kSnakeCaseNames[] = {
    {LayerKind::Embedding, "embedding"}, {LayerKind::SimpleRNN, "simple_rnn"},
    {LayerKind::LSTM, "lstm"},           {LayerKind::GRU, "gru"},
    {LayerKind::Dense, "dense"},         {LayerKind::Dropout, "dropout"}};

// "layers/<snake>[_k]" for every layer, k counting earlier layers of the same class (0 unnamed).
std::vector<std::string> keras3_layer_paths(const ModelSpec& spec) {
  std::map<std::string, int> used;
  std::vector<std::string> paths;
  for (const LayerSpec& layer : spec.layers) {
    const std::string base = name_of(kSnakeCaseNames, layer.kind, "layer");
    auto it = used.find(base);
    std::string name = base;
    if (it == used.end())
      used[base] = 0;
    else
      name += "_" + std::to_string(++it->second);
    paths.push_back("layers/" + name);
  }
  return paths;
}

}  // namespace

std::vector<KerasDataset> keras_detail::keras3_datasets(const ModelSpec& spec) {
  const std::vector<std::string> paths = keras3_layer_paths(spec);
  std::vector<KerasDataset> out;
  int64_t offset = 0;
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    const std::string vars =
        paths[i] + (is_recurrent(spec.layers[i].kind) ? "/cell/vars/" : "/vars/");
    int index = 0;
    for (const WeightSpec& w : weight_specs(spec.layers[i])) {
      out.push_back({vars + std::to_string(index++), w.shape, offset});
      offset += w.size();
    }
  }
  return out;
}

std::string keras_detail::shape_text(const std::vector<int>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;
using namespace keras_detail;

// ------------------------------------------------------------------------------------------------
// Writing: config.json as Keras 3.4.1's get_config / serialize_keras_object write it.

// [null, time or null, features...] of a layer's input (Keras' build_config input_shape).
ordered batch_shape(const ModelSpec& spec, const Shape& shape, bool ids) {
  ordered s = ordered::array({nullptr});
  if (ids || shape.has_time)
    s.push_back(spec.input_length < 0 ? ordered(nullptr) : ordered(spec.input_length));
  if (!ids) s.push_back(shape.features);
  return s;
}

// A number of compileJson: Keras' default when absent, else a finite number.
double setting(const json& compile, const char* key, double fallback) {
  auto it = compile.find(key);
  if (it == compile.end() || it->is_null()) return fallback;
  if (!it->is_number() || !std::isfinite(it->get<double>()))
    fail(Msg::save_setting, {key, it->dump()});
  return it->get<double>();
}

std::string expected_loss(const ModelSpec& spec) {
  return spec.output_layer().units == 1 ? "binary_crossentropy" : "sparse_categorical_crossentropy";
}

ordered compile_config(const ModelSpec& spec, const json& compile) {
  std::string name = compile.contains("optimizer") && compile["optimizer"].is_string()
                         ? compile["optimizer"].get<std::string>()
                         : "rmsprop";
  for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const char* cls = name == "rmsprop" ? "RMSprop"
                    : name == "adam"  ? "Adam"
                    : name == "sgd"   ? "SGD"
                                      : nullptr;
  if (!cls) fail(Msg::save_optimizer, {name});
  // Keras keeps the learning rate in a float32 variable and writes float(variable).
  const double lr =
      static_cast<float>(setting(compile, "learning_rate", name == "sgd" ? 0.01 : 0.001));
  const double clipnorm = setting(compile, "clipnorm", 0);
  ordered o = ordered::object();
  o["name"] = name == "sgd" ? "SGD" : name;
  o["learning_rate"] = lr;
  o["weight_decay"] = nullptr;
  o["clipnorm"] = clipnorm > 0 ? ordered(clipnorm) : ordered(nullptr);
  for (const char* k : {"global_clipnorm", "clipvalue"}) o[k] = nullptr;
  o["use_ema"] = false;
  o["ema_momentum"] = 0.99;
  for (const char* k :
       {"ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps"})
    o[k] = nullptr;
  if (name == "rmsprop") {
    o["rho"] = setting(compile, "rho", 0.9);
    o["momentum"] = setting(compile, "momentum", 0.0);
    o["epsilon"] = setting(compile, "epsilon", 1e-7);
    o["centered"] = false;
  } else if (name == "adam") {
    o["beta_1"] = setting(compile, "beta_1", 0.9);
    o["beta_2"] = setting(compile, "beta_2", 0.999);
    o["epsilon"] = setting(compile, "epsilon", 1e-7);
    o["amsgrad"] = false;
  } else {
    o["momentum"] = setting(compile, "momentum", 0.0);
    o["nesterov"] = compile.contains("nesterov") && compile["nesterov"].is_boolean() &&
                    compile["nesterov"].get<bool>();
  }
  const std::string loss_needed = expected_loss(spec);
  if (compile.contains("loss") && !compile["loss"].is_null()) {
    const std::string loss =
        compile["loss"].is_string() ? compile["loss"].get<std::string>() : compile["loss"].dump();
    if (loss != loss_needed) fail(Msg::save_loss, {loss, loss_needed});
  }
  ordered metrics = ordered::array({"accuracy"});
  if (compile.contains("metrics") && compile["metrics"].is_array()) {
    metrics = ordered::array();
    for (const json& m : compile["metrics"])
      if (m.is_string()) metrics.push_back(m.get<std::string>());
  }
  ordered c = ordered::object();
  c["optimizer"] = {{"module", "keras.optimizers"},
                    {"class_name", cls},
                    {"config", o},
                    {"registered_name", nullptr}};
  c["loss"] = loss_needed;
  c["loss_weights"] = nullptr;
  c["metrics"] = metrics;
  c["weighted_metrics"] = nullptr;
  c["run_eagerly"] = false;
  c["steps_per_execution"] = 1;
  c["jit_compile"] = false;
  return c;
}

json parse_object(const std::string& text, Msg code) {
  if (json_nesting_depth(text) > 64) fail(code, {"nested more than 64 levels deep"});
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) fail(code, {"not JSON"});
  if (!value.is_object()) fail(code, {"not a JSON object"});
  return value;
}

}  // namespace

// ------------------------------------------------------------------------------------------------

KerasArchive keras_save(const ModelSpec& spec, const std::string& compile_json) {
  const json compile = parse_object(compile_json.empty() ? "{}" : compile_json, Msg::save_setting);
  for (const LayerSpec& l : spec.layers) {
    if (l.activation == Activation::HardSigmoid ||
        (gate_count(l.kind) > 1 && l.recurrent_activation == Activation::HardSigmoid))
      fail(Msg::save_hard_sigmoid, {l.name});
  }

  ordered layers = ordered::array();
  const ordered input_shape = batch_shape(spec, spec.layers.front().input_shape, !spec.one_hot);
  layers.push_back({{"module", "keras.layers"},
                    {"class_name", "InputLayer"},
                    {"config",
                     {{"batch_shape", input_shape},
                      {"dtype", "float32"},
                      {"sparse", false},
                      {"name", "input_layer"}}},
                    {"registered_name", nullptr}});
  for (const LayerSpec& l : spec.layers) {
    const bool ids = l.kind == LayerKind::Embedding;
    layers.push_back({{"module", "keras.layers"},
                      {"class_name", layer_kind_name(l.kind)},
                      {"config", layer_config(l, KerasConfigForm::Keras3)},
                      {"registered_name", nullptr},
                      {"build_config", {{"input_shape", batch_shape(spec, l.input_shape, ids)}}}});
  }
  ordered sequential = ordered::object();
  sequential["name"] = spec.name;
  sequential["trainable"] = true;
  sequential["dtype"] = keras3_dtype_policy();
  sequential["layers"] = layers;
  sequential["build_input_shape"] = input_shape;
  ordered config = ordered::object();
  config["module"] = "keras";
  config["class_name"] = "Sequential";
  config["config"] = sequential;
  config["registered_name"] = nullptr;
  config["build_config"] = {{"input_shape", input_shape}};
  config["compile_config"] = compile_config(spec, compile);

  ordered metadata = {{"keras_version", "3.4.1"}};
  if (compile.contains("date_saved") && compile["date_saved"].is_string())
    metadata["date_saved"] = compile["date_saved"].get<std::string>();

  KerasArchive archive;
  archive.metadata_json = metadata.dump();
  archive.config_json = config.dump();
  archive.datasets = keras3_datasets(spec);
  // saving_lib's walk: the model's own (empty) "vars", then each layer's group and "vars", a
  // recurrent layer's cell after the layer.
  archive.groups = {"vars", "layers"};
  const std::vector<std::string> paths = keras3_layer_paths(spec);
  for (size_t i = 0; i < paths.size(); ++i) {
    archive.groups.push_back(paths[i]);
    archive.groups.push_back(paths[i] + "/vars");
    if (is_recurrent(spec.layers[i].kind)) {
      archive.groups.push_back(paths[i] + "/cell");
      archive.groups.push_back(paths[i] + "/cell/vars");
    }
  }
  return archive;
}

std::string keras_archive_json(const KerasArchive& archive) {
  ordered datasets = ordered::array();
  for (const KerasDataset& d : archive.datasets)
    datasets.push_back(
        {{"path", d.path}, {"shape", d.shape}, {"offset", d.offset}, {"dtype", "float32"}});
  ordered out = ordered::object();
  out["metadata_json"] = archive.metadata_json;
  out["config_json"] = archive.config_json;
  out["members"] = {kKerasMembers[0], kKerasMembers[1], kKerasMembers[2]};
  out["groups"] = archive.groups;
  out["datasets"] = datasets;
  return out.dump();
}

std::string keras_opened_json(const KerasOpened& opened) {
  ordered weights = ordered::array();
  for (const KerasDataset& d : opened.weights)
    weights.push_back({{"path", d.path}, {"shape", d.shape}, {"offset", d.offset}});
  ordered out = ordered::object();
  out["model_json"] = opened.model_json;
  out["weights"] = weights;
  ordered notes = ordered::array();
  for (const KerasNote& n : opened.notes)
    notes.push_back({{"code", n.code}, {"params", n.params}, {"text", n.text}});
  out["notes"] = notes;
  return out.dump();
}

}  // namespace rnn
