#pragma once
// How Keras spells each initializer in a layer's config: its class name and the settings its
// config carries, with Keras' defaults (keras/src/initializers). The JSON reader
// (layer_config_reader.cpp) and both writers (layer_config_writer.cpp) use this one table.

#include <cstdint>

#include "engine/model_spec.hpp"

namespace rnn {

// One number of an initializer's config (besides "seed"): its key, the InitializerSpec field it
// fills and Keras' default.
struct InitializerSetting {
  const char* key;
  double InitializerSpec::*field;
  double keras_default;
};

inline constexpr InitializerSetting kGainSetting[] = {{"gain", &InitializerSpec::gain, 1.0}};
inline constexpr InitializerSetting kBoundSettings[] = {{"minval", &InitializerSpec::a, -0.05},
                                                        {"maxval", &InitializerSpec::b, 0.05}};
inline constexpr InitializerSetting kNormalSettings[] = {{"mean", &InitializerSpec::a, 0.0},
                                                         {"stddev", &InitializerSpec::b, 0.05}};
inline constexpr InitializerSetting kValueSetting[] = {{"value", &InitializerSpec::a, 0.0}};

struct KerasInitializer {
  Initializer kind;
  const char* class_name;  // Keras 2 and TF.js; Keras 3 writes Orthogonal as OrthogonalInitializer
  bool seeded;             // a random draw: its config has "seed" (null: a fresh draw each time)
  uint8_t setting_count = 0;
  const InitializerSetting* settings = nullptr;  // setting_count of them, in Keras' order
};

inline constexpr KerasInitializer kKerasInitializers[] = {
    {Initializer::Zeros, "Zeros", false},
    {Initializer::Ones, "Ones", false},
    {Initializer::GlorotUniform, "GlorotUniform", true},
    {Initializer::GlorotNormal, "GlorotNormal", true},
    {Initializer::HeUniform, "HeUniform", true},
    {Initializer::HeNormal, "HeNormal", true},
    {Initializer::LecunUniform, "LecunUniform", true},
    {Initializer::LecunNormal, "LecunNormal", true},
    {Initializer::Orthogonal, "Orthogonal", true, 1, kGainSetting},
    {Initializer::RandomUniform, "RandomUniform", true, 2, kBoundSettings},
    {Initializer::RandomNormal, "RandomNormal", true, 2, kNormalSettings},
    {Initializer::TruncatedNormal, "TruncatedNormal", true, 2, kNormalSettings},
    {Initializer::Constant, "Constant", false, 1, kValueSetting}};

// The table's entry for `kind` (every Initializer has one; Zeros' for a value outside the enum).
inline const KerasInitializer& keras_initializer(Initializer kind) {
  for (const KerasInitializer& entry : kKerasInitializers)
    if (entry.kind == kind) return entry;
  return kKerasInitializers[0];
}

}  // namespace rnn
