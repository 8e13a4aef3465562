#pragma once
// A model folder on disk: model.json + weights.bin in the TF.js layers format (engine/tfjs_format).
// The file-system half of saving and loading; the engine itself stays free of I/O.

#include <string>
#include <vector>

#include "engine/model_spec.hpp"
#include "engine/tfjs_format.hpp"

namespace rnn::cli {

// Creates `dir` (and its parents) if needed and writes dir/model.json and dir/weights.bin,
// replacing earlier ones. Throws std::runtime_error (I/O) or ModelError (params of the wrong size).
void save_model_dir(const std::string& dir, const ModelSpec& spec,
                    const std::vector<float>& params);

// Reads dir/model.json and the weight files its manifest names, which must stay inside `dir`
// (checked by path and again after resolving symbolic links). Throws std::runtime_error naming the
// missing folder or file, or ModelError for content that is wrong (see load_tfjs).
LoadedModel load_model_dir(const std::string& dir);

}  // namespace rnn::cli
