#!/usr/bin/env bash
# Driver for the IR end-to-end tests (tests/ir/cases/<name>).
#
#   run_ir.sh HOTJIT CASE_DIR WORKDIR
#
# A case directory holds the program's input files and a file `case` (bash, sourced):
#
#   FILES=(a.ll b.bc c.c)  hotjit's inputs, in this order; names relative to WORKDIR,
#                          into which every file of the case directory is copied
#                          (the runs happen there, so messages name the files as given)
#   OPTS=(-O2 ...)         options before the files (default: none)
#   LIBS="m"               -l NAME for hotjit, -lNAME for the native build
#   ARGS=(x "y z")         arguments after `--`
#   ENV=(K=V ...)          extra environment of the runs (both start from env -i)
#   STATUS=N               expected exit status (default 0)
#   NATIVE=1               the expectations also hold for a native build: the FILES are
#                          compiled and linked by clang (-O2 -fPIE -pie, NATIVE_FLAGS added)
#                          and the native run must meet expected.* first; if it does
#                          not, the test itself is wrong (exit 2)
#   STDERR_RE=(ERE ...)    stderr must match every extended regular expression (grep -E,
#                          line by line) instead of equalling expected.stderr
#   STDERR_NOT_RE=(ERE ...) and must match none of these
#   build() { ...; }       run in WORKDIR before the runs: makes generated inputs
#                          (bitcode, objects, broken files) from the copied sources
#   check() { ...; }       extra checks after the hotjit run (cwd WORKDIR; the outputs are
#                          hotjit.out / hotjit.err); print why and return non-zero to fail
#
# and the expected output: expected.stdout (absent: stdout must be empty) and
# expected.stderr (absent and no STDERR_RE: stderr must be empty).
#
# Exit status: 0 pass, 1 fail, 2 setup error (build failed, or the native run does not
# meet the expectations). Environment: HOTJIT_IR_TIMEOUT (seconds per run, default 60),
# HOTJIT_IR_HOTJIT_ENV (K=V list for the hotjit run only; ASAN_OPTIONS, UBSAN_OPTIONS,
# LSAN_OPTIONS are passed through as well).
set -u
set -o pipefail

die() { echo "run_ir: $*" >&2; exit 2; }
[ $# -eq 3 ] || die "usage: run_ir.sh HOTJIT CASE_DIR WORKDIR"
HOTJIT=$1
CASEDIR=$(cd "$2" 2>/dev/null && pwd) || die "no case directory: $2"
WORKDIR=$3
NAME=$(basename "$CASEDIR")
TIMEOUT=${HOTJIT_IR_TIMEOUT:-60}
[ -f "$CASEDIR/case" ] || die "$CASEDIR/case is missing"

FILES=() OPTS=() ARGS=() ENV=() STDERR_RE=() STDERR_NOT_RE=()
LIBS= STATUS=0 NATIVE=0 NATIVE_FLAGS=
# shellcheck disable=SC1091
. "$CASEDIR/case" || die "$CASEDIR/case: cannot be sourced"
[ ${#FILES[@]} -gt 0 ] || die "$NAME: FILES is empty"

case $HOTJIT in
  */*) HOTJIT=$(cd "$(dirname "$HOTJIT")" && pwd)/$(basename "$HOTJIT") ;;
  *)   HOTJIT=$(command -v "$HOTJIT" || echo "$HOTJIT") ;;
esac
[ -x "$HOTJIT" ] || die "hotjit not found or not executable: $HOTJIT"

rm -rf "$WORKDIR"
mkdir -p "$WORKDIR" || die "cannot create $WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)
cp -R "$CASEDIR"/. "$WORKDIR"/ || die "cannot copy $CASEDIR"
cd "$WORKDIR" || die "cannot enter $WORKDIR"

if declare -F build >/dev/null; then
  ( set -e; build ) >build.log 2>&1 || { cat build.log >&2; die "$NAME: build() failed"; }
fi
for f in "${FILES[@]}"; do
  [ -e "$f" ] || die "$NAME: input $f does not exist (after build)"
done

BASEENV=(PATH=/usr/local/bin:/usr/bin:/bin LC_ALL=C HOME="${HOME:-/nonexistent}" "${ENV[@]}")
JITENV=()
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  [ -n "${!v:-}" ] && JITENV+=("$v=${!v}")
done
if [ -n "${HOTJIT_IR_HOTJIT_ENV:-}" ]; then
  read -r -a extra <<<"$HOTJIT_IR_HOTJIT_ENV"
  JITENV+=("${extra[@]}")
fi

# run NAME CMD... : records NAME.out, NAME.err, NAME.status (stdin: /dev/null)
run() {
  local name=$1; shift
  timeout -k 5 "$TIMEOUT" "$@" </dev/null >"$name.out" 2>"$name.err"
  echo $? >"$name.status"
}

# meets NAME: do NAME.{out,err,status} meet the expectations? Prints why not.
meets() {
  local name=$1 ok=0 st re
  st=$(cat "$name.status")
  if [ "$st" != "$STATUS" ]; then
    echo "exit status $st, expected $STATUS$(describe "$st")"; ok=1
  fi
  if [ -f expected.stdout ]; then
    if ! cmp -s expected.stdout "$name.out"; then
      echo "stdout differs from expected.stdout:"
      diff -u --label expected.stdout --label "$name.stdout" expected.stdout "$name.out" | head -60
      ok=1
    fi
  elif [ -s "$name.out" ]; then
    echo "stdout is not empty:"; head -c 2000 "$name.out"; ok=1
  fi
  if [ ${#STDERR_RE[@]} -gt 0 ]; then
    for re in "${STDERR_RE[@]}"; do
      if ! grep -qE -- "$re" "$name.err"; then
        echo "stderr does not match /$re/"; ok=1
      fi
    done
  elif [ -f expected.stderr ]; then
    if ! cmp -s expected.stderr "$name.err"; then
      echo "stderr differs from expected.stderr:"
      diff -u --label expected.stderr --label "$name.stderr" expected.stderr "$name.err" | head -60
      ok=1
    fi
  elif [ -s "$name.err" ]; then
    echo "stderr is not empty"; ok=1
  fi
  for re in "${STDERR_NOT_RE[@]}"; do
    if grep -qE -- "$re" "$name.err"; then
      echo "stderr matches /$re/, which it must not"; ok=1
    fi
  done
  if [ $ok = 1 ] && [ -s "$name.err" ]; then
    echo "---- $name stderr ----"; head -c 3000 "$name.err"
  fi
  return $ok
}

describe() {
  case $1 in
    124) echo " (timed out after ${TIMEOUT}s)" ;;
    126) echo " (could not be executed)" ;;
    *) [ "$1" -gt 128 ] && echo " (killed by signal $(( $1 - 128 )): $(kill -l $(( $1 - 128 )) 2>/dev/null))" ;;
  esac
}

# ---- native reference ---------------------------------------------------------------
if [ "$NATIVE" = 1 ]; then
  command -v clang >/dev/null || die "NATIVE=1 needs clang"
  nlibs=()
  for l in $LIBS; do nlibs+=("-l$l"); done
  # shellcheck disable=SC2086
  cmd=(clang -O2 -fPIE -pie -pthread $NATIVE_FLAGS "${FILES[@]}" -o native "${nlibs[@]}")
  echo "+ ${cmd[*]}" >>build.log
  "${cmd[@]}" >>build.log 2>&1 || { cat build.log >&2; die "$NAME: native build failed"; }
  run native env -i "${BASEENV[@]}" ./native "${ARGS[@]}"
  if ! why=$(meets native); then
    echo "run_ir: $NAME: the native build does not meet the expectations (the test is wrong):" >&2
    echo "$why" >&2
    exit 2
  fi
fi

# ---- hotjit -----------------------------------------------------------------------------
jlibs=()
for l in $LIBS; do jlibs+=(-l "$l"); done
JITCMD=("$HOTJIT" run "${OPTS[@]}" "${jlibs[@]}" "${FILES[@]}" -- "${ARGS[@]}")
{ printf 'cd %q && ' "$WORKDIR"; printf '%q ' env -i "${BASEENV[@]}" "${JITENV[@]}" "${JITCMD[@]}"; echo; } >hotjit.cmd
run hotjit env -i "${BASEENV[@]}" "${JITENV[@]}" "${JITCMD[@]}"

fail=0
why=$(meets hotjit) || fail=1
if [ $fail = 0 ] && declare -F check >/dev/null; then
  why=$(check 2>&1) || fail=1
fi
if [ $fail = 0 ]; then
  echo "PASS: ir/$NAME (status $(cat hotjit.status))"
  exit 0
fi
echo "FAIL: ir/$NAME"
echo "reproduce:"
echo "  $(cat hotjit.cmd)"
echo "$why"
exit 1
