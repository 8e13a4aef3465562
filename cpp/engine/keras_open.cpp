// Opening Keras' files (keras_format.hpp): a Keras 3 .keras file's config.json and the listing of
// its model.weights.h5, or the listing of a tf.keras 2 .h5 model file, checked against each other
// and turned into the engine's model JSON and the datasets that make up its flat weights.

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/json_object.hpp"
#include "engine/keras_format.hpp"
#include "engine/keras_format_internal.hpp"
#include "engine/model_json.hpp"

namespace rnn {
namespace {

using json = nlohmann::json;
using namespace keras_detail;

struct ListedDataset {
  std::vector<int> shape;
  std::string dtype;
  bool used = false;
};

// The caller's walk of an HDF5 file (keras_format.hpp, "Listing").
struct Listing {
  std::map<std::string, ListedDataset> datasets;
  json attrs = json::object();
};

constexpr size_t kMaxListedDatasets = 100000;

Listing parse_listing(const std::string& text) {
  if (text.size() > 64 * 1024 * 1024) fail(Msg::listing_malformed, {"over 64 MB"});
  if (json_nesting_depth(text) > 64)
    fail(Msg::listing_malformed, {"nested more than 64 levels deep"});
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) fail(Msg::listing_malformed, {"not a JSON object"});
  Listing listing;
  auto ds = doc.find("datasets");
  if (ds == doc.end() || !ds->is_array()) fail(Msg::listing_malformed, {"no \"datasets\" list"});
  if (ds->size() > kMaxListedDatasets) fail(Msg::listing_malformed, {"over 100000 datasets"});
  for (const json& d : *ds) {
    if (!d.is_object() || !d.contains("path") || !d["path"].is_string() || !d.contains("shape") ||
        !d["shape"].is_array() || d["shape"].size() > 32 || !d.contains("dtype") ||
        !d["dtype"].is_string())
      fail(Msg::listing_malformed, {"a dataset without a path, a shape or a dtype"});
    ListedDataset entry;
    for (const json& n : d["shape"]) {
      if (!n.is_number_unsigned() || n.get<uint64_t>() > 2147483647ull)
        fail(Msg::listing_malformed, {"a shape entry that is not a size"});
      entry.shape.push_back(static_cast<int>(n.get<uint64_t>()));
    }
    entry.dtype = d["dtype"].get<std::string>();
    std::string path = d["path"].get<std::string>();
    if (!path.empty() && path[0] == '/') path.erase(0, 1);
    if (!listing.datasets.emplace(path, std::move(entry)).second)
      fail(Msg::listing_malformed, {"the dataset " + path + " twice"});
  }
  if (auto a = doc.find("attrs"); a != doc.end()) {
    if (!a->is_object()) fail(Msg::listing_malformed, {"\"attrs\" is not an object"});
    listing.attrs = *a;
  }
  return listing;
}

// One attribute of a group ("/" the root), or null.
const json* attribute(const Listing& listing, const std::string& group, const std::string& name) {
  auto g = listing.attrs.find(group);
  if (g == listing.attrs.end() || !g->is_object()) return nullptr;
  auto a = g->find(name);
  return a == g->end() ? nullptr : &*a;
}

// A list of names stored as tf.keras 2 stores them: one attribute, or chunks name0, name1, ...
// (save_attributes_to_hdf5_group splits lists beyond HDF5's 64 KB object header).
std::vector<std::string> name_list(const Listing& listing, const std::string& group,
                                   const std::string& name) {
  std::vector<const json*> parts;
  if (const json* whole = attribute(listing, group, name)) {
    parts.push_back(whole);
  } else {
    for (int chunk = 0; chunk < 100000; ++chunk) {
      const json* part = attribute(listing, group, name + std::to_string(chunk));
      if (!part) break;
      parts.push_back(part);
    }
  }
  std::vector<std::string> names;
  for (const json* part : parts) {
    if (part->is_string()) {
      names.push_back(part->get<std::string>());
      continue;
    }
    if (!part->is_array())
      fail(Msg::listing_malformed,
           {"attribute " + name + " of " + group + " is not a list of names"});
    for (const json& n : *part) {
      if (!n.is_string())
        fail(Msg::listing_malformed,
             {"attribute " + name + " of " + group + " is not a list of names"});
      names.push_back(n.get<std::string>());
    }
  }
  return names;
}

// A dataset the model needs: present, float32, of the right shape; marked as used.
void take(Listing& listing, const std::string& file, const std::string& path,
          const std::vector<int>& shape) {
  auto it = listing.datasets.find(path);
  if (it == listing.datasets.end()) fail(Msg::weights_missing, {file, path});
  if (it->second.dtype != "float32") fail(Msg::weights_dtype, {file, path, it->second.dtype});
  if (it->second.shape != shape)
    fail(Msg::weights_shape, {file, path, shape_text(it->second.shape), shape_text(shape)});
  it->second.used = true;
}

KerasNote note(Msg code, std::vector<std::string> params) {
  std::string text = format_text(code, params);
  return {static_cast<int>(code), std::move(params), std::move(text)};
}

// Keras 3 writes the Orthogonal initializer as "OrthogonalInitializer" (its class name); the model
// parser knows Keras' short names.
void short_initializer_names(json& layer_config) {
  for (auto& [key, value] : layer_config.items()) {
    if (key.size() < 12 || key.compare(key.size() - 12, 12, "_initializer") != 0 ||
        !value.is_object())
      continue;
    auto cls = value.find("class_name");
    if (cls == value.end() || !cls->is_string()) continue;
    std::string name = cls->get<std::string>();
    if (name.size() > 11 && name.compare(name.size() - 11, 11, "Initializer") == 0)
      *cls = name.substr(0, name.size() - 11);
  }
}

// Keras 3 layer configs the engine cannot compute exactly: other dtypes, quantization, LoRA.
// An InputLayer's dtype is the dtype of the data fed in, not a computation: keras.Input(shape,
// dtype="int32") holds token ids and is as exact as the float32 default.
void check_keras3_layer(const json& layer) {
  const json& c =
      layer.contains("config") && layer["config"].is_object() ? layer["config"] : json::object();
  const std::string name =
      c.contains("name") && c["name"].is_string() ? c["name"].get<std::string>() : "?";
  const bool input_layer = layer.contains("class_name") && layer["class_name"] == "InputLayer";
  if (!input_layer && c.contains("dtype") && !c["dtype"].is_null()) {
    const json& d = c["dtype"];
    std::string policy = d.is_string() ? d.get<std::string>() : "";
    if (d.is_object()) {
      const std::string cls = d.contains("class_name") && d["class_name"].is_string()
                                  ? d["class_name"].get<std::string>()
                                  : "";
      if (cls.find("Quantized") != std::string::npos) fail(Msg::keras_quantized, {name});
      const json* cfg = d.contains("config") && d["config"].is_object() ? &d["config"] : nullptr;
      policy = cfg && cfg->contains("name") && (*cfg)["name"].is_string()
                   ? (*cfg)["name"].get<std::string>()
                   : d.dump();
    }
    if (policy != "float32") fail(Msg::keras_dtype_policy, {name, policy});
  }
  if (c.contains("quantization_config") && !c["quantization_config"].is_null())
    fail(Msg::keras_quantized, {name});
  if (c.contains("lora_rank") && !c["lora_rank"].is_null() && c["lora_rank"] != 0)
    fail(Msg::keras_lora, {name});
}

KerasOpened finish(ModelSpec spec, std::vector<KerasDataset> weights,
                   std::vector<KerasNote> notes) {
  KerasOpened opened;
  opened.model_json = model_to_json(spec);
  opened.spec = std::move(spec);
  opened.weights = std::move(weights);
  opened.notes = std::move(notes);
  return opened;
}

}  // namespace

KerasOpened keras_open(const std::string& config_json, const std::string& h5_listing_json) {
  if (json_nesting_depth(config_json) > 64)
    fail(Msg::keras_config_not_json, {"nested more than 64 levels deep"});
  json config = json::parse(config_json, nullptr, /*allow_exceptions=*/false);
  if (config.is_discarded()) fail(Msg::keras_config_not_json, {"it does not parse"});
  if (!config.is_object()) fail(Msg::keras_config_not_json, {"not an object"});
  const json* cls = config.contains("class_name") ? &config["class_name"] : nullptr;
  if (!cls || !cls->is_string() || cls->get<std::string>() != "Sequential")
    fail(Msg::keras_not_sequential,
         {cls && cls->is_string() ? cls->get<std::string>() : "(unnamed)"});
  if (!config.contains("module")) fail(Msg::keras_not_keras3, {});
  json* body =
      config.contains("config") && config["config"].is_object() ? &config["config"] : nullptr;
  json* layers = body && body->contains("layers") && (*body)["layers"].is_array()
                     ? &(*body)["layers"]
                     : nullptr;
  if (!layers) fail(Msg::keras_not_keras3, {});
  bool has_input = false;
  for (json& layer : *layers) {
    if (!layer.is_object()) continue;  // parse_model_json names the problem
    check_keras3_layer(layer);
    if (layer.contains("class_name") && layer["class_name"] == "InputLayer") has_input = true;
    if (layer.contains("config") && layer["config"].is_object())
      short_initializer_names(layer["config"]);
  }
  if (!has_input) {
    // A Sequential built without keras.Input keeps its input shape in build_input_shape.
    const json* shape =
        body->contains("build_input_shape") ? &(*body)["build_input_shape"] : nullptr;
    if ((!shape || shape->is_null()) && config.contains("build_config") &&
        config["build_config"].is_object() && config["build_config"].contains("input_shape"))
      shape = &config["build_config"]["input_shape"];
    if (!shape || shape->is_null()) fail(Msg::keras_unbuilt, {});
    layers->insert(layers->begin(),
                   json{{"class_name", "InputLayer"}, {"config", {{"batch_shape", *shape}}}});
  }
  ModelSpec spec = parse_model_json(config.dump());

  Listing listing = parse_listing(h5_listing_json);
  const std::string file = "model.weights.h5";
  std::vector<KerasDataset> weights = keras3_datasets(spec);
  for (const KerasDataset& w : weights) take(listing, file, w.path, w.shape);
  std::vector<KerasNote> notes;
  int optimizer_datasets = 0;
  for (const auto& [path, entry] : listing.datasets) {
    if (entry.used) continue;
    if (path.rfind("optimizer/", 0) == 0) {
      ++optimizer_datasets;
      continue;
    }
    fail(Msg::weights_extra, {file, path});
  }
  if (optimizer_datasets > 0)
    notes.push_back(note(Msg::note_optimizer_ignored, {std::to_string(optimizer_datasets)}));
  return finish(std::move(spec), std::move(weights), std::move(notes));
}

KerasOpened h5_model_open(const std::string& h5_listing_json) {
  Listing listing = parse_listing(h5_listing_json);
  const json* model_config = attribute(listing, "/", "model_config");
  if (!model_config || !model_config->is_string()) fail(Msg::h5_no_model_config, {});
  std::string config_text = model_config->get<std::string>();
  json config = json::parse(config_text, nullptr, /*allow_exceptions=*/false);
  if (config.is_object() && config.contains("config") && config["config"].is_object() &&
      config["config"].contains("layers") && config["config"]["layers"].is_array()) {
    for (json& layer : config["config"]["layers"])
      if (layer.is_object() && layer.contains("config") && layer["config"].is_object())
        short_initializer_names(layer["config"]);
    config_text = config.dump();
  }
  ModelSpec spec = parse_model_json(config_text);

  // load_weights_from_hdf5_group: the saved layers that list weights, in order, against the
  // model's layers that have weights, in order; each layer's weights in Keras' order.
  const std::string file = "the .h5 file";
  std::vector<std::string> saved;
  for (const std::string& name : name_list(listing, "/model_weights", "layer_names")) {
    if (!name_list(listing, "/model_weights/" + name, "weight_names").empty())
      saved.push_back(name);
  }
  std::vector<size_t> weighted;
  for (size_t i = 0; i < spec.layers.size(); ++i)
    if (!weight_specs(spec.layers[i]).empty()) weighted.push_back(i);
  if (saved.size() != weighted.size())
    fail(Msg::h5_layer_count, {std::to_string(saved.size()), std::to_string(weighted.size())});
  std::vector<KerasDataset> weights;
  for (size_t k = 0; k < saved.size(); ++k) {
    const LayerSpec& layer = spec.layers[weighted[k]];
    const std::vector<WeightSpec> specs = weight_specs(layer);
    const std::vector<std::string> names =
        name_list(listing, "/model_weights/" + saved[k], "weight_names");
    if (names.size() != specs.size())
      fail(Msg::h5_weight_count,
           {saved[k], std::to_string(names.size()), std::to_string(specs.size())});
    int64_t offset = spec.param_offset(weighted[k]);
    for (size_t j = 0; j < specs.size(); ++j) {
      const std::string path = "model_weights/" + saved[k] + "/" + names[j];
      take(listing, file, path, specs[j].shape);
      weights.push_back({path, specs[j].shape, offset});
      offset += specs[j].size();
    }
  }
  std::vector<KerasNote> notes;
  int optimizer_datasets = 0;
  for (const auto& [path, entry] : listing.datasets) {
    if (entry.used) continue;
    if (path.rfind("optimizer_weights/", 0) != 0) fail(Msg::weights_extra, {file, path});
    ++optimizer_datasets;  // the optimizer's state, not the model's
  }
  if (optimizer_datasets > 0)
    notes.push_back(note(Msg::note_optimizer_ignored, {std::to_string(optimizer_datasets)}));
  return finish(std::move(spec), std::move(weights), std::move(notes));
}

void check_finite_weights(const std::vector<float>& params,
                          const std::vector<KerasDataset>& datasets) {
  for (const KerasDataset& d : datasets) {
    int64_t count = 1;
    for (int n : d.shape) count *= n;
    for (int64_t i = 0; i < count; ++i) {
      const size_t at = static_cast<size_t>(d.offset + i);
      if (at >= params.size() || !std::isfinite(params[at]))
        fail(Msg::weights_not_finite, {d.path, std::to_string(i)});
    }
  }
}

}  // namespace rnn
