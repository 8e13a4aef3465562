#pragma once
// Keras' weight initializers, drawn from the engine's one Rng so that the same seed gives the same
// weights in every build. The distributions and fan rules are Keras 3's (keras/src/initializers);
// the random bits are ours, so the values themselves differ from Keras' for the same seed.

#include <string>
#include <vector>

#include "engine/model_spec.hpp"
#include "engine/rng.hpp"

namespace rnn {

// Keras' compute_fans: scalar → (1, 1); vector (n) → (n, n); matrix (rows, cols) → (rows, cols).
struct Fans {
  double fan_in = 1.0;
  double fan_out = 1.0;
};
Fans compute_fans(const std::vector<int>& shape);

// Values for one weight of `shape`, row-major. `what` names the weight in error messages
// ("LSTM layer 'lstm' recurrent_kernel").
std::vector<double> draw_initializer(const InitializerSpec& spec, const std::vector<int>& shape,
                                     Rng& rng, const std::string& what);

// Same, written into `out` (product of `shape` elements) in the engine's scalar type.
template <typename S>
void fill_initializer(const InitializerSpec& spec, const std::vector<int>& shape, Rng& rng,
                      const std::string& what, S* out) {
  const std::vector<double> values = draw_initializer(spec, shape, rng, what);
  for (size_t i = 0; i < values.size(); ++i) out[i] = static_cast<S>(values[i]);
}

}  // namespace rnn
