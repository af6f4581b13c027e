#!/usr/bin/env bash
# bench/ir_bench.sh — Lua 5.4 and SQLite run from LLVM bitcode: hotjit vs
# LLVM 14's lli (MCJIT and ORC) vs the natively built -O2 programs, in one run.
#
# What it does (method and how every number is produced: bench/ir_bench.md):
#   1. fetches the sources with `apt-get source lua5.4` and `apt-get source
#      sqlite3` through a private apt configuration (the system's apt
#      configuration is never touched) into bench/work/src/ (git-ignored),
#      once; reruns reuse them.  SQLite's Debian source has no amalgamation:
#      it is generated from the tree (`configure && make sqlite3.c shell.c`,
#      needs tclsh; no network);
#   2. compiles to bitcode with clang-14: Lua one module per interpreter file
#      (33), SQLite two modules (sqlite3.c, shell.c), each at two settings:
#        O2: -O2 -Xclang -disable-llvm-passes (not optimised; no optnone)
#        O0: -O0 (functions marked optnone)
#      plus "preopt" (the O2 bitcode optimised by clang -O2, for a reference
#      row; Lua only by default), and the native -O2 binaries from the same
#      O2 bitcode;
#   3. runs every tool on (a) a one-line script and (b) a CPU-heavy script,
#      interleaved round by round, and prints markdown tables: median/min/max
#      wall time, peak RSS, ratios to native and to lli of the same run, the
#      in-process time of the heavy part, and the issue's goals.
#
# usage: bench/ir_bench.sh [--runs N] [--runs-slow M] [--slow S] [--budget S]
#                          [--timeout S] [--only lua|sqlite] [--preopt WHICH]
#                          [--lli-cache WHICH] [--hotjit PATH] [--refetch]
#                          [--rebuild] [--build-only]
#   --runs N       runs per row for rows whose first run took <= S s (default 5)
#   --runs-slow M  runs per row for rows whose first run took  > S s (default 3)
#   --slow S       the threshold in seconds (default 3)
#   --budget S     skip a further run (after every row's first) when it would
#                  end more than S s after the script started, keeping time
#                  for the fast rows' runs first (default 570; 0: no limit)
#   --timeout S    kill a run after S seconds (default 240)
#   --only P       benchmark only lua or only sqlite
#   --build-only   fetch and build (steps 1 and 2), then stop (bench/lazy_bench.sh
#                  builds its inputs this way)
#   --preopt WHICH the reference row "lli mcjit -O2 on clang -O2 IR" for
#                  none, lua (default) or all programs; --no-preopt = none
#   --lli-cache WHICH  the rows "lli ... warm cache" (lli's own object cache)
#                  for none, lua (default) or all programs
# environment: HOTJIT (default build/hotjit), HOTJIT_LIBS (default "-l m"),
#   LLVM_SUFFIX (default -14), LUA_SRC / SQLITE_SRC (use this source tree
#   instead of fetching).
# Exit status: 0 when the benchmark ran (a tool that fails is a row in the
# table, not an error); non-zero on a real error (no clang-14, a source that
# cannot be fetched or built, a native program that fails).
set -euo pipefail


BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
WORK=$BENCH_DIR/work
IRW=$WORK/ir                       # everything this script builds or writes
T_START=$(date +%s.%N)
. "$BENCH_DIR/bench_lib.sh"

RUNS=5
RUNS_SLOW=3
SLOW=3
TIMEOUT=240
ONLY=
PREOPT=lua
LLICACHE=lua
BUDGET=570
REFETCH=0
REBUILD=0
BUILD_ONLY=0
HOTJIT=${HOTJIT:-$REPO_DIR/build/hotjit}
HOTJIT_LIBS=${HOTJIT_LIBS--l m}
LLVM_SUFFIX=${LLVM_SUFFIX--14}
ARGV_ORIG="$*"


while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --runs-slow) RUNS_SLOW=${2:?--runs-slow needs a number}; shift 2 ;;
        --runs-slow=*) RUNS_SLOW=${1#*=}; shift ;;
        --slow) SLOW=${2:?--slow needs seconds}; shift 2 ;;
        --slow=*) SLOW=${1#*=}; shift ;;
        --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
        --timeout=*) TIMEOUT=${1#*=}; shift ;;
        --only) ONLY=${2:?--only needs lua or sqlite}; shift 2 ;;
        --only=*) ONLY=${1#*=}; shift ;;
        --no-preopt) PREOPT=none; shift ;;
        --preopt) PREOPT=${2:?--preopt needs none, lua or all}; shift 2 ;;
        --preopt=*) PREOPT=${1#*=}; shift ;;
        --lli-cache) LLICACHE=${2:?--lli-cache needs none, lua or all}; shift 2 ;;
        --lli-cache=*) LLICACHE=${1#*=}; shift ;;
        --budget) BUDGET=${2:?--budget needs seconds}; shift 2 ;;
        --budget=*) BUDGET=${1#*=}; shift ;;
        --hotjit) HOTJIT=${2:?--hotjit needs a path}; shift 2 ;;
        --hotjit=*) HOTJIT=${1#*=}; shift ;;
        --refetch) REFETCH=1; shift ;;
        --rebuild) REBUILD=1; shift ;;
        --build-only) BUILD_ONLY=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
case $BUDGET in ''|*[!0-9]*) die "--budget must be a number of seconds (0: no limit)" ;; esac
case $PREOPT in none|lua|all) ;; *) die "--preopt must be none, lua or all" ;; esac
case $LLICACHE in none|lua|all) ;; *) die "--lli-cache must be none, lua or all" ;; esac
for v in RUNS RUNS_SLOW SLOW TIMEOUT; do
    case ${!v} in ''|*[!0-9]*|0) die "--$(echo "$v" | tr 'A-Z_' 'a-z-') must be a positive integer" ;; esac
done
case $ONLY in ''|lua|sqlite) ;; *) die "--only must be lua or sqlite" ;; esac
case $HOTJIT in /*) ;; *) HOTJIT=$PWD/$HOTJIT ;; esac
PROGS=(lua sqlite)
[ -n "$ONLY" ] && PROGS=("$ONLY")
# has_preopt P — whether program P gets the preopt bitcode and reference row
has_preopt() { [ "$PREOPT" = all ] || [ "$PREOPT" = "$1" ]; }
# has_llicache P — whether program P gets the lli warm-cache rows
has_llicache() { [ "$LLICACHE" = all ] || [ "$LLICACHE" = "$1" ]; }

# ---------------------------------------------------------------- tools
. "$(dirname "${BASH_SOURCE[0]}")/apt_private.sh" # IS_ROOT, apt_install, need, apt_private
CLANG=clang$LLVM_SUFFIX
LLI=lli$LLVM_SUFFIX
need "$CLANG" "clang$LLVM_SUFFIX"
need "$LLI" "llvm$LLVM_SUFFIX"
need awk gawk
need make make
NPROC=$(nproc 2>/dev/null || echo 2)
mkdir -p "$IRW"

# runstat (bench/runstat.c): wall time and peak RSS of one child process.
RUNSTAT=$IRW/runstat
if [ ! -x "$RUNSTAT" ] || [ "$BENCH_DIR/runstat.c" -nt "$RUNSTAT" ] || [ "$BENCH_DIR/child.h" -nt "$RUNSTAT" ]; then
    $CLANG -O2 -o "$RUNSTAT" "$BENCH_DIR/runstat.c" || die "cannot build runstat"
fi

# ---------------------------------------------------------------- 1. sources
# The same private apt configuration as bench/lua_link.sh (bench/README.md):
# deb-src lines made from the system's sources, own lists and cache.
APT_DIR=$WORK/apt
SRC_PARENT=$WORK/src
APT_UPDATED=0

fetch_src() {
    local pkg=$1 check=$2 dsc
    SRC_DIR=$SRC_PARENT/$pkg
    if [ -f "$SRC_DIR/$check" ]; then log "using the source in $SRC_DIR"; return; fi
    mkdir -p "$SRC_PARENT"
    dsc=$(ls "$SRC_PARENT/${pkg}"_*.dsc 2>/dev/null | head -n1 || true)
    if [ -z "$dsc" ]; then
        need apt-get apt
        if [ $APT_UPDATED = 0 ]; then
            make_private_sources
            log "apt-get update (private configuration in $APT_DIR)"
            apt_private -q update >&2 || die "apt-get update with the private configuration failed"
            APT_UPDATED=1
        fi
        log "apt-get source --download-only $pkg"
        (cd "$SRC_PARENT" && apt_private -q source --download-only "$pkg" >&2) \
            || die "apt-get source --download-only $pkg failed"
        dsc=$(ls "$SRC_PARENT/${pkg}"_*.dsc 2>/dev/null | head -n1 || true)
        [ -n "$dsc" ] || die "apt-get source left no ${pkg}_*.dsc in $SRC_PARENT"
    fi
    need dpkg-source dpkg-dev
    log "unpacking $(basename "$dsc")"
    rm -rf "$SRC_DIR.tmp"
    (cd "$SRC_PARENT" && dpkg-source -q -x "$(basename "$dsc")" "$pkg.tmp" >&2) \
        || die "dpkg-source -x $(basename "$dsc") failed"
    rm -rf "$SRC_DIR"; mv "$SRC_DIR.tmp" "$SRC_DIR"
    [ -f "$SRC_DIR/$check" ] || die "unpacked $pkg source has no $check"
}
dsc_version() { sed -n 's/^Version: //p' "$SRC_PARENT/$1"_*.dsc 2>/dev/null | head -n1; }

if [ $REFETCH = 1 ]; then
    for p in "${PROGS[@]}"; do
        case $p in lua) rm -rf "$SRC_PARENT"/lua5.4 "$SRC_PARENT"/lua5.4_* ;; sqlite) rm -rf "$SRC_PARENT"/sqlite3 "$SRC_PARENT"/sqlite3_* ;; esac
    done
fi

CLANG_VERSION=$($CLANG --version | head -n1)
declare -A VERSION SRCDIR
for p in "${PROGS[@]}"; do
    case $p in
        lua)
            if [ -n "${LUA_SRC:-}" ]; then SRC_DIR=$(cd "$LUA_SRC" && pwd); [ -f "$SRC_DIR/src/lua.c" ] || die "LUA_SRC has no src/lua.c"
            else fetch_src lua5.4 src/lua.c; fi
            SRCDIR[lua]=$SRC_DIR
            VERSION[lua]="Debian lua5.4 $(dsc_version lua5.4)" ;;
        sqlite)
            if [ -n "${SQLITE_SRC:-}" ]; then SRC_DIR=$(cd "$SQLITE_SRC" && pwd); [ -f "$SRC_DIR/tool/mksqlite3c.tcl" ] || die "SQLITE_SRC has no tool/mksqlite3c.tcl"
            else fetch_src sqlite3 tool/mksqlite3c.tcl; fi
            SRCDIR[sqlite]=$SRC_DIR
            VERSION[sqlite]="Debian sqlite3 $(dsc_version sqlite3) (upstream $(cat "$SRC_DIR/VERSION" 2>/dev/null))" ;;
    esac
done

# ---------------------------------------------------------------- 2. build
# Compile jobs are collected in a list and run with xargs -P, longest first.
JOBS=$IRW/jobs.txt
: > "$JOBS"
# job OUT CMD... — queue CMD (which writes OUT) unless OUT is up to date
# w.r.t. the files named in DEPS (a global).
job() {
    local out=$1; shift
    local d stale=0
    [ -f "$out" ] || stale=1
    for d in $DEPS; do [ "$d" -nt "$out" ] && stale=1; done
    [ $stale = 1 ] || return 0
    rm -f "$out"
    local q; q=$(printf '%q ' "$@")
    printf '%s\n' "$q" >> "$JOBS"
}
run_jobs() {
    [ -s "$JOBS" ] || return 0
    log "compiling: $(wc -l < "$JOBS") jobs, $NPROC at a time"
    # shellcheck disable=SC2016
    xargs -P "$NPROC" -d '\n' -n 1 bash -c 'eval "$0" || { echo "failed: $0" >&2; exit 255; }' < "$JOBS" \
        || die "compilation failed (see the messages above)"
    : > "$JOBS"
}

# stamp DIR TEXT — wipe DIR's build products when TEXT (compiler and flags)
# changed since the last build, or with --rebuild.
stamp() {
    local dir=$1 text=$2
    mkdir -p "$dir"
    if [ $REBUILD = 1 ] || [ "$(cat "$dir/stamp" 2>/dev/null || true)" != "$text" ]; then
        rm -rf "$dir/O0" "$dir/O2" "$dir/preopt" "$dir/native"
        printf '%s' "$text" > "$dir/stamp"
    fi
    mkdir -p "$dir/O0" "$dir/O2" "$dir/preopt" "$dir/native"
}

CF_O2=(-c -emit-llvm -O2 -Xclang -disable-llvm-passes)
CF_O0=(-c -emit-llvm -O0)
declare -A MODS NATIVE_LIBS CFLAGS_OF
# ---- Lua: every src/*.c except luac.c, one module each; lua.c holds main.
if [[ " ${PROGS[*]} " == *" lua "* ]]; then
    D=$IRW/lua
    CFLAGS_OF[lua]="-DLUA_USE_LINUX"
    stamp "$D" "$CLANG_VERSION | ${CFLAGS_OF[lua]} | ${SRCDIR[lua]}"
    mkdir -p "$D/inc"
    # Debian's luaconf.h includes a header that debian/rules generates.
    MA=$($CLANG -print-multiarch 2>/dev/null || true); [ -n "$MA" ] || MA=$(uname -m)-linux-gnu
    printf '#ifndef _LUA_DEB_MULTIARCH_\n#define _LUA_DEB_MULTIARCH_\n#define DEB_HOST_MULTIARCH "%s"\n#endif\n' "$MA" > "$D/inc/h.tmp"
    cmp -s "$D/inc/h.tmp" "$D/inc/lua5.4-deb-multiarch.h" || mv "$D/inc/h.tmp" "$D/inc/lua5.4-deb-multiarch.h"
    rm -f "$D/inc/h.tmp"
    L=()
    for f in "${SRCDIR[lua]}"/src/*.c; do
        b=$(basename "$f" .c); [ "$b" = luac ] && continue
        L+=("$b")
    done
    # lua first: it is the main module for lli
    MODS[lua]="lua $(printf '%s\n' "${L[@]}" | grep -vx lua | tr '\n' ' ')"
    for b in ${MODS[lua]}; do
        DEPS="${SRCDIR[lua]}/src/$b.c"
        job "$D/O2/$b.bc" $CLANG "${CF_O2[@]}" ${CFLAGS_OF[lua]} -I"$D/inc" "${SRCDIR[lua]}/src/$b.c" -o "$D/O2/$b.bc"
        job "$D/O0/$b.bc" $CLANG "${CF_O0[@]}" ${CFLAGS_OF[lua]} -I"$D/inc" "${SRCDIR[lua]}/src/$b.c" -o "$D/O0/$b.bc"
    done
    NATIVE_LIBS[lua]="-lm"
fi
# ---- SQLite: the Debian source is the canonical tree, not the amalgamation;
# generate sqlite3.c and shell.c from it (out of tree, in $IRW/sqlite/amalg).
if [[ " ${PROGS[*]} " == *" sqlite "* ]]; then
    D=$IRW/sqlite
    A=$D/amalg
    mkdir -p "$D"
    if [ $REBUILD = 1 ] || [ $REFETCH = 1 ] || [ ! -f "$A/sqlite3.c" ] || [ ! -f "$A/shell.c" ] || [ "$(cat "$A/.src" 2>/dev/null || true)" != "${SRCDIR[sqlite]}" ]; then
        need tclsh tcl
        rm -rf "$A"; mkdir -p "$A"
        log "generating the SQLite amalgamation: configure && make sqlite3.c shell.c (log: $A/build.log)"
        (cd "$A" && CC=$CLANG "${SRCDIR[sqlite]}/configure" --disable-tcl --enable-fts5 --enable-math > build.log 2>&1 \
            && make -j"$NPROC" sqlite3.c shell.c >> build.log 2>&1) \
            || die "generating the SQLite amalgamation failed; see $A/build.log"
        printf '%s' "${SRCDIR[sqlite]}" > "$A/.src"
    fi
    # Compile-time options: Debian's (the -D flags in debian/rules' CFLAGS),
    # what its configure line adds (FTS4, FTS5, math functions, the
    # configure-generated sqlite_cfg.h), and upstream's Makefile's NDEBUG.
    DEB_D=$(sed -n '/^export CFLAGS += -O2/,/^$/p' "${SRCDIR[sqlite]}/debian/rules" 2>/dev/null \
            | grep -o -- '-D[A-Za-z0-9_]*\(=[0-9]*\)\{0,1\}' | tr '\n' ' ' || true)
    [ -n "$DEB_D" ] || DEB_D="-DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_JSON1"
    CFLAGS_OF[sqlite]="-fno-strict-aliasing -DNDEBUG -DSQLITE_OS_UNIX=1 -D_HAVE_SQLITE_CONFIG_H ${DEB_D}-DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS"
    stamp "$D" "$CLANG_VERSION | ${CFLAGS_OF[sqlite]} | ${SRCDIR[sqlite]} | $(cksum < "$A/sqlite3.c")"
    MODS[sqlite]="shell sqlite3"
    for b in ${MODS[sqlite]}; do
        DEPS="$A/$b.c"
        job "$D/O2/$b.bc" $CLANG "${CF_O2[@]}" ${CFLAGS_OF[sqlite]} -I"$A" "$A/$b.c" -o "$D/O2/$b.bc"
        job "$D/O0/$b.bc" $CLANG "${CF_O0[@]}" ${CFLAGS_OF[sqlite]} -I"$A" "$A/$b.c" -o "$D/O0/$b.bc"
    done
    NATIVE_LIBS[sqlite]="-lm"
fi
run_jobs
# Second stage, from the O2 bitcode: native objects (clang -O2: the full -O2
# pipeline and -O2 code generation on exactly the IR the JITs get) and the
# preopt bitcode (the same pipeline, stopped at IR). SQLite's big module first.
for p in $(printf '%s\n' "${PROGS[@]}" | sort -r); do
    D=$IRW/$p
    for b in ${MODS[$p]}; do
        DEPS="$D/O2/$b.bc"
        job "$D/native/$b.o" $CLANG -O2 -c "$D/O2/$b.bc" -o "$D/native/$b.o"
        has_preopt "$p" && job "$D/preopt/$b.bc" $CLANG -O2 -c -emit-llvm "$D/O2/$b.bc" -o "$D/preopt/$b.bc"
    done
done
# longest first: the sqlite3 module's jobs
awk '/sqlite3\.(o|bc) *$/ { print; next } { rest[n++] = $0 } END { for (i = 0; i < n; i++) print rest[i] }' "$JOBS" > "$JOBS.s" && mv "$JOBS.s" "$JOBS"
run_jobs
for p in "${PROGS[@]}"; do
    D=$IRW/$p
    objs=(); for b in ${MODS[$p]}; do objs+=("$D/native/$b.o"); done
    DEPS="${objs[*]}"
    stale=0; [ -x "$D/native/$p" ] || stale=1
    for o in "${objs[@]}"; do [ "$o" -nt "$D/native/$p" ] && stale=1; done
    if [ $stale = 1 ]; then
        $CLANG -o "$D/native/$p" "${objs[@]}" ${NATIVE_LIBS[$p]} || die "linking the native $p failed"
    fi
done
if [ $BUILD_ONLY = 1 ]; then log "--build-only: inputs are in $IRW/{$(IFS=,; echo "${PROGS[*]}")}"; exit 0; fi

# ---------------------------------------------------------------- 3. workloads
# Lua (b): fib, building and sorting a 200,000-entry table, string.format,
# gmatch and gsub; prints one line; the in-process time (os.clock, CPU) of
# the whole script goes to stderr as "steady-state-ms X".
if [[ " ${PROGS[*]} " == *" lua "* ]]; then
cat > "$IRW/lua/heavy.lua.tmp" <<'EOF'
-- bench/ir_bench.sh CPU-heavy workload; argument N: fib(30 + N)
local t0 = os.clock()
local N = tonumber(arg[1]) or 2
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local f = fib(30 + N)
EOF
heavy_lua_work >> "$IRW/lua/heavy.lua.tmp"
cat >> "$IRW/lua/heavy.lua.tmp" <<'EOF'
print(f, acc, #s, words, #r)
io.stderr:write(string.format("steady-state-ms %.3f\n", (os.clock() - t0) * 1000))
EOF
cmp -s "$IRW/lua/heavy.lua.tmp" "$IRW/lua/heavy.lua" || mv "$IRW/lua/heavy.lua.tmp" "$IRW/lua/heavy.lua"
rm -f "$IRW/lua/heavy.lua.tmp"
fi
# SQLite (b): a 200,000-row table built by a recursive CTE, an index, a
# LIKE scan, a GROUP BY, and a 1,000,000-step recursive CTE.  `.timer on`
# prints "Run Time: real ..." after each statement (stdout); their sum is
# the in-process time, and those lines are left out of the output check.
if [[ " ${PROGS[*]} " == *" sqlite "* ]]; then
cat > "$IRW/sqlite/heavy.sql.tmp" <<'EOF'
.timer on
EOF
heavy_sql_work >> "$IRW/sqlite/heavy.sql.tmp"
cmp -s "$IRW/sqlite/heavy.sql.tmp" "$IRW/sqlite/heavy.sql" || mv "$IRW/sqlite/heavy.sql.tmp" "$IRW/sqlite/heavy.sql"
rm -f "$IRW/sqlite/heavy.sql.tmp"
fi

# ---------------------------------------------------------------- 4. commands
# Every command runs in $IRW/<program> with relative paths.  Module lists are
# shell variables (printed in the report): M_<set> = main module, X_<set> =
# the other modules as lli -extra-module options, A_<set> = all modules.
declare -A ARGS_A ARGS_B
ARGS_A[lua]="-e 'print(1)'";            ARGS_B[lua]="heavy.lua 2"
ARGS_A[sqlite]=":memory: 'select 1;'";  ARGS_B[sqlite]=":memory: '.read heavy.sql'"
for p in "${PROGS[@]}"; do
    SETS=(O0 O2); has_preopt "$p" && SETS+=(preopt)
    module_vars "$p" "${MODS[$p]}" "${SETS[@]}"
done

# Rows: id | label | command template (ARGS replaced by the workload's).
# lli: program arguments follow the main module; -dlopen=libm.so.6 makes
# libm's symbols explicit (lli-14 links it anyway).  lli -jit-kind=orc
# ignores -O (see bench/ir_bench.md); the row still passes it.
LL="$LLI -dlopen=libm.so.6"
row native    "native clang -O2"             native  O2 "./native/PROG ARGS"
for s in O0 O2; do
    o=${s#O}
    row mcjit_$s  "lli mcjit -$s"             lli     $s "$LL -jit-kind=mcjit -O$o \$X_$s \$M_$s ARGS"
    row orc_$s    "lli orc -$s"               lli     $s "$LL -jit-kind=orc -O$o \$X_$s \$M_$s ARGS"
    row hj_$s     "hotjit run -$s (cold)"     hotjit  $s "\$HOTJIT run -O$o \$HOTJIT_LIBS \$A_$s -- ARGS"
done
for s in O0 O2; do
    o=${s#O}
    row mcjitw_$s "lli mcjit -$s, warm cache" lliwarm $s "$LL -jit-kind=mcjit -O$o -enable-cache-manager -object-cache-dir=cache/mcjit_$s \$X_$s \$M_$s ARGS"
    row orcw_$s   "lli orc -$s, warm cache"   lliwarm $s "$LL -jit-kind=orc -O$o -enable-cache-manager -object-cache-dir=cache/orc_$s \$X_$s \$M_$s ARGS"
    row hjw_$s    "hotjit run -$s, warm cache" hjwarm $s "\$HOTJIT run -O$o --cache cache/hotjit_$s \$HOTJIT_LIBS \$A_$s -- ARGS"
done
[ $PREOPT != none ] && row mcjit_pre "lli mcjit -O2 on clang -O2 IR (reference)" lli preopt "$LL -jit-kind=mcjit -O2 \$X_preopt \$M_preopt ARGS"
# the cold row a warm row is compared with
declare -A COLD_OF=([mcjitw_O0]=mcjit_O0 [orcw_O0]=orc_O0 [hjw_O0]=hj_O0 [mcjitw_O2]=mcjit_O2 [orcw_O2]=orc_O2 [hjw_O2]=hj_O2)

HOTJIT_OK="ok"
if [ ! -x "$HOTJIT" ]; then HOTJIT_OK="not built ($HOTJIT absent)"; fi
export HOTJIT HOTJIT_LIBS

# cmd_of P ROW W — the command line (unexpanded variables) for program P,
# row ROW, workload W (a|b).
cmd_of() {
    local t=${TEMPLATE[$2]} args
    if [ "$3" = a ]; then args=${ARGS_A[$1]}; else args=${ARGS_B[$1]}; fi
    t=${t//PROG/$1}
    printf '%s' "${t//ARGS/$args}"
}

# ---------------------------------------------------------------- 5. running
export RUNSTAT_TIMEOUT=$TIMEOUT
RUN=$IRW/run
rm -rf "$RUN"; mkdir -p "$RUN"

# run_cmd P ID CMDLINE OUTBASE — run CMDLINE in $IRW/P under runstat; prints
# "status wall_ns rss_kib".  Output in OUTBASE.out/.err.
run_cmd() {
    local p=$1 cmdline=$3 ob=$4 line
    line=$(cd "$IRW/$p" && eval "$(printf '%s' "${VARDEF[$p]}")" \
           && eval "set -- $cmdline" && "$RUNSTAT" "$ob.out" "$ob.err" -- "$@") \
        || die "runstat failed for $2"
    echo "${line% * *}"
}
# steady P W OUTBASE — the in-process time (ms) of the heavy workload.
steady() {
    [ "$2" = b ] || { echo -; return; }
    case $1 in
        lua) sed -n 's/^steady-state-ms \([0-9.]*\)$/\1/p' "$3.err" | tail -n1 | grep . || echo - ;;
        sqlite) awk '/^Run Time: real / { s += $4; n++ } END { if (n) printf "%.3f\n", s * 1000; else print "-" }' "$3.out" ;;
    esac
}
# clean_out FILE — stdout without the timer lines.
clean_out() { grep -v '^Run Time: real ' "$1" || true; }

declare -A STATE FIRST_ERR NRUNS_OF
# one P ID W — one timed run; checks stdout against native; appends
# "status wall_ns rss_kib steady_ms" to $RUN/P.ID.W.txt when it matched, else
# "status wall_ns rss_kib" to P.ID.W.bad (and keeps that run's output).
one() {
    local p=$1 id=$2 w=$3 k=$1.$2.$3 line st
    line=$(run_cmd "$p" "$k" "$(cmd_of "$p" "$id" "$w")" "$RUN/$k")
    st=${line%% *}
    if [ "$st" = 0 ] && cmp -s <(clean_out "$RUN/$k.out") "$RUN/$p.$w.expected"; then
        echo "$line $(steady "$p" "$w" "$RUN/$k")" >> "$RUN/$k.txt"
        return 0
    fi
    echo "$line" >> "$RUN/$k.bad"
    cp "$RUN/$k.out" "$RUN/$k.fail.out"; cp "$RUN/$k.err" "$RUN/$k.fail.err"
    return 1
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before timing: $LOAD_START"
# Warm-up: page cache for the inputs, libLLVM and the binaries; the native
# programs' outputs are the reference.
for p in "${PROGS[@]}"; do
    cat "$IRW/$p"/O0/*.bc "$IRW/$p"/O2/*.bc "$IRW/$p/native/$p" > /dev/null
    if has_preopt "$p"; then cat "$IRW/$p"/preopt/*.bc > /dev/null; fi
    for w in a b; do
        line=$(run_cmd "$p" native "$(cmd_of "$p" native "$w")" "$RUN/$p.native.$w.ref")
        [ "${line%% *}" = 0 ] || die "the native $p failed on workload $w: $(head -c 400 "$RUN/$p.native.$w.ref.err")"
        clean_out "$RUN/$p.native.$w.ref.out" > "$RUN/$p.$w.expected"
        [ -s "$RUN/$p.$w.expected" ] || die "the native $p printed nothing on workload $w"
    done
done
$LLI --version > /dev/null 2>&1 || true
[ "$HOTJIT_OK" = ok ] && { "$HOTJIT" --version > /dev/null 2>&1 || true; }

# Warm rows: empty cache, then one priming run (not counted; hotjit's with
# --stats, its stderr kept for the report).
ACTIVE=()
for p in "${PROGS[@]}"; do
    rm -rf "$IRW/$p/cache"; mkdir -p "$IRW/$p/cache"
    for id in "${ROW_IDS[@]}"; do
        for w in a b; do
            k=$p.$id.$w
            if [ "$id" = mcjit_pre ] && ! has_preopt "$p"; then STATE[$k]=skip; continue; fi
            if [ "${KIND[$id]}" = lliwarm ] && ! has_llicache "$p"; then STATE[$k]=skip; continue; fi
            case ${KIND[$id]} in hotjit|hjwarm) [ "$HOTJIT_OK" = ok ] || { STATE[$k]=$HOTJIT_OK; continue; } ;; esac
            STATE[$k]=ok
            ACTIVE+=("$k")
        done
    done
done
for k in "${ACTIVE[@]}"; do
    IFS=. read -r p id w <<< "$k"
    case ${KIND[$id]} in lliwarm|hjwarm) ;; *) continue ;; esac
    [ "$w" = a ] || continue        # the cache is the same for both workloads
    c=$(cmd_of "$p" "$id" a)
    [ "${KIND[$id]}" = hjwarm ] && c=${c/ run / run --stats }
    log "priming $p ${LABEL[$id]}"
    line=$(run_cmd "$p" "$k" "$c" "$RUN/$p.$id.prime")
    echo "$line" > "$RUN/$p.$id.prime.txt"
    if [ "${line%% *}" != 0 ]; then
        for ww in a b; do STATE[$p.$id.$ww]="priming run failed"; done
        cp "$RUN/$p.$id.prime.out" "$RUN/$p.$id.a.fail.out"; cp "$RUN/$p.$id.prime.err" "$RUN/$p.$id.a.fail.err"
        FIRST_ERR[$p.$id.a]=$(head -n 3 "$RUN/$p.$id.prime.err" | cut -c1-240 | tr '\n' ' ')
        FIRST_ERR[$p.$id.b]=${FIRST_ERR[$p.$id.a]}
    elif [ "${KIND[$id]}" = hjwarm ]; then
        # one more uncounted run, warm, to show the cache hits in --stats
        run_cmd "$p" "$k" "$c" "$RUN/$p.$id.warmstats" > /dev/null
    fi
done

# Timed rounds.  Round 1 runs every row of every program once (a failing row
# is dropped after it); rows whose first run took longer than --slow seconds
# get --runs-slow runs in all, the others --runs.  Later rounds alternate
# between the programs and rotate the order of the rows each round.  With
# --budget, a run is skipped when its first run's time would take the script
# past the budget (the report marks rows that got fewer runs than planned).
T_START_NS=$(awk -v t="$T_START" 'BEGIN { printf "%.0f", t * 1e9 }')
declare -A EST SHORT
declare -A LIVE_OF
for p in "${PROGS[@]}"; do
    KEYS=()
    for k in "${ACTIVE[@]}"; do [ "${k%%.*}" = "$p" ] && [ "${STATE[$k]}" = ok ] && KEYS+=("$k"); done
    log "$p: ${#KEYS[@]} commands, round 1"
    for k in "${KEYS[@]}"; do
        IFS=. read -r _ id w <<< "$k"
        if ! one "$p" "$id" "$w"; then
            STATE[$k]=failed
            FIRST_ERR[$k]=$(grep -v '^Run Time: real ' "$RUN/$k.fail.err" | head -n 3 | cut -c1-240 | tr '\n' ' ')
            log "$p ${LABEL[$id]} ($w) fails: ${FIRST_ERR[$k]}"
            continue
        fi
        EST[$k]=$(awk '{ print $2 }' "$RUN/$k.txt")
        if [ "${EST[$k]}" -gt $((SLOW * 1000000000)) ]; then NRUNS_OF[$k]=$RUNS_SLOW; else NRUNS_OF[$k]=$RUNS; fi
    done
    live=""
    for k in "${KEYS[@]}"; do [ "${STATE[$k]}" = ok ] && live="$live $k"; done
    LIVE_OF[$p]=$live
done
# The budget is kept for the fast rows first: REM_FAST is the time their
# remaining runs are expected to take (first run's time each), and a slow
# row's run happens only if it still leaves that much.
DEADLINE_NS=$(( T_START_NS + BUDGET * 1000000000 ))
REM_FAST=0
for p in "${PROGS[@]}"; do
    for k in ${LIVE_OF[$p]}; do
        [ "${NRUNS_OF[$k]}" = "$RUNS" ] && [ "${EST[$k]}" -le $((SLOW * 1000000000)) ] \
            && REM_FAST=$(( REM_FAST + EST[$k] * (RUNS - 1) ))
    done
done
maxr=$RUNS; [ "$RUNS_SLOW" -gt "$maxr" ] && maxr=$RUNS_SLOW
for ((r = 1; r < maxr; r++)); do
    for p in "${PROGS[@]}"; do
        read -r -a LIVE <<< "${LIVE_OF[$p]}"
        n=${#LIVE[@]}
        [ "$n" -gt 0 ] || continue
        log "$p: round $((r + 1))"
        for ((i = 0; i < n; i++)); do
            k=${LIVE[$(((i + r) % n))]}; IFS=. read -r _ id w <<< "$k"
            [ "$r" -lt "${NRUNS_OF[$k]}" ] || continue
            if [ "${EST[$k]}" -le $((SLOW * 1000000000)) ]; then
                REM_FAST=$(( REM_FAST - EST[$k] )); reserve=0
            else
                reserve=$REM_FAST
            fi
            if [ "$BUDGET" -gt 0 ] && [ $(( $(now_ns) + EST[$k] + reserve )) -gt "$DEADLINE_NS" ]; then
                SHORT[$k]=1; continue
            fi
            one "$p" "$id" "$w" || true
        done
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 6. report
# stats FILE COL — "median min max n" of column COL (numeric, "-" skipped).
# fms NS — nanoseconds as milliseconds, 3 significant-ish digits.
exit_desc() {
    local s=$1
    if [ "$s" = 137 ]; then echo "killed (SIGKILL; timeout ${TIMEOUT} s?)"
    elif [ "$s" -ge 128 ] 2>/dev/null && [ "$s" -lt 160 ]; then echo "killed (SIG$(kill -l $((s - 128)) 2>/dev/null || echo $((s - 128))))"
    else echo "exit $s"; fi
}
status_of() {   # status_of KEY — "ok", or why there are no (good) numbers
    local k=$1
    case ${STATE[$k]:-} in
        ok) if [ -f "$RUN/$k.bad" ]; then echo "$(wc -l < "$RUN/$k.bad") run(s) failed or differed"; else echo ok; fi ;;
        failed) local s; s=$(head -n1 "$RUN/$k.bad" | cut -d' ' -f1); if [ "$s" = 0 ]; then echo "output differs from native"; else exit_desc "$s"; fi ;;
        *) echo "${STATE[$k]:-not run}" ;;
    esac
}
# same-setting lli rows for the ratio columns
lli_of() { case $1 in *_O0) echo O0 ;; *_O2) echo O2 ;; *) echo "" ;; esac; }

REPORT=$IRW/results.md
{
echo "## bench/ir_bench.sh — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Host: $(uname -srm), $NPROC CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); load average before/after timing: $LOAD_START / $LOAD_END."
echo "Tools: $CLANG_VERSION; $LLI $($LLI --version 2>/dev/null | awk '/LLVM version/ { print $NF; exit }'); hotjit: $("$HOTJIT" --version 2>/dev/null | head -n1 || echo "$HOTJIT_OK") (commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null)$(git -C "$REPO_DIR" diff --quiet 2>/dev/null || echo ", uncommitted changes"))."
echo "Runs: $RUNS per row, $RUNS_SLOW for rows whose first run took more than $SLOW s; interleaved, order rotated each round; times are whole-process wall times (runstat). $( [ "$BUDGET" -gt 0 ] && echo "Time budget $BUDGET s: a run that would have ended past it was skipped; † marks the rows that got fewer runs than planned." )"
for p in "${PROGS[@]}"; do
    case $p in
        lua) title="Lua ${VERSION[lua]}: $(echo ${MODS[lua]} | wc -w) modules"; wa="\`lua -e 'print(1)'\`"; wb="\`lua heavy.lua 2\`" ;;
        sqlite) title="SQLite ${VERSION[sqlite]}: amalgamation, 2 modules (shell.c, sqlite3.c)"; wa="\`sqlite3 :memory: 'select 1;'\`"; wb="\`sqlite3 :memory: '.read heavy.sql'\`" ;;
    esac
    echo
    echo "### $title"
    echo
    NAT_A=$(med_of "$p.native.a" 2); NAT_B=$(med_of "$p.native.b" 2); NAT_S=$(med_of "$p.native.b" 4)
    echo "**(a) start-up: $wa** — whole-process wall time, ms"
    echo
    echo "| tool | IR | median | min | max | peak RSS MiB | × native | × lli mcjit¹ | × lli orc¹ | cold ÷ warm² | runs | status |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for id in "${ROW_IDS[@]}"; do
        k=$p.$id.a
        [ "${STATE[$k]:-}" = skip ] && continue
        ir=${LEVEL[$id]}; [ "$id" = native ] && ir="O2 → clang -O2"
        if [ ! -s "$RUN/$k.txt" ] || [ "${STATE[$k]}" != ok ]; then
            echo "| ${LABEL[$id]} | $ir | | | | | | | | | | $(status_of "$k") |"; continue
        fi
        read -r med mn mx nr < <(stats "$RUN/$k.txt" 2)
        read -r rss _ < <(stats "$RUN/$k.txt" 3)
        s=$(lli_of "$id")
        rm_=–; ro=–
        case ${KIND[$id]} in
            hotjit) rm_=$(ratio "$med" "$(med_of "$p.mcjit_$s.a" 2)"); ro=$(ratio "$med" "$(med_of "$p.orc_$s.a" 2)") ;;
            hjwarm) rm_=$(ratio "$med" "$(med_of "$p.mcjitw_$s.a" 2)"); ro=$(ratio "$med" "$(med_of "$p.orcw_$s.a" 2)") ;;
        esac
        cw=–; [ -n "${COLD_OF[$id]:-}" ] && cw=$(ratio "$(med_of "$p.${COLD_OF[$id]}.a" 2)" "$med")
        echo "| ${LABEL[$id]} | $ir | $(fms "$med") | $(fms "$mn") | $(fms "$mx") | $(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }') | $(ratio "$med" "$NAT_A") | $rm_ | $ro | $cw | $nr${SHORT[$k]:+†} | $(status_of "$k") |"
    done
    echo
    echo "¹ hotjit rows: this row's median ÷ the median of lli at the same setting, cold rows against cold lli, warm against warm lli. ² the median of the same tool and setting without cache ÷ this row's median."
    echo
    echo "**(b) CPU-heavy: $wb** — whole-process wall time, ms; in-process = the heavy part timed inside the program ($( [ $p = lua ] && echo "os.clock, CPU time" || echo "sum of \`.timer on\` real times"))"
    echo
    echo "| tool | IR | median | min | max | peak RSS MiB | × native | in-process median | in-process min | in-process × native³ | (b) − (a)⁴ | runs | status |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for id in "${ROW_IDS[@]}"; do
        k=$p.$id.b
        [ "${STATE[$k]:-}" = skip ] && continue
        ir=${LEVEL[$id]}; [ "$id" = native ] && ir="O2 → clang -O2"
        if [ ! -s "$RUN/$k.txt" ] || [ "${STATE[$k]}" != ok ]; then
            echo "| ${LABEL[$id]} | $ir | | | | | | | | | | | $(status_of "$k") |"; continue
        fi
        read -r med mn mx nr < <(stats "$RUN/$k.txt" 2)
        read -r rss _ < <(stats "$RUN/$k.txt" 3)
        read -r sm smin _ < <(stats "$RUN/$k.txt" 4)
        ma=$(med_of "$p.$id.a" 2)
        d=$(awk -v b="$med" -v a="$ma" 'BEGIN { if (a == "-") print "-"; else print b - a }')
        echo "| ${LABEL[$id]} | $ir | $(fms "$med") | $(fms "$mn") | $(fms "$mx") | $(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }') | $(ratio "$med" "$NAT_B") | $(fmsv "$sm") | $(fmsv "$smin") | $(ratio "$sm" "$NAT_S") | $(fms "$d") | $nr${SHORT[$k]:+†} | $(status_of "$k") |"
    done
    echo
    echo "³ median ÷ native's median. ⁴ median of (b) − median of (a) for the same row: the heavy part seen from outside; meaningless (even negative) where the start-up varies by more than the heavy part takes."
done

# Goals of issue 3, computed from the medians above.
echo
echo "### Goals (issue 3)"
echo
echo "| goal | program | setting | workload | hotjit (median) | compared with (median) | ratio of medians | ratio of minima | met (medians) |"
echo "|---|---|---|---|---:|---|---:|---:|---|"
goal_line() {   # goal_line GOAL P SETTING W HJKEY REFDESC REFKEY MODE [COL]
    local col=${9:-2} hv rv hmin rmin r rm met
    hv=$(med_of "$5" "$col"); rv=$(med_of "$7" "$col")
    if [ "$hv" = - ] || [ "$rv" = - ]; then
        echo "| $1 | $2 | $3 | $4 | – | $6 | – | – | no data |"; return
    fi
    read -r _ hmin _ < <(stats "$RUN/$5.txt" "$col"); read -r _ rmin _ < <(stats "$RUN/$7.txt" "$col")
    case $8 in
        le)   r=$(ratio "$hv" "$rv"); rm=$(ratio "$hmin" "$rmin"); met=$(awk -v a="$hv" -v b="$rv" 'BEGIN { print (a <= b) ? "yes" : "no" }') ;;
        x10)  r=$(ratio "$rv" "$hv"); rm=$(ratio "$rmin" "$hmin"); met=$(awk -v a="$hv" -v b="$rv" 'BEGIN { print (b >= 10 * a) ? "yes" : "no" }') ;;
        pct3) r=$(awk -v a="$hv" -v b="$rv" 'BEGIN { printf "%+.1f %%", (a / b - 1) * 100 }')
              rm=$(awk -v a="$hmin" -v b="$rmin" 'BEGIN { printf "%+.1f %%", (a / b - 1) * 100 }')
              met=$(awk -v a="$hv" -v b="$rv" 'BEGIN { print (a <= 1.03 * b) ? "yes" : "no" }') ;;
    esac
    local hs rs
    if [ "$col" = 4 ]; then hs=$(fmsv "$hv"); rs=$(fmsv "$rv"); else hs=$(fms "$hv"); rs=$(fms "$rv"); fi
    echo "| $1 | $2 | $3 | $4 | $hs ms | $6 $rs ms | $r | $rm | $met |"
}
for p in "${PROGS[@]}"; do
    for s in O0 O2; do
        for w in a b; do
            goal_line "cold ≤ lli" "$p" "-$s" "$w" "$p.hj_$s.$w" "lli mcjit" "$p.mcjit_$s.$w" le
            goal_line "cold ≤ lli" "$p" "-$s" "$w" "$p.hj_$s.$w" "lli orc" "$p.orc_$s.$w" le
        done
        goal_line "warm ≥ 10× faster than cold" "$p" "-$s" a "$p.hjw_$s.a" "hotjit cold" "$p.hj_$s.a" x10
    done
    goal_line "steady state ≤ native + 3 %" "$p" "-O2" "b, in-process" "$p.hj_O2.b" "native" "$p.native.b" pct3 4
    goal_line "steady state ≤ native + 3 %" "$p" "-O2 warm" "b, in-process" "$p.hjw_O2.b" "native" "$p.native.b" pct3 4
done

echo
echo "\"met\" is decided on the medians; the ratio of minima is less sensitive to load from other processes. At -O2, hotjit runs LLVM's -O2 IR pipeline before code generation and lli-14 runs no IR pass at all (its -O sets only the code generator's level, and -jit-kind=orc ignores -O): see bench/ir_bench.md."

# Failures, with the first lines of stderr.
FAILS=()
for p in "${PROGS[@]}"; do for id in "${ROW_IDS[@]}"; do for w in a b; do
    k=$p.$id.$w
    case ${STATE[$k]:-} in ok) [ -f "$RUN/$k.bad" ] && FAILS+=("$k") ;; failed|"priming run failed") FAILS+=("$k") ;; esac
done; done; done
if [ ${#FAILS[@]} -gt 0 ]; then
    echo
    echo "### Failures (output of the failing run in bench/work/ir/run/KEY.fail.{out,err})"
    echo
    for k in "${FAILS[@]}"; do
        e=${FIRST_ERR[$k]:-}
        [ -n "$e" ] || e=$(grep -v '^Run Time: real ' "$RUN/$k.fail.err" 2>/dev/null | head -n 3 | cut -c1-240 | tr '\n' ' ' || true)
        echo "- \`$k\`: $(status_of "$k"); stderr: \`${e% }\`"
    done
fi

# hotjit's own statistics from the priming runs.
for p in "${PROGS[@]}"; do for s in O0 O2; do
    f=$RUN/$p.hjw_$s.prime.err
    [ -s "$f" ] || continue
    [ "${STATE[$p.hjw_$s.a]:-}" = ok ] || continue
    echo
    echo "<details><summary>hotjit --stats, $p -$s: the priming run (cold, writing the cache) and the next (warm); per-module lines in bench/work/ir/run/$p.hjw_$s.{prime,warmstats}.err</summary>"
    echo
    echo '```'
    { grep -E 'stats: total|^hotjit: link ' "$f" || tail -n 5 "$f"; } | cut -c1-400
    echo '```'
    if [ -s "$RUN/$p.hjw_$s.warmstats.err" ]; then
        echo
        echo "the next run, warm:"
        echo
        echo '```'
        { grep -E 'stats: total|^hotjit: link ' "$RUN/$p.hjw_$s.warmstats.err" || tail -n 5 "$RUN/$p.hjw_$s.warmstats.err"; } | cut -c1-400
        echo '```'
    fi
    echo "</details>"
done; done

echo
echo "### Commands"
echo
echo "Run in \`bench/work/ir/<program>/\`, as \`bench/ir_bench.sh${ARGV_ORIG:+ $ARGV_ORIG}\`; \`HOTJIT=${HOTJIT#"$REPO_DIR"/}\`, \`HOTJIT_LIBS='$HOTJIT_LIBS'\`."
for p in "${PROGS[@]}"; do
    echo
    echo "$p:"
    echo
    echo '```sh'
    printf '%s' "${VARDEF[$p]}"
    for id in "${ROW_IDS[@]}"; do for w in a b; do cmd_of "$p" "$id" "$w"; echo; done; done
    echo '```'
done
echo
echo "Bitcode: \`$CLANG ${CF_O2[*]}\` (O2) and \`$CLANG ${CF_O0[*]}\` (O0), preopt = \`$CLANG -O2 -c -emit-llvm O2/X.bc\`, native = \`$CLANG -O2 -c O2/X.bc\` linked with \`${NATIVE_LIBS[lua]:-${NATIVE_LIBS[sqlite]:-}}\`. Flags: $(for p in "${PROGS[@]}"; do printf '%s: `%s`; ' "$p" "${CFLAGS_OF[$p]}"; done)"
echo
echo "Total script time: $(elapsed) s."
} > "$REPORT.tmp"
mv "$REPORT.tmp" "$REPORT"
cp "$REPORT" "$IRW/results-$(date -u +%Y%m%dT%H%M%SZ).md"   # earlier reports stay
cat "$REPORT"
log "report saved in $REPORT (and a dated copy next to it)"
