#pragma once
// Shared by the layer, network and gradient-check tests: a layer bound to its own parameter
// buffer, hand-built specs, and central-difference gradient checks.

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <functional>
#include <numeric>
#include <memory>
#include <vector>

#include "engine/layers/layer.hpp"
#include "engine/network.hpp"

namespace rnn::test {

// A recurrent layer's spec on a (time, features) input, as validate_and_infer would fill it.
inline LayerSpec recurrent_spec(LayerKind kind, int units, int features, int time,
                                bool return_sequences = false) {
  LayerSpec l;
  l.kind = kind;
  l.name = "rnn";
  l.units = units;
  l.activation = Activation::Tanh;
  l.return_sequences = return_sequences;
  l.input_shape = Shape{true, time, features};
  l.output_shape = return_sequences ? Shape{true, time, units} : Shape{false, -1, units};
  return l;
}

inline LayerSpec dense_spec(int units, int features, Activation act, bool has_time = false,
                            int time = -1) {
  LayerSpec l;
  l.kind = LayerKind::Dense;
  l.name = "dense";
  l.units = units;
  l.activation = act;
  l.input_shape = Shape{has_time, time, features};
  l.output_shape = Shape{has_time, time, units};
  return l;
}

// A layer with its own flat parameter and gradient buffers.
template <typename S>
struct BoundLayer {
  explicit BoundLayer(const LayerSpec& s, RecurrentPaths paths = {})
      : spec(s),
        params(size_t(param_count(s))),
        grads(size_t(param_count(s))),
        layer(make_layer<S>(s, paths)) {
    layer->bind(params.data(), grads.data());
  }
  const Mat<S>& forward(const Mat<S>& x, int batch, int time, bool training = false,
                        uint64_t mask_seed = 7) {
    Rng rng(mask_seed);
    layer->forward(LayerInput<S>{batch, time, &x, nullptr}, training, rng);
    return layer->output();
  }
  const Mat<S>& forward_ids(const std::vector<int32_t>& ids, int batch, int time,
                            bool training = false, uint64_t mask_seed = 7) {
    ids_ = ids;
    Rng rng(mask_seed);
    layer->forward(LayerInput<S>{batch, time, nullptr, ids_.data()}, training, rng);
    return layer->output();
  }
  LayerSpec spec;
  std::vector<S> params, grads;
  std::unique_ptr<Layer<S>> layer;

 private:
  std::vector<int32_t> ids_;
};

template <typename S>
Mat<S> random_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng, double scale = 1.0) {
  Mat<S> m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = S(rng.uniform(-scale, scale));
  return m;
}

template <typename S>
void fill_random(std::vector<S>& v, Rng& rng, double scale = 0.5) {
  for (S& x : v) x = S(rng.uniform(-scale, scale));
}

// Random parameters for a double layer and the same values, rounded, for its float twin.
inline void fill_random_twins(BoundLayer<double>& exact, BoundLayer<float>& fast, Rng& rng,
                              double scale) {
  fill_random(exact.params, rng, scale);
  for (size_t i = 0; i < exact.params.size(); ++i) fast.params[i] = float(exact.params[i]);
}

// ‖a − n‖ / ‖a + n‖, 0 when both vanish.
inline double relative_error(const std::vector<double>& a, const std::vector<double>& n) {
  double diff = 0, sum = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff += (a[i] - n[i]) * (a[i] - n[i]);
    sum += (a[i] + n[i]) * (a[i] + n[i]);
  }
  return sum == 0 ? 0.0 : std::sqrt(diff) / std::sqrt(sum);
}

// Central differences of a scalar function over the entries of `values` (restored afterwards).
inline std::vector<double> numeric_gradient(double* values, size_t count,
                                            const std::function<double()>& loss,
                                            double eps = 1e-6) {
  std::vector<double> g(count);
  for (size_t i = 0; i < count; ++i) {
    const double saved = values[i];
    values[i] = saved + eps;
    const double up = loss();
    values[i] = saved - eps;
    const double down = loss();
    values[i] = saved;
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

// Checks d/d params and d/d input of loss = Σ output ⊙ R for one layer in double precision, with
// the same dropout masks at every evaluation (the mask Rng is reseeded each time).
// Returns the largest relative error seen (also asserted ≤ tolerance).
inline double check_layer_gradients(const LayerSpec& spec, int batch, int time, bool training,
                                    uint64_t seed = 11, double tolerance = 1e-6) {
  Rng rng(seed);
  BoundLayer<double> bl(spec);
  fill_random(bl.params, rng, 0.6);
  const int rows = batch * std::max(time, 1);
  Mat<double> x = random_matrix<double>(rows, spec.input_shape.features, rng, 1.0);
  const Mat<double>& y0 = bl.forward(x, batch, time, training);
  const Mat<double> r = random_matrix<double>(y0.rows(), y0.cols(), rng, 1.0);
  auto loss = [&]() { return bl.forward(x, batch, time, training).cwiseProduct(r).sum(); };

  loss();
  std::fill(bl.grads.begin(), bl.grads.end(), 0.0);
  Mat<double> dx;
  bl.layer->backward(r, &dx);
  const std::vector<double> analytic_params = bl.grads;
  const std::vector<double> analytic_input(dx.data(), dx.data() + dx.size());

  const std::vector<double> numeric_params =
      numeric_gradient(bl.params.data(), bl.params.size(), loss);
  const std::vector<double> numeric_input = numeric_gradient(x.data(), size_t(x.size()), loss);
  const double e_params = relative_error(analytic_params, numeric_params);
  const double e_input = relative_error(analytic_input, numeric_input);
  EXPECT_LE(e_params, tolerance) << "parameters of " << layer_kind_name(spec.kind);
  EXPECT_LE(e_input, tolerance) << "input of " << layer_kind_name(spec.kind);
  EXPECT_GT(std::sqrt(std::inner_product(analytic_params.begin(), analytic_params.end(),
                                         analytic_params.begin(), 0.0)),
            0.0);
  return std::max(e_params, e_input);
}

// A layer of a model built by hand (before validate_and_infer): Dense layers sigmoid, recurrent
// layers tanh.
inline LayerSpec model_layer(LayerKind kind, const char* name, int units,
                             bool return_sequences = false) {
  LayerSpec l;
  l.kind = kind;
  l.name = name;
  l.units = units;
  l.activation = kind == LayerKind::Dense ? Activation::Sigmoid : Activation::Tanh;
  l.return_sequences = return_sequences;
  return l;
}

inline LayerSpec embedding_layer(int vocab, int dim) {
  LayerSpec l;
  l.kind = LayerKind::Embedding;
  l.name = "embedding";
  l.input_dim = vocab;
  l.output_dim = dim;
  return l;
}

}  // namespace rnn::test
