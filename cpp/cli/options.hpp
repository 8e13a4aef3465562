#pragma once
// Every sub-command reads its options one way: CLI11 (Debian's libcli11-dev) declares them and
// splits the command line; parse_command_line runs it as the CLI has always answered — `--help` or
// `-h` prints the command's usage and exits 0; a problem prints "error: <what to change>" and the
// usage on stderr and exits 2 — and the value readers below turn option texts into numbers within
// the engine's one set of limits (cpp/engine/limits.def).

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "engine/training_run.hpp"

namespace rnn::cli {

struct UsageError {
  std::string message;
};

// A whole number in [min, max], or UsageError ("--warmup needs a whole number in [0, 2147483647];
// received 'abc'").
long long parse_integer(const std::string& option, const std::string& text, long long min,
                        long long max);
// A training setting within limits.def, or UsageError in the same words ("--epochs needs a whole
// number in [1, 10000]; received '0'", "--lr needs a number above 0 and at most 10; ...").
double parse_setting(const std::string& option, const std::string& text, Setting setting);

// read_setting(text, "--epochs", Setting::epochs, settings.epochs): the value parse_setting reads
// from the option's text, when the option was given.
template <typename T>
void read_setting(const std::optional<std::string>& text, const char* option, Setting setting,
                  T& into) {
  if (text) into = static_cast<T>(parse_setting(option, *text, setting));
}
template <typename T>
void read_setting(const std::optional<std::string>& text, const char* option, Setting setting,
                  std::optional<T>& into) {
  if (text) into = static_cast<T>(parse_setting(option, *text, setting));
}

// One command's command line as declared to CLI11 (only options.cpp compiles CLI11's headers).
struct CommandLine {
  std::string* positional = nullptr;  // the one positional argument, left as is when not given
  std::vector<std::pair<const char*, std::optional<std::string>*>> options;  // "--name VALUE"
  std::vector<std::pair<const char*, bool*>> flags;                          // "--name"
};

// Parses args as `line` declares them, then runs `read` (which turns the texts into values and may
// throw UsageError). Returns -1 to go on, or the exit status: 0 after --help, 2 after a usage
// error (its message and the usage on stderr).
int parse_command_line(const Args& args, const char* usage, const CommandLine& line,
                       const std::function<void()>& read);

// num_words and maxlen the command line did not give, from the model (its vocabulary and input
// length): train's and bench's shared start. Returns -1 to go on, or 2 after "error: the model does
// not fix its input length; give --maxlen L" and `usage` on stderr.
int sizes_from_model(const ModelSpec& spec, bool num_words_given, bool maxlen_given,
                     const char* usage, TrainingSettings& settings);

}  // namespace rnn::cli
