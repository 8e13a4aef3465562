#include "engine/data_stats.hpp"

#include <algorithm>

namespace rnn {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

LengthStats length_stats(const Dataset& data, int bin_width) {
  LengthStats s;
  s.max_length = data.time;
  if (bin_width < 1) bin_width = 1;
  std::vector<int> lengths(static_cast<size_t>(data.count));
  for (int i = 0; i < data.count; ++i) {
    const int32_t* row = data.ids.data() + static_cast<size_t>(i) * data.time;
    int pad = 0;
    while (pad < data.time && row[pad] == 0) ++pad;
    lengths[static_cast<size_t>(i)] = data.time - pad;
  }
  const int bins = data.time / bin_width + 1;
  for (int b = 0; b < bins; ++b) s.histogram.push_back({b * bin_width, (b + 1) * bin_width, 0});
  double sum = 0;
  for (int len : lengths) {
    s.histogram[static_cast<size_t>(len / bin_width)].count++;
    sum += len;
  }
  while (!s.histogram.empty() && s.histogram.back().count == 0) s.histogram.pop_back();
  if (!lengths.empty()) {
    s.mean = sum / static_cast<double>(lengths.size());
    s.median = median(std::vector<double>(lengths.begin(), lengths.end()));
  }
  return s;
}

}  // namespace rnn
