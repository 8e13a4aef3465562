// libFuzzer target: the CLI's checks of a .keras file before any library sees it, and libzip behind
// them (cli/keras_file.hpp): check_keras_zip (the zip directory: entry names, sizes against the
// file, the exact member set), read_keras_zip (libzip reading the members, sizes and CRCs checked)
// and check_hdf5_superblock on the weights member. libhdf5 itself is not fuzzed here: the checks in
// front of it are (docs/fuzzing.md says why). Input: the file's bytes. Byte 0's bit 7 set: the
// whole input is checked as an HDF5 file instead. Contract checked: only std::runtime_error
// escapes; an accepted zip's members are what libzip read.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "cli/keras_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    if (size > 0 && (data[0] & 0x80)) {
      rnn::cli::check_hdf5_superblock(bytes, "the file");
      return 0;
    }
    const rnn::cli::KerasZip zip = rnn::cli::read_keras_zip(bytes);
    if (zip.metadata.size() + zip.config.size() + zip.weights.size() > 1032 * size + 3 * 1024)
      __builtin_trap();
    rnn::cli::check_hdf5_superblock(zip.weights, "model.weights.h5");
  } catch (const std::runtime_error&) {
    return 0;
  }
  return 0;
}
