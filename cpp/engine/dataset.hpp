#pragma once
// CONTRACT: labelled token-id sequences, already padded/truncated to one length. What the pack
// reader (pack.hpp) produces and what the trainer consumes.

#include <cstdint>
#include <vector>

namespace rnn {

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

// The three splits of a data pack.
struct DataSplits {
  Dataset train;
  Dataset validation;
  Dataset test;
};

}  // namespace rnn
