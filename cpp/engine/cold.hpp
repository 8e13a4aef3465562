#pragma once
// How a function of a file built for speed (-O3, the WebAssembly module's list in CMakeLists.txt)
// is built for size instead. Neither macro changes what the function computes.
//
// RNN_COLD marks a function that runs once per user action (checks, set-up): Clang builds it for
// size, GCC moves it out of the way.
//
// RNN_OPTIMIZE_SIZE marks a function that may run every batch but whose own code is not where the
// time goes: a dispatch or set-up around matrix products (layers/recurrent_inputs.cpp). Clang
// builds it for size (`minsize`, as -Oz does); GCC has no such attribute and builds it like the
// rest of its file (native size does not matter). Only the function's own code: the templates it
// instantiates (Eigen's expression loops) are built as their file is, which is why the cells'
// general Eigen loops live in files built with -Oz instead (measured: 7 KB more at -O3).

#if defined(__clang__)
#define RNN_COLD __attribute__((cold, minsize))
#define RNN_OPTIMIZE_SIZE __attribute__((minsize))
#else
#define RNN_COLD __attribute__((cold))
#define RNN_OPTIMIZE_SIZE
#endif
