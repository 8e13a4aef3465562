#!/usr/bin/env bash
# npm run fuzz -- --seconds N: builds the libFuzzer targets (build/asan: clang-14, AddressSanitizer +
# UndefinedBehaviorSanitizer, see CMakeLists.txt) and runs each for N seconds (default 60) on its
# committed seeds (tests/fuzz/corpus/<target>) and regression inputs (tests/fuzz/regressions/<target>),
# printing libFuzzer's output. New inputs go to build/fuzz/corpus/<target>, a crashing input to
# build/fuzz/artifacts/<target>/. libFuzzer's defaults stay on (leak detection, the 2 GB malloc and
# RSS limits, no suppressions), with a 30 s limit per input. Fails when any target reports a crash,
# a leak, a timeout, running out of memory or a sanitizer error.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#--seconds=}"; shift ;;
    *) echo "usage: npm run fuzz -- [--seconds N]" >&2; exit 2 ;;
  esac
done
case "$seconds" in ''|*[!0-9]*) echo "--seconds needs a whole number, got '$seconds'" >&2; exit 2 ;; esac

targets=(fuzz_model_json fuzz_pack fuzz_tfjs_folder fuzz_predict_input fuzz_keras_config fuzz_keras_zip)

bash scripts/build-asan.sh "${targets[@]}" || { echo "fuzz: the sanitizer build failed"; exit 1; }

failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "build/fuzz/corpus/$t" "build/fuzz/artifacts/$t"
  dirs=("build/fuzz/corpus/$t" "tests/fuzz/corpus/$t")
  [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
  echo "== fuzz: $t for ${seconds} s =="
  log="build/fuzz/$t.log"
  "build/asan/$t" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$t/" "${dirs[@]}" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  summary+=("$t: exit $status, ${runs:-?} executions, ${cov:-cov: ?}")
  [ "$status" -ne 0 ] && failed+=("$t")
done

echo "== fuzz summary =="
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in build/fuzz/artifacts/)"
  exit 1
fi
echo "fuzz: no crash, leak, timeout or sanitizer report"
