#include "cli/options.hpp"

#include <cmath>
#include <exception>

namespace rnn::cli {

long long parse_integer(const std::string& option, const std::string& text, long long min,
                        long long max) {
  size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < min || value > max) {
    throw UsageError{option + " needs a whole number in [" + std::to_string(min) + ", " +
                     std::to_string(max) + "]; received '" + text + "'"};
  }
  return value;
}

double parse_positive(const std::string& option, const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || !std::isfinite(value) || value <= 0) {
    throw UsageError{option + " needs a number > 0; received '" + text + "'"};
  }
  return value;
}

}  // namespace rnn::cli
