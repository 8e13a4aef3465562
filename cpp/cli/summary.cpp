// rnn-playground summary: Keras' model.summary() of a model file.

#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/keras_file.hpp"
#include "cli/options.hpp"
#include "engine/model_json.hpp"
#include "engine/summary.hpp"

namespace rnn::cli {

namespace {

const char* kSummaryUsage =
    "usage: rnn-playground summary MODEL.json|MODEL.keras|MODEL.h5\n"
    "  Prints Keras' model.summary() of the model: each layer's name and type, output shape and\n"
    "  parameter count, then the totals.\n";

}  // namespace

int cmd_summary(const Args& args) {
  std::string path;
  const int status = parse_command_line(args, kSummaryUsage, CommandLine{&path, {}, {}}, [&] {
    if (path.empty()) throw UsageError{"expected one model file"};
  });
  if (status >= 0) return status;
  if (is_keras_path(path) || is_h5_path(path)) {
    try {
      std::cout << summary_text(summarize(load_model_file(path).spec));
      return 0;
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 1;
    }
  }
  std::string text;
  try {
    text = read_file(path);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  try {
    std::cout << summary_text(summarize(parse_model_json(text)));
    return 0;
  } catch (const ModelError& e) {
    std::cerr << "error: " << path << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace rnn::cli
