#pragma once
// Command-line option values shared by the sub-commands: a usage error type and the parsers of
// whole and positive numbers, each naming the option and the text received.

#include <iostream>
#include <string>

#include "cli/commands.hpp"

namespace rnn::cli {

struct UsageError {
  std::string message;
};

// A whole number in [min, max], or UsageError ("--epochs needs a whole number in [1, 1000000];
// received 'abc'").
long long parse_integer(const std::string& option, const std::string& text, long long min,
                        long long max);
// A finite number > 0, or UsageError.
double parse_positive(const std::string& option, const std::string& text);

// The start every sub-command shares: --help prints `usage` and returns 0; a UsageError from
// `parse` prints the message and the usage and returns 2; otherwise fills `options` and returns -1.
template <typename Options, typename Parse>
int parse_command_line(const Args& args, const char* usage, Parse parse, Options& options) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << usage;
      return 0;
    }
  }
  try {
    options = parse(args);
  } catch (const UsageError& e) {
    std::cerr << "error: " << e.message << "\n" << usage;
    return 2;
  }
  return -1;
}

}  // namespace rnn::cli
