#pragma once
// Keras-style model.summary(): rows of Layer (type), Output Shape, Param #, with the formula
// behind each count, and the totals.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model_spec.hpp"

namespace rnn {

struct SummaryRow {
  std::string name;          // "lstm"
  std::string type;          // "LSTM"
  std::string output_shape;  // "(None, 8)"
  int64_t params = 0;
  std::string formula;  // "4 × 8 × (16 + 8 + 1) = 800"
};

struct ModelSummary {
  std::string model_name;
  std::string input_shape;  // "(None, 100)" token ids, or "(None, 100, 500)" one-hot
  std::vector<SummaryRow> rows;
  int64_t total_params = 0;
  std::vector<std::string> notes;  // e.g. TF.js cannot load a reset_after GRU
};

ModelSummary summarize(const ModelSpec& model);

// "8,809"
std::string group_thousands(int64_t n);
// "(None, 100, 16)"
std::string shape_string(const Shape& s);

// The text Keras prints (Keras 2 layout): a ruled table, then
// "Total params: 8,809", "Trainable params: 8,809", "Non-trainable params: 0".
std::string summary_text(const ModelSummary& s);

// The same as a JSON object (for the bindings and the page):
// {"model_name", "input_shape", "rows": [{"name","type","output_shape","params","formula"}],
//  "total_params", "trainable_params", "non_trainable_params", "notes": [...], "text"}.
std::string summary_json(const ModelSummary& s);

}  // namespace rnn
