#pragma once
// What keras_format.cpp (the writer) and keras_open.cpp (the readers) share; not for other files.

#include <string>
#include <vector>

#include "engine/keras_format.hpp"
#include "engine/messages.hpp"

namespace rnn::keras_detail {

// Throws the coded ModelError of a format_messages.def code (its text filled in).
[[noreturn]] void fail(Msg code, std::vector<std::string> params);
// The coded message's English text (for notes, which carry code, params and text too).
std::string format_text(Msg code, const std::vector<std::string>& params);
// "[16, 32]"
std::string shape_text(const std::vector<int>& shape);
// The float32 datasets of model.weights.h5 (Keras 3's layout), in the engine's flat order.
std::vector<KerasDataset> keras3_datasets(const ModelSpec& spec);

}  // namespace rnn::keras_detail
