// rnn-playground init: a model built from its JSON, its weights drawn with Keras' initializers
// from a seed, saved as TF.js layers files or a Keras 3 .keras file.

#include <cstdint>
#include <iostream>
#include <limits>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/keras_file.hpp"
#include "cli/model_dir.hpp"
#include "cli/options.hpp"
#include "engine/model_json.hpp"
#include "engine/network.hpp"

namespace rnn::cli {
namespace {

const char* kInitUsage =
    "usage: rnn-playground init MODEL.json [--seed N] --out DIR|FILE.keras\n"
    "  Builds the model described by MODEL.json (Keras or TF.js JSON), draws its weights with\n"
    "  Keras' initializers from seed N (default 0; the same seed gives the same weights), and "
    "saves\n"
    "  DIR/model.json + DIR/weights.bin in the TensorFlow.js layers format, or a Keras 3 .keras "
    "file.\n";

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

}  // namespace

int cmd_init(const Args& args) {
  std::string model_path;
  std::optional<std::string> out, seed_text;
  uint64_t seed = 0;
  const CommandLine line{&model_path, {{"--out", &out}, {"--seed", &seed_text}}, {}};
  const int status = parse_command_line(args, kInitUsage, line, [&] {
    if (model_path.empty()) throw UsageError{"expected one MODEL.json"};
    if (!out || out->empty()) throw UsageError{"--out DIR is required"};
    if (seed_text && !parse_seed(*seed_text, &seed)) {
      throw UsageError{"--seed takes a whole number from 0 to 18446744073709551615, got '" +
                       *seed_text + "'"};
    }
  });
  if (status >= 0) return status;
  const std::string* out_dir = &*out;
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

}  // namespace rnn::cli
