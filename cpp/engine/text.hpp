#pragma once
// Numbers in messages without <sstream>: an ostringstream anywhere in the WebAssembly module pulls
// in libc++'s locale machinery (money, time, wide-character facets), about a tenth of the module.

#include <cstdio>
#include <string>

namespace rnn {

// Exactly what `std::ostream << value` writes for a double in the default format: printf's "%g"
// (six significant digits; "inf", "nan"), which is how libc++ and libstdc++ format it.
inline std::string stream_text(double value) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%g", value);
  return std::string(buffer, n > 0 ? size_t(n) : 0);
}

}  // namespace rnn
