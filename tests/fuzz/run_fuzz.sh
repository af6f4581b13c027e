#!/bin/sh
# Runs the object-loader fuzzer for SECONDS on a scratch copy of its seed corpus.
# Builds nothing: configure and build BUILD_DIR first with
#   cmake -S . -B BUILD_DIR -DCMAKE_C_COMPILER=clang -DHOTJIT_FUZZ=ON && make -C BUILD_DIR fuzz_loader
# Exits non-zero when the fuzzer finds a crash, a leak or a sanitizer report; the
# reproducer is then kept in BUILD_DIR/tests/fuzz/artifacts/.
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build=$1
seconds=$2
fuzzer=$build/tests/fuzz/fuzz_loader
seeds=$build/tests/fuzz/corpus
if [ ! -x "$fuzzer" ]; then
    echo "$0: no fuzzer at $fuzzer (configure with -DCMAKE_C_COMPILER=clang -DHOTJIT_FUZZ=ON)" >&2
    exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/hotjit-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/corpus" "$work/artifacts"
if [ -d "$seeds" ]; then
    cp "$seeds"/* "$work/corpus/" 2>/dev/null || true
fi
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$work/corpus" || status=$?
if [ "$status" -ne 0 ]; then
    kept=$build/tests/fuzz/artifacts
    mkdir -p "$kept"
    cp "$work/artifacts/"* "$kept/" 2>/dev/null || true
    echo "$0: the fuzzer failed (status $status); reproducers in $kept:" >&2
    ls -l "$kept" >&2 || true
    exit "$status"
fi
echo "$0: no crash in $seconds s"
