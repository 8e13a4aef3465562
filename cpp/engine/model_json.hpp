#pragma once
// Keras / TF.js JSON <-> ModelSpec.

#include <string>

#include "engine/model_spec.hpp"

namespace rnn {

// Reads a Sequential model in any spelling users paste: Keras 3 model.to_json(), Keras 2
// model.to_json() (InputLayer with batch_input_shape first), a TF.js topology (batch_input_shape
// on the first layer), or a whole TF.js model.json (modelTopology, possibly nesting the model under
// model_config). Validates everything (validate_and_infer); throws ModelError with a message that
// names the layer, the value received and what to change. Never crashes on malformed input.
ModelSpec parse_model_json(const std::string& text);

// The model as Keras 2 / TF.js-style Sequential JSON (class_name + config; InputLayer-free, with
// batch_input_shape on the first layer), which TF.js' loadLayersModel and parse_model_json read.
std::string model_to_json(const ModelSpec& model);

}  // namespace rnn
