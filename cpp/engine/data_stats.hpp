#pragma once
// Review-length statistics of a dataset for the data view: a histogram of token counts (the start
// token included, as Keras' sequences are), their mean and median.

#include <vector>

#include "engine/dataset.hpp"

namespace rnn {

struct LengthBin {
  int start = 0;  // inclusive
  int end = 0;    // exclusive
  int count = 0;
};

struct LengthStats {
  std::vector<LengthBin> histogram;
  double mean = 0;
  double median = 0;
  int max_length = 0;  // the sequences' length axis: longer reviews were cut to it
};

// The median of `values` (the mean of the middle two for an even count): the lengths' median
// here, the CLI bench's timings.
double median(std::vector<double> values);

// Lengths are read from 'pre'-padded sequences: the number of steps after the leading padding
// (id 0 never occurs inside a review). bin_width >= 1.
LengthStats length_stats(const Dataset& data, int bin_width);

}  // namespace rnn
