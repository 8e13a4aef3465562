#pragma once
// The `predict --input` file: {"sequences": [[token ids], ...]}, checked against the model (the
// padding is the engine's pad_pre, dataset.hpp). Its own unit so that the fuzz target
// (tests/fuzz) reads it as the CLI does.

#include <cstdint>
#include <string>
#include <vector>

namespace rnn::cli {

// The token-id sequences of a predict input file, every id an integer in [0, vocab). A model of
// fixed input length (fixed_length) may get empty sequences (all padding); otherwise each needs a
// token. Throws ModelError naming the sequence and position of the first problem.
std::vector<std::vector<int32_t>> read_sequences(const std::string& text, int vocab,
                                                 bool fixed_length);

}  // namespace rnn::cli
