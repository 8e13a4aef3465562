// enum_names.hpp: one table read both ways, against the spellings Keras writes.
#include "engine/enum_names.hpp"

#include <gtest/gtest.h>

#include "engine/losses.hpp"
#include "engine/model_spec.hpp"

namespace rnn {
namespace {

enum class Colour { Red, Green, Blue };
constexpr EnumName<Colour> kColours[] = {{Colour::Green, "green"}, {Colour::Red, "red"}};

TEST(EnumNames, NameOfAValueAndValueOfAName) {
  EXPECT_STREQ(name_of(kColours, Colour::Red), "red");
  EXPECT_STREQ(name_of(kColours, Colour::Green), "green");
  EXPECT_EQ(value_named(kColours, "green"), Colour::Green);
  static_assert(*value_named(kColours, "red") == Colour::Red, "usable in constant expressions");
}

TEST(EnumNames, MissingEntriesGiveTheFallbackOrNothing) {
  EXPECT_STREQ(name_of(kColours, Colour::Blue), "?");
  EXPECT_STREQ(name_of(kColours, Colour::Blue, "colour"), "colour");
  EXPECT_FALSE(value_named(kColours, "blue").has_value());
  EXPECT_FALSE(value_named(kColours, "Red").has_value());  // exact spelling only
  EXPECT_FALSE(value_named(kColours, "").has_value());
}

// Keras' spellings (keras/src/layers, activations, losses), every value of each enum named.
TEST(EnumNames, EngineTablesSpellEveryValueAsKerasDoes) {
  EXPECT_STREQ(layer_kind_name(LayerKind::SimpleRNN), "SimpleRNN");
  EXPECT_STREQ(layer_kind_name(LayerKind::Dropout), "Dropout");
  EXPECT_EQ(value_named(kLayerKindNames, "GRU"), LayerKind::GRU);
  EXPECT_STREQ(activation_name(Activation::HardSigmoidKeras3), "hard_sigmoid");
  // Two formulas share the name; reading it back gives the first (Keras 2's).
  EXPECT_EQ(value_named(kActivationNames, "hard_sigmoid"), Activation::HardSigmoid);
  EXPECT_STREQ(loss_name(LossKind::SparseCategoricalCrossentropy),
               "sparse_categorical_crossentropy");
  EXPECT_STREQ(layer_kind_name(static_cast<LayerKind>(99)), "?");
}

}  // namespace
}  // namespace rnn
