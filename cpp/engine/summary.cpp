#include "engine/summary.hpp"

#include "engine/json_object.hpp"
#include "engine/tfjs_format.hpp"

#include <nlohmann/json.hpp>

namespace rnn {

std::string group_thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string shape_string(const Shape& s) {
  std::string out = "(None, ";
  if (s.has_time) out += (s.time < 0 ? std::string("None") : std::to_string(s.time)) + ", ";
  return out + std::to_string(s.features) + ")";
}

namespace {

// The formula behind a layer's count, with its numbers filled in (u units, n input features):
// SimpleRNN u(n+u+1); LSTM 4u(n+u+1); GRU 3u(n+u+1), or 3u(n+u+2) with reset_after (a second,
// recurrent bias per gate); Dense n·u + u; Embedding vocab × dim.
std::string formula(const LayerSpec& l) {
  const std::string total = " = " + group_thousands(param_count(l));
  const std::string n = std::to_string(l.input_shape.features), u = std::to_string(l.units);
  switch (l.kind) {
    case LayerKind::Embedding:
      return std::to_string(l.input_dim) + " × " + std::to_string(l.output_dim) + total;
    case LayerKind::Dense:
      return n + " × " + u + (l.use_bias ? " + " + u : std::string()) + total;
    case LayerKind::Dropout:
      return "0 (Dropout has no weights)";
    default: {
      int biases = l.use_bias ? (l.kind == LayerKind::GRU && l.reset_after ? 2 : 1) : 0;
      std::string inner =
          "(" + n + " + " + u + (biases ? " + " + std::to_string(biases) : "") + ")";
      const int k = gate_count(l.kind);
      return (k > 1 ? std::to_string(k) + " × " : std::string()) + u + " × " + inner + total;
    }
  }
}

std::string pad(std::string s, size_t width) {
  // Width in code points, so "×" and non-ASCII names line up.
  size_t cps = 0;
  for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
  if (cps < width) s.append(width - cps, ' ');
  return s;
}

}  // namespace

ModelSummary summarize(const ModelSpec& model) {
  ModelSummary s;
  s.model_name = model.name;
  Shape in{model.one_hot, model.input_length, model.one_hot ? model.vocab : 0};
  s.input_shape = model.one_hot
                      ? shape_string(in)
                      : "(None, " +
                            (model.input_length < 0 ? std::string("None")
                                                    : std::to_string(model.input_length)) +
                            ")";
  for (const auto& l : model.layers) {
    SummaryRow r;
    r.name = l.name;
    r.type = layer_kind_name(l.kind);
    r.output_shape = shape_string(l.output_shape);
    r.params = param_count(l);
    r.formula = formula(l);
    s.total_params += r.params;
    s.rows.push_back(std::move(r));
  }
  if (const std::string note = tfjs_compatibility_note(model); !note.empty())
    s.notes.push_back(note);
  return s;
}

std::string summary_text(const ModelSummary& s) {
  std::string os;
  const size_t w1 = 29, w2 = 26;
  const std::string thin(65, '_'), thick(65, '=');
  os += "Model: \"" + s.model_name + "\"\n" + thin + "\n";
  os += " " + pad("Layer (type)", w1) + pad("Output Shape", w2) + "Param #\n" + thick + "\n";
  for (size_t i = 0; i < s.rows.size(); ++i) {
    const auto& r = s.rows[i];
    os += " " + pad(r.name + " (" + r.type + ")", w1 - 1) + " " + pad(r.output_shape, w2) +
          group_thousands(r.params) + "\n";
    os += (i + 1 < s.rows.size() ? "\n" : "");
  }
  os += thick + "\n";
  os += "Total params: " + group_thousands(s.total_params) + "\n";
  os += "Trainable params: " + group_thousands(s.total_params) + "\n";
  os += "Non-trainable params: 0\n" + thin + "\n";
  for (const auto& n : s.notes) os += "Note: " + n + "\n";
  return os;
}

std::string summary_json(const ModelSummary& s) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : s.rows)
    rows.push_back(json_object()
                       .add("name", r.name)
                       .add("type", r.type)
                       .add("output_shape", r.output_shape)
                       .add("params", r.params)
                       .add("formula", r.formula));
  nlohmann::json j = json_object()
                         .add("model_name", s.model_name)
                         .add("input_shape", s.input_shape)
                         .add("rows", std::move(rows))
                         .add("total_params", s.total_params)
                         .add("trainable_params", s.total_params)
                         .add("non_trainable_params", 0)
                         .add("notes", s.notes)
                         .add("text", summary_text(s));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rnn
