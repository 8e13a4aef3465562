#include "engine/word_influence.hpp"

#include <algorithm>
#include <cmath>

#include "engine/trainer.hpp"

namespace rnn {

template <typename S>
Mat<S> occlusion_outputs(Network<S>& network, const std::vector<int32_t>& ids, int32_t oov,
                         std::vector<int>& steps) {
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
  // Chunks of 64 variants: a 500-step review's activations for 64 sequences stay in cache-sized
  // buffers; 256 at once measured slower (docs/benchmarks.md, explain bench).
  return predict(network, batch, 64);
}

template <typename S>
Mat<S> mean_input_gradients(Network<S>& network, const Dataset& data, int count) {
  const int n = std::min(count, data.count), time = data.time;
  Mat<S> mean = Mat<S>::Zero(1, time);
  if (n <= 0) return mean;
  TokenBatch x{n, time,
               std::vector<int32_t>(data.ids.begin(), data.ids.begin() + int64_t(n) * time)};
  const Mat<S> norms = network.input_gradient_norms(x);
  for (int t = 0; t < time && norms.size() > 0; ++t) {
    double sum = 0, seen = 0;
    for (int b = 0; b < n; ++b)
      if (x.ids[size_t(b) * time + t] != 0) {
        sum += double(norms(b, t));
        seen += 1;
      }
    mean(0, t) = seen > 0 ? S(sum / seen) : S(0);
  }
  return mean;
}

#define RNN_WORD_INFLUENCE(S)                                                          \
  template Mat<S> occlusion_outputs(Network<S>&, const std::vector<int32_t>&, int32_t, \
                                    std::vector<int>&);                                \
  template Mat<S> mean_input_gradients(Network<S>&, const Dataset&, int);
RNN_WORD_INFLUENCE(float)
RNN_WORD_INFLUENCE(double)

}  // namespace rnn
