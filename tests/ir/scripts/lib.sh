# Helpers for the script tests of tests/ir (sourced).   SCRIPT HOTJIT WORKDIR
#
# setup                 checks the arguments, makes a fresh WORKDIR, copies prog/ into
#                       WORKDIR/prog and builds lib.bc there; runs happen in WORKDIR/prog
# hj NAME [ARG...]      runs `HOTJIT run ARG...` there (clean environment plus
#                       HOTJIT_IR_HOTJIT_ENV, a K=V list, and the sanitizer options; timeout),
#                       recording WORKDIR/NAME.{out,err,status,cmd}
# hj_bg NAME [ARG...]   the same in the background (wait for it with `wait`)
# expect_ok NAME [EXPECTED_STDOUT_FILE]
#                       status 0, stdout as expected (default prog/expected.stdout), and
#                       stderr holds nothing but --stats lines
# hits NAME             total cache hits reported by --stats ("?" if there are no stats)
# module_hit NAME FILE  does the --stats line of module FILE report a cache hit?
#                       prints hit, miss or none (no line for FILE)
# fail MSG / check_hits NAME WANT / finish
#
# --stats lines start with "hotjit: stats:" and are parsed loosely: the total line is
# the one that says "total"; its hit count is the number next to "hit(s)"; a module's
# line names the module and says "hit" when it was a cache hit.
set -u
set -o pipefail

FAILURES=0
IR_SCRIPT=$(basename "$0" .sh)
IR_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TIMEOUT=${HOTJIT_IR_TIMEOUT:-60}

setup() {
  [ $# -eq 2 ] || { echo "usage: $0 HOTJIT WORKDIR" >&2; exit 2; }
  HOTJIT=$1
  WORK=$2
  case $HOTJIT in
    */*) HOTJIT=$(cd "$(dirname "$HOTJIT")" && pwd)/$(basename "$HOTJIT") ;;
    *)   HOTJIT=$(command -v "$HOTJIT" || echo "$HOTJIT") ;;
  esac
  [ -x "$HOTJIT" ] || { echo "$IR_SCRIPT: hotjit not found: $HOTJIT" >&2; exit 2; }
  rm -rf "$WORK" && mkdir -p "$WORK" || exit 2
  WORK=$(cd "$WORK" && pwd)
  PROG=$WORK/prog
  cp -R "$IR_LIB_DIR/prog" "$PROG" || exit 2
  (cd "$PROG" && clang -c -emit-llvm -O2 -Xclang -disable-llvm-passes -fPIC lib_src.c -o lib.bc) ||
    { echo "$IR_SCRIPT: cannot build lib.bc" >&2; exit 2; }
  JITENV=()
  local v
  for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
    [ -n "${!v:-}" ] && JITENV+=("$v=${!v}")
  done
  if [ -n "${HOTJIT_IR_HOTJIT_ENV:-}" ]; then
    local extra
    read -r -a extra <<<"$HOTJIT_IR_HOTJIT_ENV"
    JITENV+=("${extra[@]}")
  fi
  BASEENV=(PATH=/usr/local/bin:/usr/bin:/bin LC_ALL=C HOME="${HOME:-/nonexistent}")
}

hj() {
  local name=$1; shift
  { printf 'cd %q && ' "$PROG"; printf '%q ' "$HOTJIT" run "$@"; echo; } >"$WORK/$name.cmd"
  (cd "$PROG" && exec env -i "${BASEENV[@]}" "${JITENV[@]}" timeout -k 5 "$TIMEOUT" "$HOTJIT" run "$@") \
    </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err"
  echo $? >"$WORK/$name.status"
}

hj_bg() { hj "$@" & }

fail() {
  echo "FAIL: ir/$IR_SCRIPT: $*"
  FAILURES=$((FAILURES + 1))
}

show_run() {
  local name=$1
  echo "  command: $(cat "$WORK/$name.cmd")"
  echo "  status: $(cat "$WORK/$name.status")"
  echo "  ---- stdout ----"; head -c 1500 "$WORK/$name.out" | sed 's/^/  | /'
  echo "  ---- stderr ----"; head -c 3000 "$WORK/$name.err" | sed 's/^/  | /'
}

expect_ok() {
  local name=$1 want=${2:-$PROG/expected.stdout} st bad=0
  st=$(cat "$WORK/$name.status")
  [ "$st" = 0 ] || { fail "$name: exit status $st, expected 0"; bad=1; }
  if ! cmp -s "$want" "$WORK/$name.out"; then
    fail "$name: stdout differs from $(basename "$want")"
    diff -u --label expected --label "$name" "$want" "$WORK/$name.out" | head -30 | sed 's/^/  /'
    bad=1
  fi
  if grep -vqE '^hotjit: (stats|link)' "$WORK/$name.err"; then
    fail "$name: unexpected lines on stderr"; bad=1
  fi
  [ $bad = 0 ] || show_run "$name"
  return $bad
}

hits() {
  local f=$WORK/$1.err line n
  if ! grep -qE '^hotjit: stats:' "$f"; then echo "?"; return; fi
  line=$(grep -E '^hotjit: stats:' "$f" | grep -i 'total' | tail -n 1)
  if [ -n "$line" ]; then
    n=$(grep -oiE '[0-9]+ *(cache )?hits?' <<<"$line" | grep -oE '^[0-9]+' | head -n 1)
    [ -z "$n" ] && n=$(grep -oiE 'hits?[ :=]*[0-9]+' <<<"$line" | grep -oE '[0-9]+$' | head -n 1)
    if [ -n "$n" ]; then echo "$n"; return; fi
  fi
  grep -E '^hotjit: stats:' "$f" | grep -vi 'total' | grep -iE 'hit' | grep -cviE 'miss|no hit'
}

module_hit() {
  local f=$WORK/$1.err mod=$2 line
  line=$(grep -E '^hotjit: stats:' "$f" | grep -vi 'total' | grep -F -- "$mod" | head -n 1)
  if [ -z "$line" ]; then echo none
  elif grep -qiE 'hit' <<<"$line" && ! grep -qiE 'miss|no hit' <<<"$line"; then echo hit
  else echo miss
  fi
}

check_hits() {
  local name=$1 want=$2 got
  got=$(hits "$name")
  if [ "$got" != "$want" ]; then
    fail "$name: --stats reports $got cache hits, expected $want"
    grep -E '^hotjit: stats:' "$WORK/$name.err" | sed 's/^/  | /'
    [ "$got" = "?" ] && show_run "$name"
    return 1
  fi
}

# files in the cache directory (regular files, recursively)
cache_files() { find "$1" -type f 2>/dev/null | LC_ALL=C sort; }

finish() {
  if [ "$FAILURES" -eq 0 ]; then
    echo "PASS: ir/$IR_SCRIPT"
    exit 0
  fi
  echo "ir/$IR_SCRIPT: $FAILURES failure(s); files in $WORK"
  exit 1
}
