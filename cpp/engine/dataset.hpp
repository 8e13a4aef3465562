#pragma once
// CONTRACT: labelled token-id sequences, already padded/truncated to one length. What the pack
// reader (pack.hpp) produces and what the trainer consumes; and the two steps every reader of token
// ids shares: the vocabulary check and Keras' 'pre' padding.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rnn {

// The reserved token ids (Keras' imdb.load_data): 0 padding, 1 start of review, 2 out of
// vocabulary. Word ids start at 4 (rank + 3); 3 is never used.
inline constexpr int32_t kPadId = 0;
inline constexpr int32_t kStartId = 1;
inline constexpr int32_t kOovId = 2;

struct Dataset {
  int count = 0;                // number of sequences
  int time = 0;                 // sequence length (maxlen)
  std::vector<int32_t> ids;     // count * time, sample-major: sample i, step t at ids[i * time + t]
  std::vector<int32_t> labels;  // count; 0/1 for binary, class index for softmax
};

// The index of the first id outside [0, vocab) among ids[0 .. count), or count when every id is
// inside: the one token-id check (the layers' inputs, the trainer's data, predict and trace), each
// caller wording the message for what it read.
inline int64_t first_id_outside(const int32_t* ids, int64_t count, int vocab) {
  for (int64_t i = 0; i < count; ++i)
    if (ids[i] < 0 || ids[i] >= vocab) return i;
  return count;
}

// Keras' pad_sequences(padding='pre', truncating='pre', value=0) of one sequence of n ids into a
// row of `length` ids: a shorter sequence gets zeros in front, a longer one keeps its last ids.
//   k = min(n, length);   row[t] = 0 for t < length - k;   row[length - k + j] = id_at(n - k + j)
// id_at(i) is the sequence's id i; only the kept ones are asked for, first to last, so that the
// pack reader can decode and check each stored id as it places it. The one padding of the engine.
template <typename IdAt>
void pad_pre_into(int32_t* row, int length, size_t n, IdAt id_at) {
  const size_t kept = std::min(n, static_cast<size_t>(length));
  const size_t pad = static_cast<size_t>(length) - kept;
  for (size_t t = 0; t < static_cast<size_t>(length); ++t)
    row[t] = t < pad ? kPadId : id_at(n - kept + (t - pad));
}

// pad_pre_into for ids in memory: `length` ids (the CLI's predict input).
inline std::vector<int32_t> pad_pre(const std::vector<int32_t>& ids, int length) {
  std::vector<int32_t> out(static_cast<size_t>(length));
  pad_pre_into(out.data(), length, ids.size(), [&](size_t i) { return ids[i]; });
  return out;
}

// The three splits of a data pack.
struct DataSplits {
  Dataset train;
  Dataset validation;
  Dataset test;
};

}  // namespace rnn
