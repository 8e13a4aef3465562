#pragma once
// RNN_COLD marks a function that runs once per user action (checks, set-up, traces) inside a file
// that is otherwise hot: Clang builds it for size (the WebAssembly module's size), GCC moves it out
// of the way. Neither changes what the function computes. It covers the function's own code only:
// the templates it instantiates (Eigen's expression loops) are built as their file is, which is
// why the cells' general Eigen loops live in files built with -Oz (layers/*_general.cpp; measured
// 2026-12-05: 7 KB more in files built with -O3).

#if defined(__clang__)
#define RNN_COLD __attribute__((cold, minsize))
#else
#define RNN_COLD __attribute__((cold))
#endif
