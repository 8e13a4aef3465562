#pragma once
// Shared by the layer, network and gradient-check tests: a layer bound to its own parameter
// buffer, hand-built specs, and central-difference gradient checks (of one layer, of one
// recurrent configuration, of a whole network).

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <functional>
#include <numeric>
#include <memory>
#include <ostream>
#include <string>
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

// Test names from a case's `name` member (INSTANTIATE_TEST_SUITE_P's name generator).
struct CaseName {
  template <typename Case>
  std::string operator()(const ::testing::TestParamInfo<Case>& info) const {
    return info.param.name;
  }
};

// A copy of a test case with one change applied: what the case builders below are made of.
template <typename Case, typename Change>
Case changed(Case c, Change change) {
  change(c);
  return c;
}

// One recurrent layer's gradient check (check_layer_gradients) in one configuration: 4 units on
// 3 features over 5 steps, batch 3; training (dropout masks on) when a dropout is set. A case
// names what differs from Keras' defaults: RecurrentCase{"LstmNoBias", LayerKind::LSTM}.no_bias().
struct RecurrentCase {
  const char* name;
  LayerKind kind;
  bool return_sequences = true;
  bool use_bias = true;
  bool reset_after = true;
  Activation recurrent_activation = Activation::Sigmoid;
  double dropout = 0;
  double recurrent_dropout = 0;

  RecurrentCase last() const {
    return changed(*this, [](RecurrentCase& c) { c.return_sequences = false; });
  }
  RecurrentCase no_bias() const {
    return changed(*this, [](RecurrentCase& c) { c.use_bias = false; });
  }
  RecurrentCase reset_before() const {
    return changed(*this, [](RecurrentCase& c) { c.reset_after = false; });
  }
  RecurrentCase gates(Activation a) const {
    return changed(*this, [a](RecurrentCase& c) { c.recurrent_activation = a; });
  }
  RecurrentCase dropouts(double input, double recurrent) const {
    return changed(*this,
                   [=](RecurrentCase& c) { c.dropout = input, c.recurrent_dropout = recurrent; });
  }
};
inline void PrintTo(const RecurrentCase& c, std::ostream* os) { *os << c.name; }

inline void check_recurrent_gradient(const RecurrentCase& c) {
  LayerSpec spec = recurrent_spec(c.kind, 4, 3, 5, c.return_sequences);
  spec.use_bias = c.use_bias;
  spec.reset_after = c.reset_after;
  spec.recurrent_activation = c.recurrent_activation;
  spec.dropout = c.dropout;
  spec.recurrent_dropout = c.recurrent_dropout;
  const bool training = c.dropout > 0 || c.recurrent_dropout > 0;
  check_layer_gradients(spec, 3, 5, training);
}

// Through the whole Network: loss = Σ logits ⊙ R via backward_from_logits, every parameter
// against central differences (relative error ≤ 1e-6).
inline double check_network_gradients(ModelSpec model, int batch, int time, bool training,
                                      KerasVersion keras = KerasVersion::Keras3) {
  validate_and_infer(model);
  Network<double> net(model);
  net.initialize(5);
  net.set_keras_version(keras);
  Rng rng(9);
  for (double& p : net.params()) p += rng.uniform(-0.3, 0.3);  // biases away from 0
  TokenBatch x{batch, time, {}};
  for (int i = 0; i < batch * time; ++i) x.ids.push_back(int32_t(rng.below(uint64_t(model.vocab))));
  Rng mask_rng(21);
  net.forward(x, training, mask_rng);
  const Mat<double> r = random_matrix<double>(net.logits().rows(), net.logits().cols(), rng);
  auto loss = [&]() {
    Rng masks(21);
    net.forward(x, training, masks);
    return net.logits().cwiseProduct(r).sum();
  };
  loss();
  net.zero_grads();
  net.backward_from_logits(r);
  const std::vector<double> analytic = net.grads();
  const double e =
      relative_error(analytic, numeric_gradient(net.params().data(), net.params().size(), loss));
  EXPECT_LE(e, 1e-6);
  return e;
}

}  // namespace rnn::test
