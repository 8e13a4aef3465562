// libFuzzer target: a model JSON in any of the four spellings (Keras 3, Keras 2, TF.js topology,
// TF.js model.json) through validation, network construction, initialisation and one forward pass.
// Contract checked: parse_model_json throws only ModelError; a model it accepts is written back by
// model_to_json into JSON that reads as the same model; the network is built and run without any
// sanitizer report.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/model_json.hpp"
#include "engine/network.hpp"

namespace {

// Budgets of this harness, not limits of the engine: a valid model of 50 M parameters is fine but
// costs 400 MB and seconds per run, which would starve the search. Larger models stop after
// validation (their sizes are what the checked 64-bit arithmetic guards).
constexpr int64_t kMaxFuzzParams = 100'000;
constexpr int64_t kMaxFuzzWork = 2'000'000;  // parameters × time steps × batch of the forward pass

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  rnn::ModelSpec spec;
  try {
    spec = rnn::parse_model_json(text);
  } catch (const rnn::ModelError&) {
    return 0;  // refused with a message: the contract. Any other exception is a finding.
  }

  // What we write, we read back as the same model.
  const std::string written = rnn::model_to_json(spec);
  if (rnn::model_to_json(rnn::parse_model_json(written)) != written) __builtin_trap();

  constexpr int kBatch = 2;
  const int time = spec.input_length > 0 ? spec.input_length : 1 + static_cast<int>(size % 7);
  const int64_t params = spec.total_params();
  if (params > kMaxFuzzParams || params * time * kBatch > kMaxFuzzWork) return 0;
  rnn::Network<float> network(spec);
  network.initialize(size);
  rnn::TokenBatch x;
  x.batch = kBatch;
  x.time = time;
  for (int i = 0; i < kBatch * time; ++i)
    x.ids.push_back(size ? data[size_t(i) % size] % spec.vocab : 0);
  rnn::Rng rng(1);
  try {
    const auto& y = network.forward(x, /*training=*/(size & 1) != 0, rng);  // odd sizes: dropout on
    if (y.rows() != kBatch) __builtin_trap();
  } catch (const rnn::ModelError&) {
    // A review length a layer cannot hold is refused before allocating: the contract.
  }
  return 0;
}
