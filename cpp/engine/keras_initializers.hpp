#pragma once
// How Keras spells each initializer in a layer's config: its class name and the settings its
// config carries, with Keras' defaults (keras/src/initializers). The JSON reader
// (layer_config_reader.cpp) and both writers (layer_config_writer.cpp) use this one table.

#include "engine/model_spec.hpp"

namespace rnn {

// One number of an initializer's config and the InitializerSpec field it fills.
struct InitializerSetting {
  const char* key;  // nullptr: an unused slot
  double InitializerSpec::*field;
  double keras_default;
};

struct KerasInitializer {
  Initializer kind;
  const char* class_name;  // Keras 2 and TF.js; Keras 3 writes Orthogonal as OrthogonalInitializer
  bool seeded;             // a random draw: its config has "seed" (null: a fresh draw each time)
  InitializerSetting settings[2];
};

inline constexpr KerasInitializer kKerasInitializers[] = {
    {Initializer::Zeros, "Zeros", false, {}},
    {Initializer::Ones, "Ones", false, {}},
    {Initializer::GlorotUniform, "GlorotUniform", true, {}},
    {Initializer::GlorotNormal, "GlorotNormal", true, {}},
    {Initializer::HeUniform, "HeUniform", true, {}},
    {Initializer::HeNormal, "HeNormal", true, {}},
    {Initializer::LecunUniform, "LecunUniform", true, {}},
    {Initializer::LecunNormal, "LecunNormal", true, {}},
    {Initializer::Orthogonal, "Orthogonal", true, {{"gain", &InitializerSpec::gain, 1.0}}},
    {Initializer::RandomUniform,
     "RandomUniform",
     true,
     {{"minval", &InitializerSpec::a, -0.05}, {"maxval", &InitializerSpec::b, 0.05}}},
    {Initializer::RandomNormal,
     "RandomNormal",
     true,
     {{"mean", &InitializerSpec::a, 0.0}, {"stddev", &InitializerSpec::b, 0.05}}},
    {Initializer::TruncatedNormal,
     "TruncatedNormal",
     true,
     {{"mean", &InitializerSpec::a, 0.0}, {"stddev", &InitializerSpec::b, 0.05}}},
    {Initializer::Constant, "Constant", false, {{"value", &InitializerSpec::a, 0.0}}},
};

// The table's entry for `kind` (every Initializer has one; Zeros' for a value outside the enum).
inline const KerasInitializer& keras_initializer(Initializer kind) {
  for (const KerasInitializer& entry : kKerasInitializers)
    if (entry.kind == kind) return entry;
  return kKerasInitializers[0];
}

}  // namespace rnn
