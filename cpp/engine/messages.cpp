#include "engine/messages.hpp"

#include "engine/cold.hpp"

namespace rnn {

namespace {

struct Template {
  const char* parameters;  // space-separated names, in the order the params vector holds them
  const char* english;
};

constexpr Template kTemplates[] = {
#define RNN_MESSAGE(code, parameters, english) {parameters, english},
#include "engine/messages.def"
#undef RNN_MESSAGE
};

// The index of `name` among the space-separated `parameters`, or -1.
int parameter_index(const char* parameters, const std::string& name) {
  int index = 0;
  for (const char* p = parameters; *p;) {
    const char* end = p;
    while (*end && *end != ' ') ++end;
    if (name.compare(0, std::string::npos, p, size_t(end - p)) == 0) return index;
    ++index;
    p = *end ? end + 1 : end;
  }
  return -1;
}

}  // namespace

RNN_COLD std::string fill_message(const char* parameters, const char* english,
                                  const std::vector<std::string>& params) {
  std::string out;
  for (const char* p = english; *p; ++p) {
    if (*p == '{') {
      const char* close = p + 1;
      while (*close && *close != '}' && *close != '{') ++close;
      if (*close == '}') {
        const int i = parameter_index(parameters, std::string(p + 1, close));
        if (i >= 0 && size_t(i) < params.size()) {
          out += params[size_t(i)];
          p = close;
          continue;
        }
      }
    }
    out += *p;
  }
  return out;
}

RNN_COLD std::string message_text(Msg code, const std::vector<std::string>& params) {
  const Template& t = kTemplates[static_cast<int>(code)];
  return fill_message(t.parameters, t.english, params);
}

RNN_COLD void fail_with(Msg code, std::vector<std::string> params) {
  const Template& t = kTemplates[static_cast<int>(code)];
  std::string text = fill_message(t.parameters, t.english, params);
  throw ModelError(static_cast<int>(code), std::move(params), text);
}

}  // namespace rnn
