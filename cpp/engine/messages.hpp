#pragma once
// Coded messages (messages.def): the English text is the code's template with its parameters
// filled in, so the engine, the CLI and the page's English table say exactly the same thing.

#include <string>
#include <vector>

#include "engine/model_spec.hpp"

namespace rnn {

// The codes of the messages the page translates (messages.def; a code is its position there).
// Only this header includes the list, so adding a message rebuilds only the files that use one.
enum class Msg : int {
#define RNN_MESSAGE(code, parameters, english) code,
#include "engine/messages.def"
#undef RNN_MESSAGE
};

// The template of `code` with every {parameter} replaced by params[i], parameters in the order
// messages.def names them; braces that name no parameter are kept as they are.
std::string message_text(Msg code, const std::vector<std::string>& params);

// Throws ModelError(code, params, message_text(code, params)).
[[noreturn]] void fail_with(Msg code, std::vector<std::string> params);

}  // namespace rnn
