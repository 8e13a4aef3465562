// `init` (an initialised model saved as TF.js layers files) and `predict` (outputs for token-id
// sequences read from JSON).

#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/keras_file.hpp"
#include "cli/model_dir.hpp"
#include "cli/predict_input.hpp"
#include "engine/model_json.hpp"
#include "engine/network.hpp"

namespace rnn::cli {
namespace {

using nlohmann::json;

const char* kInitUsage =
    "usage: rnn-playground init MODEL.json [--seed N] --out DIR|FILE.keras\n"
    "  Builds the model described by MODEL.json (Keras or TF.js JSON), draws its weights with\n"
    "  Keras' initializers from seed N (default 0; the same seed gives the same weights), and "
    "saves\n"
    "  DIR/model.json + DIR/weights.bin in the TensorFlow.js layers format, or a Keras 3 .keras "
    "file.\n";

const char* kPredictUsage =
    "usage: rnn-playground predict DIR|MODEL.keras|MODEL.h5 --input FILE.json\n"
    "  DIR holds model.json + weights.bin (as 'init' or 'train --out' write them); MODEL.keras is "
    "a\n"
    "  Keras 3 model file, MODEL.h5 a tf.keras 2 model.save('model.h5') file.\n"
    "  FILE.json is {\"sequences\": [[token ids], ...]}; every id an integer in [0, vocabulary).\n"
    "  Each sequence is padded with 0 and truncated at the front ('pre', as Keras' pad_sequences)\n"
    "  to the model's input length; a model whose input length is None reads each sequence as it\n"
    "  is (then a sequence must not be empty).\n"
    "  Prints a JSON array with one entry per sequence, values with 9 significant digits:\n"
    "    a model ending in a 2-D output (batch, features): [[f, ...], ...], e.g. [[0.731058598]];\n"
    "    a model ending in a 3-D output (a recurrent layer with return_sequences, or "
    "Dense/Dropout\n"
    "    above one): one array per time step, [[[f, ...] for each step], ...].\n";

int usage_error(const char* usage, const std::string& problem) {
  std::cerr << "error: " << problem << "\n" << usage;
  return 2;
}

bool is_help(const Args& args) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

// Splits arguments into positionals and "--name value" options; false on a malformed list.
bool parse_options(const Args& args, const std::vector<std::string>& option_names,
                   std::vector<std::string>& positional,
                   std::vector<std::pair<std::string, std::string>>& options,
                   std::string& problem) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      positional.push_back(a);
      continue;
    }
    bool known = false;
    for (const std::string& name : option_names) known = known || a == name;
    if (!known) {
      problem = "unknown option '" + a + "'";
      return false;
    }
    if (i + 1 >= args.size()) {
      problem = "option '" + a + "' needs a value";
      return false;
    }
    for (const auto& seen : options) {
      if (seen.first == a) {
        problem = "option '" + a + "' given twice";
        return false;
      }
    }
    options.emplace_back(a, args[++i]);
  }
  return true;
}

const std::string* option(const std::vector<std::pair<std::string, std::string>>& options,
                          const std::string& name) {
  for (const auto& o : options) {
    if (o.first == name) return &o.second;
  }
  return nullptr;
}

bool parse_seed(const std::string& text, uint64_t* seed) {
  if (text.empty() || text.size() > 20) return false;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10) return false;
    value = value * 10 + digit;
  }
  *seed = value;
  return true;
}

void write_number(std::ostream& out, float value, bool* non_finite) {
  if (!std::isfinite(value)) {
    *non_finite = true;
    out << "null";  // JSON has no NaN or infinity
    return;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g",
                static_cast<double>(value));  // 9 digits: exact for float
  out << buffer;
}

void write_features(std::ostream& out, const float* values, int features, bool* non_finite) {
  out << '[';
  for (int f = 0; f < features; ++f) {
    if (f) out << ", ";
    write_number(out, values[f], non_finite);
  }
  out << ']';
}

}  // namespace

int cmd_init(const Args& args) {
  if (is_help(args)) {
    std::cout << kInitUsage;
    return 0;
  }
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;
  std::string problem;
  if (!parse_options(args, {"--seed", "--out"}, positional, options, problem))
    return usage_error(kInitUsage, problem);
  if (positional.size() != 1) return usage_error(kInitUsage, "expected one MODEL.json");
  const std::string* out_dir = option(options, "--out");
  if (!out_dir || out_dir->empty()) return usage_error(kInitUsage, "--out DIR is required");
  uint64_t seed = 0;
  if (const std::string* text = option(options, "--seed"); text && !parse_seed(*text, &seed)) {
    return usage_error(
        kInitUsage,
        "--seed takes a whole number from 0 to 18446744073709551615, got '" + *text + "'");
  }

  const std::string& model_path = positional[0];
  ModelSpec spec;
  try {
    spec = parse_model_json(read_file(model_path));
  } catch (const ModelError& e) {
    std::cerr << "error: " << model_path << ": " << e.what() << "\n";
    return 1;
  }
  Network<float> network(spec);
  network.initialize(seed);
  if (is_keras_path(*out_dir)) {
    try {
      save_model_file(*out_dir, spec, network.params(), "{}");
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 1;
    }
    std::cout << "saved " << *out_dir << " (" << spec.total_params() << " parameters, seed " << seed
              << ")\n";
    return 0;
  }
  save_model_dir(*out_dir, spec, network.params());
  std::cout << "saved " << *out_dir << "/model.json and " << *out_dir << "/" << kTfjsWeightsFile
            << " (" << spec.total_params() << " parameters, seed " << seed << ")\n";
  return 0;
}

int cmd_predict(const Args& args) {
  if (is_help(args)) {
    std::cout << kPredictUsage;
    return 0;
  }
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;
  std::string problem;
  if (!parse_options(args, {"--input"}, positional, options, problem))
    return usage_error(kPredictUsage, problem);
  if (positional.size() != 1)
    return usage_error(kPredictUsage, "expected one model (a folder DIR, MODEL.keras or MODEL.h5)");
  const std::string* input_path = option(options, "--input");
  if (!input_path) return usage_error(kPredictUsage, "--input FILE.json is required");

  LoadedModel model;
  try {
    model = load_model_file(positional[0]);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  const ModelSpec& spec = model.spec;
  const bool fixed_length = spec.input_length > 0;
  std::vector<std::vector<int32_t>> sequences;
  try {
    sequences = read_sequences(read_file(*input_path), spec.vocab, fixed_length);
  } catch (const ModelError& e) {
    std::cerr << "error: " << *input_path << ": " << e.what() << "\n";
    return 1;
  }
  for (auto& ids : sequences) {
    if (fixed_length) ids = pad_pre(ids, spec.input_length);
  }

  Network<float> network(spec);
  network.params() = model.params;
  Rng rng(0);  // unused without dropout; forward() takes one
  const Shape& output_shape = spec.output_layer().output_shape;
  const int features = output_shape.features;
  constexpr size_t kMaxBatch = 256;

  std::ostringstream out;
  bool non_finite = false;
  out << '[';
  // Consecutive sequences of the same length share a batch.
  for (size_t first = 0; first < sequences.size();) {
    const int time = static_cast<int>(sequences[first].size());
    size_t last = first + 1;
    while (last < sequences.size() && last - first < kMaxBatch &&
           sequences[last].size() == sequences[first].size()) {
      ++last;
    }
    TokenBatch batch;
    batch.batch = static_cast<int>(last - first);
    batch.time = time;
    for (size_t s = first; s < last; ++s)
      batch.ids.insert(batch.ids.end(), sequences[s].begin(), sequences[s].end());
    const Mat<float>& y = network.forward(batch, /*training=*/false, rng);
    const int steps = output_shape.has_time ? time : 1;
    if (y.rows() != batch.batch || y.cols() != static_cast<Eigen::Index>(steps) * features) {
      throw std::logic_error("predict: the network returned " + std::to_string(y.rows()) + " x " +
                             std::to_string(y.cols()) + " values, expected " +
                             std::to_string(batch.batch) + " x " +
                             std::to_string(steps * features));
    }
    for (int b = 0; b < batch.batch; ++b) {
      if (first + static_cast<size_t>(b) > 0) out << ", ";
      const float* row = y.data() + static_cast<Eigen::Index>(b) * y.cols();
      if (!output_shape.has_time) {
        write_features(out, row, features, &non_finite);
        continue;
      }
      out << '[';
      for (int t = 0; t < steps; ++t) {
        if (t) out << ", ";
        write_features(out, row + static_cast<ptrdiff_t>(t) * features, features, &non_finite);
      }
      out << ']';
    }
    first = last;
  }
  out << "]\n";
  std::cout << out.str();
  if (non_finite) {
    std::cerr << "warning: some outputs are NaN or infinite (printed as null)\n";
  }
  return 0;
}

}  // namespace rnn::cli
