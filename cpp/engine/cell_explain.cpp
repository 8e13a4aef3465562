#include "engine/cell_explain.hpp"

#include <algorithm>
#include <cmath>

#include "engine/trainer.hpp"

namespace rnn {

template <typename S>
std::vector<PreActivationTerms<S>> explain_step(const Network<S>& network, const LayerTrace<S>& tr, int t, int top) {
  const LayerSpec& l = network.spec().layers[size_t(tr.layer_index)];
  if (t < 0 || t >= tr.hidden.rows())
    throw ModelError("Step " + std::to_string(t) + " is outside the review's " + std::to_string(tr.hidden.rows()) + " steps.");
  const int u = l.units, in = l.input_shape.features;
  const int64_t ku = tr.pre.cols();
  // Keras' layout (recurrent.hpp): kernel (in, k·u), recurrent kernel (u, k·u), bias k·u or (2, k·u).
  const S* kernel = network.params().data() + network.spec().param_offset(size_t(tr.layer_index));
  const S* recurrent = kernel + int64_t(in) * ku;
  const S* bias = recurrent + int64_t(u) * ku;
  const bool gru = l.kind == LayerKind::GRU;
  std::vector<PreActivationTerms<S>> out(size_t(ku));
  std::vector<PreActivationTerm<S>> terms;
  for (int64_t c = 0; c < ku; ++c) {
    PreActivationTerms<S>& e = out[size_t(c)];
    const bool candidate = gru && c >= 2 * u;
    const int j = int(c % u);
    terms.clear();
    if (tr.input_ids.empty()) {
      for (int k = 0; k < in; ++k) {
        const S x = tr.input(t, k), w = kernel[int64_t(k) * ku + c];
        terms.push_back({false, k, x, w, x * w});
      }
    } else {  // one-hot: x = e_id
      const int id = tr.input_ids[size_t(t)];
      terms.push_back({false, id, S(1), kernel[int64_t(id) * ku + c], kernel[int64_t(id) * ku + c]});
    }
    if (candidate && l.reset_after) e.reset = tr.values(t, u + j);
    for (int k = 0; k < u; ++k) {
      S h = tr.hidden_prev(t, k);
      if (candidate && !l.reset_after) h *= tr.values(t, u + k);  // (r ⊙ h_{t−1})_k
      const S w = recurrent[int64_t(k) * ku + c];
      terms.push_back({true, k, h, w, e.reset * h * w});
    }
    if (l.use_bias) {
      e.bias = bias[c];
      if (gru && l.reset_after) e.bias += e.reset * bias[ku + c];
    }
    double total = e.bias;
    for (const auto& term : terms) total += term.product;
    e.total = S(total);
    const size_t shown = std::min(terms.size(), size_t(std::max(0, top)));
    std::partial_sort(terms.begin(), terms.begin() + std::ptrdiff_t(shown), terms.end(),
                      [](const auto& a, const auto& b) { return std::abs(a.product) > std::abs(b.product); });
    e.top.assign(terms.begin(), terms.begin() + std::ptrdiff_t(shown));
    double rest = 0;
    for (size_t i = shown; i < terms.size(); ++i) rest += terms[i].product;
    e.rest = S(rest);
    e.rest_count = int(terms.size() - shown);
  }
  return out;
}

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

#define RNN_CELL_EXPLAIN(S)                                                                                        \
  template std::vector<PreActivationTerms<S>> explain_step(const Network<S>&, const LayerTrace<S>&, int, int); \
  template Mat<S> occlusion_outputs(Network<S>&, const std::vector<int32_t>&, int32_t, std::vector<int>&);     \
  template std::vector<double> mean_input_gradients(Network<S>&, const Dataset&, int);
RNN_CELL_EXPLAIN(float)
RNN_CELL_EXPLAIN(double)

}  // namespace rnn
