#!/usr/bin/env bash
# bench/lazy_bound.sh — how fast can a first output at the same optimisation level be?
# For the tiny scripts of bench/lazy_bench.sh (Lua `-e 'print(1)'`, SQLite `select 1;`)
# it takes the functions `hotjit run --lazy` compiled (their bodies in the run's
# --perf-map: also the copies for inlining the optimiser kept as calls, which the lazy
# run generated too; a name is taken in every module defining it) and times compiling just those at the same level as whole modules, with
# bench/compile_bound.c, in the same rounds as the lazy run itself:
#   all        every function of every module (what an eager run compiles)
#   only       the needed functions; every other body deleted, so nothing but them is
#              optimised, generated or inlined: code that calls what eager code inlines
#   available  the needed functions, and available_externally copies of the functions
#              they reach by direct calls (transitively): the optimiser inlines those as
#              in the whole module and drops them; nothing else. Eager's inlining for
#              the needed functions, at the least cost of whole-module compilation
#   lazy       hotjit run --lazy's own first-call compilations (--stats: the time of
#              its first calls' compilations, extraction and linking included)
# Inputs and work folders as bench/lazy_bench.sh (bench/work/lazy/<program>). Medians
# of N interleaved rounds.
#
# usage: bench/lazy_bound.sh [--runs N] [--level L] [--only lua|sqlite] [--hotjit PATH]
#   --runs N    rounds (default 3)     --level L  0 or 2 (the bitcode sets built; default 2)
# Exit status: 0 when the benchmark ran.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
LW=$BENCH_DIR/work/lazy
T_START=$(date +%s.%N)
. "$BENCH_DIR/bench_lib.sh"

RUNS=3; LEVEL_N=2; ONLY=
HOTJIT=${HOTJIT:-$REPO_DIR/build/hotjit}
LLVM_SUFFIX=${LLVM_SUFFIX--14}
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=${2:?}; shift 2 ;;
        --level) LEVEL_N=${2:?}; shift 2 ;;
        --only) ONLY=${2:?}; shift 2 ;;
        --hotjit) HOTJIT=${2:?}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
case $RUNS in ''|*[!0-9]*|0) die "--runs must be a positive integer" ;; esac
case $LEVEL_N in 0|2) ;; *) die "--level must be 0 or 2 (the bitcode sets ir_bench.sh builds)" ;; esac
case $ONLY in ''|lua|sqlite) ;; *) die "--only must be lua or sqlite" ;; esac
case $HOTJIT in /*) ;; *) HOTJIT=$PWD/$HOTJIT ;; esac
[ -x "$HOTJIT" ] || die "no hotjit at $HOTJIT (build it, or pass --hotjit PATH)"
PROGS=(lua sqlite)
[ -n "$ONLY" ] && PROGS=("$ONLY")

. "$BENCH_DIR/apt_private.sh"    # need, apt_install
CLANG=clang$LLVM_SUFFIX
need "$CLANG" "clang$LLVM_SUFFIX"
need "llvm-config$LLVM_SUFFIX" "llvm$LLVM_SUFFIX-dev"
log "inputs: bench/ir_bench.sh --build-only"
"$BENCH_DIR/ir_bench.sh" --build-only --no-preopt ${ONLY:+--only "$ONLY"} \
    || die "bench/ir_bench.sh --build-only failed"
mkdir -p "$LW"
BOUND=$LW/compile_bound
if [ ! -x "$BOUND" ] || [ "$BENCH_DIR/compile_bound.c" -nt "$BOUND" ]; then
    $CLANG -O2 -o "$BOUND" "$BENCH_DIR/compile_bound.c" \
        $(llvm-config$LLVM_SUFFIX --cflags --ldflags --libs) || die "cannot build compile_bound"
fi

declare -A FILES ARGS
for p in "${PROGS[@]}"; do   # the work folders as lazy_bench.sh makes them
    mkdir -p "$LW/$p"
    for s in O0 O2 native; do ln -sfn "../../ir/$p/$s" "$LW/$p/$s"; done
done
[ "${PROGS[0]}" = lua ] &&
    FILES[lua]="O$LEVEL_N/lua.bc $(cd "$LW/lua/O$LEVEL_N" && ls *.bc | grep -vx lua.bc | sed "s|^|O$LEVEL_N/|" | tr '\n' ' ')"
FILES[sqlite]="O$LEVEL_N/sqlite3.bc O$LEVEL_N/shell.bc"
ARGS[lua]="-e print(1)"
ARGS[sqlite]=":memory: select 1;"
RUN=$LW/bound
rm -rf "$RUN" && mkdir -p "$RUN"

# lazy_run P ROUND — the tiny script lazily, with --perf-map and --stats: appends the
# first-call compile time (ms) to RUN/P.lazy.txt and leaves the needed names in RUN/P.needed
lazy_run() {
    local p=$1 r=$2 out=$RUN/$p.$2 pid map ms
    local ok=1
    (cd "$LW/$p" && exec sh -c 'echo $$ >"$0"; exec "$@"' "$out.pid" "$HOTJIT" run --perf-map \
        --stats --lazy -O"$LEVEL_N" ${FILES[$p]} -l m -- ${ARGS[$p]%% *} "${ARGS[$p]#* }" \
        >"$out.out" 2>"$out.err") || ok=0
    pid=$(cat "$out.pid" 2>/dev/null || echo none); map=/tmp/perf-$pid.map
    if [ $ok = 0 ]; then rm -f "$map"; die "$p: hotjit --lazy failed: $(tail -3 "$out.err")"; fi
    [ -s "$map" ] || die "$p: no $map"
    grep -v ' \[entry stub\]$' "$map" | awk '{ print $3 }' | sed 's/\.hj[0-9a-f]*$//' |
        grep -vx hotjit_warm_up | sort -u >"$RUN/$p.needed"
    rm -f "$map"
    ms=$(sed -n 's/.*compiled on first call in \([0-9.]*\) ms.*/\1/p' "$out.err")
    [ -n "$ms" ] || die "$p: no lazy line in --stats"
    echo "$ms" >>"$RUN/$p.lazy.txt"
    [ "$r" = 1 ] && sed -n 's/^hotjit: lazy: \([0-9]*\) functions, \([0-9]*\) compiled.*/\1 \2/p' "$out.err" >"$RUN/$p.counts"
    return 0
}

bound_run() {   # bound_run P MODE — appends "optimise codegen total" (ms)
    local p=$1 mode=$2 line
    line=$(cd "$LW/$p" && "$BOUND" "$mode" "$LEVEL_N" "$RUN/$p.needed" ${FILES[$p]}) ||
        die "$p: compile_bound $mode failed"
    awk '{ print $7, $9, $11 }' <<<"$line" >>"$RUN/$p.$mode.txt"
    [ "$mode" = available ] && awk '{ print $3 }' <<<"$line" >"$RUN/$p.kept"
    return 0
}

for ((r = 1; r <= RUNS; r++)); do
    for p in "${PROGS[@]}"; do
        log "round $r/$RUNS: $p"
        lazy_run "$p" "$r"
        for mode in all only available; do bound_run "$p" "$mode"; done
    done
done

echo "## Lazy compilation: the cost of the needed functions at -O$LEVEL_N, compiled as whole modules"
echo
echo "| program | functions compiled on first call / defined (bodies in the lazy run's map found in the bitcode) | lazy: first calls' compilations ms | only the needed, nothing else inlined ms | the needed, what they call available for inlining ms | every function (eager) ms | eager ÷ lazy | eager ÷ available | eager ÷ only |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for p in "${PROGS[@]}"; do
    read -r nf nc <"$RUN/$p.counts"
    lz=$(med_of "$p.lazy" 1); on=$(med_of "$p.only" 3); av=$(med_of "$p.available" 3); al=$(med_of "$p.all" 3)
    echo "| $p | $nc / $nf ($(cat "$RUN/$p.kept")) | $(fmsv "$lz") | $(fmsv "$on") | $(fmsv "$av") | $(fmsv "$al") | $(ratio "$al" "$lz") | $(ratio "$al" "$av") | $(ratio "$al" "$on") |"
done
echo
echo "Medians of $RUNS interleaved rounds; \`bench/lazy_bound.sh --runs $RUNS --level $LEVEL_N${ONLY:+ --only $ONLY}\`, hotjit \`$HOTJIT\`. Optimise + codegen per module by bench/compile_bound.c (default<O$LEVEL_N>, host CPU, PIC), parse not counted; lazy: the --stats time of all first-call compilations (extraction, optimisation, code generation, linking)."
