#pragma once
// RNN_COLD marks a function that runs once per user action (checks, set-up) inside a file that is
// otherwise hot: Clang builds it for size (the WebAssembly module's size), GCC moves it out of the
// way. Neither changes what the function computes.

#if defined(__clang__)
#define RNN_COLD __attribute__((cold, minsize))
#else
#define RNN_COLD __attribute__((cold))
#endif
