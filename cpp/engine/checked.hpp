#pragma once
// Sizes and counts derived from untrusted input (a model JSON, a data pack, a weights manifest) are
// computed in 64 bits, and every product and sum is checked: an overflow throws ModelError naming
// what was being counted, before anything is allocated. With validated dimensions (each at most
// kMaxLayerParams) no check ever fires; they are there so that an unchecked path cannot wrap around
// to a small count again (a 32-bit `gates * units` once let an LSTM of 2^30 units count 0
// parameters and initialisation write a billion floats past its buffer).

#include <cstdint>
#include <string>

#include "engine/cold.hpp"
#include "engine/model_spec.hpp"

namespace rnn {

// Throws ModelError: "The <what> does not fit in 64 bits ...".
[[noreturn]] RNN_COLD void throw_count_overflow(const char* what);

// Sizes are never negative; a negative operand is refused as well. (A division, not
// __builtin_mul_overflow: on wasm32 that becomes a call to compiler-rt's 128-bit __muloti4.)
inline int64_t checked_mul(int64_t a, int64_t b, const char* what) {
  if (a < 0 || b < 0 || (a > 0 && b > INT64_MAX / a)) throw_count_overflow(what);
  return a * b;
}

inline int64_t checked_add(int64_t a, int64_t b, const char* what) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw_count_overflow(what);
  return r;
}

}  // namespace rnn
