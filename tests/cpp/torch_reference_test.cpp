// The engine against an independent implementation: small networks computed in PyTorch (float64)
// from Keras' equations by scripts/make_torch_refs.py, committed as tests/data/torch/<case>.json
// (format: docs/references.md). For every case: parse the model JSON, load the reference weights,
// forward without dropout, loss and d loss/d logits, backward — and compare outputs, logits,
// loss, accuracy, d_logits and every weight's gradient.
//
// Tolerances:
//   Network<double>: |ours − reference| ≤ 1e-5 for every value (the agreed bound; measured errors
//     are ~1e-15 — both sides compute the same double-precision maths).
//   Network<float> (what ships): |ours − reference| ≤ 1e-4 · max(1, max |reference| over that
//     array): float rounding (~6e-8) grows through a few time steps and the gradient sums.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/losses.hpp"
#include "engine/model_json.hpp"
#include "engine/network.hpp"

namespace rnn {
namespace {

using nlohmann::json;

// Every case scripts/make_torch_refs.py writes; a missing file fails its test.
const char* const kCases[] = {
    "simple_rnn_embedding",
    "lstm_embedding",
    "gru_reset_after_embedding",
    "gru_reset_before_embedding",
    "simple_rnn_one_hot",
    "lstm_lstm_stack",
    "gru_simple_rnn_stack",
    "dense_per_step",
    "gru_softmax",
    "relu_tanh_dropout",
    "lstm_relu_hard_sigmoid_keras2",
    "gru_hard_sigmoid_keras3",
    "one_hot_lstm_gru_softmax",
};

std::filesystem::path torch_dir() { return std::filesystem::path(RNN_TEST_DATA_DIR) / "torch"; }

json load_case(const std::string& name) {
  const auto path = torch_dir() / (name + ".json");
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return json::parse(in);
}

// A (rows × cols) reference matrix from a JSON array of arrays.
std::vector<double> flatten_rows(const json& rows, int* row_count, int* col_count) {
  std::vector<double> values;
  *row_count = static_cast<int>(rows.size());
  *col_count = rows.empty() ? 0 : static_cast<int>(rows[0].size());
  for (const auto& row : rows)
    for (const auto& v : row) values.push_back(v.get<double>());
  return values;
}

// Largest |ours − reference| over one array, and whether it is within tolerance.
struct Comparison {
  double max_error = 0.0;
  double tolerance = 0.0;
  size_t worst_index = 0;
};

template <typename Values>
Comparison compare(const Values& ours, const std::vector<double>& reference, bool float_scale,
                   double double_tolerance = 1e-5) {
  Comparison c;
  double scale = 1.0;
  for (double r : reference) scale = std::max(scale, std::abs(r));
  c.tolerance = float_scale ? 1e-4 * scale : double_tolerance;
  for (size_t i = 0; i < reference.size(); ++i) {
    const double error = std::abs(static_cast<double>(ours[i]) - reference[i]);
    if (!(error <= c.max_error)) {  // also catches NaN
      c.max_error = std::isnan(error) ? INFINITY : error;
      c.worst_index = i;
    }
  }
  return c;
}

class TorchReference : public ::testing::TestWithParam<const char*> {};

// The reference file's weight layout is the engine's flat buffer layout: same layers, weight
// names, shapes and offsets (ModelSpec::param_offset, weight_specs), in the same order.
TEST_P(TorchReference, WeightLayoutMatchesTheFlatBuffer) {
  const json ref = load_case(GetParam());
  const ModelSpec spec = parse_model_json(ref["model"].dump());
  const json& layout = ref["weight_layout"];
  size_t entry = 0;
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    int64_t offset = spec.param_offset(i);
    for (const WeightSpec& w : weight_specs(spec.layers[i])) {
      ASSERT_LT(entry, layout.size()) << "engine has more weights than the reference";
      const json& e = layout[entry++];
      EXPECT_EQ(e["layer"].get<std::string>(), spec.layers[i].name);
      EXPECT_EQ(e["weight"].get<std::string>(), w.name) << "layer " << spec.layers[i].name;
      EXPECT_EQ(e["shape"].get<std::vector<int>>(), w.shape)
          << spec.layers[i].name << "/" << w.name;
      EXPECT_EQ(e["offset"].get<int64_t>(), offset) << spec.layers[i].name << "/" << w.name;
      offset += w.size();
    }
  }
  EXPECT_EQ(entry, layout.size()) << "reference has more weights than the engine";
  EXPECT_EQ(spec.total_params(), static_cast<int64_t>(ref["weights"].size()));
}

// The loss alone, from the reference logits: separates a loss error from a network error.
TEST_P(TorchReference, LossFromReferenceLogitsMatchesPyTorch) {
  const json ref = load_case(GetParam());
  const ModelSpec spec = parse_model_json(ref["model"].dump());
  int rows = 0, cols = 0;
  const std::vector<double> logits_values = flatten_rows(ref["logits"], &rows, &cols);
  const Mat<double> logits = Eigen::Map<const Mat<double>>(logits_values.data(), rows, cols);
  Mat<double> d_logits;
  const LossValue<double> value = loss_and_gradient<double>(
      loss_kind_for(spec), logits, ref["labels"].get<std::vector<int32_t>>(), &d_logits);
  EXPECT_NEAR(value.loss, ref["loss"].get<double>(), 1e-12);
  EXPECT_DOUBLE_EQ(value.accuracy, ref["accuracy"].get<double>());
  const std::vector<double> expected = flatten_rows(ref["d_logits"], &rows, &cols);
  ASSERT_EQ(d_logits.size(), static_cast<Eigen::Index>(expected.size()));
  const Comparison c = compare(d_logits.data(), expected, false, 1e-12);
  EXPECT_LE(c.max_error, c.tolerance) << "d_logits, index " << c.worst_index;
}

// Runs one case through Network<S>; returns a one-line summary of the largest errors.
template <typename S>
std::string check_case(const json& ref, bool float_scale) {
  const ModelSpec spec = parse_model_json(ref["model"].dump());
  Network<S> net(spec);
  const auto weights = ref["weights"].get<std::vector<double>>();
  EXPECT_EQ(net.params().size(), weights.size());
  if (net.params().size() != weights.size()) return "weight count mismatch";
  std::copy(weights.begin(), weights.end(), net.params().begin());

  TokenBatch batch;
  const auto inputs = ref["inputs"].get<std::vector<std::vector<int32_t>>>();
  batch.batch = static_cast<int>(inputs.size());
  batch.time = static_cast<int>(inputs[0].size());
  for (const auto& row : inputs) batch.ids.insert(batch.ids.end(), row.begin(), row.end());
  const auto labels = ref["labels"].get<std::vector<int32_t>>();

  std::ostringstream summary;
  summary << std::scientific;
  std::string worst_name;
  double worst_ratio = 0.0;
  auto check = [&](const char* what, const auto& ours, const std::vector<double>& reference) {
    const Comparison c = compare(ours, reference, float_scale);
    EXPECT_LE(c.max_error, c.tolerance) << what << ": largest error at index " << c.worst_index
                                        << " (ours " << static_cast<double>(ours[c.worst_index])
                                        << ", reference " << reference[c.worst_index] << ")";
    summary << " " << what << " " << c.max_error;
    if (c.max_error / c.tolerance >= worst_ratio) {
      worst_ratio = c.max_error / c.tolerance;
      worst_name = what;
    }
  };

  Rng rng(0);
  const Mat<S> output = net.forward(batch, /*training=*/false, rng);
  int rows = 0, cols = 0;
  const std::vector<double> ref_outputs = flatten_rows(ref["outputs"], &rows, &cols);
  EXPECT_EQ(output.rows(), rows);
  EXPECT_EQ(output.cols(), cols);
  if (output.rows() != rows || output.cols() != cols) return "output shape mismatch";
  check("outputs", output.data(), ref_outputs);
  const std::vector<double> ref_logits = flatten_rows(ref["logits"], &rows, &cols);
  check("logits", net.logits().data(), ref_logits);

  const LossKind kind = loss_kind_for(spec);
  EXPECT_EQ(std::string(loss_name(kind)), ref["loss_kind"].get<std::string>());
  Mat<S> d_logits;
  const LossValue<S> value = loss_and_gradient<S>(kind, net.logits(), labels, &d_logits);
  check("loss", &value.loss, {ref["loss"].get<double>()});
  EXPECT_DOUBLE_EQ(value.accuracy, ref["accuracy"].get<double>());
  const std::vector<double> ref_d_logits = flatten_rows(ref["d_logits"], &rows, &cols);
  EXPECT_EQ(d_logits.rows(), rows);
  EXPECT_EQ(d_logits.cols(), cols);
  check("d_logits", d_logits.data(), ref_d_logits);

  net.zero_grads();
  net.backward_from_logits(d_logits);
  const auto ref_grads = ref["grads"].get<std::vector<double>>();
  check("grads", net.grads(), ref_grads);

  // backward_from_logits accumulates: a second call on the same forward doubles every gradient.
  net.backward_from_logits(d_logits);
  std::vector<double> twice(ref_grads.size());
  std::transform(ref_grads.begin(), ref_grads.end(), twice.begin(), [](double g) { return 2 * g; });
  check("grads_x2", net.grads(), twice);

  summary << "  (closest to tolerance: " << worst_name << ", " << std::fixed << std::setprecision(4)
          << worst_ratio << " of it)";
  return summary.str();
}

TEST_P(TorchReference, DoubleMatchesPyTorch) {
  const json ref = load_case(GetParam());
  const std::string summary = check_case<double>(ref, /*float_scale=*/false);
  RecordProperty("largest_errors", summary);
  std::cout << "[double] " << GetParam() << ":" << summary << "\n";
}

TEST_P(TorchReference, FloatMatchesPyTorch) {
  const json ref = load_case(GetParam());
  const std::string summary = check_case<float>(ref, /*float_scale=*/true);
  RecordProperty("largest_errors", summary);
  std::cout << "[float]  " << GetParam() << ":" << summary << "\n";
}

// Network::trace (the classify view) of the batch's first sequence: every recurrent layer's
// hidden state, LSTM cell state and gate activations after every step, the output per step.
TEST_P(TorchReference, TraceMatchesPyTorch) {
  const json ref = load_case(GetParam());
  const json& expected = ref["trace"];
  Network<double> net(parse_model_json(ref["model"].dump()));
  const auto weights = ref["weights"].get<std::vector<double>>();
  ASSERT_EQ(net.params().size(), weights.size());
  std::copy(weights.begin(), weights.end(), net.params().begin());

  const SequenceTrace<double> trace = net.trace(expected["ids"].get<std::vector<int32_t>>());
  double largest = 0.0;
  auto check_matrix = [&](const std::string& what, const Mat<double>& ours, const json& rows) {
    int r = 0, c = 0;
    const std::vector<double> values = flatten_rows(rows, &r, &c);
    ASSERT_EQ(ours.rows(), r) << what;
    ASSERT_EQ(ours.cols(), c) << what;
    const Comparison cmp = compare(ours.data(), values, false);
    EXPECT_LE(cmp.max_error, cmp.tolerance) << what << ", index " << cmp.worst_index;
    largest = std::max(largest, cmp.max_error);
  };
  ASSERT_EQ(trace.layers.size(), expected["layers"].size());
  for (size_t i = 0; i < trace.layers.size(); ++i) {
    const LayerTrace<double>& ours = trace.layers[i];
    const json& theirs = expected["layers"][i];
    EXPECT_EQ(ours.layer_name, theirs["layer"].get<std::string>());
    check_matrix(ours.layer_name + " hidden", ours.hidden, theirs["hidden"]);
    if (theirs.contains("cell")) check_matrix(ours.layer_name + " cell", ours.cell, theirs["cell"]);
    std::vector<std::string> gate_names;
    for (const auto& gate : theirs["gates"].items()) gate_names.push_back(gate.key());
    // json objects iterate in key order; compare as sets, then values by name.
    std::vector<std::string> our_names = ours.gate_names;
    std::sort(our_names.begin(), our_names.end());
    ASSERT_EQ(our_names, gate_names) << ours.layer_name;
    for (size_t g = 0; g < ours.gate_names.size(); ++g)
      check_matrix(ours.layer_name + " gate " + ours.gate_names[g], ours.gates[g],
                   theirs["gates"][ours.gate_names[g]]);
  }
  check_matrix("output_per_step", trace.output_per_step, expected["output_per_step"]);
  check_matrix("output", trace.output, json::array({expected["output"]}));
  RecordProperty("largest_error", std::to_string(largest));
  std::cout << "[trace]  " << GetParam() << ": largest error " << largest << "\n";
}

INSTANTIATE_TEST_SUITE_P(Cases, TorchReference, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::string(info.param);
                         });

// A reference file the list above does not name would never be checked.
TEST(TorchReferenceFiles, EveryFileIsACase) {
  const std::set<std::string> cases(std::begin(kCases), std::end(kCases));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(torch_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    EXPECT_TRUE(cases.count(entry.path().stem().string()))
        << entry.path() << " is not listed in kCases of torch_reference_test.cpp";
  }
  EXPECT_EQ(files, static_cast<int>(cases.size()));
}

}  // namespace
}  // namespace rnn
