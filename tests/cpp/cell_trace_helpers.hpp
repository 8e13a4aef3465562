#pragma once
// Shared by the cell-trace and input-gradient tests of every cell: small models with padding, a
// double network and its float twin with the same weights, Keras' cell equations written out
// unit by unit (the independent reference the trace is held against), and the two checks each
// cell's test file runs over its own cases (check_cell_trace, check_input_gradient).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
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

// A double network and its float twin, randomised alike (randomise).
struct TwinNetworks {
  TwinNetworks(const ModelSpec& m, uint64_t seed) : exact(m), fast(m) {
    randomise(exact, fast, seed);
  }
  Network<double> exact;
  Network<float> fast;
};

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

// ---- the cell trace ----

struct TraceCase {
  const char* name;
  std::vector<LayerSpec> layers;  // recurrent layers (and the Dense head)
  bool one_hot;
};
inline void PrintTo(const TraceCase& c, std::ostream* os) { *os << c.name; }
// Instantiated by each cell's test file with its cases (TEST_P: recurrent_test.cpp).
class CellTrace : public ::testing::TestWithParam<TraceCase> {};

constexpr int kTraceVocab = 12;
// Three padding steps, then the review (ids ≠ 0); OOV (2) included.
inline const std::vector<int32_t> kTraceIds{0, 0, 0, 5, 9, 2, 7, 11, 4};
constexpr int kTraceFirstKept = 3;

// One cell and a Dense(1, sigmoid) head, behind an Embedding(kTraceVocab, 3) or one-hot.
inline TraceCase single_cell_trace(const char* name, const LayerSpec& cell, bool one_hot) {
  return TraceCase{name, {cell, model_layer(LayerKind::Dense, "dense", 1)}, one_hot};
}

inline ModelSpec build_trace_model(const TraceCase& c) {
  std::vector<LayerSpec> layers;
  if (!c.one_hot) layers.push_back(embedding_layer(kTraceVocab, 3));
  for (const LayerSpec& l : c.layers) layers.push_back(l);
  return cell_model(layers, c.one_hot ? kTraceVocab : 0);
}

// Network::trace of kTraceIds (double) against cell_step at every step of every recurrent layer,
// and the float network's trace against the double one.
inline void check_cell_trace(const TraceCase& tc) {
  const ModelSpec m = build_trace_model(tc);
  TwinNetworks nets(m, 5);
  Network<double>& exact = nets.exact;
  Network<float>& fast = nets.fast;
  const SequenceTrace<double> tr = exact.trace(kTraceIds);
  const SequenceTrace<float> tf = fast.trace(kTraceIds);
  ASSERT_EQ(tr.layers.size(), tf.layers.size());
  const int time = int(kTraceIds.size());
  // x_t of the first recurrent layer: the Embedding's row, or e_id.
  std::vector<std::vector<double>> x(static_cast<size_t>(time));
  const size_t first = tc.one_hot ? 0 : 1;
  for (int t = 0; t < time; ++t) {
    if (tc.one_hot) {
      x[size_t(t)].assign(kTraceVocab, 0.0);
      x[size_t(t)][size_t(kTraceIds[size_t(t)])] = 1.0;
    } else {
      const double* row = exact.params().data() + kTraceIds[size_t(t)] * 3;
      x[size_t(t)].assign(row, row + 3);
    }
  }
  for (size_t li = 0; li < tr.layers.size(); ++li) {
    SCOPED_TRACE("layer " + std::to_string(li));
    const LayerTrace<double>& lt = tr.layers[li];
    const LayerSpec& spec = m.layers[size_t(lt.layer_index)];
    ASSERT_EQ(size_t(lt.layer_index), first + li);  // recurrent layers follow one another here
    const double* params = exact.params().data() + m.param_offset(size_t(lt.layer_index));
    const int u = spec.units;
    std::vector<double> h(size_t(u), 0.0), c(size_t(u), 0.0);
    std::vector<std::vector<double>> next_x(static_cast<size_t>(time));
    for (int t = 0; t < time; ++t) {
      SCOPED_TRACE("step " + std::to_string(t));
      // The step's inputs as the trace reports them.
      if (tc.one_hot && li == 0) {
        ASSERT_EQ(lt.input.size(), 0);
        EXPECT_EQ(lt.input_ids[size_t(t)], kTraceIds[size_t(t)]);
      } else {
        for (size_t k = 0; k < x[size_t(t)].size(); ++k)
          EXPECT_NEAR(lt.input(t, Eigen::Index(k)), x[size_t(t)][k], 1e-14);
      }
      for (int j = 0; j < u; ++j) EXPECT_NEAR(lt.hidden_prev(t, j), h[size_t(j)], 1e-13);
      if (spec.kind == LayerKind::LSTM) {
        for (int j = 0; j < u; ++j) EXPECT_NEAR(lt.cell_prev(t, j), c[size_t(j)], 1e-13);
      }
      const CellStep s = cell_step(spec, params, x[size_t(t)], h, c);
      for (size_t col = 0; col < s.pre.size(); ++col) {
        EXPECT_NEAR(lt.pre(t, Eigen::Index(col)), s.pre[col], 1e-12) << "pre " << col;
        EXPECT_NEAR(lt.values(t, Eigen::Index(col)), s.values[col], 1e-12) << "value " << col;
        // float against double: the engine's fast kernels within float precision
        EXPECT_NEAR(tf.layers[li].pre(t, Eigen::Index(col)), lt.pre(t, Eigen::Index(col)), 2e-5);
        EXPECT_NEAR(tf.layers[li].values(t, Eigen::Index(col)), lt.values(t, Eigen::Index(col)),
                    2e-5);
      }
      for (int j = 0; j < u; ++j) {
        EXPECT_NEAR(lt.hidden(t, j), s.h[size_t(j)], 1e-12);
        EXPECT_NEAR(tf.layers[li].hidden(t, j), lt.hidden(t, j), 2e-5);
        if (spec.kind == LayerKind::LSTM) {
          EXPECT_NEAR(lt.cell(t, j), s.c[size_t(j)], 1e-12);
        }
      }
      h = s.h;
      c = s.c;
      next_x[size_t(t)] = s.h;  // the upper layer reads h_t
    }
    // The first kept step starts from the state the three padding steps left, not from zeros.
    EXPECT_GT(lt.hidden_prev.row(kTraceFirstKept).norm(), 1e-3);
    EXPECT_EQ(lt.hidden_prev.row(kTraceFirstKept), lt.hidden.row(kTraceFirstKept - 1));
    x = next_x;
  }
}

// ---- the input gradient ----

// Padding (id 0) first; the kept ids are all different, so moving Embedding row id_t moves x_t
// of that step alone.
inline const std::vector<int32_t> kGradientIds{0, 0, 5, 9, 2, 7, 11, 4, 3};
constexpr int kGradientFirstKept = 2;

// z for one sequence: the logit the gradient is taken of (the predicted class's with softmax).
inline double logit(Network<double>& net, const std::vector<int32_t>& ids, int column) {
  Rng unused(0);
  net.forward(TokenBatch{1, int(ids.size()), ids}, false, unused);
  return net.logits()(0, column);
}

inline int predicted_column(Network<double>& net, const std::vector<int32_t>& ids) {
  Rng unused(0);
  net.forward(TokenBatch{1, int(ids.size()), ids}, false, unused);
  Eigen::Index best = 0;
  net.logits().row(0).maxCoeff(&best);
  return int(best);
}

// ‖∂z/∂x_t‖ by central differences over Embedding row id_t (the Embedding is layer 0).
inline std::vector<double> numeric_norms(Network<double>& net, int dim, int from) {
  const int column = predicted_column(net, kGradientIds);
  std::vector<double> norms;
  for (size_t t = size_t(from); t < kGradientIds.size(); ++t) {
    double* row = net.params().data() + kGradientIds[t] * dim;
    const std::vector<double> g =
        numeric_gradient(row, size_t(dim), [&] { return logit(net, kGradientIds, column); });
    double sq = 0;
    for (double v : g) sq += v * v;
    norms.push_back(std::sqrt(sq));
  }
  return norms;
}

struct GradientCase {
  const char* name;
  std::vector<LayerSpec> layers;  // after an Embedding(kTraceVocab, 3)
};
inline void PrintTo(const GradientCase& c, std::ostream* os) { *os << c.name; }
// Instantiated by each cell's test file with its cases (TEST_P: recurrent_test.cpp).
class InputGradient : public ::testing::TestWithParam<GradientCase> {};

// Network::input_gradient_norms of kGradientIds (double) against numeric_norms at every kept step,
// and the float network's norms against the double one's.
inline void check_input_gradient(const GradientCase& gc) {
  std::vector<LayerSpec> layers{embedding_layer(kTraceVocab, 3)};
  for (const LayerSpec& l : gc.layers) layers.push_back(l);
  const ModelSpec m = cell_model(layers);
  TwinNetworks nets(m, 3);
  Network<double>& exact = nets.exact;
  Network<float>& fast = nets.fast;
  const Mat<double> norms =
      exact.input_gradient_norms(TokenBatch{1, int(kGradientIds.size()), kGradientIds});
  const Mat<float> norms_float =
      fast.input_gradient_norms(TokenBatch{1, int(kGradientIds.size()), kGradientIds});
  ASSERT_EQ(norms.rows(), 1);
  ASSERT_EQ(norms.cols(), Eigen::Index(kGradientIds.size()));
  const std::vector<double> numeric = numeric_norms(exact, 3, kGradientFirstKept);
  for (size_t k = 0; k < numeric.size(); ++k) {
    const Eigen::Index t = Eigen::Index(kGradientFirstKept + k);
    EXPECT_NEAR(norms(0, t), numeric[k], 1e-7 * std::max(1.0, numeric[k])) << "step " << t;
    EXPECT_NEAR(norms_float(0, t), norms(0, t), 1e-4 * std::max(1.0, norms(0, t))) << "step " << t;
    EXPECT_GT(numeric[k], 0.0);
  }
  // The gradient pass leaves the gradient buffer as it found a fresh network: zeroed.
  for (double g : exact.grads()) ASSERT_EQ(g, 0.0);
}

inline LayerSpec head(int units = 1) {
  LayerSpec d = model_layer(LayerKind::Dense, "dense", units);
  if (units > 1) d.activation = Activation::Softmax;
  return d;
}

// One cell and head(units) behind the Embedding.
inline GradientCase single_cell_gradient(const char* name, const LayerSpec& cell, int units = 1) {
  return GradientCase{name, {cell, head(units)}};
}

}  // namespace rnn::test
