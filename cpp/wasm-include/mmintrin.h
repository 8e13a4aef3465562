#pragma once
// Emscripten ships no <mmintrin.h>; Eigen's SSE path includes it. This shim is on the wasm
// include path only (never native, where it would hide GCC's header).
#include <xmmintrin.h>
