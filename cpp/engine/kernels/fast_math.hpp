#pragma once
// Fast float exp, tanh and logistic sigmoid for the recurrent gates, on contiguous arrays.
// The double path never comes here: it keeps std::tanh and the exact logistic, so the gradient
// checks and the reference comparisons run on exact maths.
//
// exp(y), y clamped to [−87, 87] (e^±87 are normal floats, so nothing overflows or goes subnormal):
//   n = round(y / ln 2),  r = y − n·ln 2   (ln 2 split in two parts so r is exact),  |r| ≤ ln2 / 2
//   e^r = Σ_{k=0..7} r^k / k!               (truncation |r|^8 / 8! ≤ 2.1e-9)
//   e^y = 2^n · e^r                          (2^n written straight into the exponent bits)
// tanh(x):
//   |x| < 0.4:  x + x³·Σ_k c_k x^{2k}       (Taylor to x^13; next term 0.00146·0.4^15 ≈ 1.5e-9)
//   |x| ≥ 0.4:  sign(x) · (1 − 2 / (e^{2|x|} + 1)),  |x| clamped to 10 (tanh 10 = 1 − 4e-9 → 1.0f)
// sigmoid(x) = 1 / (1 + e^{−x}),  x clamped to [−87, 87]:  σ(−300) ≈ 1.6e-38 (finite), σ(300) = 1.
//
// Maximum absolute error against double std::tanh / 1/(1+exp(−x)), every 2^-16 on [−20, 20]:
// tanh 8.3e-8, sigmoid 8.9e-8 (about one float ulp of 1); tests/cpp/kernels_fast_math_test.cpp
// bounds both by 1.5e-7 and the relative error of small tanh and of the sigmoid's tail by 1e-6.
//
// The array forms run four lanes at a time: wasm_simd128.h under __wasm_simd128__, SSE2 natively;
// the scalar forms (tails, other targets) compute the same maths. NaN in gives NaN out.

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace rnn::kernels {

namespace fast_math_constants {
constexpr float kExpClamp = 87.0f;
constexpr float kLog2e = 1.44269504088896341f;
constexpr float kLn2Hi = 0.693359375f;       // exact in float (few mantissa bits)
constexpr float kLn2Lo = -2.12194440e-4f;    // ln 2 − kLn2Hi
constexpr float kRoundMagic = 12582912.0f;   // 1.5·2^23: adding it rounds to an integer
constexpr int32_t kRoundMagicBits = 0x4B400000;
constexpr float kTanhClamp = 10.0f;
constexpr float kTanhSmall = 0.4f;
// tanh x = x + x³ (t1 + s (t2 + s (t3 + s (t4 + s (t5 + s t6))))), s = x², Taylor coefficients.
constexpr float kT1 = -1.0f / 3.0f;
constexpr float kT2 = 2.0f / 15.0f;
constexpr float kT3 = -17.0f / 315.0f;
constexpr float kT4 = 62.0f / 2835.0f;
constexpr float kT5 = -1382.0f / 155925.0f;
constexpr float kT6 = 21844.0f / 6081075.0f;
}  // namespace fast_math_constants

// e^y for one value (the scalar form of the loops below).
inline float fast_exp(float y) {
  using namespace fast_math_constants;
  y = y < -kExpClamp ? -kExpClamp : (y > kExpClamp ? kExpClamp : y);
  const float shifted = y * kLog2e + kRoundMagic;
  int32_t shifted_bits;
  std::memcpy(&shifted_bits, &shifted, 4);
  const int32_t n = shifted_bits - kRoundMagicBits;
  const float nf = shifted - kRoundMagic;
  const float r = (y - nf * kLn2Hi) - nf * kLn2Lo;
  float p = 1.0f / 5040.0f;
  p = p * r + 1.0f / 720.0f;
  p = p * r + 1.0f / 120.0f;
  p = p * r + 1.0f / 24.0f;
  p = p * r + 1.0f / 6.0f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  const int32_t scale_bits = (n + 127) << 23;
  float scale;
  std::memcpy(&scale, &scale_bits, 4);
  return p * scale;
}

inline float fast_tanh(float x) {
  using namespace fast_math_constants;
  const float ax = x < 0 ? -x : x;
  const float s = x * x;
  float small = kT6;
  small = small * s + kT5;
  small = small * s + kT4;
  small = small * s + kT3;
  small = small * s + kT2;
  small = small * s + kT1;
  small = x + x * s * small;
  // (Written so that a NaN input stays NaN: every comparison with NaN is false.)
  const float e = fast_exp(2.0f * (ax > kTanhClamp ? kTanhClamp : ax));
  const float large_abs = 1.0f - 2.0f / (e + 1.0f);
  const float large = x < 0 ? -large_abs : large_abs;
  return ax < kTanhSmall ? small : large;
}

inline float fast_sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }

#if defined(__wasm_simd128__)
inline v128_t fast_exp4(v128_t y) {
  using namespace fast_math_constants;
  y = wasm_f32x4_pmax(wasm_f32x4_pmin(y, wasm_f32x4_splat(kExpClamp)), wasm_f32x4_splat(-kExpClamp));
  const v128_t magic = wasm_f32x4_splat(kRoundMagic);
  const v128_t shifted = wasm_f32x4_add(wasm_f32x4_mul(y, wasm_f32x4_splat(kLog2e)), magic);
  const v128_t n = wasm_i32x4_sub(shifted, wasm_i32x4_splat(kRoundMagicBits));
  const v128_t nf = wasm_f32x4_sub(shifted, magic);
  const v128_t r = wasm_f32x4_sub(wasm_f32x4_sub(y, wasm_f32x4_mul(nf, wasm_f32x4_splat(kLn2Hi))),
                                  wasm_f32x4_mul(nf, wasm_f32x4_splat(kLn2Lo)));
  v128_t p = wasm_f32x4_splat(1.0f / 5040.0f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f / 720.0f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f / 120.0f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f / 24.0f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f / 6.0f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(0.5f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f));
  const v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(n, wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(p, scale);
}

inline v128_t fast_tanh4(v128_t x) {
  using namespace fast_math_constants;
  const v128_t ax = wasm_f32x4_abs(x);
  const v128_t s = wasm_f32x4_mul(x, x);
  v128_t small = wasm_f32x4_splat(kT6);
  small = wasm_f32x4_add(wasm_f32x4_mul(small, s), wasm_f32x4_splat(kT5));
  small = wasm_f32x4_add(wasm_f32x4_mul(small, s), wasm_f32x4_splat(kT4));
  small = wasm_f32x4_add(wasm_f32x4_mul(small, s), wasm_f32x4_splat(kT3));
  small = wasm_f32x4_add(wasm_f32x4_mul(small, s), wasm_f32x4_splat(kT2));
  small = wasm_f32x4_add(wasm_f32x4_mul(small, s), wasm_f32x4_splat(kT1));
  small = wasm_f32x4_add(x, wasm_f32x4_mul(wasm_f32x4_mul(x, s), small));
  const v128_t e = fast_exp4(wasm_f32x4_mul(wasm_f32x4_splat(2.0f),
                                            wasm_f32x4_pmin(ax, wasm_f32x4_splat(kTanhClamp))));
  const v128_t one = wasm_f32x4_splat(1.0f);
  const v128_t large_abs =
      wasm_f32x4_sub(one, wasm_f32x4_div(wasm_f32x4_splat(2.0f), wasm_f32x4_add(e, one)));
  // Copy x's sign bit onto |tanh|.
  const v128_t sign = wasm_v128_and(x, wasm_i32x4_splat(int32_t(0x80000000u)));
  const v128_t large = wasm_v128_or(large_abs, sign);
  return wasm_v128_bitselect(small, large, wasm_f32x4_lt(ax, wasm_f32x4_splat(kTanhSmall)));
}

inline v128_t fast_sigmoid4(v128_t x) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  return wasm_f32x4_div(one, wasm_f32x4_add(one, fast_exp4(wasm_f32x4_neg(x))));
}
#elif defined(__SSE2__)
// The same four-lane maths with SSE2 (native builds).
inline __m128 fast_exp4(__m128 y) {
  using namespace fast_math_constants;
  // min/max return their second operand when one is NaN: y goes second so NaN survives.
  y = _mm_max_ps(_mm_set1_ps(-kExpClamp), _mm_min_ps(_mm_set1_ps(kExpClamp), y));
  const __m128 magic = _mm_set1_ps(kRoundMagic);
  const __m128 shifted = _mm_add_ps(_mm_mul_ps(y, _mm_set1_ps(kLog2e)), magic);
  const __m128i n = _mm_sub_epi32(_mm_castps_si128(shifted), _mm_set1_epi32(kRoundMagicBits));
  const __m128 nf = _mm_sub_ps(shifted, magic);
  const __m128 r = _mm_sub_ps(_mm_sub_ps(y, _mm_mul_ps(nf, _mm_set1_ps(kLn2Hi))),
                              _mm_mul_ps(nf, _mm_set1_ps(kLn2Lo)));
  __m128 p = _mm_set1_ps(1.0f / 5040.0f);
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 720.0f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 120.0f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 24.0f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f / 6.0f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(0.5f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f));
  p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(1.0f));
  const __m128i scale = _mm_slli_epi32(_mm_add_epi32(n, _mm_set1_epi32(127)), 23);
  return _mm_mul_ps(p, _mm_castsi128_ps(scale));
}

inline __m128 fast_tanh4(__m128 x) {
  using namespace fast_math_constants;
  const __m128 sign_mask = _mm_castsi128_ps(_mm_set1_epi32(int32_t(0x80000000u)));
  const __m128 ax = _mm_andnot_ps(sign_mask, x);
  const __m128 s = _mm_mul_ps(x, x);
  __m128 small = _mm_set1_ps(kT6);
  small = _mm_add_ps(_mm_mul_ps(small, s), _mm_set1_ps(kT5));
  small = _mm_add_ps(_mm_mul_ps(small, s), _mm_set1_ps(kT4));
  small = _mm_add_ps(_mm_mul_ps(small, s), _mm_set1_ps(kT3));
  small = _mm_add_ps(_mm_mul_ps(small, s), _mm_set1_ps(kT2));
  small = _mm_add_ps(_mm_mul_ps(small, s), _mm_set1_ps(kT1));
  small = _mm_add_ps(x, _mm_mul_ps(_mm_mul_ps(x, s), small));
  // _mm_min_ps(a, b) returns b when either is NaN: put ax second so NaN survives.
  const __m128 e = fast_exp4(_mm_mul_ps(_mm_set1_ps(2.0f), _mm_min_ps(_mm_set1_ps(kTanhClamp), ax)));
  const __m128 one = _mm_set1_ps(1.0f);
  const __m128 large_abs = _mm_sub_ps(one, _mm_div_ps(_mm_set1_ps(2.0f), _mm_add_ps(e, one)));
  const __m128 large = _mm_or_ps(large_abs, _mm_and_ps(x, sign_mask));
  const __m128 is_small = _mm_cmplt_ps(ax, _mm_set1_ps(kTanhSmall));
  return _mm_or_ps(_mm_and_ps(is_small, small), _mm_andnot_ps(is_small, large));
}

inline __m128 fast_sigmoid4(__m128 x) {
  const __m128 one = _mm_set1_ps(1.0f);
  return _mm_div_ps(one, _mm_add_ps(one, fast_exp4(_mm_sub_ps(_mm_setzero_ps(), x))));
}
#endif

// In place on n contiguous floats.
inline void fast_tanh_inplace(float* x, int64_t n) {
  int64_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 4 <= n; i += 4) wasm_v128_store(x + i, fast_tanh4(wasm_v128_load(x + i)));
#elif defined(__SSE2__)
  for (; i + 4 <= n; i += 4) _mm_storeu_ps(x + i, fast_tanh4(_mm_loadu_ps(x + i)));
#endif
  for (; i < n; ++i) x[i] = fast_tanh(x[i]);
}

inline void fast_sigmoid_inplace(float* x, int64_t n) {
  int64_t i = 0;
#if defined(__wasm_simd128__)
  for (; i + 4 <= n; i += 4) wasm_v128_store(x + i, fast_sigmoid4(wasm_v128_load(x + i)));
#elif defined(__SSE2__)
  for (; i + 4 <= n; i += 4) _mm_storeu_ps(x + i, fast_sigmoid4(_mm_loadu_ps(x + i)));
#endif
  for (; i < n; ++i) x[i] = fast_sigmoid(x[i]);
}

}  // namespace rnn::kernels
