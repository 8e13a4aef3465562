#include "engine/model_spec.hpp"

#include <climits>
#include <cmath>
#include <set>

#include "engine/checked.hpp"
#include "engine/messages.hpp"
#include "engine/text.hpp"

namespace rnn {

static_assert(kMaxLayerParams == 50'000'000 && kMaxModelParams == 50'000'000 &&
                  kMaxInputLength == 100'000 && kMaxValuesPerReview == 16'777'216,
              "the messages below quote these limits");

const char* layer_kind_name(LayerKind kind) { return name_of(kLayerKindNames, kind); }

const char* activation_name(Activation a) { return name_of(kActivationNames, a); }

bool is_recurrent(LayerKind kind) {
  return kind == LayerKind::SimpleRNN || kind == LayerKind::LSTM || kind == LayerKind::GRU;
}

int gate_count(LayerKind kind) {
  switch (kind) {
    case LayerKind::SimpleRNN:
      return 1;
    case LayerKind::LSTM:
      return 4;
    case LayerKind::GRU:
      return 3;
    default:
      return 0;
  }
}

void throw_count_overflow(const char* what) { fail_with(Msg::size_overflow, {what}); }

int64_t WeightSpec::size() const {
  int64_t n = 1;
  for (int d : shape) n = checked_mul(n, d, "weight size");
  return n;
}

namespace {

// gates · units, in 64 bits; a dimension must fit an int (validation keeps it far below).
int gate_columns(const LayerSpec& layer) {
  const int64_t ku = checked_mul(gate_count(layer.kind), layer.units, "recurrent layer's width");
  if (ku > INT_MAX) throw_count_overflow("recurrent layer's width");
  return static_cast<int>(ku);
}

}  // namespace

std::vector<WeightSpec> weight_specs(const LayerSpec& layer) {
  const int in = layer.input_shape.features;
  switch (layer.kind) {
    case LayerKind::Embedding:
      return {{"embeddings", {layer.input_dim, layer.output_dim}}};
    case LayerKind::Dense: {
      std::vector<WeightSpec> w{{"kernel", {in, layer.units}}};
      if (layer.use_bias) w.push_back({"bias", {layer.units}});
      return w;
    }
    case LayerKind::SimpleRNN:
    case LayerKind::LSTM:
    case LayerKind::GRU: {
      const int ku = gate_columns(layer);
      std::vector<WeightSpec> w{{"kernel", {in, ku}}, {"recurrent_kernel", {layer.units, ku}}};
      if (layer.use_bias) {
        if (layer.kind == LayerKind::GRU && layer.reset_after)
          w.push_back({"bias", {2, ku}});
        else
          w.push_back({"bias", {ku}});
      }
      return w;
    }
    case LayerKind::Dropout:
      return {};
  }
  return {};
}

int64_t param_count(const LayerSpec& layer) {
  int64_t n = 0;
  for (const auto& w : weight_specs(layer)) n = checked_add(n, w.size(), "parameter count");
  return n;
}

int64_t ModelSpec::total_params() const {
  int64_t n = 0;
  for (const auto& l : layers) n = checked_add(n, param_count(l), "parameter count");
  return n;
}

int64_t ModelSpec::param_offset(size_t layer_index) const {
  int64_t n = 0;
  for (size_t i = 0; i < layer_index && i < layers.size(); ++i)
    n = checked_add(n, param_count(layers[i]), "parameter count");
  return n;
}

namespace {

// A size of a layer: at least 1, and at most kMaxLayerParams (a larger one could never pass the
// parameter limit, and every product of two checked sizes then fits in 64 bits).
void check_positive(const LayerSpec& l, const char* field, int value) {
  if (value < 1 || value > kMaxLayerParams)
    fail_with(Msg::size_range, {layer_kind_name(l.kind), l.name, field, std::to_string(value)});
}

void check_rate(const LayerSpec& l, const char* field, double value) {
  if (!(value >= 0.0 && value < 1.0))
    fail_with(Msg::rate_range, {layer_kind_name(l.kind), l.name, field, stream_text(value)});
}

// Param counts computed in 64 bits (checked) from sizes each at most kMaxLayerParams; huge layers
// are rejected before anything is allocated.
void check_size(const LayerSpec& l) {
  const int64_t n = param_count(l);
  if (n > kMaxLayerParams)
    fail_with(Msg::too_many_params, {layer_kind_name(l.kind), l.name, std::to_string(n),
                                     std::to_string(kMaxLayerParams)});
}

// Initializer settings (Constant value, RandomUniform bounds, RandomNormal mean and stddev,
// Orthogonal gain) must give finite float32 weights: |setting| <= 1e30 keeps every draw, at most
// mean + 9·stddev, below float's 3.4e38 (a Constant 1e300 became +inf, a model `predict` refuses).
void check_initializer(const LayerSpec& l, const char* field, const InitializerSpec& s) {
  for (double v : {s.a, s.b, s.gain}) {
    if (!(std::fabs(v) <= kMaxInitializerValue)) {
      fail_with(Msg::initializer_beyond_float,
                {layer_kind_name(l.kind), l.name, field, stream_text(v)});
    }
  }
}

void check_initializers(const LayerSpec& l) {
  switch (l.kind) {
    case LayerKind::Embedding:
      check_initializer(l, "embeddings_initializer", l.embeddings_initializer);
      break;
    case LayerKind::Dropout:
      break;
    default:
      check_initializer(l, "kernel_initializer", l.kernel_initializer);
      check_initializer(l, "bias_initializer", l.bias_initializer);
      // A bias is a vector: Keras' Orthogonal refuses it when the model is built, and so do we
      // here, not first when the weights are drawn (the long fuzz run found it passing validation).
      if (l.use_bias && l.bias_initializer.kind == Initializer::Orthogonal)
        fail_with(Msg::orthogonal_bias, {layer_kind_name(l.kind), l.name});
      if (is_recurrent(l.kind))
        check_initializer(l, "recurrent_initializer", l.recurrent_initializer);
  }
}

}  // namespace

void validate_and_infer(ModelSpec& model) {
  if (model.layers.empty()) fail_with(Msg::no_layers, {});
  std::set<std::string> names;
  for (const auto& l : model.layers) {
    if (l.name.empty()) fail_with(Msg::empty_name, {layer_kind_name(l.kind)});
    if (!names.insert(l.name).second) fail_with(Msg::duplicate_name, {l.name});
  }
  if (model.input_length == 0 || model.input_length < -1 || model.input_length > kMaxInputLength) {
    fail_with(Msg::input_length_range, {std::to_string(model.input_length)});
  }

  const LayerSpec& first = model.layers.front();
  Shape shape;
  if (first.kind == LayerKind::Embedding) {
    model.one_hot = false;
    shape = Shape{false, -1, 0};  // token ids: (time) — has no feature axis
  } else if (is_recurrent(first.kind) || first.kind == LayerKind::Dense) {
    if (model.vocab < 1) {
      fail_with(Msg::one_hot_needs_vocabulary,
                {layer_kind_name(first.kind), first.name, std::to_string(model.vocab)});
    }
    model.one_hot = true;
    shape = Shape{true, model.input_length, model.vocab};
  } else {
    fail_with(Msg::bad_first_layer, {layer_kind_name(first.kind), first.name});
  }

  for (size_t i = 0; i < model.layers.size(); ++i) {
    LayerSpec& l = model.layers[i];
    check_initializers(l);
    l.one_hot_input = (i == 0 && model.one_hot);
    l.input_shape = shape;
    switch (l.kind) {
      case LayerKind::Embedding: {
        if (i != 0) fail_with(Msg::embedding_not_first, {l.name});
        check_positive(l, "input_dim", l.input_dim);
        check_positive(l, "output_dim", l.output_dim);
        check_size(l);
        model.vocab = l.input_dim;
        shape = Shape{true, model.input_length, l.output_dim};
        break;
      }
      case LayerKind::SimpleRNN:
      case LayerKind::LSTM:
      case LayerKind::GRU: {
        if (!shape.has_time) {
          const LayerSpec& below = model.layers[i - 1];
          fail_with(Msg::needs_sequence,
                    {layer_kind_name(l.kind), l.name, layer_kind_name(below.kind), below.name});
        }
        check_positive(l, "units", l.units);
        check_rate(l, "dropout", l.dropout);
        check_rate(l, "recurrent_dropout", l.recurrent_dropout);
        check_size(l);
        shape = l.return_sequences ? Shape{true, shape.time, l.units} : Shape{false, -1, l.units};
        break;
      }
      case LayerKind::Dense: {
        check_positive(l, "units", l.units);
        check_size(l);
        shape.features = l.units;
        break;
      }
      case LayerKind::Dropout: {
        check_rate(l, "rate", l.rate);
        break;
      }
    }
    l.output_shape = shape;
  }
  const int64_t total = model.total_params();
  if (total > kMaxModelParams) fail_with(Msg::model_too_large, {std::to_string(total)});
  if (model.input_length > 0) check_review_length(model, model.input_length);
}

void check_review_length(const ModelSpec& model, int64_t time) {
  if (time < 1 || time > kMaxInputLength)
    fail_with(Msg::review_length_range, {std::to_string(time)});
  for (const LayerSpec& l : model.layers) {
    // What the layer keeps per review for the backward pass: every step's gates for a recurrent
    // layer (it reads every step even when it returns only the last), every step's output else.
    const bool recurrent = is_recurrent(l.kind);
    const int64_t width =
        recurrent ? int64_t(gate_count(l.kind)) * l.units : l.output_shape.features;
    if (checked_mul((l.output_shape.has_time || recurrent) ? time : 1, width, "values per review") >
        kMaxValuesPerReview)
      fail_with(Msg::too_many_values_per_review, {layer_kind_name(l.kind), l.name});
  }
}

}  // namespace rnn
