#!/usr/bin/env bash
# Checks that the IR tests pass on a correct implementation and, above all, fail when
# they should, using fake_hotjit.sh (a clang-based stand-in with a working object
# cache; FAKE_HOTJIT_BREAK breaks it) instead of hotjit.   selftest.sh WORKDIR
set -u
here=$(cd "$(dirname "$0")" && pwd)
ir=$(dirname "$here")
work=${1:-/tmp/hotjit-ir-selftest}
fake=$here/fake_hotjit.sh
failures=0
rm -rf "$work" && mkdir -p "$work" || exit 2

# expect WANT_STATUS PATTERN LABEL CMD...
expect() {
  local want=$1 pattern=$2 label=$3 out st
  shift 3
  out=$("$@" 2>&1)
  st=$?
  if [ "$st" != "$want" ]; then
    echo "selftest FAIL: $label: exited $st, expected $want"
    echo "$out" | sed 's/^/    /' | head -30
    failures=$((failures + 1))
  elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$out"; then
    echo "selftest FAIL: $label: output lacks /$pattern/"
    echo "$out" | sed 's/^/    /' | head -30
    failures=$((failures + 1))
  else
    echo "selftest ok: $label -> $st"
  fi
}

# a copy of a case with changes: variant NAME CASE FILE SED-SCRIPT [FILE SED-SCRIPT]...
variant() {
  local name=$1 case=$2
  shift 2
  rm -rf "$work/cases/$name"
  mkdir -p "$work/cases"
  cp -R "$ir/cases/$case" "$work/cases/$name"
  while [ $# -ge 2 ]; do
    sed -i "$2" "$work/cases/$name/$1"
    shift 2
  done
  echo "$work/cases/$name"
}

run_case() { bash "$ir/run_ir.sh" "$fake" "$1" "$work/run/$(basename "$1")"; }
broken() { local how=$1; shift; HOTJIT_IR_HOTJIT_ENV=FAKE_HOTJIT_BREAK=$how "$@"; }

for c in calls_chain ctors_dtors argv_envp_exit mixed_kinds c_options; do
  expect 0 '^PASS' "case $c" run_case "$ir/cases/$c"
done
expect 1 'stdout differs' "calls_chain, expected.stdout changed (no native check)" \
  run_case "$(variant stdout calls_chain expected.stdout 's/= 86/= 87/' case 's/^NATIVE=1/NATIVE=0/')"
expect 1 'stderr is not empty' "calls_chain, an extra line on stderr" \
  broken stderr run_case "$ir/cases/calls_chain"
expect 1 'exit status 46, expected 45' "argv_envp_exit, status + 1" \
  broken status run_case "$ir/cases/argv_envp_exit"
expect 1 'does not match' "bad_c_syntax, STDERR_RE changed" \
  run_case "$(variant stderr_re bad_c_syntax case 's/3:18:/3:19:/')"
expect 1 'which it must not' "bad_c_syntax, STDERR_NOT_RE that matches" \
  run_case "$(variant stderr_not bad_c_syntax case '$a STDERR_NOT_RE=(expected)')"
expect 2 'the test is wrong' "ctors_dtors, wrong order in expected.stdout (native disagrees)" \
  run_case "$(variant native ctors_dtors expected.stdout '1{h;d};2{G}')"

# the scripts: pass on the working stand-in, fail on broken ones
S=$ir/scripts
expect 0 '^PASS' "cache_key" bash "$S/cache_key.sh" "$fake" "$work/s/key"
expect 1 'must miss the cache' "cache_key, stale cache hits" \
  broken stale-cache bash "$S/cache_key.sh" "$fake" "$work/s/key-stale"
expect 1 'truncate-damaged: exit status 125' "cache_corrupt, entries not checked" \
  broken trust-cache bash "$S/cache_corrupt.sh" "$fake" "$work/s/corrupt-trust"
expect 1 'reports \? cache hits' "cache_warm, no --stats output" \
  broken no-stats bash "$S/cache_warm.sh" "$fake" "$work/s/warm-nostats"

if [ $failures -ne 0 ]; then
  echo "selftest: $failures failure(s)"
  exit 1
fi
echo "selftest: all ok"
