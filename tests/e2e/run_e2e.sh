#!/usr/bin/env bash
# End-to-end test driver for hotjit.
#
#   run_e2e.sh HOTJIT PROGRAM_DIR COMPILER MODE WORKDIR
#
# HOTJIT       path to the hotjit command
# PROGRAM_DIR  tests/e2e/programs/<name>: 2-4 sources (*.c, *.cpp), each one module,
#              plus optional files:
#                flags  bash snippet, sourced; see "Per-program settings" below
#                stdin  fed to both runs on standard input (default: /dev/null)
# COMPILER     gcc or clang (C++ sources use g++ / clang++)
# MODE         O0-pic | O2-pie | O3-nopic | O2-medium | O1-large | O2-nopic-large
#              or an IR mode (clang only): c-O2 | bc-O2 | ll-O0, and the lazy variants
#              c-O2-lazy | bc-O2-lazy | ll-O0-lazy | bc-O2-tier; see "IR modes" below
# WORKDIR      scratch directory (created; files of an earlier run are replaced)
#
# Each source is compiled to one object in WORKDIR. The objects are linked natively
# and the native binary is run; then `HOTJIT run [-l ...] OBJS... -- ARGS...` is run
# with the same arguments, environment and stdin. stdout, stderr and the exit status
# must match exactly. Exit status: 0 match, 1 mismatch, 2 setup error (compile/link
# failure, bad arguments).
#
# Per-program settings (the `flags` file, sourced by bash):
#   CFLAGS="..."        extra flags for C sources      (e.g. CFLAGS=-fcommon)
#   CXXFLAGS="..."      extra flags for C++ sources
#   LIBS="m ..."        extra libraries: -lNAME natively, `-l NAME` for hotjit
#                       (C++ programs always get stdc++ and m)
#   ARGS=(a "b c")      arguments after `--` (a plain string is word-split)
#   ENV=(K=V ...)       extra environment variables for both runs
#   SOURCES="x.c y.c"   module order (default: sorted file names); the order matters
#                       for constructor/destructor order and for argv[0] under hotjit
#   TLS=1               the program uses thread-local storage; see below
#   EXPECT=reject       negative test: hotjit must refuse to load the objects; see below
#   REJECT_PATTERN=ERE  with EXPECT=reject: stderr of hotjit must match this
#                       extended regular expression (grep -E)
#
# Thread-local storage. TLS=1 only documents that a program uses thread-local
# storage: its objects are built in the mode's flags like any other, so -fPIE and
# -fno-pic objects use the static TLS models (local-exec, initial-exec), which
# hotjit serves from the static TLS pool of the hotjit command.
#
# Negative test (EXPECT=reject): the objects are still built and run natively (to show
# the program is valid), then hotjit must exit with a non-zero status, print nothing
# on stdout (main must not have run) and print a message on stderr matching
# REJECT_PATTERN.
#
# Environment: both runs get a clean environment (env -i) with PATH, LC_ALL=C, HOME
# and the program's ENV. ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS and
# HOTJIT_E2E_HOTJIT_ENV (a space-separated list of K=V) are passed to the hotjit run
# only, for sanitizer builds and debugging.
# HOTJIT_E2E_TIMEOUT (seconds, default 60) bounds each run.
# HOTJIT_E2E_EXTRA_CFLAGS is appended to every compile command (e.g. -Wextra).
#
# IR modes. hotjit is given LLVM IR or C source instead of objects; the native
# reference is always built as in O2-pie with clang (-O2 -fPIE, linked -pie):
#   c-O2   the .c sources themselves: `hotjit run -O2 -std=gnu11 [-D X/-I DIR from CFLAGS]`.
#          C programs only: C++ programs are skipped (exit 77), and so are programs
#          whose CFLAGS hold an option hotjit cannot pass on to clang (only -D, -I
#          and -std= can be), e.g. common_symbols' -fcommon.
#   bc-O2  each source -> bitcode: `clang -c -emit-llvm -O2 -Xclang -disable-llvm-passes
#          -fPIC` (clang++ for C++), then `hotjit run -O2 *.bc` (hotjit optimises)
#   ll-O0  each source -> IR text: `clang -S -emit-llvm -O0 -fPIC`, then `hotjit run -O0 *.ll`
#   c-O2-lazy, bc-O2-lazy, ll-O0-lazy
#          the same inputs and options plus `--lazy`: every function is compiled on
#          its first call; the output must still equal the native build's
#   bc-O2-tier
#          bc-O2 plus `--lazy --tier-up=2`: a function without loops or calls of
#          itself is first compiled at -O0 and again at -O2 on its second call
# The IR files are written to WORKDIR next to the native objects. EXPECT and
# REJECT_PATTERN do not apply in IR modes (the ir layer gives every thread-local
# variable a model the JIT supports, so tls_static_error must run like the native
# build); a program that hotjit must refuse also as IR sets IR_EXPECT=reject and
# IR_REJECT_PATTERN in its flags file. Exit status 77: the combination is skipped.

set -u
set -o pipefail

die() { echo "run_e2e: $*" >&2; exit 2; }

[ $# -eq 5 ] || die "usage: run_e2e.sh HOTJIT PROGRAM_DIR COMPILER MODE WORKDIR"
HOTJIT=$1
PROGDIR=${2%/}
COMPILER=$3
MODE=$4
WORKDIR=$5

[ -d "$PROGDIR" ] || die "no program directory: $PROGDIR"
command -v readelf >/dev/null || die "readelf (binutils) is needed"
PROG=$(basename "$PROGDIR")
TIMEOUT=${HOTJIT_E2E_TIMEOUT:-60}

case $COMPILER in
  gcc)   CC=gcc;   CXX=g++ ;;
  clang) CC=clang; CXX=clang++ ;;
  *) die "unknown compiler '$COMPILER' (gcc or clang)" ;;
esac

# MODEFLAGS: compile flags; LINKPIE: native link flag; PICFLAG: the PIC-ness option
# of the mode (replaced for TLS sources); OTHERFLAGS: the rest of the mode flags.
case $MODE in
  O0-pic)         OPT=-O0; PICFLAG=-fPIC;    CMODEL=;                LINKPIE=-pie ;;
  O2-pie)         OPT=-O2; PICFLAG=-fPIE;    CMODEL=;                LINKPIE=-pie ;;
  O3-nopic)       OPT=-O3; PICFLAG=-fno-pic; CMODEL=;                LINKPIE=-no-pie ;;
  O2-medium)      OPT=-O2; PICFLAG=-fPIC;    CMODEL=-mcmodel=medium; LINKPIE=-pie ;;
  O1-large)       OPT=-O1; PICFLAG=-fPIC;    CMODEL=-mcmodel=large;  LINKPIE=-pie ;;
  O2-nopic-large) OPT=-O2; PICFLAG=-fno-pic; CMODEL=-mcmodel=large;  LINKPIE=-no-pie ;;
  # IR modes: OPT/PICFLAG/LINKPIE describe the native reference (as O2-pie)
  c-O2|bc-O2|ll-O0|c-O2-lazy|bc-O2-lazy|ll-O0-lazy|bc-O2-tier)
                  OPT=-O2; PICFLAG=-fPIE; CMODEL=;                LINKPIE=-pie ;;
  *) die "unknown mode '$MODE'" ;;
esac
# IRKIND: what hotjit gets in an IR mode (empty: the objects); JITOPT: its -O option;
# LAZYOPT: --lazy in the lazy variants, with tiers in the tier one
IRKIND= JITOPT= LAZYOPT=()
case $MODE in
  *-lazy) LAZYOPT=(--lazy) ;;
  *-tier) LAZYOPT=(--lazy --tier-up=2) ;;
esac
BASEMODE=${MODE%-lazy}
case ${BASEMODE%-tier} in
  c-O2)  IRKIND=c;  JITOPT=-O2 ;;
  bc-O2) IRKIND=bc; JITOPT=-O2 ;;
  ll-O0) IRKIND=ll; JITOPT=-O0 ;;
esac
if [ -n "$IRKIND" ] && [ "$COMPILER" != clang ]; then
  die "mode $MODE is for clang only"
fi
# O0-pic is the "debug build" mode: it also carries DWARF (-g), so that objects with
# .debug_* sections and their relocations are loaded too.
DEBUGFLAG=
[ "$MODE" = O0-pic ] && DEBUGFLAG=-g

# ---- per-program settings -------------------------------------------------------
CFLAGS= CXXFLAGS= LIBS= SOURCES= TLS= EXPECT= REJECT_PATTERN= IR_EXPECT= IR_REJECT_PATTERN=
ARGS=() ENV=()
if [ -f "$PROGDIR/flags" ]; then
  # shellcheck disable=SC1091
  . "$PROGDIR/flags" || die "$PROGDIR/flags: cannot be sourced"
fi
# ARGS/ENV may be given as plain strings: split them into words.
if [ "$(declare -p ARGS 2>/dev/null | cut -c1-10)" != "declare -a" ]; then
  read -r -a ARGS <<<"${ARGS:-}"
fi
if [ "$(declare -p ENV 2>/dev/null | cut -c1-10)" != "declare -a" ]; then
  read -r -a ENV <<<"${ENV:-}"
fi

if [ -z "$SOURCES" ]; then
  SOURCES=$(cd "$PROGDIR" && ls -1 -- *.c *.cpp 2>/dev/null | LC_ALL=C sort | tr '\n' ' ')
fi
[ -n "${SOURCES// /}" ] || die "$PROGDIR: no sources"

IS_CXX=0
for s in $SOURCES; do
  case $s in *.cpp|*.cc|*.cxx) IS_CXX=1 ;; esac
done

# ---- IR modes: what hotjit is given ------------------------------------------------
skip() { echo "SKIP: e2e/$PROG/$COMPILER/$MODE: $*"; exit 77; }
CCOPTS=()   # c-O2: options for clang, passed through hotjit
if [ -n "$IRKIND" ]; then
  EXPECT=$IR_EXPECT
  REJECT_PATTERN=$IR_REJECT_PATTERN
  if [ "$IRKIND" = c ]; then
    [ $IS_CXX = 0 ] || skip "C++ program; mode $MODE covers C programs only"
    CCOPTS=(-std=gnu11)
    for f in $CFLAGS; do
      case $f in
        -D?*|-I?*) CCOPTS+=("${f:0:2}" "${f:2}") ;;   # as hotjit's -D NAME[=VALUE], -I DIR
        -std=*) CCOPTS+=("$f") ;;
        *) skip "CFLAGS option '$f' cannot be passed to clang through hotjit run" ;;
      esac
    done
  fi
fi

# ---- workdir --------------------------------------------------------------------
mkdir -p "$WORKDIR" || die "cannot create $WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)
# remove only what an earlier run of this script left there
rm -f "$WORKDIR"/*.o "$WORKDIR"/*.bc "$WORKDIR"/*.ll "$WORKDIR"/native "$WORKDIR"/build.log "$WORKDIR"/hotjit.cmd \
      "$WORKDIR"/{native,hotjit}.{out,err,status}

STDIN_FILE=/dev/null
[ -f "$PROGDIR/stdin" ] && STDIN_FILE=$PROGDIR/stdin

# ---- compile ----------------------------------------------------------------------
OBJS=()
JITINPUTS=()   # IR modes: the files hotjit gets instead of OBJS
for s in $SOURCES; do
  src=$PROGDIR/$s
  [ -f "$src" ] || die "$src: no such source"
  obj=$WORKDIR/${s%.*}.o
  for pic in $PICFLAG; do
    case $s in
      *.c) cmd=($CC -std=gnu11 $CFLAGS) ;;
      *)   cmd=($CXX -std=gnu++17 $CXXFLAGS) ;;
    esac
    cmd+=($OPT $pic $CMODEL $DEBUGFLAG -Wall -pthread ${HOTJIT_E2E_EXTRA_CFLAGS:-})
    cmd+=(-c "$src" -o "$obj")
    echo "+ ${cmd[*]}" >>"$WORKDIR/build.log"
    if ! "${cmd[@]}" >>"$WORKDIR/build.log" 2>&1; then
      cat "$WORKDIR/build.log" >&2
      die "compile failed: $s ($COMPILER $MODE)"
    fi
  done
  OBJS+=("$obj")
  # IR modes: the same source as bitcode or IR text (or the source itself)
  case $IRKIND in
    c)  JITINPUTS+=("$(cd "$(dirname "$src")" && pwd)/$(basename "$src")"); continue ;;
    bc) irfile=$WORKDIR/${s%.*}.bc; irflags=(-c -emit-llvm -O2 -Xclang -disable-llvm-passes -fPIC) ;;
    ll) irfile=$WORKDIR/${s%.*}.ll; irflags=(-S -emit-llvm -O0 -fPIC) ;;
    *)  continue ;;
  esac
  case $s in
    *.c) cmd=($CC -std=gnu11 $CFLAGS) ;;
    *)   cmd=($CXX -std=gnu++17 $CXXFLAGS) ;;
  esac
  cmd+=("${irflags[@]}" -Wall -pthread ${HOTJIT_E2E_EXTRA_CFLAGS:-} "$src" -o "$irfile")
  echo "+ ${cmd[*]}" >>"$WORKDIR/build.log"
  if ! "${cmd[@]}" >>"$WORKDIR/build.log" 2>&1; then
    cat "$WORKDIR/build.log" >&2
    die "compile to IR failed: $s ($COMPILER $MODE)"
  fi
  JITINPUTS+=("$irfile")
done

# ---- native link ------------------------------------------------------------------
LIBFLAGS=() JITLIBS=()
if [ $IS_CXX = 1 ]; then
  LINKER=$CXX
  LIBFLAGS+=(-lstdc++ -lm)
  JITLIBS+=(-l stdc++ -l m)
else
  LINKER=$CC
fi
for l in $LIBS; do
  LIBFLAGS+=("-l$l")
  JITLIBS+=(-l "$l")
done
NATIVE=$WORKDIR/native
cmd=($LINKER $LINKPIE -pthread "${OBJS[@]}" -o "$NATIVE" "${LIBFLAGS[@]}")
echo "+ ${cmd[*]}" >>"$WORKDIR/build.log"
if ! "${cmd[@]}" >>"$WORKDIR/build.log" 2>&1; then
  cat "$WORKDIR/build.log" >&2
  die "native link failed ($COMPILER $MODE)"
fi

# ---- run ---------------------------------------------------------------------------
BASEENV=(PATH=/usr/local/bin:/usr/bin:/bin LC_ALL=C HOME="${HOME:-/nonexistent}" "${ENV[@]}")
JITENV=()
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  [ -n "${!v:-}" ] && JITENV+=("$v=${!v}")
done
if [ -n "${HOTJIT_E2E_HOTJIT_ENV:-}" ]; then
  read -r -a extra <<<"$HOTJIT_E2E_HOTJIT_ENV"
  JITENV+=("${extra[@]}")
fi

# run NAME CMD... : runs in WORKDIR, records NAME.out, NAME.err, NAME.status
run() {
  local name=$1; shift
  (cd "$WORKDIR" && exec timeout -k 5 "$TIMEOUT" "$@") \
    <"$STDIN_FILE" >"$WORKDIR/$name.out" 2>"$WORKDIR/$name.err"
  echo $? >"$WORKDIR/$name.status"
}

run native env -i "${BASEENV[@]}" "$NATIVE" "${ARGS[@]}"
NSTATUS=$(cat "$WORKDIR/native.status")
# abnormal STATUS: timed out (124), could not be executed (126, 127), killed by a signal
abnormal() { [ "$1" -eq 124 ] || [ "$1" -eq 126 ] || [ "$1" -eq 127 ] || [ "$1" -gt 128 ]; }

if abnormal "$NSTATUS"; then
  echo "run_e2e: $PROG: the native build did not exit normally: status $NSTATUS" >&2
  cat "$WORKDIR/native.err" >&2
  exit 2
fi

# the runs happen inside WORKDIR: make the hotjit path absolute
case $HOTJIT in
  */*) [ -x "$HOTJIT" ] && HOTJIT=$(cd "$(dirname "$HOTJIT")" && pwd)/$(basename "$HOTJIT") ;;
  *)   HOTJIT=$(command -v "$HOTJIT" || echo "$HOTJIT") ;;
esac
if [ ! -x "$HOTJIT" ]; then
  die "hotjit not found or not executable: $HOTJIT (build the hotjit target first)"
fi
if [ -n "$IRKIND" ]; then
  JITCMD=("$HOTJIT" run "$JITOPT" "${LAZYOPT[@]}" "${CCOPTS[@]}" "${JITLIBS[@]}" "${JITINPUTS[@]}" -- "${ARGS[@]}")
else
  JITCMD=("$HOTJIT" run "${JITLIBS[@]}" "${OBJS[@]}" -- "${ARGS[@]}")
fi
printf '%q ' env -i "${BASEENV[@]}" "${JITENV[@]}" "${JITCMD[@]}" >"$WORKDIR/hotjit.cmd"
echo >>"$WORKDIR/hotjit.cmd"
run hotjit env -i "${BASEENV[@]}" "${JITENV[@]}" "${JITCMD[@]}"
JSTATUS=$(cat "$WORKDIR/hotjit.status")

# describe STATUS: a note for statuses that mean "did not run to completion"
describe() {
  case $1 in
    124) echo " (timed out after ${TIMEOUT}s)" ;;
    126|127) echo " (could not be executed)" ;;
    *) [ "$1" -gt 128 ] && echo " (killed by signal $(( $1 - 128 )): $(kill -l $(( $1 - 128 )) 2>/dev/null))" ;;
  esac
}

show() { # file, label
  echo "---- $2 ----"
  head -c 4000 "$1"
  [ "$(wc -c <"$1")" -gt 4000 ] && echo "... (truncated)"
}

fail_header() {
  echo "FAIL: e2e/$PROG/$COMPILER/$MODE: $*"
  echo "reproduce (in $WORKDIR):"
  echo "  $(cat "$WORKDIR/hotjit.cmd")"
}

if [ "$EXPECT" = reject ]; then
  ok=1
  why=()
  if [ "$JSTATUS" -eq 0 ]; then ok=0; why+=("hotjit exited with status 0"); fi
  if abnormal "$JSTATUS"; then ok=0; why+=("hotjit did not exit normally: status $JSTATUS$(describe "$JSTATUS")"); fi
  if [ -s "$WORKDIR/hotjit.out" ]; then ok=0; why+=("stdout is not empty (main ran?)"); fi
  if [ -n "$REJECT_PATTERN" ] && ! grep -qE -- "$REJECT_PATTERN" "$WORKDIR/hotjit.err"; then
    ok=0; why+=("stderr does not match /$REJECT_PATTERN/")
  fi
  if [ $ok = 1 ]; then
    echo "PASS: e2e/$PROG/$COMPILER/$MODE (rejected, status $JSTATUS)"
    sed 's/^/  | /' "$WORKDIR/hotjit.err" | head -5
    exit 0
  fi
  fail_header "expected hotjit to reject the objects: $(printf '%s; ' "${why[@]}")"
  show "$WORKDIR/hotjit.out" "hotjit stdout"
  show "$WORKDIR/hotjit.err" "hotjit stderr"
  exit 1
fi

ok=1
if [ "$NSTATUS" != "$JSTATUS" ]; then ok=0; fi
cmp -s "$WORKDIR/native.out" "$WORKDIR/hotjit.out" || ok=0
cmp -s "$WORKDIR/native.err" "$WORKDIR/hotjit.err" || ok=0
if [ $ok = 1 ]; then
  echo "PASS: e2e/$PROG/$COMPILER/$MODE (status $NSTATUS)"
  exit 0
fi

fail_header "output differs from the native build"
echo "exit status: native $NSTATUS, hotjit $JSTATUS$(describe "$JSTATUS")"
if ! cmp -s "$WORKDIR/native.out" "$WORKDIR/hotjit.out"; then
  echo "---- stdout diff (native vs hotjit) ----"
  diff -u --label native.stdout --label hotjit.stdout "$WORKDIR/native.out" "$WORKDIR/hotjit.out" | head -100
fi
if ! cmp -s "$WORKDIR/native.err" "$WORKDIR/hotjit.err"; then
  echo "---- stderr diff (native vs hotjit) ----"
  diff -u --label native.stderr --label hotjit.stderr "$WORKDIR/native.err" "$WORKDIR/hotjit.err" | head -100
fi
exit 1
