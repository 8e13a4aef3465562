#pragma once
// Fast float exp, tanh and logistic sigmoid for the recurrent gates, on contiguous arrays.
// The double path never comes here: it keeps std::tanh and the exact logistic, so the gradient
// checks and the reference comparisons run on exact maths.
//
// exp(y), y clamped to [−87, 87] (e^±87 are normal floats, so nothing overflows or goes subnormal):
//   n = round(y / ln 2),  r = y − n·ln 2   (ln 2 split in two parts so r is exact),  |r| ≤ ln2 / 2
//   e^r = Σ_{k=0..7} r^k / k!               (truncation |r|^8 / 8! ≤ 2.1e-9)
//   e^y = 2^n · e^r                          (2^n written straight into the exponent bits)
// tanh(x), x clamped to [−10, 10] (tanh 10 = 1 − 4e-9 → 1.0f), s = x²:
//   tanh x ≈ x · (p0 + p1 s + … + p6 s⁶) / (1 + q1 s + q2 s² + q3 s³)
//   a rational fit made for this project (weighted least squares iterated towards minimax on
//   [0, 10]): 1.8e-8 max error in exact arithmetic; one division, no exp, no branch.
// sigmoid(x) = 1 / (1 + e^{−x}),  x clamped to [−87, 87]:  σ(−300) ≈ 1.6e-38 (finite), σ(300) = 1.
//
// Maximum absolute error against double std::tanh / 1/(1+exp(−x)), every 2^-16 on [−20, 20]:
// tanh 3.6e-7 (near |x| ≈ 9.9, where float rounding in the two polynomials adds up to about six
// ulps of 1; the exp-based form this replaced had 8.3e-8 at twice the cost), sigmoid 8.9e-8.
// Relative error of tanh for |x| < 0.5: 3.2e-7. tests/cpp/kernels_fast_math_test.cpp bounds tanh
// by 4e-7, the sigmoid by 1.5e-7, and the relative error of small tanh and of the sigmoid's tail
// by 1e-6.
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
constexpr float kLn2Hi = 0.693359375f;      // exact in float (few mantissa bits)
constexpr float kLn2Lo = -2.12194440e-4f;   // ln 2 − kLn2Hi
constexpr float kRoundMagic = 12582912.0f;  // 1.5·2^23: adding it rounds to an integer
constexpr int32_t kRoundMagicBits = 0x4B400000;
constexpr float kTanhClamp = 10.0f;
constexpr float kP0 = 0.999999910269385f;
constexpr float kP1 = 0.13033027992657079f;
constexpr float kP2 = 0.0030475258935260974f;
constexpr float kP3 = 1.0579500601162247e-05f;
constexpr float kP4 = -1.7995133788332323e-08f;
constexpr float kP5 = 4.264634040564268e-11f;
constexpr float kP6 = -6.052509453272883e-14f;
constexpr float kQ1 = 0.46366325845550616f;
constexpr float kQ2 = 0.02426902251541401f;
constexpr float kQ3 = 0.00024648558435721605f;
}  // namespace fast_math_constants

// e^y for one value (the scalar form of the loops below).
inline float fast_exp(float y) {
  using namespace fast_math_constants;
  y = y < -kExpClamp ? -kExpClamp : (y > kExpClamp ? kExpClamp : y);
  const float shifted = y * kLog2e + kRoundMagic;
  // The exponent arithmetic is on unsigned bits: for y in the clamp the values are those of the
  // signed form; a NaN (which passes the clamp) gives garbage bits times a NaN polynomial, NaN,
  // where the signed shift of a garbage n was undefined behaviour.
  uint32_t shifted_bits;
  std::memcpy(&shifted_bits, &shifted, 4);
  const uint32_t n = shifted_bits - uint32_t(kRoundMagicBits);
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
  const uint32_t scale_bits = (n + 127u) << 23;
  float scale;
  std::memcpy(&scale, &scale_bits, 4);
  return p * scale;
}

inline float fast_tanh(float x) {
  using namespace fast_math_constants;
  // (Comparisons with NaN are false: a NaN input passes the clamp and stays NaN.)
  x = x < -kTanhClamp ? -kTanhClamp : (x > kTanhClamp ? kTanhClamp : x);
  const float s = x * x;
  float num = kP6;
  num = num * s + kP5;
  num = num * s + kP4;
  num = num * s + kP3;
  num = num * s + kP2;
  num = num * s + kP1;
  num = num * s + kP0;
  float den = kQ3;
  den = den * s + kQ2;
  den = den * s + kQ1;
  den = den * s + 1.0f;
  return (x * num) / den;
}

inline float fast_sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }

#if defined(__wasm_simd128__)
inline v128_t fast_exp4(v128_t y) {
  using namespace fast_math_constants;
  y = wasm_f32x4_pmax(wasm_f32x4_pmin(y, wasm_f32x4_splat(kExpClamp)),
                      wasm_f32x4_splat(-kExpClamp));
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
  // pmin/pmax return their first operand when either is NaN: x goes first so NaN survives.
  x = wasm_f32x4_pmax(wasm_f32x4_pmin(x, wasm_f32x4_splat(kTanhClamp)),
                      wasm_f32x4_splat(-kTanhClamp));
  const v128_t s = wasm_f32x4_mul(x, x);
  v128_t num = wasm_f32x4_splat(kP6);
  num = wasm_f32x4_add(wasm_f32x4_mul(num, s), wasm_f32x4_splat(kP5));
  num = wasm_f32x4_add(wasm_f32x4_mul(num, s), wasm_f32x4_splat(kP4));
  num = wasm_f32x4_add(wasm_f32x4_mul(num, s), wasm_f32x4_splat(kP3));
  num = wasm_f32x4_add(wasm_f32x4_mul(num, s), wasm_f32x4_splat(kP2));
  num = wasm_f32x4_add(wasm_f32x4_mul(num, s), wasm_f32x4_splat(kP1));
  num = wasm_f32x4_add(wasm_f32x4_mul(num, s), wasm_f32x4_splat(kP0));
  v128_t den = wasm_f32x4_splat(kQ3);
  den = wasm_f32x4_add(wasm_f32x4_mul(den, s), wasm_f32x4_splat(kQ2));
  den = wasm_f32x4_add(wasm_f32x4_mul(den, s), wasm_f32x4_splat(kQ1));
  den = wasm_f32x4_add(wasm_f32x4_mul(den, s), wasm_f32x4_splat(1.0f));
  return wasm_f32x4_div(wasm_f32x4_mul(x, num), den);
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
  // min/max return their second operand when one is NaN: x goes second so NaN survives.
  x = _mm_max_ps(_mm_set1_ps(-kTanhClamp), _mm_min_ps(_mm_set1_ps(kTanhClamp), x));
  const __m128 s = _mm_mul_ps(x, x);
  __m128 num = _mm_set1_ps(kP6);
  num = _mm_add_ps(_mm_mul_ps(num, s), _mm_set1_ps(kP5));
  num = _mm_add_ps(_mm_mul_ps(num, s), _mm_set1_ps(kP4));
  num = _mm_add_ps(_mm_mul_ps(num, s), _mm_set1_ps(kP3));
  num = _mm_add_ps(_mm_mul_ps(num, s), _mm_set1_ps(kP2));
  num = _mm_add_ps(_mm_mul_ps(num, s), _mm_set1_ps(kP1));
  num = _mm_add_ps(_mm_mul_ps(num, s), _mm_set1_ps(kP0));
  __m128 den = _mm_set1_ps(kQ3);
  den = _mm_add_ps(_mm_mul_ps(den, s), _mm_set1_ps(kQ2));
  den = _mm_add_ps(_mm_mul_ps(den, s), _mm_set1_ps(kQ1));
  den = _mm_add_ps(_mm_mul_ps(den, s), _mm_set1_ps(1.0f));
  return _mm_div_ps(_mm_mul_ps(x, num), den);
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
