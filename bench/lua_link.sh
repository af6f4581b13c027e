#!/usr/bin/env bash
# bench/lua_link.sh — load and run the Lua 5.4 interpreter from its ELF
# relocatable objects with hotjit and with LLVM 14's runtime linkers, and
# compare them with the natively linked interpreter, in one run.
#
# What it does (details and how each number is produced: bench/README.md):
#   1. fetches the Lua 5.4 source with `apt-get source lua5.4` through a private
#      apt configuration (the system's apt configuration is never touched) into
#      bench/work/ (git-ignored), once; reruns reuse it;
#   2. compiles every interpreter file (src/*.c except luac.c) to an object
#      with `$CC -O2 -fPIC -DLUA_USE_LINUX`, and links the native binary;
#   3. runs bench/lua_link.lua as a whole process with every tool, interleaved
#      round by round, and prints a markdown table of median/min/max wall time,
#      peak RSS, ratio to native, exit status and whether the output matched;
#   4. reports the link phase alone from each tool's own timers.
#
# usage: bench/lua_link.sh [--cc gcc|clang] [--runs N] [--hotjit PATH]
#                          [--timeout S] [--refetch] [--rebuild]
# environment: HOTJIT (path of the hotjit binary, default build/hotjit),
#   HOTJIT_LIBS (its -l flags, default "-l m"), LUA_SRC (use this Lua source
#   tree instead of fetching), LLVM_SUFFIX (default -14).
# Exit status: 0 when the benchmark ran (a tool that cannot run Lua is a row
# in the table, not an error); non-zero on a real error (no compiler, the
# source cannot be fetched or built, the native interpreter fails).
set -euo pipefail

die() { printf 'lua_link.sh: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'lua_link.sh: %s\n' "$*" >&2; }

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
WORK=$BENCH_DIR/work
T_START=$(date +%s.%N)

CC_KIND=gcc
RUNS=21
TIMEOUT=60
REFETCH=0
REBUILD=0
HOTJIT=${HOTJIT:-$REPO_DIR/build/hotjit}
HOTJIT_LIBS=${HOTJIT_LIBS--l m}
LLVM_SUFFIX=${LLVM_SUFFIX--14}
SCRIPT_ARG=20                      # the Lua script's argument: fib(20)

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case $1 in
        --cc) CC_KIND=${2:?--cc needs gcc or clang}; shift 2 ;;
        --cc=*) CC_KIND=${1#*=}; shift ;;
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --hotjit) HOTJIT=${2:?--hotjit needs a path}; shift 2 ;;
        --hotjit=*) HOTJIT=${1#*=}; shift ;;
        --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
        --timeout=*) TIMEOUT=${1#*=}; shift ;;
        --refetch) REFETCH=1; shift ;;
        --rebuild) REBUILD=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
case $RUNS in ''|*[!0-9]*|0) die "--runs must be a positive integer" ;; esac
case $TIMEOUT in ''|*[!0-9]*|0) die "--timeout must be a positive integer (seconds)" ;; esac
case $HOTJIT in /*) ;; *) HOTJIT=$PWD/$HOTJIT ;; esac
INVOCATION="bench/lua_link.sh --cc $CC_KIND --runs $RUNS"

# ---------------------------------------------------------------- tools
. "$(dirname "${BASH_SOURCE[0]}")/apt_private.sh" # IS_ROOT, apt_install, need, apt_private

# want CMD PKG — like need, but only warns: the tool's rows say "missing".
want() {
    command -v "$1" >/dev/null 2>&1 && return 0
    apt_install "$2" || true
    command -v "$1" >/dev/null 2>&1 && return 0
    log "warning: '$1' is missing (Debian package $2); its rows will say so"
    return 1
}

case $CC_KIND in
    gcc) need gcc gcc; CC=gcc ;;
    clang)
        if command -v clang"$LLVM_SUFFIX" >/dev/null 2>&1; then CC=clang$LLVM_SUFFIX
        else need clang clang; CC=clang; fi ;;
    *) die "--cc must be gcc or clang, not '$CC_KIND'" ;;
esac
need readelf binutils
need awk gawk
HAVE_RTDYLD=0; want "llvm-rtdyld$LLVM_SUFFIX" "llvm${LLVM_SUFFIX}" && HAVE_RTDYLD=1
HAVE_JITLINK=0; want "llvm-jitlink$LLVM_SUFFIX" "llvm${LLVM_SUFFIX}" && HAVE_JITLINK=1
RTDYLD=llvm-rtdyld$LLVM_SUFFIX
JITLINK=llvm-jitlink$LLVM_SUFFIX

mkdir -p "$WORK"

# ---------------------------------------------------------------- 1. source
# A private apt configuration: its own sources.list holding deb-src lines made
# from the system's deb822 sources, its own lists and cache directories.
# Nothing under /etc/apt or /var/lib/apt is written.
APT_DIR=$WORK/apt
SRC_PARENT=$WORK/src
fetch_lua() {
    if [ -n "${LUA_SRC:-}" ]; then
        [ -f "$LUA_SRC/src/lua.c" ] || die "LUA_SRC=$LUA_SRC has no src/lua.c"
        LUA_DIR=$(cd "$LUA_SRC" && pwd); return
    fi
    LUA_DIR=$SRC_PARENT/lua5.4
    if [ $REFETCH = 1 ]; then rm -rf "$SRC_PARENT"; fi
    if [ -f "$LUA_DIR/src/lua.c" ]; then log "using cached source $LUA_DIR"; return; fi
    mkdir -p "$SRC_PARENT"
    local dsc
    dsc=$(ls "$SRC_PARENT"/lua5.4_*.dsc 2>/dev/null | head -n1 || true)
    if [ -z "$dsc" ]; then
        need apt-get apt
        make_private_sources
        log "apt-get update (private configuration in $APT_DIR)"
        apt_private -q update >&2 || die "apt-get update with the private configuration failed"
        log "apt-get source --download-only lua5.4"
        (cd "$SRC_PARENT" && apt_private -q source --download-only lua5.4 >&2) \
            || die "apt-get source --download-only lua5.4 failed"
        dsc=$(ls "$SRC_PARENT"/lua5.4_*.dsc 2>/dev/null | head -n1 || true)
        [ -n "$dsc" ] || die "apt-get source left no lua5.4_*.dsc in $SRC_PARENT"
    fi
    need dpkg-source dpkg-dev
    log "unpacking $(basename "$dsc")"
    rm -rf "$LUA_DIR.tmp"
    (cd "$SRC_PARENT" && dpkg-source -q -x "$(basename "$dsc")" lua5.4.tmp >&2) \
        || die "dpkg-source -x $(basename "$dsc") failed"
    mv "$LUA_DIR.tmp" "$LUA_DIR"
    [ -f "$LUA_DIR/src/lua.c" ] || die "unpacked source has no src/lua.c"
}
fetch_lua
LUA_VERSION=$(sed -n 's/^Version: //p' "$SRC_PARENT"/lua5.4_*.dsc 2>/dev/null | head -n1 || true)
[ -n "$LUA_VERSION" ] || LUA_VERSION=$(sed -n 's/.*define LUA_VERSION_RELEASE[ \t]*"\(.*\)".*/5.4.\1/p' "$LUA_DIR/src/lua.h" | head -n1)

# ---------------------------------------------------------------- 2. build
BUILD=$WORK/build-$CC_KIND
OBJ=$BUILD/obj
OBJ_HIDDEN=$BUILD/obj-hidden
CFLAGS=(-O2 -fPIC -DLUA_USE_LINUX)
mkdir -p "$BUILD/inc" "$OBJ"
# Debian's luaconf.h includes a header that debian/rules generates at build
# time; generate it the same way (a build product, the sources stay as fetched).
MULTIARCH=$($CC -print-multiarch 2>/dev/null || true)
[ -n "$MULTIARCH" ] || MULTIARCH=$(uname -m)-linux-gnu
printf '#ifndef _LUA_DEB_MULTIARCH_\n#define _LUA_DEB_MULTIARCH_\n#define DEB_HOST_MULTIARCH "%s"\n#endif\n' \
    "$MULTIARCH" > "$BUILD/inc/lua5.4-deb-multiarch.h"

STAMP="$($CC --version | head -n1) | ${CFLAGS[*]} | $LUA_DIR"
if [ $REBUILD = 1 ] || [ "$(cat "$BUILD/stamp" 2>/dev/null || true)" != "$STAMP" ]; then
    rm -f "$OBJ"/*.o "$BUILD/stamp"
fi
SOURCES=()
for f in "$LUA_DIR"/src/*.c; do
    [ "$(basename "$f")" = luac.c ] && continue
    SOURCES+=("$f")
done
[ ${#SOURCES[@]} -gt 0 ] || die "no .c files in $LUA_DIR/src"
TODO=()
for f in "${SOURCES[@]}"; do
    o=$OBJ/$(basename "${f%.c}").o
    if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then TODO+=("$f"); fi
done
if [ ${#TODO[@]} -gt 0 ]; then
    log "compiling ${#TODO[@]} files with $CC ${CFLAGS[*]}"
    printf '%s\n' "${TODO[@]}" | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} \
        sh -c 'o="$1/$(basename "$2" .c).o"; shift 2; exec "$@" -c "$0" -o "$o"' \
        {} "$OBJ" {} "$CC" "${CFLAGS[@]}" -I"$BUILD/inc" \
        || die "compiling Lua failed"
    printf '%s\n' "$STAMP" > "$BUILD/stamp"
    rm -rf "$OBJ_HIDDEN" "$BUILD/lua-native"
fi
OBJS=()
for f in "${SOURCES[@]}"; do OBJS+=("obj/$(basename "${f%.c}").o"); done
NMOD=${#OBJS[@]}

# helpers, native binary, jitlink's copy of the objects
HOSTCC=$CC
for t in runstat internal2hidden; do
    if [ ! -x "$WORK/$t" ] || [ "$BENCH_DIR/$t.c" -nt "$WORK/$t" ]; then
        $HOSTCC -std=c11 -O2 -Wall -Wextra -o "$WORK/$t" "$BENCH_DIR/$t.c" || die "cannot build $t"
    fi
done
LIBS_NATIVE=(-lm -ldl)
if [ ! -x "$BUILD/lua-native" ]; then
    (cd "$BUILD" && $CC -o lua-native "${OBJS[@]}" "${LIBS_NATIVE[@]}") || die "linking the native interpreter failed"
fi
if [ ! -d "$OBJ_HIDDEN" ]; then
    mkdir -p "$OBJ_HIDDEN.tmp"
    cp "$OBJ"/*.o "$OBJ_HIDDEN.tmp"/
    "$WORK/internal2hidden" "$OBJ_HIDDEN.tmp"/*.o > "$BUILD/internal2hidden.log" || die "internal2hidden failed"
    mv "$OBJ_HIDDEN.tmp" "$OBJ_HIDDEN"
fi
OBJS_HIDDEN=("${OBJS[@]/#obj\//obj-hidden/}")
N_INTERNAL=$(awk '{ n += $2 } END { print n + 0 }' "$BUILD/internal2hidden.log")
NRELOC=$(cd "$BUILD" && readelf -rW "${OBJS[@]}" | awk '$3 ~ /^R_/ { n++ } END { print n+0 }')
NRELOC_TEXT=$(cd "$BUILD" && readelf -rW "${OBJS[@]}" | awk '/^Relocation section/ { eh = ($3 ~ /eh_frame/) } $3 ~ /^R_/ && !eh { n++ } END { print n+0 }')

libpath() {
    local p
    p=$($CC -print-file-name="$1")
    [ -f "$p" ] || p=$(ldconfig -p 2>/dev/null | awk -v l="$1" '$1 == l { print $NF; exit }')
    [ -n "$p" ] && [ -f "$p" ] || die "cannot locate $1"
    readlink -f "$p"
}
LIBC_SO=$(libpath libc.so.6)
LIBM_SO=$(libpath libm.so.6)

cp "$BENCH_DIR/lua_link.lua" "$BUILD/lua_link.lua"
SCRIPT=lua_link.lua

# Start-up baseline: one object whose main() returns at once, run by each tool.
# What a tool spends before main (its own dynamic loading, e.g. libLLVM) shows
# here; "Lua − empty" in the table is the cost of linking and running Lua.
mkdir -p "$BUILD/empty"
printf 'int main(void) { return 0; }\n' > "$BUILD/empty/empty_main.c"
if [ ! -f "$BUILD/empty/empty_main.o" ] || [ ! -x "$BUILD/empty/empty-native" ]; then
    (cd "$BUILD/empty" && $CC "${CFLAGS[@]}" -c empty_main.c -o empty_main.o && $CC -o empty-native empty_main.o) \
        || die "cannot build the empty main"
fi
: > "$BUILD/empty/expected.out"

# ---------------------------------------------------------------- 3. commands
# Whole-process rows.  Every command runs in $BUILD with the same arguments
# for Lua: argv = <something> lua_link.lua 20.
declare -A CMD NAME AVAIL
ROWS=(native hotjit rtdyld jitlink jitlink_hidden
      native_empty hotjit_empty rtdyld_empty jitlink_empty)
declare -A EMPTY_OF EXPECT
NAME[native]="native ($CC -o lua ${LIBS_NATIVE[*]})"
CMD[native]="./lua-native $SCRIPT $SCRIPT_ARG"
AVAIL[native]=ok

NAME[hotjit]="hotjit run"
# shellcheck disable=SC2206
CMD[hotjit]="$HOTJIT run $HOTJIT_LIBS ${OBJS[*]} -- $SCRIPT $SCRIPT_ARG"
AVAIL[hotjit]=ok; [ -x "$HOTJIT" ] || AVAIL[hotjit]="not built ($HOTJIT absent)"

NAME[rtdyld]="llvm-rtdyld$LLVM_SUFFIX -execute"
CMD[rtdyld]="$RTDYLD -execute -entry=main -dylib=$LIBC_SO -dylib=$LIBM_SO ${OBJS[*]} -args $SCRIPT $SCRIPT_ARG"
AVAIL[rtdyld]=ok; [ $HAVE_RTDYLD = 1 ] || AVAIL[rtdyld]="missing ($RTDYLD)"

# llvm-jitlink passes its first --args word as argv[0]: give it the first object.
NAME[jitlink]="llvm-jitlink$LLVM_SUFFIX"
CMD[jitlink]="$JITLINK ${OBJS[*]} -args ${OBJS[0]} $SCRIPT $SCRIPT_ARG"
AVAIL[jitlink]=ok; [ $HAVE_JITLINK = 1 ] || AVAIL[jitlink]="missing ($JITLINK)"

NAME[jitlink_hidden]="llvm-jitlink$LLVM_SUFFIX, internal→hidden objects ($N_INTERNAL symbols changed)"
CMD[jitlink_hidden]="$JITLINK ${OBJS_HIDDEN[*]} -args ${OBJS_HIDDEN[0]} $SCRIPT $SCRIPT_ARG"
AVAIL[jitlink_hidden]=${AVAIL[jitlink]}

E=empty/empty_main.o
NAME[native_empty]="native, empty main()";   CMD[native_empty]="./empty/empty-native"
NAME[hotjit_empty]="hotjit run, empty main()"; CMD[hotjit_empty]="$HOTJIT run $E"
NAME[rtdyld_empty]="${NAME[rtdyld]}, empty main()"; CMD[rtdyld_empty]="$RTDYLD -execute -entry=main $E"
NAME[jitlink_empty]="${NAME[jitlink]}, empty main()"; CMD[jitlink_empty]="$JITLINK $E"
AVAIL[native_empty]=ok
for t in hotjit rtdyld jitlink; do AVAIL[${t}_empty]=${AVAIL[$t]}; done
for t in native hotjit rtdyld jitlink; do EMPTY_OF[$t]=${t}_empty; EXPECT[${t}_empty]=$BUILD/empty/expected.out; done
EMPTY_OF[jitlink_hidden]=jitlink_empty

# Link-phase rows: the same runs with the tool's own timing switch.
LROWS=(hotjit_stats rtdyld_times jitlink_times)
declare -A LCMD LBASE
LBASE[hotjit_stats]=hotjit
LCMD[hotjit_stats]="$HOTJIT run --stats $HOTJIT_LIBS ${OBJS[*]} -- $SCRIPT $SCRIPT_ARG"
LBASE[rtdyld_times]=rtdyld
LCMD[rtdyld_times]="$RTDYLD -show-times -execute -entry=main -dylib=$LIBC_SO -dylib=$LIBM_SO ${OBJS[*]} -args $SCRIPT $SCRIPT_ARG"
LBASE[jitlink_times]=jitlink_hidden
LCMD[jitlink_times]="$JITLINK -show-times ${OBJS_HIDDEN[*]} -args ${OBJS_HIDDEN[0]} $SCRIPT $SCRIPT_ARG"

# ---------------------------------------------------------------- running
RUN=$WORK/run-$CC_KIND
rm -rf "$RUN"; mkdir -p "$RUN"
export RUNSTAT_TIMEOUT=$TIMEOUT

# run1 ID CMDLINE — one run; appends "status wall_ns rss_kib" to $RUN/ID.txt,
# keeps the output in $RUN/ID.out / ID.err (last run).
run1() {
    local id=$1 cmdline=$2 line
    # shellcheck disable=SC2086
    line=$(cd "$BUILD" && "$WORK/runstat" "$RUN/$id.out" "$RUN/$id.err" -- $cmdline) \
        || die "runstat failed for $id"
    echo "${line% * *}" >> "$RUN/$id.txt"   # drop user/sys columns
    [ "${line%% *}" = 0 ] && cmp -s "$RUN/$id.out" "${EXPECT[$id]:-$RUN/native.expected}" || echo mismatch >> "$RUN/$id.bad"
    return 0
}

# link_sample ID — extract the link-phase numbers from the last run's stderr.
link_sample() {
    local id=$1 err=$RUN/$1.err
    case $id in
        hotjit_stats)
            # "hotjit: link N modules, R relocations in T ms"
            sed -n 's/.*link \([0-9][0-9]*\) modules\{0,1\}, \([0-9][0-9]*\) relocations\{0,1\} in \([0-9.][0-9.]*\) *ms.*/\3 \1 \2/p' "$err" | tail -n1 >> "$RUN/$id.link" ;;
        rtdyld_times|jitlink_times)
            # LLVM timer table: [user] [sys] user+sys wall name (a column that is
            # all zero is left out); the wall time is the number before the name.
            sed 's/([^)]*)//g' "$err" | awk '
                function wall(   i) { for (i = 1; i <= NF; i++) if ($i == "time") return $(i - 1) }
                /time to load\/add object files/ { load = wall() }
                /time to link object files/      { link = wall() }
                /time to execute/                { exe = wall() }
                END { if (load != "" || link != "") printf "%.3f %.3f %.3f %.3f\n", (load + link) * 1000, load * 1000, link * 1000, exe * 1000 }' >> "$RUN/$id.link" ;;
    esac
}

# Reference output: the native interpreter, run once outside the measurement.
(cd "$BUILD" && "$WORK/runstat" "$RUN/native.expected" "$RUN/native.expected.err" -- ./lua-native $SCRIPT $SCRIPT_ARG) > "$RUN/native.ref" \
    || die "runstat failed"
[ "$(cut -d' ' -f1 "$RUN/native.ref")" = 0 ] || die "the native Lua interpreter failed: $(head -c 400 "$RUN/native.expected.err")"
[ -s "$RUN/native.expected" ] || die "the native Lua interpreter printed nothing"

# Warm-up round (not counted): page cache, and which tools work at all.
ACTIVE=()
declare -A WARM_STATUS WARM_MATCH WARM_ERR WARM_WALL
for id in "${ROWS[@]}" "${LROWS[@]}"; do
    base=${LBASE[$id]:-$id}
    [ "${AVAIL[$base]}" = ok ] || continue
    cmdline=${CMD[$id]:-${LCMD[$id]:-}}
    line=$(cd "$BUILD" && "$WORK/runstat" "$RUN/$id.out" "$RUN/$id.err" -- $cmdline) || die "runstat failed for $id"
    WARM_STATUS[$id]=${line%% *}
    WARM_WALL[$id]=$(echo "$line" | cut -d' ' -f2)
    if cmp -s "$RUN/$id.out" "${EXPECT[$id]:-$RUN/native.expected}"; then WARM_MATCH[$id]=yes; else WARM_MATCH[$id]=no; fi
    WARM_ERR[$id]=$(grep -v -e '^loaded .* at: 0x' -e '^===-' -e '^ *timers for' "$RUN/$id.err" | head -n 3 | cut -c1-200 | tr '\n' ' ' || true)
    cp "$RUN/$id.err" "$RUN/$id.warmup.err"; cp "$RUN/$id.out" "$RUN/$id.warmup.out"
    if [ "${WARM_STATUS[$id]}" = 0 ]; then
        ACTIVE+=("$id")
    else
        log "$id fails: exit ${WARM_STATUS[$id]}: ${WARM_ERR[$id]}"
    fi
done

log "timing ${#ACTIVE[@]} commands x $RUNS runs, interleaved"
n_act=${#ACTIVE[@]}
for ((r = 0; r < RUNS; r++)); do
    for ((k = 0; k < n_act; k++)); do          # rotate the order every round
        id=${ACTIVE[$(((k + r) % n_act))]}
        run1 "$id" "${CMD[$id]:-${LCMD[$id]:-}}"
        [ -n "${LCMD[$id]:-}" ] && link_sample "$id"
    done
done

# ---------------------------------------------------------------- 4. report
# stats FILE COL — "median min max" of column COL (numeric).
stats() {
    awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR == 0) exit
              med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              print med, v[1], v[NR] }'
}
ms() { awk -v x="$1" 'BEGIN { printf "%.2f", x / 1e6 }'; }

read -r NAT_MED _ < <(stats "$RUN/native.txt" 2)
read -r NAT_EMPTY_MED _ < <(stats "$RUN/native_empty.txt" 2)

# exit_desc STATUS [WALL_NS]
exit_desc() {
    local s=$1 w=${2:-0}
    if [ "$s" = 137 ] && [ "$w" -ge $((TIMEOUT * 1000000000)) ]; then
        echo "timed out (killed after ${TIMEOUT} s)"
    elif [ "$s" -ge 128 ] 2>/dev/null && [ "$s" -lt 160 ]; then
        local sig; sig=$(kill -l $((s - 128)) 2>/dev/null || echo $((s - 128)))
        echo "killed (SIG$sig)"
    elif [ "$s" = 127 ]; then echo "exit 127 (not executed?)"
    else echo "exit $s"; fi
}

{
echo "### Lua $LUA_VERSION: whole process, $RUNS runs each (interleaved), objects from $CC"
echo
echo "| tool | median ms | min ms | max ms | peak RSS KiB (median) | ratio to native¹ | Lua − empty ms² | status | output = native |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
for id in "${ROWS[@]}"; do
    if [ "${AVAIL[$id]}" != ok ]; then
        echo "| ${NAME[$id]} | | | | | | | ${AVAIL[$id]} | |"; continue
    fi
    if [ ! -f "$RUN/$id.txt" ]; then
        echo "| ${NAME[$id]} | | | | | | | $(exit_desc "${WARM_STATUS[$id]}" "${WARM_WALL[$id]}") | — |"; continue
    fi
    read -r med mn mx < <(stats "$RUN/$id.txt" 2)
    read -r rss _ < <(stats "$RUN/$id.txt" 3)
    statuses=$(awk '{ print $1 }' "$RUN/$id.txt" | sort -u | tr '\n' ' ')
    statuses=${statuses% }
    if [ "$statuses" = 0 ]; then st="exit 0"; else st="exit codes: $statuses"; fi
    if [ -f "$RUN/$id.bad" ]; then match="no ($(wc -l < "$RUN/$id.bad")/$RUNS runs differ)"; else match=yes; fi
    case $id in *_empty) ref=$NAT_EMPTY_MED ;; *) ref=$NAT_MED ;; esac
    ratio=$(awk -v a="$med" -v b="$ref" 'BEGIN { printf "%.1f×", a / b }')
    delta=
    e=${EMPTY_OF[$id]:-}
    if [ -n "$e" ] && [ -s "$RUN/$e.txt" ]; then
        read -r emed _ < <(stats "$RUN/$e.txt" 2)
        delta=$(awk -v a="$med" -v b="$emed" 'BEGIN { printf "%.2f", (a - b) / 1e6 }')
    fi
    echo "| ${NAME[$id]} | $(ms "$med") | $(ms "$mn") | $(ms "$mx") | ${rss%.*} | $ratio | $delta | $st | $match |"
done
echo
echo "¹ median of the row ÷ median of the native row for the same program (Lua, or the empty main()). ² median of the row − median of the same tool running an object whose main() returns at once: the cost of loading, linking and running Lua beyond the tool's own start-up."
echo
echo "### Link phase alone (median of the same $RUNS rounds; tool's own timers)"
echo
echo "| tool | how measured | median link ms | min | max | modules | relocations | µs / module | ns / relocation |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for id in "${LROWS[@]}"; do
    base=${LBASE[$id]}
    case $id in
        hotjit_stats) how="\`--stats\`: T of \"link N modules, R relocations in T ms\"" ;;
        rtdyld_times) how="\`-show-times\`: wall of \"load/add object files\" + \"link object files\"" ;;
        jitlink_times) how="\`-show-times\`: wall of \"load/add object files\" + \"link object files\"" ;;
    esac
    label=${NAME[$base]}
    if [ "${AVAIL[$base]}" != ok ]; then
        echo "| $label | $how | | | | | | | ${AVAIL[$base]} |"; continue
    fi
    if [ ! -s "$RUN/$id.link" ]; then
        why="no timing line"
        [ -n "${WARM_STATUS[$id]:-}" ] && [ "${WARM_STATUS[$id]}" != 0 ] && why="$(exit_desc "${WARM_STATUS[$id]}" "${WARM_WALL[$id]}")"
        echo "| $label | $how | | | | | | | $why |"; continue
    fi
    read -r med mn mx < <(stats "$RUN/$id.link" 1)
    if [ $id = hotjit_stats ]; then
        read -r nmod _ < <(stats "$RUN/$id.link" 2); read -r nrel _ < <(stats "$RUN/$id.link" 3)
        nmod=${nmod%.*}; nrel=${nrel%.*}
    else
        nmod=$NMOD; nrel="$NRELOC³"
    fi
    per=$(awk -v t="$med" -v m="$nmod" -v r="${nrel%³}" 'BEGIN { printf "%.1f | %.1f", t * 1000 / m, t * 1e6 / r }')
    printf '| %s | %s | %.2f | %.2f | %.2f | %s | %s | %s |\n' "$label" "$how" "$med" "$mn" "$mx" "$nmod" "$nrel" "$per"
done
echo
echo "³ relocation entries in the input objects (\`readelf -r\`, all sections; $NRELOC_TEXT outside \`.rela.eh_frame\`)."
if [ -s "$RUN/rtdyld_times.link" ] || [ -s "$RUN/jitlink_times.link" ]; then
    echo
    echo "Split of the LLVM timers (median ms): "
    for id in rtdyld_times jitlink_times; do
        [ -s "$RUN/$id.link" ] || continue
        read -r l _ < <(stats "$RUN/$id.link" 2); read -r k _ < <(stats "$RUN/$id.link" 3); read -r e _ < <(stats "$RUN/$id.link" 4)
        printf -- '- %s: load/add %.2f, link %.2f, execute (the script, inside the JIT) %.2f\n' "${NAME[${LBASE[$id]}]}" "$l" "$k" "$e"
    done
fi
FAILS=()
for id in "${ROWS[@]}" "${LROWS[@]}"; do
    if [ -n "${WARM_STATUS[$id]:-}" ] && { [ "${WARM_STATUS[$id]}" != 0 ] || [ "${WARM_MATCH[$id]}" != yes ]; }; then FAILS+=("$id"); fi
done
if [ ${#FAILS[@]} -gt 0 ]; then
    echo
    echo "Failures (warm-up run; full output in bench/work/run-$CC_KIND/ID.warmup.{out,err}):"
    for id in "${FAILS[@]}"; do
        if [ "${WARM_STATUS[$id]}" = 0 ]; then what="output differs from native"; else what=$(exit_desc "${WARM_STATUS[$id]}" "${WARM_WALL[$id]}"); fi
        echo "- $id: $what; stderr: \`${WARM_ERR[$id]% }\`"
    done
fi
echo
echo "Commands (run in bench/work/build-$CC_KIND, as \`$INVOCATION\`):"
echo
echo '```'
for id in "${ROWS[@]}"; do echo "${CMD[$id]}" | sed "s|$REPO_DIR/||g"; done
for id in "${LROWS[@]}"; do echo "${LCMD[$id]}" | sed "s|$REPO_DIR/||g"; done
echo '```'
echo
echo "Objects: $NMOD files, \`$CC ${CFLAGS[*]}\` ($($CC --version | head -n1)); Lua source: Debian lua5.4 $LUA_VERSION; host: $(uname -srm), $(nproc) CPUs; total script time $(awk -v a="$T_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')."
} | tee "$WORK/results-$CC_KIND.md"
log "table saved in $WORK/results-$CC_KIND.md"
