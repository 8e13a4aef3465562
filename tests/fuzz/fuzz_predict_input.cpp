// libFuzzer target: the CLI's `predict --input` reader (cli/predict_input: read_sequences and the
// pre-padding that follows it, the engine's pad_pre).
// Input: the model's vocabulary (uint16 LE, plus 1), one byte whose low bit says whether the model
// has a fixed input length and whose other bits give it (0 to 127), then the file's text.
// Contract checked: only ModelError is thrown; every id read is in [0, vocabulary); without a fixed
// length no sequence is empty; padding keeps the last tokens, zeros in front.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/predict_input.hpp"
#include "engine/model_spec.hpp"
#include "engine/dataset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const int vocab = 1 + (data[0] | (data[1] << 8));
  const bool fixed_length = (data[2] & 1) != 0;
  const int length = data[2] >> 1;
  const std::string text(reinterpret_cast<const char*>(data + 3), size - 3);
  std::vector<std::vector<int32_t>> sequences;
  try {
    sequences = rnn::cli::read_sequences(text, vocab, fixed_length);
  } catch (const rnn::ModelError&) {
    return 0;
  }
  for (const auto& ids : sequences) {
    if (!fixed_length && ids.empty()) __builtin_trap();
    for (int32_t id : ids)
      if (id < 0 || id >= vocab) __builtin_trap();
    if (!fixed_length) continue;
    const std::vector<int32_t> padded = rnn::pad_pre(ids, length);
    if (padded.size() != size_t(length)) __builtin_trap();
    const size_t kept = ids.size() < padded.size() ? ids.size() : padded.size();
    for (size_t i = 0; i < padded.size(); ++i) {
      const size_t from_end = padded.size() - i;  // 1 for the last step
      const int32_t want = from_end <= kept ? ids[ids.size() - from_end] : 0;
      if (padded[i] != want) __builtin_trap();
    }
  }
  return 0;
}
