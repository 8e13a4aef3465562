#pragma once
// A layer's config as Keras writes it: the Keras 2 / TF.js form of model.to_json() and model.json
// (model_json.cpp's model_to_json), and Keras 3's form of a .keras file's config.json
// (keras_format.cpp's keras_save). One writer, so the two files always agree on every setting.

#include <nlohmann/json.hpp>

#include "engine/model_spec.hpp"

namespace rnn {

enum class KerasConfigForm {
  Keras2,  // tf.keras 2 / TF.js: "dtype": "float32", initializers {"class_name", "config"}
  Keras3,  // Keras 3.4.1's get_config + serialize_keras_object: a DTypePolicy, "module" and
           // "registered_name" on each object, the regularizer, constraint and seed keys as null
};

// Keras 3's float32 DTypePolicy, as a layer's and the Sequential model's "dtype".
nlohmann::ordered_json keras3_dtype_policy();

// {"class_name": "GlorotUniform", "config": {"seed": null}} and the like (Keras 3: with "module"
// and "registered_name"; Orthogonal as OrthogonalInitializer). Keys in Keras 3's order.
nlohmann::ordered_json initializer_config(const InitializerSpec& s, KerasConfigForm form);

// The layer's "config" object (name, trainable, dtype, then its own settings), keys in Keras 3's
// order.
nlohmann::ordered_json layer_config(const LayerSpec& l, KerasConfigForm form);

}  // namespace rnn
