// SimpleRNN, LSTM and GRU forward passes against a plain scalar re-implementation of Keras'
// cell equations (per sample, per unit, explicit gate slices of the Keras weight layout), closed
// forms, Keras 3's dropout masks observed through behaviour, and the one-hot input path.

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "engine/model_spec.hpp"
#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

double act(Activation a, double z) {
  switch (a) {
    case Activation::Linear:
      return z;
    case Activation::Relu:
      return z > 0 ? z : 0;
    case Activation::Tanh:
      return std::tanh(z);
    case Activation::Sigmoid:
      return 1 / (1 + std::exp(-z));
    case Activation::HardSigmoid:
      return std::min(1.0, std::max(0.0, 0.2 * z + 0.5));
    case Activation::HardSigmoidKeras3:
      return std::min(1.0, std::max(0.0, z / 6 + 0.5));
    default:
      ADD_FAILURE() << "no scalar reference for softmax";
      return 0;
  }
}

// Keras' cells, one sample at a time, weights read from the flat Keras layout:
// kernel[i][g·u + j], recurrent_kernel[k][g·u + j], bias[g·u + j] (+ 3u for GRU's recurrent row).
std::vector<std::vector<double>> reference_sequence(const LayerSpec& l,
                                                    const std::vector<double>& p,
                                                    const std::vector<std::vector<double>>& x) {
  const int n = l.input_shape.features, u = l.units, k = gate_count(l.kind), ku = k * u;
  const double* W = p.data();
  const double* U = W + n * ku;
  const double* b = l.use_bias ? U + u * ku : nullptr;
  auto in_proj = [&](const std::vector<double>& xt, int g, int j) {
    double s = b ? b[g * u + j] : 0.0;
    for (int i = 0; i < n; ++i) s += xt[size_t(i)] * W[i * ku + g * u + j];
    return s;
  };
  auto rec_proj = [&](const std::vector<double>& h, int g, int j) {
    double s = 0;
    for (int i = 0; i < u; ++i) s += h[size_t(i)] * U[i * ku + g * u + j];
    return s;
  };
  std::vector<double> h(size_t(u), 0.0), c(size_t(u), 0.0);
  std::vector<std::vector<double>> out;
  for (const auto& xt : x) {
    std::vector<double> hn(static_cast<size_t>(u));
    for (int j = 0; j < u; ++j) {
      if (l.kind == LayerKind::SimpleRNN) {
        hn[size_t(j)] = act(l.activation, in_proj(xt, 0, j) + rec_proj(h, 0, j));
      } else if (l.kind == LayerKind::LSTM) {
        const double i = act(l.recurrent_activation, in_proj(xt, 0, j) + rec_proj(h, 0, j));
        const double f = act(l.recurrent_activation, in_proj(xt, 1, j) + rec_proj(h, 1, j));
        const double g = act(l.activation, in_proj(xt, 2, j) + rec_proj(h, 2, j));
        const double o = act(l.recurrent_activation, in_proj(xt, 3, j) + rec_proj(h, 3, j));
        c[size_t(j)] = f * c[size_t(j)] + i * g;  // c used only by unit j: safe to update in place
        hn[size_t(j)] = o * act(l.activation, c[size_t(j)]);
      } else {
        const double* br = (b && l.reset_after) ? b + ku : nullptr;
        const double qz = rec_proj(h, 0, j) + (br ? br[j] : 0);
        const double qr = rec_proj(h, 1, j) + (br ? br[u + j] : 0);
        const double z = act(l.recurrent_activation, in_proj(xt, 0, j) + qz);
        double hh;
        if (l.reset_after) {
          const double r = act(l.recurrent_activation, in_proj(xt, 1, j) + qr);
          hh = act(l.activation,
                   in_proj(xt, 2, j) + r * (rec_proj(h, 2, j) + (br ? br[2 * u + j] : 0)));
        } else {
          // (r ⊙ h) U_h needs every unit's r.
          std::vector<double> rh(static_cast<size_t>(u));
          for (int m = 0; m < u; ++m)
            rh[size_t(m)] =
                act(l.recurrent_activation, in_proj(xt, 1, m) + rec_proj(h, 1, m)) * h[size_t(m)];
          hh = act(l.activation, in_proj(xt, 2, j) + rec_proj(rh, 2, j));
        }
        hn[size_t(j)] = z * h[size_t(j)] + (1 - z) * hh;
      }
    }
    h = hn;
    out.push_back(h);
  }
  return out;
}

struct Config {
  const char* name;
  LayerKind kind;
  Activation activation, recurrent_activation;
  bool reset_after, use_bias;
};

void PrintTo(const Config& c, std::ostream* os) { *os << c.name; }

class AgainstScalarReference : public ::testing::TestWithParam<Config> {};

TEST_P(AgainstScalarReference, EveryStepOfEverySample) {
  const Config& c = GetParam();
  const int batch = 3, time = 7, n = 5, u = 4;
  LayerSpec spec = recurrent_spec(c.kind, u, n, time, true);
  spec.activation = c.activation;
  spec.recurrent_activation = c.recurrent_activation;
  spec.reset_after = c.reset_after;
  spec.use_bias = c.use_bias;
  Rng rng(17);
  BoundLayer<double> dl(spec);
  BoundLayer<float> fl(spec);
  fill_random_twins(dl, fl, rng, 0.7);
  const Mat<double> x = random_matrix<double>(batch * time, n, rng, 1.5);
  const Mat<double>& yd = dl.forward(x, batch, time);
  const Mat<float>& yf = fl.forward(x.cast<float>(), batch, time);
  double worst_double = 0, worst_float = 0;
  for (int b = 0; b < batch; ++b) {
    std::vector<std::vector<double>> seq;
    for (int t = 0; t < time; ++t) {
      const auto row = x.row(b * time + t);
      seq.emplace_back(row.data(), row.data() + n);
    }
    const auto expected = reference_sequence(spec, dl.params, seq);
    for (int t = 0; t < time; ++t)
      for (int j = 0; j < u; ++j) {
        worst_double =
            std::max(worst_double, std::abs(yd(b * time + t, j) - expected[size_t(t)][size_t(j)]));
        worst_float = std::max(
            worst_float, std::abs(double(yf(b * time + t, j)) - expected[size_t(t)][size_t(j)]));
      }
  }
  EXPECT_LE(worst_double, 1e-12);
  EXPECT_LE(worst_float, 1e-5);
}

INSTANTIATE_TEST_SUITE_P(
    Cells, AgainstScalarReference,
    ::testing::Values(
        Config{"SimpleRnnTanh", LayerKind::SimpleRNN, Activation::Tanh, Activation::Sigmoid, true,
               true},
        Config{"SimpleRnnRelu", LayerKind::SimpleRNN, Activation::Relu, Activation::Sigmoid, true,
               true},
        Config{"Lstm", LayerKind::LSTM, Activation::Tanh, Activation::Sigmoid, true, true},
        Config{"LstmHardSigmoidKeras3", LayerKind::LSTM, Activation::Tanh,
               Activation::HardSigmoidKeras3, true, true},
        Config{"LstmHardSigmoidKeras2NoBias", LayerKind::LSTM, Activation::Tanh,
               Activation::HardSigmoid, true, false},
        Config{"GruResetAfter", LayerKind::GRU, Activation::Tanh, Activation::Sigmoid, true, true},
        Config{"GruResetBefore", LayerKind::GRU, Activation::Tanh, Activation::Sigmoid, false,
               true},
        Config{"GruResetAfterNoBias", LayerKind::GRU, Activation::Tanh, Activation::Sigmoid, true,
               false},
        Config{"GruResetBeforeHardSigmoid", LayerKind::GRU, Activation::Tanh,
               Activation::HardSigmoid, false, true}),
    [](const ::testing::TestParamInfo<Config>& info) { return info.param.name; });

// ---- closed forms ----

TEST(RecurrentClosedForm, ZeroWeightsGiveZeroStates) {
  for (LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    BoundLayer<double> bl(recurrent_spec(kind, 3, 2, 4, true));
    Rng rng(1);
    const Mat<double>& y = bl.forward(random_matrix<double>(8, 2, rng), 2, 4);
    EXPECT_EQ(y.cwiseAbs().maxCoeff(), 0.0) << layer_kind_name(kind);
  }
}

TEST(RecurrentClosedForm, LstmBiasOnlyRecursion) {
  // W = U = 0: c_t = σ(b_f) c_{t−1} + σ(b_i) tanh(b_c), h_t = σ(b_o) tanh(c_t).
  BoundLayer<double> bl(recurrent_spec(LayerKind::LSTM, 1, 2, 5, true));
  const double bi = 0.3, bf = 1.0, bc = -0.7, bo = 0.2;
  const size_t bias = bl.params.size() - 4;
  bl.params[bias] = bi, bl.params[bias + 1] = bf, bl.params[bias + 2] = bc,
  bl.params[bias + 3] = bo;
  Rng rng(2);
  const Mat<double>& y = bl.forward(random_matrix<double>(5, 2, rng), 1, 5);
  auto sig = [](double z) { return 1 / (1 + std::exp(-z)); };
  double c = 0;
  for (int t = 0; t < 5; ++t) {
    c = sig(bf) * c + sig(bi) * std::tanh(bc);
    EXPECT_NEAR(y(t, 0), sig(bo) * std::tanh(c), 1e-15);
  }
}

TEST(RecurrentClosedForm, GruBiasOnlyIsGeometric) {
  // W = U = 0, only the recurrent candidate bias b_rh: z = r = 1/2, h̃ = tanh(b_rh / 2),
  // h_t = h_{t−1}/2 + h̃/2, so h_t = h̃ (1 − 2^−t).
  BoundLayer<double> bl(recurrent_spec(LayerKind::GRU, 1, 2, 6, true));
  const double b_rh = 0.8;
  bl.params.back() = b_rh;  // bias (2, 3u): last entry is row 1, gate h
  Rng rng(3);
  const Mat<double>& y = bl.forward(random_matrix<double>(6, 2, rng), 1, 6);
  for (int t = 1; t <= 6; ++t)
    EXPECT_NEAR(y(t - 1, 0), std::tanh(b_rh / 2) * (1 - std::pow(0.5, t)), 1e-15);
}

TEST(RecurrentClosedForm, EmptySequenceGivesInitialState) {
  BoundLayer<double> bl(recurrent_spec(LayerKind::LSTM, 3, 2, 0));
  Rng rng(4);
  fill_random(bl.params, rng);
  const Mat<double>& y = bl.forward(Mat<double>(0, 2), 2, 0);
  ASSERT_EQ(y.rows(), 2);
  EXPECT_EQ(y.cwiseAbs().maxCoeff(), 0.0);
}

TEST(RecurrentClosedForm, LastStepOutputIsLastRowOfSequences) {
  Rng rng(5);
  BoundLayer<double> seq(recurrent_spec(LayerKind::GRU, 3, 2, 4, true));
  BoundLayer<double> last(recurrent_spec(LayerKind::GRU, 3, 2, 4, false));
  fill_random(seq.params, rng);
  last.params = seq.params;
  const Mat<double> x = random_matrix<double>(8, 2, rng);
  const Mat<double> all = seq.forward(x, 2, 4);
  const Mat<double>& h = last.forward(x, 2, 4);
  EXPECT_EQ(h.row(0), all.row(3));
  EXPECT_EQ(h.row(1), all.row(7));
}

// ---- the one-hot input path ----

TEST(OneHotInput, EqualsExplicitOneHotVectorsForwardAndBackward) {
  for (LayerKind kind : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU}) {
    for (bool training : {false, true}) {
      SCOPED_TRACE(std::string(layer_kind_name(kind)) + (training ? " with dropout" : ""));
      const int batch = 3, time = 4, vocab = 6;
      LayerSpec dense_in = recurrent_spec(kind, 3, vocab, time, true);
      dense_in.dropout = 0.4;
      dense_in.recurrent_dropout = 0.3;
      LayerSpec ids_in = dense_in;
      ids_in.one_hot_input = true;
      BoundLayer<double> a(dense_in), b(ids_in);
      Rng rng(6);
      fill_random(a.params, rng);
      b.params = a.params;
      std::vector<int32_t> ids{0, 5, 2, 2, 1, 0, 0, 3, 4, 4, 5, 1};
      Mat<double> one_hot = Mat<double>::Zero(batch * time, vocab);
      for (size_t r = 0; r < ids.size(); ++r) one_hot(Eigen::Index(r), ids[r]) = 1.0;
      const Mat<double> ya = a.forward(one_hot, batch, time, training);
      const Mat<double> yb = b.forward_ids(ids, batch, time, training);
      EXPECT_LE((ya - yb).cwiseAbs().maxCoeff(), 1e-14);
      const Mat<double> r = random_matrix<double>(ya.rows(), ya.cols(), rng);
      Mat<double> dx;
      a.layer->backward(r, &dx);
      b.layer->backward(r, nullptr);
      double worst = 0;
      for (size_t i = 0; i < a.grads.size(); ++i)
        worst = std::max(worst, std::abs(a.grads[i] - b.grads[i]));
      EXPECT_LE(worst, 1e-13);
    }
  }
}

TEST(OneHotInput, TokenIdZeroSelectsKernelRowZero) {
  LayerSpec spec = recurrent_spec(LayerKind::SimpleRNN, 2, 4, 1);
  spec.one_hot_input = true;
  spec.activation = Activation::Linear;
  BoundLayer<double> bl(spec);
  for (int j = 0; j < 2; ++j) bl.params[size_t(j)] = 0.25 * (j + 1);  // kernel row 0
  const Mat<double>& y = bl.forward_ids({0}, 1, 1);
  EXPECT_DOUBLE_EQ(y(0, 0), 0.25);
  EXPECT_DOUBLE_EQ(y(0, 1), 0.5);
}

TEST(OneHotInput, OutOfRangeIdIsRejectedWithTheLayerName) {
  LayerSpec spec = recurrent_spec(LayerKind::LSTM, 2, 4, 2);
  spec.one_hot_input = true;
  spec.name = "lstm_1";
  BoundLayer<float> bl(spec);
  try {
    bl.forward_ids({1, 4}, 1, 2);
    FAIL() << "no error";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("lstm_1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("token id 4"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace rnn::test
