#!/usr/bin/env bash
# Builds hotjit and runs the whole suite:
#   1. gcc build (-Werror): unit, bad-input and end-to-end tests
#   2. clang build (-Werror): unit tests
#   3. ASan+UBSan build: unit, bad-input and end-to-end tests
#   4. a short libFuzzer run of the object loader (HOTJIT_FUZZ_SECONDS, default 60)
# and ends with one line "N passed, N failed" over all of them.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh" || exit 1
jobs=$(nproc)
passed=0
failed=0
skipped=0

count_ctest() { # add up ctest's summary line
  local log=$1 line total bad
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -n 1)
  if [[ -z "$line" ]]; then
    echo "test: no ctest summary in $log" >&2
    failed=$((failed + 1))
    return
  fi
  bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
  skip=$(grep -c '\*\*\*Skipped' "$log")
  passed=$((passed + total - bad - skip))
  failed=$((failed + bad))
  skipped=$((skipped + skip))
}

build() { # build DIR CMAKE-ARGS...
  local dir=$1
  shift
  if ! cmake -S "$root" -B "$dir" "$@" >"$dir.configure.log" 2>&1 ||
     ! cmake --build "$dir" -j"$jobs" >"$dir.build.log" 2>&1; then
    echo "test: build in $dir failed:" >&2
    tail -n 40 "$dir.build.log" "$dir.configure.log" >&2 2>/dev/null
    failed=$((failed + 1))
    return 1
  fi
}

run_ctest() { # run_ctest DIR LABEL [ctest args]
  local dir=$1 label=$2
  shift 2
  echo "== $label"
  (cd "$dir" && ctest -j"$jobs" --output-on-failure "$@") >"$dir.ctest.log" 2>&1
  grep -E "tests passed|\*\*\*Failed|Timeout|Exception" "$dir.ctest.log" | sed 's/^/   /'
  count_ctest "$dir.ctest.log"
}

mkdir -p "$root/build-all"
b="$root/build-all"

if build "$b/gcc" -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=RelWithDebInfo; then
  run_ctest "$b/gcc" "gcc build: all tests"
fi
if build "$b/clang" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo; then
  run_ctest "$b/clang" "clang build: unit tests" -R '^unit/'
fi
if build "$b/asan" -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug -DHOTJIT_SANITIZE=ON; then
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_ctest "$b/asan" "ASan+UBSan build: all tests"
fi
# ThreadSanitizer: the hot-swap stress test (4 threads calling, 10,000 swaps), lazy first
# calls, and tiers (the engine's tier thread).
tsan="$b/tsan"
if cmake -S "$root" -B "$tsan" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
     -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHOTJIT_TSAN=ON >"$tsan.configure.log" 2>&1 &&
   cmake --build "$tsan" -j"$jobs" --target test_replace test_lazy test_tiers >"$tsan.build.log" 2>&1; then
  TSAN_OPTIONS=halt_on_error=1 run_ctest "$tsan" "ThreadSanitizer build: hot-swap stress, lazy first calls, tiers" \
    -R '^unit/(replace|lazy|tiers)$'
else
  echo "test: ThreadSanitizer build failed" >&2
  tail -n 30 "$tsan.build.log" >&2
  failed=$((failed + 1))
fi

# Newer LLVM versions, where installed (Debian packages llvm-15-dev .. llvm-19-dev):
# the ir layer's tests and the IR example against each.
for config in /usr/bin/llvm-config-1[5-9]; do
  [[ -x "$config" ]] || continue
  v=$(basename "$config" | sed 's/llvm-config-//')
  if build "$b/llvm$v" -DLLVM_CONFIG="$config" -DCMAKE_BUILD_TYPE=RelWithDebInfo; then
    run_ctest "$b/llvm$v" "LLVM $v build: ir unit test and examples" -R '^(unit/ir|example/)'
  fi
done
if build "$b/fuzz" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
     -DHOTJIT_FUZZ=ON -DHOTJIT_SANITIZE=ON; then
  echo "== fuzz: object loader, ${HOTJIT_FUZZ_SECONDS:-60} s"
  if [[ -x "$root/tests/fuzz/run_fuzz.sh" ]] &&
     "$root/tests/fuzz/run_fuzz.sh" "$b/fuzz" "${HOTJIT_FUZZ_SECONDS:-60}" >"$b/fuzz.log" 2>&1; then
    passed=$((passed + 1))
    tail -n 2 "$b/fuzz.log" | sed 's/^/   /'
  else
    failed=$((failed + 1))
    tail -n 30 "$b/fuzz.log" | sed 's/^/   /'
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
