#!/usr/bin/env bash
# Checks that run_e2e.sh passes and, above all, fails when it should, using
# fake_hotjit.sh instead of hotjit.   selftest.sh WORKDIR
set -u
here=$(cd "$(dirname "$0")" && pwd)
e2e=$(dirname "$here")
work=${1:-/tmp/hotjit-e2e-selftest}
fake=$here/fake_hotjit.sh
failures=0

# expect WANT_STATUS PROGRAM FAKE_MODE [PATTERN]
# (compiler and mode of the run: $CC_MODE, default "gcc O0-pic")
CC_MODE="gcc O0-pic"
expect() {
  local want=$1 prog=$2 mode=$3 pattern=${4:-}
  local out st cc ccmode
  read -r cc ccmode <<<"$CC_MODE"
  out=$(HOTJIT_E2E_HOTJIT_ENV="FAKE_HOTJIT_MODE=$mode" \
        bash "$e2e/run_e2e.sh" "$fake" "$e2e/programs/$prog" $cc $ccmode "$work/$prog-$mode-$ccmode" 2>&1)
  st=$?
  if [ "$st" != "$want" ]; then
    echo "selftest FAIL: $prog ($cc $ccmode) with fake mode '$mode': run_e2e.sh exited $st, expected $want"
    echo "$out" | sed 's/^/    /' | head -40
    failures=$((failures + 1))
  elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$out"; then
    echo "selftest FAIL: $prog ($cc $ccmode) with fake mode '$mode': output lacks /$pattern/"
    echo "$out" | sed 's/^/    /' | head -40
    failures=$((failures + 1))
  else
    echo "selftest ok: $prog ($cc $ccmode), fake mode '$mode' -> $st"
  fi
}

expect 0 calls_globals same '^PASS'
expect 1 calls_globals stdout '^\+extra line from the fake hotjit'
expect 1 calls_globals stderr 'stderr diff'
expect 1 exit_deep status 'exit status: native 37, hotjit 38'
expect 0 argv_env same '^PASS'                 # args, env and stdin reach both runs alike
expect 1 tls_static_error same 'expected hotjit to reject'
expect 1 tls_static_error reject-silent 'does not match'
expect 0 tls_static_error reject '^PASS'
expect 1 calls_globals reject 'exit status: native 0, hotjit 1'

# IR modes (need clang): the IR files are made and given to hotjit, and a mismatch fails
if command -v clang >/dev/null && command -v clang++ >/dev/null; then
  CC_MODE="clang bc-O2"
  expect 0 calls_globals same '^PASS'
  expect 1 exit_deep status 'exit status: native 37, hotjit 38'
  expect 0 cxx_exceptions same '^PASS'
  expect 0 tls_static_error same '^PASS'          # as IR it must run, not be rejected
  expect 1 tls_static_error reject 'exit status: native 0, hotjit 1'
  CC_MODE="clang ll-O0"
  expect 0 argv_env same '^PASS'
  expect 1 calls_globals stderr 'stderr diff'
  CC_MODE="clang c-O2"
  expect 0 varargs same '^PASS'
  expect 1 varargs stdout '^\+extra line from the fake hotjit'
  expect 77 cxx_virtual same '^SKIP.*C\+\+ program'
  expect 77 common_symbols same "^SKIP.*'-fcommon'"
  CC_MODE="gcc bc-O2"
  expect 2 calls_globals same 'for clang only'
  CC_MODE="gcc O0-pic"
fi

if [ $failures -ne 0 ]; then
  echo "selftest: $failures failure(s)"
  exit 1
fi
echo "selftest: all ok"
