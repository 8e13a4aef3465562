#pragma once
// Include this instead of <Eigen/Core> everywhere.
// Under Emscripten with SSE emulation (-msimd128 -msse2) Eigen 3.4.0 would take GCC-only inline
// assembly paths because clang reports itself as GCC 4.2; pretending not to be GCC keeps Eigen on
// its intrinsic paths, which Emscripten maps to wasm SIMD. Relies on Eigen internals: re-check on
// any Eigen upgrade.
#include <Eigen/src/Core/util/Macros.h>
#if defined(__EMSCRIPTEN__) && defined(__SSE2__)
#undef EIGEN_COMP_GNUC
#define EIGEN_COMP_GNUC 0
#endif
#include <Eigen/Core>
