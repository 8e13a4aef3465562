// Network::trace's per-step values for the cell anatomy (x_t, h_{t−1}, c_{t−1}, every gate's
// pre-activation and value, c_t, h_t), held against Keras' cell
// equations written out by hand in double precision (cell_trace_helpers.hpp), and the float
// engine against the double one. Every cell type, GRU reset_after both ways, Embedding and
// one-hot input, a stack (the upper layer's x_t is the lower layer's h_t), and padding before
// the review (the first kept step starts from the state the padding left, not from zeros).

#include <gtest/gtest.h>

#include "cell_trace_helpers.hpp"

namespace rnn::test {
namespace {

struct TraceCase {
  const char* name;
  std::vector<LayerSpec> layers;  // recurrent layers (and the Dense head)
  bool one_hot;
};
void PrintTo(const TraceCase& c, std::ostream* os) { *os << c.name; }

constexpr int kVocab = 12;
// Three padding steps, then the review (ids ≠ 0); OOV (2) included.
const std::vector<int32_t> kIds{0, 0, 0, 5, 9, 2, 7, 11, 4};
constexpr int kFirstKept = 3;

ModelSpec build(const TraceCase& c) {
  std::vector<LayerSpec> layers;
  if (!c.one_hot) layers.push_back(embedding_layer(kVocab, 3));
  for (const LayerSpec& l : c.layers) layers.push_back(l);
  return cell_model(layers, c.one_hot ? kVocab : 0);
}

class CellTrace : public ::testing::TestWithParam<TraceCase> {};

TEST_P(CellTrace, EveryStepSatisfiesTheCellEquations) {
  const ModelSpec m = build(GetParam());
  Network<double> exact(m);
  Network<float> fast(m);
  randomise(exact, fast, 5);
  const SequenceTrace<double> tr = exact.trace(kIds);
  const SequenceTrace<float> tf = fast.trace(kIds);
  ASSERT_EQ(tr.layers.size(), tf.layers.size());
  const int time = int(kIds.size());
  // x_t of the first recurrent layer: the Embedding's row, or e_id.
  std::vector<std::vector<double>> x(static_cast<size_t>(time));
  const size_t first = GetParam().one_hot ? 0 : 1;
  for (int t = 0; t < time; ++t) {
    if (GetParam().one_hot) {
      x[size_t(t)].assign(kVocab, 0.0);
      x[size_t(t)][size_t(kIds[size_t(t)])] = 1.0;
    } else {
      const double* row = exact.params().data() + kIds[size_t(t)] * 3;
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
      if (GetParam().one_hot && li == 0) {
        ASSERT_EQ(lt.input.size(), 0);
        EXPECT_EQ(lt.input_ids[size_t(t)], kIds[size_t(t)]);
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
    EXPECT_GT(lt.hidden_prev.row(kFirstKept).norm(), 1e-3);
    EXPECT_EQ(lt.hidden_prev.row(kFirstKept), lt.hidden.row(kFirstKept - 1));
    x = next_x;
  }
}

LayerSpec dense_head() { return model_layer(LayerKind::Dense, "dense", 1); }

INSTANTIATE_TEST_SUITE_P(
    Cells, CellTrace,
    ::testing::Values(
        TraceCase{"SimpleRnnEmbedding",
                  {cell_layer(LayerKind::SimpleRNN, "rnn", 4), dense_head()},
                  false},
        TraceCase{"LstmEmbedding", {cell_layer(LayerKind::LSTM, "lstm", 4), dense_head()}, false},
        TraceCase{
            "GruResetAfterEmbedding", {cell_layer(LayerKind::GRU, "gru", 4), dense_head()}, false},
        TraceCase{"GruResetBeforeEmbedding",
                  {cell_layer(LayerKind::GRU, "gru", 4, false, false), dense_head()},
                  false},
        TraceCase{
            "SimpleRnnOneHot", {cell_layer(LayerKind::SimpleRNN, "rnn", 3), dense_head()}, true},
        TraceCase{"LstmOneHot", {cell_layer(LayerKind::LSTM, "lstm", 3), dense_head()}, true},
        TraceCase{"GruResetBeforeOneHot",
                  {cell_layer(LayerKind::GRU, "gru", 3, false, false), dense_head()},
                  true},
        TraceCase{"LstmOverGruStack",
                  {cell_layer(LayerKind::LSTM, "lstm", 4, true),
                   cell_layer(LayerKind::GRU, "gru", 3), dense_head()},
                  false},
        TraceCase{"GruOverSimpleRnnOneHotStack",
                  {cell_layer(LayerKind::SimpleRNN, "rnn", 3, true),
                   cell_layer(LayerKind::GRU, "gru", 4, false, false), dense_head()},
                  true}),
    [](const ::testing::TestParamInfo<TraceCase>& info) { return info.param.name; });

}  // namespace
}  // namespace rnn::test
