#!/usr/bin/env bash
# Builds the sanitizer configuration (build/asan): clang-14 with AddressSanitizer +
# UndefinedBehaviorSanitizer (and libFuzzer's instrumentation) over the engine, the CLI, the native
# tests and the fuzz targets, with -Wall -Wextra -Werror like every build. Arguments: the targets to
# build (default: all). Used by scripts/test.sh and scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/asan/build.ninja ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRNN_SANITIZE=ON >/dev/null
fi
if [ $# -gt 0 ]; then
  nice cmake --build build/asan -j "$(nproc 2>/dev/null || echo 2)" --target "$@"
else
  nice cmake --build build/asan -j "$(nproc 2>/dev/null || echo 2)"
fi
