#!/usr/bin/env bash
# Builds everything: the native engine, CLI and tests (build/native), the WebAssembly module
# (web/src/wasm/rnn_engine.{mjs,wasm} via build/wasm), the data packs (build/data, copied into the
# site) and the production site (dist/). Incremental: a second run only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Debian's acorn for emcc (TOOLCHAIN.md, trap 1)

jobs=$(nproc 2>/dev/null || echo 2)

echo "build: native (build/native)"
[ -f build/native/build.ninja ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"

echo "build: WebAssembly (build/wasm)"
[ -f build/wasm/build.ninja ] || emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$jobs" --target rnn_engine_wasm

if [ -f scripts/build-data.ts ]; then
  echo "build: data packs (build/data)"
  npx tsx scripts/build-data.ts
  mkdir -p web/public/data
  cp -u build/data/* web/public/data/
fi

echo "build: site (dist/)"
npx vite build --logLevel warn
