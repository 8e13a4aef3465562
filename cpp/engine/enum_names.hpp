#pragma once
// One table per enum of the names it is written as (Keras' spellings, record fields), read both
// ways: the name of a value, and the value of a name. A table lists each value once, in any order;
// two values may share a name (Keras 2's and Keras 3's hard_sigmoid are both "hard_sigmoid"), and
// then reading the name gives the first.
//
//   constexpr EnumName<LossKind> kLossNames[] = {
//       {LossKind::BinaryCrossentropy, "binary_crossentropy"},
//       {LossKind::SparseCategoricalCrossentropy, "sparse_categorical_crossentropy"}};
//   name_of(kLossNames, LossKind::BinaryCrossentropy)   // "binary_crossentropy"
//   value_named(kLossNames, "binary_crossentropy")       // LossKind::BinaryCrossentropy

#include <cstddef>
#include <optional>
#include <string_view>

namespace rnn {

template <typename E>
struct EnumName {
  E value;
  const char* name;
};

// The name `table` gives `value`; `unknown` when the table lacks it (a value cast from a number).
template <typename E, size_t N>
constexpr const char* name_of(const EnumName<E> (&table)[N], E value, const char* unknown = "?") {
  for (const EnumName<E>& entry : table)
    if (entry.value == value) return entry.name;
  return unknown;
}

// The first value `table` names `name` (exact spelling); nothing when no entry does.
template <typename E, size_t N>
constexpr std::optional<E> value_named(const EnumName<E> (&table)[N], std::string_view name) {
  for (const EnumName<E>& entry : table)
    if (name == entry.name) return entry.value;
  return std::nullopt;
}

}  // namespace rnn
