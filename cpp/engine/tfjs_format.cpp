#include "engine/tfjs_format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/json_object.hpp"
#include "engine/keras_format_internal.hpp"
#include "engine/messages.hpp"
#include "engine/model_json.hpp"

namespace rnn {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Bytes: float32, little-endian whatever the host, bit for bit (NaN payloads, -0 and subnormals
// survive a round trip).

void append_float_le(std::string& out, float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  for (int shift = 0; shift < 32; shift += 8)
    out.push_back(static_cast<char>((bits >> shift) & 0xFF));
}

float read_float_le(const unsigned char* p) {
  const uint32_t bits =
      uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

std::string shape_text(const std::vector<int>& shape) {
  std::ostringstream s;
  s << '[';
  for (size_t i = 0; i < shape.size(); ++i) s << (i ? ", " : "") << shape[i];
  s << ']';
  return s.str();
}

std::string weight_name(const LayerSpec& layer, const WeightSpec& weight) {
  return layer.name + "/" + weight.name;
}

// One weight the topology expects: where it goes in the flat buffer.
struct ExpectedWeight {
  std::string name;  // "<layer>/<weight>"
  std::vector<int> shape;
  int64_t offset = 0;
  int64_t size = 0;
  bool found = false;
};

std::vector<ExpectedWeight> expected_weights(const ModelSpec& spec) {
  std::vector<ExpectedWeight> expected;
  int64_t offset = 0;
  for (const LayerSpec& layer : spec.layers) {
    for (const WeightSpec& weight : weight_specs(layer)) {
      expected.push_back({weight_name(layer, weight), weight.shape, offset, weight.size(), false});
      offset += weight.size();
    }
  }
  return expected;
}

// A manifest name may carry a model-name prefix or a cell name ("sequential/lstm/lstm_cell/kernel")
// and a TensorFlow ":0" suffix. The layer is the first path segment that names a layer of the
// model; the weight is the last segment.
std::string canonical_weight_name(const std::string& manifest_name, const ModelSpec& spec) {
  std::string name = manifest_name;
  if (name.size() > 2 && name.compare(name.size() - 2, 2, ":0") == 0) name.resize(name.size() - 2);
  std::vector<std::string> segments;
  std::string segment;
  std::istringstream in(name);
  while (std::getline(in, segment, '/')) segments.push_back(segment);
  if (segments.size() < 2) return name;
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    for (const LayerSpec& layer : spec.layers) {
      if (layer.name == segments[i]) return segments[i] + "/" + segments.back();
    }
  }
  return name;
}

std::string list_names(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + ("'" + names[i] + "'");
  return text;
}

// Reads a JSON value that must be a non-negative integer that fits in int.
bool as_dimension(const json& value, int* out) {
  if (!value.is_number_integer()) return false;
  if (value.is_number_unsigned()) {
    const auto v = value.get<uint64_t>();
    if (v > 2147483647ull) return false;
    *out = static_cast<int>(v);
    return true;
  }
  const auto v = value.get<int64_t>();
  if (v < 0 || v > 2147483647ll) return false;
  *out = static_cast<int>(v);
  return true;
}

// A manifest entry after its structure has been checked.
struct ManifestWeight {
  std::string name;
  size_t group = 0;
  ExpectedWeight* target = nullptr;
};

// Every problem is a coded message of format_messages.def (its English text begins "model.json: ").
using keras_detail::fail;

const json& topology_of(const json& document) {
  if (!document.is_object()) fail(Msg::tfjs_not_object, {});
  if (document.contains("format")) {
    const json& format = document["format"];
    if (!format.is_string() || format.get<std::string>() != "layers-model") {
      fail(Msg::tfjs_graph_model, {format.dump()});
    }
  }
  if (!document.contains("modelTopology") || !document["modelTopology"].is_object()) {
    fail(Msg::tfjs_no_topology, {});
  }
  const json& topology = document["modelTopology"];
  // The converter nests the Keras model under "model_config"; TF.js' own save does not.
  if (topology.contains("model_config")) return topology["model_config"];
  return topology;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string shard_path_problem(const std::string& path) {
  if (path.empty()) return "the path is empty";
  if (path.find('\\') != std::string::npos)
    return "it contains a backslash; use '/' between folders";
  if (path.find(':') != std::string::npos) {
    return "it contains ':' (a URL or a drive letter); weight files must sit in the model's folder";
  }
  if (path[0] == '/') return "it is an absolute path; weight paths are relative to model.json";
  if (path[0] == '~')
    return "it starts with '~' (a home folder); weight paths are relative to model.json";
  std::string segment;
  std::istringstream in(path);
  while (std::getline(in, segment, '/')) {
    if (segment == "..") return "it contains '..', which leaves the model's folder";
    if (segment.empty()) return "it contains an empty folder name ('//')";
  }
  if (path.back() == '/') return "it names a folder, not a file";
  for (unsigned char c : path) {
    const bool plain = std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '/';
    if (!plain) {
      std::ostringstream s;
      s << "it contains the character code " << int(c)
        << "; use letters, digits, '.', '_', '-' and '/' only";
      return s.str();
    }
  }
  return "";
}

TfjsFiles save_tfjs(const ModelSpec& spec, const std::vector<float>& params) {
  const int64_t expected = spec.total_params();
  if (static_cast<int64_t>(params.size()) != expected) {
    std::ostringstream s;
    s << "save_tfjs: the model has " << expected << " parameters but " << params.size()
      << " values were given; pass the network's params() unchanged";
    throw ModelError(s.str());
  }

  // ordered_json keeps the keys in the order TF.js writes them, for a readable file.
  using ordered = nlohmann::ordered_json;
  ordered weights = ordered::array();
  for (const LayerSpec& layer : spec.layers) {
    for (const WeightSpec& weight : weight_specs(layer)) {
      weights.push_back(
          {{"name", weight_name(layer, weight)}, {"shape", weight.shape}, {"dtype", "float32"}});
    }
  }
  ordered document = ordered::object();
  document["format"] = "layers-model";
  document["generatedBy"] = "RNN Playground";
  document["convertedBy"] = nullptr;
  document["modelTopology"] = ordered::parse(model_to_json(spec));
  document["weightsManifest"] =
      ordered::array({{{"paths", {kTfjsWeightsFile}}, {"weights", weights}}});

  TfjsFiles files;
  files.model_json = document.dump(2);
  files.weights_bin.reserve(params.size() * 4);
  for (float value : params) append_float_le(files.weights_bin, value);
  return files;
}

LoadedModel load_tfjs(
    const std::string& model_json,
    const std::function<std::string(const std::string& relative_path)>& read_shard) {
  if (json_nesting_depth(model_json) > 64) fail(Msg::tfjs_too_deep, {});
  const json document = json::parse(model_json, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) fail(Msg::tfjs_not_json, {});

  LoadedModel loaded;
  try {
    loaded.spec = parse_model_json(topology_of(document).dump());
  } catch (const ModelError& e) {
    if (std::string(e.what()).rfind("model.json: ", 0) == 0) throw;
    // A coded topology message keeps its code and parameters (the page shows it translated); the
    // English text keeps the "model.json: modelTopology: " prefix for the CLI.
    if (e.code() >= 0)
      throw ModelError(e.code(), e.params(), "model.json: modelTopology: " + std::string(e.what()));
    fail(Msg::tfjs_topology, {e.what()});
  } catch (const json::exception& e) {
    fail(Msg::tfjs_topology_unreadable, {e.what()});
  }
  const ModelSpec& spec = loaded.spec;
  std::vector<ExpectedWeight> expected = expected_weights(spec);

  // --- The manifest's structure, names, shapes and dtypes against the topology. -----------------
  if (!document.contains("weightsManifest") || !document["weightsManifest"].is_array()) {
    fail(Msg::tfjs_no_manifest, {});
  }
  const json& manifest = document["weightsManifest"];
  std::vector<std::vector<std::string>> group_paths;
  std::vector<ManifestWeight> entries;
  std::vector<std::string> unknown;
  for (size_t g = 0; g < manifest.size(); ++g) {
    const json& group = manifest[g];
    const std::string where = std::to_string(g);
    if (!group.is_object() || !group.contains("paths") || !group["paths"].is_array() ||
        !group.contains("weights") || !group["weights"].is_array()) {
      fail(Msg::tfjs_group_form, {where});
    }
    std::vector<std::string> paths;
    for (const json& path : group["paths"]) {
      if (!path.is_string()) fail(Msg::tfjs_path_not_string, {where, path.dump()});
      const std::string problem = shard_path_problem(path.get<std::string>());
      if (!problem.empty()) fail(Msg::tfjs_path_refused, {path.dump(), problem});
      paths.push_back(path.get<std::string>());
    }
    if (paths.empty() && !group["weights"].empty()) fail(Msg::tfjs_no_files, {where});
    group_paths.push_back(paths);

    for (const json& weight : group["weights"]) {
      if (!weight.is_object() || !weight.contains("name") || !weight["name"].is_string()) {
        fail(Msg::tfjs_weight_no_name, {where, weight.dump()});
      }
      const std::string name = weight["name"].get<std::string>();
      if (weight.contains("quantization")) {
        fail(Msg::tfjs_quantized, {name});
      }
      const std::string dtype = weight.contains("dtype") && weight["dtype"].is_string()
                                    ? weight["dtype"].get<std::string>()
                                    : "";
      if (dtype != "float32") {
        fail(Msg::tfjs_dtype,
             {name, weight.contains("dtype") ? weight["dtype"].dump() : std::string("(none)")});
      }
      const std::string canonical = canonical_weight_name(name, spec);
      ExpectedWeight* target = nullptr;
      for (ExpectedWeight& candidate : expected) {
        if (candidate.name == canonical) target = &candidate;
      }
      if (!target) {
        unknown.push_back(name);
        continue;
      }
      if (target->found) fail(Msg::tfjs_duplicate, {name});
      target->found = true;
      std::vector<int> shape;
      const bool shape_ok = weight.contains("shape") && weight["shape"].is_array();
      if (shape_ok) {
        for (const json& d : weight["shape"]) {
          int dim = 0;
          if (!as_dimension(d, &dim))
            fail(Msg::tfjs_shape_not_sizes, {name, weight["shape"].dump()});
          shape.push_back(dim);
        }
      }
      if (!shape_ok || shape != target->shape) {
        fail(Msg::tfjs_shape, {name, shape_ok ? weight["shape"].dump() : std::string("(none)"),
                               shape_text(target->shape)});
      }
      entries.push_back({name, g, target});
    }
  }
  if (!unknown.empty()) {
    fail(Msg::tfjs_unknown_weights, {list_names(unknown)});
  }
  std::vector<std::string> missing;
  for (const ExpectedWeight& weight : expected) {
    if (!weight.found) missing.push_back(weight.name);
  }
  if (!missing.empty()) fail(Msg::tfjs_missing_weights, {list_names(missing)});

  // --- The bytes. Each group's files are concatenated; its weights follow one another. --------
  loaded.params.assign(static_cast<size_t>(spec.total_params()), 0.0f);
  size_t next_entry = 0;
  for (size_t g = 0; g < group_paths.size(); ++g) {
    std::string bytes;
    for (const std::string& path : group_paths[g]) bytes += read_shard(path);
    const std::string files = list_names(group_paths[g]);
    size_t needed = 0;
    for (size_t e = next_entry; e < entries.size() && entries[e].group == g; ++e) {
      needed += static_cast<size_t>(entries[e].target->size) * 4;
    }
    if (bytes.size() != needed) {
      fail(bytes.size() < needed ? Msg::tfjs_bytes_short : Msg::tfjs_bytes_long,
           {files, std::to_string(bytes.size()), std::to_string(needed),
            std::to_string(needed / 4)});
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    for (; next_entry < entries.size() && entries[next_entry].group == g; ++next_entry) {
      const ManifestWeight& entry = entries[next_entry];
      float* out = loaded.params.data() + entry.target->offset;
      for (int64_t i = 0; i < entry.target->size; ++i, p += 4) {
        out[i] = read_float_le(p);
        if (!std::isfinite(out[i])) {
          fail(Msg::tfjs_not_finite, {entry.name, std::to_string(i)});
        }
      }
    }
  }
  return loaded;
}

namespace {

std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    uint32_t v = 0;
    for (size_t k = 0; k < 3; ++k)
      v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (size_t k = 0; k < 4; ++k) out.push_back(k <= n ? digits[(v >> (18 - 6 * k)) & 63] : '=');
  }
  return out;
}

}  // namespace

TfjsOpened tfjs_open_single_file(const std::string& model_json, const std::string& weights_bin) {
  std::string first;
  const LoadedModel loaded = load_tfjs(model_json, [&](const std::string& path) -> std::string {
    if (first.empty()) first = path;
    if (path != first) {
      fail(Msg::tfjs_several_files, {first, path});
    }
    return weights_bin;
  });
  std::string bytes;
  bytes.reserve(loaded.params.size() * 4);
  for (float value : loaded.params) append_float_le(bytes, value);
  return {model_to_json(loaded.spec), base64(bytes), {}};
}

std::string tfjs_compatibility_note(const ModelSpec& spec) {
  std::string note;
  for (const LayerSpec& layer : spec.layers) {
    if (layer.kind == LayerKind::GRU && layer.reset_after) {
      note += (note.empty() ? "" : " ") +
              ("TF.js cannot load this model: GRU layer '" + layer.name +
               "' uses reset_after=True (Keras' default), which TF.js refuses (\"GRUCell does not "
               "support reset_after parameter set to true\"). Set reset_after to false to use the "
               "model in TF.js; the saved files are still what Keras reads.");
    }
    const bool keras3_hard_sigmoid =
        layer.activation == Activation::HardSigmoidKeras3 ||
        (gate_count(layer.kind) > 1 && layer.recurrent_activation == Activation::HardSigmoidKeras3);
    if (keras3_hard_sigmoid) {
      note += (note.empty() ? "" : " ") +
              ("Layer '" + layer.name +
               "' uses Keras 3's hard_sigmoid (x/6 + 0.5); TF.js computes Keras 2's (0.2x + 0.5), "
               "so its predictions would differ. Use sigmoid to share the model with TF.js.");
    }
  }
  return note;
}

}  // namespace rnn
