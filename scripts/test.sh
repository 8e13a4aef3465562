#!/usr/bin/env bash
# Runs every test: the type check (tsc over web/, tests/ and scripts/, .mjs included), the format check, C++ (ctest natively, and the engine's file-free tests compiled to WebAssembly and
# run in Node, and again under ASan + UBSan built by clang-14), a short pass of every fuzz target, Vitest (the real .wasm in Node), Playwright (the built site in Debian's Chromium,
# headless, under the strict CSP). Fails if any fails; runs them all first.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

echo "== Type check (tsc --noEmit: web/, tests/, scripts/) =="
npm run --silent typecheck || status=1

echo "== Format check (clang-format, Prettier: npm run format fixes) =="
bash scripts/format.sh --check || status=1

echo "== C++ tests (ctest) =="
ctest --test-dir build/native --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" || status=1

echo "== C++ tests in WebAssembly (Node: the wasm_simd128 kernels, the -Oz/-O3 split) =="
# Built here rather than by build.sh, so `npm start` does not compile the tests.
if NODE_PATH=/usr/share/nodejs cmake --build build/wasm -j "$(nproc 2>/dev/null || echo 2)" --target engine_tests_wasm; then
  node build/wasm/engine_tests_wasm.cjs --gtest_brief=1 || status=1
else
  echo "the WebAssembly test build failed"; status=1
fi

echo "== C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer (build/asan, clang-14) =="
# The same tests, built by clang (so npm test also proves our code compiles warning-free there),
# stopping at the first sanitizer report; the two long-memory learning tests are skipped there
# (CMakeLists.txt says why).
if bash scripts/build-asan.sh; then
  ctest --test-dir build/asan --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" || status=1
else
  echo "the sanitizer build failed"; status=1
fi

echo "== Fuzz: a short pass of every target (npm run fuzz -- --seconds 5) =="
bash scripts/fuzz.sh --seconds 5 || status=1

echo "== Vitest =="
npx vitest run || status=1

echo "== Playwright =="
npx playwright test || status=1

if [ $status -ne 0 ]; then echo "npm test: FAILED"; else echo "npm test: all suites passed"; fi
exit $status
