#include <iostream>

#include "cli/commands.hpp"
#include "cli/keras_file.hpp"
#include "engine/model_json.hpp"
#include "engine/summary.hpp"

namespace rnn::cli {

int cmd_summary(const Args& args) {
  if (args.size() != 1 || args[0].rfind("--", 0) == 0) {
    std::cerr << "usage: rnn-playground summary MODEL.json|MODEL.keras|MODEL.h5\n";
    return 2;
  }
  if (is_keras_path(args[0]) || is_h5_path(args[0])) {
    try {
      std::cout << summary_text(summarize(load_model_file(args[0]).spec));
      return 0;
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 1;
    }
  }
  std::string text;
  try {
    text = read_file(args[0]);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  try {
    std::cout << summary_text(summarize(parse_model_json(text)));
    return 0;
  } catch (const ModelError& e) {
    std::cerr << "error: " << args[0] << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace rnn::cli
