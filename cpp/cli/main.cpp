// rnn-playground: the native command line over the same engine the web page runs.

#include <exception>
#include <iostream>
#include <new>
#include <string>

#include "cli/commands.hpp"

namespace {

const char* kUsage =
    "usage: rnn-playground <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  summary MODEL.json                      Keras-style summary (layers, output shapes, "
    "params)\n"
    "  init MODEL.json --seed N --out DIR      initialise a model, save it as TF.js layers files\n"
    "  predict DIR --input FILE.json           predict {\"sequences\": [[ids...], ...]}\n"
    "  train MODEL.json --data PACK [options]  train on a data pack; run 'train --help' for "
    "options\n"
    "  bench MODEL.json --data PACK [options]  time training and prediction (used by npm run "
    "bench)\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    (argc < 2 ? std::cerr : std::cout) << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  rnn::cli::Args args(argv + 2, argv + argc);
  try {
    if (command == "summary") return rnn::cli::cmd_summary(args);
    if (command == "init") return rnn::cli::cmd_init(args);
    if (command == "predict") return rnn::cli::cmd_predict(args);
    if (command == "train") return rnn::cli::cmd_train(args);
    if (command == "bench") return rnn::cli::cmd_bench(args);
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "error: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
