// LayerSpec -> a layer's config in Keras 2 / TF.js or Keras 3 form (layer_config_writer.hpp).
// Keras 3's keys and order from Keras 3.4.1's layers' get_config (RNN.get_config first for the
// recurrent layers); Keras 2's from tf.keras 2.15, whose model.to_json sorts the keys anyway.

#include "engine/layer_config_writer.hpp"

#include <initializer_list>

#include "engine/keras_initializers.hpp"

namespace rnn {

using ordered = nlohmann::ordered_json;

ordered keras3_dtype_policy() {
  return {{"module", "keras"},
          {"class_name", "DTypePolicy"},
          {"config", {{"name", "float32"}}},
          {"registered_name", nullptr}};
}

ordered initializer_config(const InitializerSpec& s, KerasConfigForm form) {
  const KerasInitializer& entry = keras_initializer(s.kind);
  ordered config = ordered::object();
  if (entry.seeded) config["seed"] = nullptr;
  for (int i = 0; i < entry.setting_count; ++i)
    config[entry.settings[i].key] = s.*entry.settings[i].field;
  if (form == KerasConfigForm::Keras2)
    return {{"class_name", entry.class_name}, {"config", config}};
  return {{"module", "keras.initializers"},
          {"class_name",
           s.kind == Initializer::Orthogonal ? "OrthogonalInitializer" : entry.class_name},
          {"config", config},
          {"registered_name", nullptr}};
}

ordered layer_config(const LayerSpec& l, KerasConfigForm form) {
  const bool keras3 = form == KerasConfigForm::Keras3;
  ordered c = ordered::object();
  c["name"] = l.name;
  c["trainable"] = true;
  c["dtype"] = keras3 ? keras3_dtype_policy() : ordered("float32");
  // Keys only Keras 3 writes (regularizers, constraints, seeds: null, that is none).
  const auto keras3_nulls = [&c, keras3](std::initializer_list<const char*> keys) {
    if (keras3)
      for (const char* k : keys) c[k] = nullptr;
  };
  const auto initializer = [form](const InitializerSpec& s) { return initializer_config(s, form); };
  switch (l.kind) {
    case LayerKind::Embedding:
      c["input_dim"] = l.input_dim;
      c["output_dim"] = l.output_dim;
      c["embeddings_initializer"] = initializer(l.embeddings_initializer);
      keras3_nulls({"embeddings_regularizer", "activity_regularizer", "embeddings_constraint"});
      c["mask_zero"] = false;
      break;
    case LayerKind::Dense:
      c["units"] = l.units;
      c["activation"] = activation_name(l.activation);
      c["use_bias"] = l.use_bias;
      c["kernel_initializer"] = initializer(l.kernel_initializer);
      c["bias_initializer"] = initializer(l.bias_initializer);
      keras3_nulls(
          {"kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint"});
      break;
    case LayerKind::Dropout:
      c["rate"] = l.rate;
      keras3_nulls({"seed", "noise_shape"});
      break;
    default:  // RNN.get_config, then the layer's own keys, in Keras' order
      c["return_sequences"] = l.return_sequences;
      for (const char* k : {"return_state", "go_backwards", "stateful", "unroll"}) c[k] = false;
      if (keras3) c["zero_output_for_mask"] = false;
      c["units"] = l.units;
      c["activation"] = activation_name(l.activation);
      if (l.kind != LayerKind::SimpleRNN)
        c["recurrent_activation"] = activation_name(l.recurrent_activation);
      c["use_bias"] = l.use_bias;
      c["kernel_initializer"] = initializer(l.kernel_initializer);
      c["recurrent_initializer"] = initializer(l.recurrent_initializer);
      c["bias_initializer"] = initializer(l.bias_initializer);
      if (l.kind == LayerKind::LSTM) c["unit_forget_bias"] = l.unit_forget_bias;
      keras3_nulls({"kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
                    "activity_regularizer", "kernel_constraint", "recurrent_constraint",
                    "bias_constraint"});
      c["dropout"] = l.dropout;
      c["recurrent_dropout"] = l.recurrent_dropout;
      if (l.kind == LayerKind::GRU) c["reset_after"] = l.reset_after;
      if (keras3 && l.kind != LayerKind::SimpleRNN) c["seed"] = nullptr;
      break;
  }
  return c;
}

}  // namespace rnn
