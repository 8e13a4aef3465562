#pragma once
// Keras' model files on disk for the CLI: Keras 3 `.keras` (zip, libzip) and tf.keras 2 `.h5`
// (HDF5, libhdf5), around the engine's pure descriptions (engine/keras_format.hpp). Untrusted
// bytes are checked before a library sees them: the zip's directory (entry names, sizes against the
// file, the exact member set) and the HDF5 superblock (signature, version, sizes, end of file).
// Errors are std::runtime_error (file problems) or ModelError (content), each saying what to do.

#include <string>
#include <vector>

#include "engine/keras_format.hpp"
#include "engine/model_spec.hpp"
#include "engine/tfjs_format.hpp"

namespace rnn::cli {

// The three members of a .keras file.
struct KerasZip {
  std::string metadata, config, weights;
};

// The zip's structure checked without libzip (keras_zip.cpp); throws naming the problem.
void check_keras_zip(const std::string& bytes);
// check_keras_zip, then the members read with libzip (their sizes and CRCs checked).
KerasZip read_keras_zip(const std::string& bytes);
// Writes the three members, stored, in Keras' order, to `path` (through path + ".partial").
void write_keras_zip(const std::string& path, const KerasZip& members);

// The HDF5 superblock checked before libhdf5 opens the bytes (keras_hdf5.cpp): signature at byte
// 0, version 0-3, 8-byte offsets and lengths, base address 0, end of file within the bytes.
void check_hdf5_superblock(const std::string& bytes, const std::string& what);
// The listing (keras_format.hpp) of an HDF5 file held in memory: every dataset's path, shape and
// dtype, every group's string attributes. Refuses links that are not hard links.
std::string hdf5_listing(const std::string& bytes, const std::string& what);
// The datasets read as float32 into a flat buffer of `total` values (each at its offset).
std::vector<float> hdf5_read_weights(const std::string& bytes,
                                     const std::vector<KerasDataset>& datasets, int64_t total);
// model.weights.h5 of a .keras file: groups and float32 datasets as keras_save describes them.
std::string hdf5_write_weights(const KerasArchive& archive, const std::vector<float>& params);

// A model from a .keras file, a tf.keras 2 .h5 file or a TF.js folder (by the path's ending).
LoadedModel load_model_file(const std::string& path);
// Saves to a .keras file when the path ends in ".keras", else to a TF.js folder. compile_json:
// what the training used (keras_format.hpp, KerasArchive).
void save_model_file(const std::string& path, const ModelSpec& spec,
                     const std::vector<float>& params, const std::string& compile_json);
bool is_keras_path(const std::string& path);  // ends in .keras
bool is_h5_path(const std::string& path);     // ends in .h5

}  // namespace rnn::cli
