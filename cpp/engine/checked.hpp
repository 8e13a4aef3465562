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

[[noreturn]] RNN_COLD void throw_count_overflow(const char* what);

inline int64_t checked_mul(int64_t a, int64_t b, const char* what) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) throw_count_overflow(what);
  return r;
}

inline int64_t checked_add(int64_t a, int64_t b, const char* what) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw_count_overflow(what);
  return r;
}

}  // namespace rnn
