#pragma once
// Coded messages (messages.def): the English text is the code's template with its parameters
// filled in, so the engine, the CLI and the page's English table say exactly the same thing.

#include <string>
#include <vector>

#include "engine/model_spec.hpp"

namespace rnn {

// The codes of the messages the page translates (messages.def; a code is its position there).
// format_messages.def's codes follow (keras_format.hpp). Only this header includes the lists, so
// adding a message rebuilds only the files that use one.
enum class Msg : int {
#define RNN_MESSAGE(code, parameters, english) code,
#include "engine/messages.def"
#include "engine/format_messages.def"
#undef RNN_MESSAGE
};

// The template of `code` with every {parameter} replaced by params[i], parameters in the order
// messages.def names them; braces that name no parameter are kept as they are.
std::string message_text(Msg code, const std::vector<std::string>& params);

// A template (messages.def's form) with every {parameter} replaced by params[i], the parameters
// named in order by the space-separated `parameters`; braces that name no parameter are kept.
std::string fill_message(const char* parameters, const char* english,
                         const std::vector<std::string>& params);

// Throws ModelError(code, params, message_text(code, params)) for a messages.def code (the file
// formats' codes are thrown by keras_format.cpp from its own table).
[[noreturn]] void fail_with(Msg code, std::vector<std::string> params);

}  // namespace rnn
