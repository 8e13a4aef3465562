#include "cli/options.hpp"

#include <algorithm>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "engine/text.hpp"

namespace rnn::cli {

namespace {

// The number `text` spells, wholly: false for "", "1x", "abc".
template <typename T, typename Convert>
bool read_number(const std::string& text, Convert convert, T& value) {
  size_t used = 0;
  try {
    value = convert(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  return used > 0 && used == text.size();
}

}  // namespace

long long parse_integer(const std::string& option, const std::string& text, long long min,
                        long long max) {
  long long value = 0;
  if (!read_number(
          text, [](const std::string& t, size_t* used) { return std::stoll(t, used); }, value) ||
      value < min || value > max) {
    throw UsageError{option + " needs a whole number in [" + std::to_string(min) + ", " +
                     std::to_string(max) + "]; received '" + text + "'"};
  }
  return value;
}

double parse_setting(const std::string& option, const std::string& text, Setting setting) {
  const SettingLimit& limit = setting_limit(setting);
  if (limit.integer)
    return double(parse_integer(option, text, (long long)limit.min, (long long)limit.max));
  double value = 0;
  if (!read_number(
          text, [](const std::string& t, size_t* used) { return std::stod(t, used); }, value) ||
      !within_limit(setting, value, limit.max)) {
    const std::string range =
        limit.min_exclusive
            ? "above " + stream_text(limit.min) + " and at most " + stream_text(limit.max)
            : "in [" + stream_text(limit.min) + ", " + stream_text(limit.max) + "]";
    throw UsageError{option + " needs a number " + range + "; received '" + text + "'"};
  }
  return value;
}

int parse_command_line(const Args& args, const char* usage, const CommandLine& line,
                       const std::function<void()>& read) {
  if (std::find_if(args.begin(), args.end(),
                   [](const std::string& a) { return a == "--help" || a == "-h"; }) != args.end()) {
    std::cout << usage;
    return 0;
  }
  CLI::App app;
  if (line.positional) app.add_option("POSITIONAL", *line.positional);
  std::vector<std::pair<CLI::Option*, std::string>> texts(line.options.size());
  for (size_t i = 0; i < line.options.size(); ++i)
    texts[i].first = app.add_option(line.options[i].first, texts[i].second);
  for (const auto& [name, value] : line.flags) app.add_flag(name, *value);
  app.set_help_flag();  // --help is answered above, with the command's own usage text
  app.allow_extras();   // what is left over is named below, in the CLI's own words
  try {
    try {
      app.parse(std::vector<std::string>(args.rbegin(), args.rend()));  // CLI11 pops from the back
    } catch (const CLI::ArgumentMismatch& e) {
      // "--data: 1 required TEXT missing", "--seed: At Most 1 required but received 2"
      const std::string what = e.what();
      const std::string name = what.substr(0, what.find(':'));
      throw UsageError{what.find("At Most") != std::string::npos ? name + " is given twice"
                                                                 : name + " needs a value"};
    } catch (const CLI::ParseError& e) {
      throw UsageError{e.what()};
    }
    const std::vector<std::string> extra = app.remaining();
    if (!extra.empty()) {
      throw UsageError{extra[0].rfind("-", 0) == 0 ? "unknown option '" + extra[0] + "'"
                                                   : "unexpected argument '" + extra[0] + "'"};
    }
    for (size_t i = 0; i < texts.size(); ++i)
      if (texts[i].first->count() > 0) *line.options[i].second = texts[i].second;
    if (read) read();
  } catch (const UsageError& e) {
    std::cerr << "error: " << e.message << "\n" << usage;
    return 2;
  }
  return -1;
}

int sizes_from_model(const ModelSpec& spec, bool num_words_given, bool maxlen_given,
                     const char* usage, TrainingSettings& settings) {
  if (!maxlen_given && spec.input_length == -1) {
    std::cerr << "error: the model does not fix its input length; give --maxlen L\n" << usage;
    return 2;
  }
  if (!num_words_given) settings.num_words = spec.vocab;
  if (!maxlen_given) settings.maxlen = spec.input_length;
  return -1;
}

}  // namespace rnn::cli
