// rnn-playground predict: a saved model's outputs for token-id sequences read from JSON, each
// padded 'pre' to the model's input length.

#include <cmath>
#include <cstdio>
#include <optional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/keras_file.hpp"
#include "cli/options.hpp"
#include "cli/predict_input.hpp"
#include "engine/network.hpp"
#include "engine/training_run.hpp"

namespace rnn::cli {
namespace {

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

int cmd_predict(const Args& args) {
  std::string model_path;
  std::optional<std::string> input;
  const CommandLine line{&model_path, {{"--input", &input}}, {}};
  const int status = parse_command_line(args, kPredictUsage, line, [&] {
    if (model_path.empty())
      throw UsageError{"expected one model (a folder DIR, MODEL.keras or MODEL.h5)"};
    if (!input) throw UsageError{"--input FILE.json is required"};
  });
  if (status >= 0) return status;
  const std::string* input_path = &*input;

  LoadedModel model;
  try {
    model = load_model_file(model_path);
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
