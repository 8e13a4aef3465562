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

// The three splits of a data pack.
struct DataSplits {
  Dataset train;
  Dataset validation;
  Dataset test;
};

}  // namespace rnn
