#include "engine/word_influence.hpp"

#include <algorithm>
#include <cmath>

#include "engine/trainer.hpp"

namespace rnn {

template <typename S>
Mat<S> occlusion_outputs(Network<S>& network, const std::vector<int32_t>& ids, int32_t oov, std::vector<int>& steps) {
  steps.clear();
  for (size_t t = 0; t < ids.size(); ++t)
    if (ids[t] != 0) steps.push_back(int(t));
  TokenBatch batch{int(steps.size()), int(ids.size()), {}};
  batch.ids.reserve(steps.size() * ids.size());
  for (const int step : steps) {
    batch.ids.insert(batch.ids.end(), ids.begin(), ids.end());
    batch.ids[batch.ids.size() - ids.size() + size_t(step)] = oov;
  }
  if (steps.empty()) return Mat<S>(0, network.spec().output_layer().output_shape.features);
  return predict(network, batch, 256);
}

template <typename S>
std::vector<double> mean_input_gradients(Network<S>& network, const Dataset& data, int count) {
  const int n = std::min(count, data.count), time = data.time;
  std::vector<double> sum(size_t(time), 0.0), seen(size_t(time), 0.0);
  if (n <= 0) return sum;
  TokenBatch x{n, time, std::vector<int32_t>(data.ids.begin(), data.ids.begin() + int64_t(n) * time)};
  const Mat<S> norms = network.input_gradient_norms(x);
  for (int b = 0; b < n && norms.size() > 0; ++b)
    for (int t = 0; t < time; ++t)
      if (x.ids[size_t(b) * time + t] != 0) {
        sum[size_t(t)] += double(norms(b, t));
        seen[size_t(t)] += 1;
      }
  for (int t = 0; t < time; ++t)
    if (seen[size_t(t)] > 0) sum[size_t(t)] /= seen[size_t(t)];
  return sum;
}

#define RNN_WORD_INFLUENCE(S)                                                                                        \
  template Mat<S> occlusion_outputs(Network<S>&, const std::vector<int32_t>&, int32_t, std::vector<int>&);     \
  template std::vector<double> mean_input_gradients(Network<S>&, const Dataset&, int);
RNN_WORD_INFLUENCE(float)
RNN_WORD_INFLUENCE(double)

}  // namespace rnn
