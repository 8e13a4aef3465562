#pragma once
// Shared by the cell-trace and input-gradient tests: small models with padding, a double network
// and its float twin with the same weights, and Keras' cell equations written out unit by unit
// (the independent reference the trace is held against).

#include <cmath>
#include <vector>

#include "layer_test_helpers.hpp"

namespace rnn::test {

inline ModelSpec cell_model(std::vector<LayerSpec> layers, int one_hot_vocab = 0) {
  ModelSpec m;
  m.vocab = one_hot_vocab;
  m.layers = std::move(layers);
  validate_and_infer(m);
  return m;
}

// A recurrent layer with Keras' defaults (tanh, sigmoid gates) and the given reset_after.
inline LayerSpec cell_layer(LayerKind kind, const char* name, int units, bool sequences = false,
                            bool reset_after = true) {
  LayerSpec l = model_layer(kind, name, units, sequences);
  l.reset_after = reset_after;
  return l;
}

// Initialised, then every weight moved a little so biases are nonzero and padding steps leave a
// state behind (h after the padding is not 0).
inline void randomise(Network<double>& exact, Network<float>& fast, uint64_t seed) {
  exact.initialize(seed);
  Rng rng(seed + 1);
  for (double& p : exact.params()) p += rng.uniform(-0.3, 0.3);
  for (size_t i = 0; i < exact.params().size(); ++i) fast.params()[i] = float(exact.params()[i]);
}

// One step of a Keras cell from its weights, by hand: pre-activations and values in Keras' gate
// order (LSTM i f g o, GRU z r h̃, SimpleRNN a → h), and h_t, c_t.
struct CellStep {
  std::vector<double> pre, values, h, c;
};

inline double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

inline CellStep cell_step(const LayerSpec& l, const double* params, const std::vector<double>& x,
                          const std::vector<double>& h_prev, const std::vector<double>& c_prev) {
  const int u = l.units, in = int(x.size()), k = gate_count(l.kind), ku = k * u;
  const double* W = params;
  const double* U = W + in * ku;
  const double* b = U + u * ku;
  CellStep s;
  s.pre.assign(size_t(ku), 0.0);
  s.values.assign(size_t(ku), 0.0);
  s.h.assign(size_t(u), 0.0);
  s.c.assign(size_t(u), 0.0);
  auto xw = [&](int col) {
    double sum = l.use_bias ? b[col] : 0.0;
    for (int i = 0; i < in; ++i) sum += x[size_t(i)] * W[i * ku + col];
    return sum;
  };
  auto hu = [&](const std::vector<double>& h, int col) {
    double sum = 0;
    for (int i = 0; i < u; ++i) sum += h[size_t(i)] * U[i * ku + col];
    return sum;
  };
  for (int col = 0; col < ku; ++col) s.pre[size_t(col)] = xw(col) + hu(h_prev, col);
  if (l.kind == LayerKind::GRU) {
    const double* b_rec = b + ku;
    const bool rec_bias = l.reset_after && l.use_bias;
    for (int col = 0; col < 2 * u; ++col) {
      if (rec_bias) s.pre[size_t(col)] += b_rec[col];
      s.values[size_t(col)] = sigmoid(s.pre[size_t(col)]);
    }
    std::vector<double> rh(static_cast<size_t>(u));
    for (int j = 0; j < u; ++j) rh[size_t(j)] = s.values[size_t(u + j)] * h_prev[size_t(j)];
    for (int j = 0; j < u; ++j) {
      const int col = 2 * u + j;
      const double r = s.values[size_t(u + j)];
      s.pre[size_t(col)] = l.reset_after
                               ? xw(col) + r * (hu(h_prev, col) + (rec_bias ? b_rec[col] : 0.0))
                               : xw(col) + hu(rh, col);
      s.values[size_t(col)] = std::tanh(s.pre[size_t(col)]);
      const double z = s.values[size_t(j)];
      s.h[size_t(j)] = z * h_prev[size_t(j)] + (1 - z) * s.values[size_t(col)];
    }
  } else if (l.kind == LayerKind::LSTM) {
    for (int col = 0; col < ku; ++col)
      s.values[size_t(col)] =
          col >= 2 * u && col < 3 * u ? std::tanh(s.pre[size_t(col)]) : sigmoid(s.pre[size_t(col)]);
    for (int j = 0; j < u; ++j) {
      const double i = s.values[size_t(j)], f = s.values[size_t(u + j)],
                   g = s.values[size_t(2 * u + j)], o = s.values[size_t(3 * u + j)];
      s.c[size_t(j)] = f * c_prev[size_t(j)] + i * g;
      s.h[size_t(j)] = o * std::tanh(s.c[size_t(j)]);
    }
  } else {
    for (int j = 0; j < u; ++j) s.values[size_t(j)] = s.h[size_t(j)] = std::tanh(s.pre[size_t(j)]);
  }
  return s;
}

}  // namespace rnn::test
