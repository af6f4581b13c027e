#!/usr/bin/env bash
# bench/lazy_bench.sh — lazy compilation (`hotjit run --lazy`) on Lua 5.4 and SQLite,
# side by side in one run with hotjit's eager modes, lli-14 -jit-kind=orc-lazy, lli-14
# MCJIT and the native programs; then the per-function overhead micro-benchmark
# (bench/lazy_overhead.c). Method and results: bench/README.md, "Lazy compilation".
#
#   1. inputs: `bench/ir_bench.sh --build-only` (apt-get source lua5.4 / sqlite3 through
#      the private apt configuration, SQLite amalgamation + shell, bitcode O2 and O0,
#      native -O2 binaries), all in bench/work/ir/ (git-ignored), reused when present;
#   2. workloads: (a) a tiny script — Lua `-e 'print(1)'`, SQLite `:memory: 'select 1;'`
#      — timed to its FIRST OUTPUT (bench/firstout.c: stdout is a pseudo-terminal, so
#      the program's stdio line-buffers as on a terminal); (b) a CPU-heavy script run
#      REPS times in one process (Lua: fib, sort, string.format, gmatch/gsub; SQLite:
#      recursive CTEs, an index, LIKE, GROUP BY), timed whole, and in-process per
#      repetition: the repetitions after the second are the steady state;
#   3. rows (all on the same bitcode; commands printed in the report):
#        native clang -O2 | hotjit run --lazy -O2 | hotjit run --lazy --tier-up -O2
#        (tiers: -O0 code first for functions without loops) | hotjit run -O2 (eager, no cache) |
#        hotjit run -O2 --cache (eager, warm cache: same code, for the steady state) |
#        hotjit run --lazy -O0 | hotjit run -O0 | lli -jit-kind=orc-lazy |
#        lli -jit-kind=orc-lazy -per-module-lazy | lli -jit-kind=mcjit -O2
#   4. functions compiled: hotjit --lazy from `--stats` (one extra run per row and
#      workload), lli orc-lazy from `-orc-lazy-debug=funcs-to-stdout` (one extra run),
#      eager rows: every function defined in the bitcode (llvm-nm);
#   5. interleaved rounds, order rotated; medians; ratios against hotjit --lazy -O2 of
#      the same run; the issue's goals in a last table.
#
# usage: bench/lazy_bench.sh [--quick] [--runs N] [--runs-slow M] [--slow S]
#                            [--budget S] [--timeout S] [--only lua|sqlite]
#                            [--hotjit PATH] [--overhead PATH|none] [--no-overhead]
#   --quick        (or QUICK=1) about 3 minutes: 3 runs for fast rows, 1 for slow ones,
#                  no per-module orc-lazy row for SQLite, SQLite's slow rows only on (a),
#                  no count of orc-lazy's functions for SQLite, overhead
#                  micro-benchmark with 1 round
#   --runs N       runs per row whose first run took <= S s (default 5)
#   --runs-slow M  runs per row whose first run took  > S s (default 3)
#   --slow S       that threshold in seconds (default 3; --quick: 2)
#   --budget S     no further run of a slow row once S s have passed since the start
#                  (default 840; --quick 150; 0: no limit); † marks rows cut short
#   --timeout S    kill a run after S seconds (default 300)
#   --only P       only lua or only sqlite
#   --hotjit PATH  the hotjit binary (default build/hotjit; env HOTJIT)
#   --overhead PATH  the lazy_overhead binary (default: beside PATH's hotjit, in
#                  bench/; env LAZY_OVERHEAD); --no-overhead skips it
# environment: HOTJIT, HOTJIT_LIBS (default "-l m"), LLVM_SUFFIX (default -14),
#   LUA_SRC / SQLITE_SRC (passed on to ir_bench.sh), REPS_LUA (4), REPS_SQLITE (4),
#   OVERHEAD_ARGS (default "-O2 -k 100 -r 3 300 3000 10000"), ORC_SQLITE_B=1 (also
#   time lli orc-lazy on SQLite's heavy workload: 45-100 s a run, no goal needs it),
#   ORC_COUNT_B=1 (also count orc-lazy's functions there: one more such run).
# Exit status: 0 when the benchmark ran (a failing tool is a row in the table).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
WORK=$BENCH_DIR/work
IRW=$WORK/ir
LW=$WORK/lazy
T_START=$(date +%s.%N)
. "$BENCH_DIR/bench_lib.sh"

QUICK=${QUICK:-0}
RUNS=; RUNS_SLOW=; SLOW=; BUDGET=; TIMEOUT=300; ONLY=
HOTJIT=${HOTJIT:-$REPO_DIR/build/hotjit}
HOTJIT_LIBS=${HOTJIT_LIBS--l m}
LLVM_SUFFIX=${LLVM_SUFFIX--14}
OVERHEAD=${LAZY_OVERHEAD:-}
DO_OVERHEAD=1
ARGV_ORIG="$*"
while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1; shift ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --runs-slow) RUNS_SLOW=${2:?}; shift 2 ;;
        --slow) SLOW=${2:?}; shift 2 ;;
        --budget) BUDGET=${2:?}; shift 2 ;;
        --timeout) TIMEOUT=${2:?}; shift 2 ;;
        --only) ONLY=${2:?}; shift 2 ;;
        --hotjit) HOTJIT=${2:?}; shift 2 ;;
        --overhead) OVERHEAD=${2:?}; shift 2 ;;
        --no-overhead) DO_OVERHEAD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done
if [ "$QUICK" = 1 ]; then
    : "${RUNS:=3}" "${RUNS_SLOW:=1}" "${SLOW:=2}" "${BUDGET:=150}"
    OVERHEAD_ARGS=${OVERHEAD_ARGS:--O2 -k 100 -r 1 --eager-max 300 300 3000 10000}
else
    : "${RUNS:=5}" "${RUNS_SLOW:=3}" "${SLOW:=3}" "${BUDGET:=840}"
    OVERHEAD_ARGS=${OVERHEAD_ARGS:--O2 -k 100 -r 3 300 3000 10000}
fi
for v in RUNS RUNS_SLOW SLOW TIMEOUT; do
    case ${!v} in ''|*[!0-9]*|0) die "$v must be a positive integer" ;; esac
done
case $BUDGET in ''|*[!0-9]*) die "--budget must be a number of seconds" ;; esac
case $ONLY in ''|lua|sqlite) ;; *) die "--only must be lua or sqlite" ;; esac
case $HOTJIT in /*) ;; *) HOTJIT=$PWD/$HOTJIT ;; esac
[ -x "$HOTJIT" ] || die "no hotjit at $HOTJIT (build it, or pass --hotjit PATH)"
if [ -z "$OVERHEAD" ]; then OVERHEAD=$(dirname "$HOTJIT")/bench/lazy_overhead; fi
case $OVERHEAD in none) DO_OVERHEAD=0 ;; /*) ;; *) OVERHEAD=$PWD/$OVERHEAD ;; esac
REPS_LUA=${REPS_LUA:-4}
REPS_SQLITE=${REPS_SQLITE:-4}
PROGS=(lua sqlite)
[ -n "$ONLY" ] && PROGS=("$ONLY")

# ---------------------------------------------------------------- 1. inputs
. "$BENCH_DIR/apt_private.sh"    # need, apt_install
CLANG=clang$LLVM_SUFFIX
LLI=lli$LLVM_SUFFIX
NM=llvm-nm$LLVM_SUFFIX
need "$CLANG" "clang$LLVM_SUFFIX"
need "$LLI" "llvm$LLVM_SUFFIX"
need "$NM" "llvm$LLVM_SUFFIX"
need awk gawk
log "inputs: bench/ir_bench.sh --build-only"
"$BENCH_DIR/ir_bench.sh" --build-only --no-preopt ${ONLY:+--only "$ONLY"} \
    || die "bench/ir_bench.sh --build-only failed"
mkdir -p "$LW"
FIRSTOUT=$LW/firstout
if [ ! -x "$FIRSTOUT" ] || [ "$BENCH_DIR/firstout.c" -nt "$FIRSTOUT" ] || [ "$BENCH_DIR/child.h" -nt "$FIRSTOUT" ]; then
    $CLANG -O2 -o "$FIRSTOUT" "$BENCH_DIR/firstout.c" || die "cannot build firstout"
fi
declare -A MODS NFUNCS
MODS[lua]="lua $(cd "$IRW/lua/O2" 2>/dev/null && ls *.bc | sed 's/\.bc$//' | grep -vx lua | tr '\n' ' ')"
MODS[sqlite]="shell sqlite3"
for p in "${PROGS[@]}"; do
    D=$LW/$p
    mkdir -p "$D"
    for s in O0 O2 native; do ln -sfn "../../ir/$p/$s" "$D/$s"; done
    # functions defined in the bitcode (what an eager JIT compiles)
    NFUNCS[$p]=$(cd "$D" && $NM --defined-only O2/*.bc 2>/dev/null | awk '$2 ~ /^[TtWw]$/ { n++ } END { print n + 0 }')
done

# ---------------------------------------------------------------- 2. workloads
# Lua (b): REPS repetitions of fib(33), sorting 200,000 numbers, 100,000
# string.format, gmatch and gsub over 1 MB; one output line per repetition;
# each repetition's CPU time (os.clock) to stderr as "rep-ms I X".
if [[ " ${PROGS[*]} " == *" lua "* ]]; then
cat > "$LW/lua/heavy.lua.tmp" <<'EOF'
-- bench/lazy_bench.sh CPU-heavy workload: heavy.lua REPS
local reps = tonumber(arg[1]) or 3
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
for rep = 1, reps do
  local t0 = os.clock()
  local f = fib(33)
EOF
heavy_lua_work >> "$LW/lua/heavy.lua.tmp"
cat >> "$LW/lua/heavy.lua.tmp" <<'EOF'
  print(rep, f, acc, #s, words, #r)
  io.stderr:write(string.format("rep-ms %d %.3f\n", rep, (os.clock() - t0) * 1000))
end
EOF
mv "$LW/lua/heavy.lua.tmp" "$LW/lua/heavy.lua"
fi
# SQLite (b): REPS repetitions of a 200,000-row table from a recursive CTE, an
# index, a LIKE scan, a GROUP BY and a 1,000,000-step recursive CTE.  `.timer on`
# prints "Run Time: real ..." after each statement; `.print rep I` separates the
# repetitions.  Timer lines are left out of the output check.
if [[ " ${PROGS[*]} " == *" sqlite "* ]]; then
{
    echo ".timer on"
    for ((r = 1; r <= REPS_SQLITE; r++)); do
        cat <<EOF
.print rep $r
DROP TABLE IF EXISTS t;
EOF
        heavy_sql_work
    done
} > "$LW/sqlite/heavy.sql"
fi

# ---------------------------------------------------------------- 3. commands
declare -A ARGS_A ARGS_B
ARGS_A[lua]="-e 'print(1)'";            ARGS_B[lua]="heavy.lua $REPS_LUA"
ARGS_A[sqlite]=":memory: 'select 1;'";  ARGS_B[sqlite]=":memory: '.read heavy.sql'"
for p in "${PROGS[@]}"; do module_vars "$p" "${MODS[$p]}" O0 O2; done
LL="$LLI -dlopen=libm.so.6"
row native   "native clang -O2"                    native  O2 "./native/PROG ARGS"
row lz_O2    "hotjit run --lazy -O2"               lazy    O2 "\$HOTJIT run --lazy -O2 \$HOTJIT_LIBS \$A_O2 -- ARGS"
row lzt_O2   "hotjit run --lazy --tier-up -O2"     lazy    O2 "\$HOTJIT run --lazy --tier-up -O2 \$HOTJIT_LIBS \$A_O2 -- ARGS"
row hj_O2    "hotjit run -O2 (eager, no cache)"    eager   O2 "\$HOTJIT run -O2 \$HOTJIT_LIBS \$A_O2 -- ARGS"
row hjw_O2   "hotjit run -O2 (eager, warm cache)"  warm    O2 "\$HOTJIT run -O2 --cache cache/hotjit_O2 \$HOTJIT_LIBS \$A_O2 -- ARGS"
row lz_O0    "hotjit run --lazy -O0"               lazy    O0 "\$HOTJIT run --lazy -O0 \$HOTJIT_LIBS \$A_O0 -- ARGS"
row hj_O0    "hotjit run -O0 (eager, no cache)"    eager   O0 "\$HOTJIT run -O0 \$HOTJIT_LIBS \$A_O0 -- ARGS"
row orclazy  "lli -jit-kind=orc-lazy"              orclazy O2 "$LL -jit-kind=orc-lazy \$X_O2 \$M_O2 ARGS"
row orcpm    "lli -jit-kind=orc-lazy -per-module-lazy" orclazy O2 "$LL -jit-kind=orc-lazy -per-module-lazy \$X_O2 \$M_O2 ARGS"
row mcjit_O2 "lli -jit-kind=mcjit -O2"             lli     O2 "$LL -jit-kind=mcjit -O2 \$X_O2 \$M_O2 ARGS"
export HOTJIT HOTJIT_LIBS
cmd_of() {   # cmd_of P ROW W — the command line, variables unexpanded
    local t=${TEMPLATE[$2]} args
    if [ "$3" = a ]; then args=${ARGS_A[$1]}; else args=${ARGS_B[$1]}; fi
    t=${t//PROG/$1}
    printf '%s' "${t//ARGS/$args}"
}
# rows left out: in quick mode SQLite's per-module orc-lazy row, and SQLite's
# slow rows on the heavy workload
# (and, unless ORC_SQLITE_B=1, orc-lazy on SQLite's heavy workload: 45-100 s a run,
# and no goal needs it)
skipped() {  # skipped P ID W — also sets SKIP_WHY
    SKIP_WHY="skipped (--quick)"
    if [ "$1.$2.$3" = sqlite.orclazy.b ] && [ "${ORC_SQLITE_B:-0}" != 1 ]; then
        SKIP_WHY="skipped (ORC_SQLITE_B=1 runs it)"; return 0
    fi
    [ "$QUICK" = 1 ] && [ "$1" = sqlite ] || return 1
    [ "$2" = orcpm ] && return 0
    [ "$3" = b ] && case $2 in hj_O2|orclazy|mcjit_O2) return 0 ;; esac
    return 1
}

# ---------------------------------------------------------------- 4. running
export RUNSTAT_TIMEOUT=$TIMEOUT
RUN=$LW/run
rm -rf "$RUN"; mkdir -p "$RUN"
# run_cmd P CMDLINE OUTBASE — "status wall_ns first_ns rss_kib"
run_cmd() {
    local p=$1 cmdline=$2 ob=$3
    (cd "$LW/$p" && eval "$(printf '%s' "${VARDEF[$p]}")" && eval "set -- $cmdline" \
        && "$FIRSTOUT" "$ob.out" "$ob.err" -- "$@") || die "firstout failed for $cmdline"
}
clean_out() { grep -av '^Run Time: real ' "$1" || true; }
# reps P W OUTBASE — "first_rep_ms steady_ms", in CPU time (Lua's os.clock, SQLite's
# `.timer` user + sys: on a shared host real time also counts other processes). Steady:
# the mean of the repetitions after the second. The second still runs code the first did not (SQLite's first DROP TABLE
# that drops a table, Lua's first full collection cycles), which a lazy run compiles
# then: 0.32 s of SQLite's second repetition, measured.
reps() {
    [ "$2" = b ] || { echo "- -"; return; }
    case $1 in
        lua) awk '$1 == "rep-ms" { if ($2 == 1) f = $3; else if ($2 > 2) { s += $3; n++ } }
                  END { if (f == "") f = "-"; printf "%s %s\n", f, n ? s / n : "-" }' "$3.err" ;;
        sqlite) awk '/^rep [0-9]+/ { r = $2; next }
                     /^Run Time: real / { t = ($6 + $8) * 1000; if (r == 1) f += t; else if (r > 2) { s[r] += t; nr[r] = 1 } }
                     END { n = 0; for (k in nr) { t += s[k]; n++ }
                           printf "%s %s\n", (f == "" ? "-" : f), (n ? t / n : "-") }' "$3.out" ;;
    esac
}
declare -A STATE FIRST_ERR
one() {   # one P ID W — one timed run, appended to RUN/P.ID.W.txt when good
    local p=$1 id=$2 w=$3 k=$1.$2.$3 line st
    line=$(run_cmd "$p" "$(cmd_of "$p" "$id" "$w")" "$RUN/$k")
    st=${line%% *}
    if [ "$st" = 0 ] && cmp -s <(clean_out "$RUN/$k.out") "$RUN/$p.$w.expected"; then
        echo "$line $(reps "$p" "$w" "$RUN/$k")" >> "$RUN/$k.txt"
        return 0
    fi
    echo "$line" >> "$RUN/$k.bad"
    cp "$RUN/$k.out" "$RUN/$k.fail.out"; cp "$RUN/$k.err" "$RUN/$k.fail.err"
    return 1
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
TREE="commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null)$(git -C "$REPO_DIR" diff --quiet 2>/dev/null || echo " + uncommitted changes") when the script started"
for p in "${PROGS[@]}"; do
    cat "$LW/$p"/O0/*.bc "$LW/$p"/O2/*.bc "$LW/$p/native/$p" > /dev/null
    for w in a b; do
        line=$(run_cmd "$p" "$(cmd_of "$p" native "$w")" "$RUN/$p.native.$w.ref")
        [ "${line%% *}" = 0 ] || die "the native $p failed on workload $w: $(head -c 400 "$RUN/$p.native.$w.ref.err")"
        clean_out "$RUN/$p.native.$w.ref.out" > "$RUN/$p.$w.expected"
    done
done
$LLI --version > /dev/null 2>&1 || true
"$HOTJIT" --version > /dev/null 2>&1 || true

# Uncounted runs: the warm-cache row's priming run (the cache stays between runs of
# this script; a stale entry is rebuilt by hotjit), hotjit --lazy with --stats, and
# lli orc-lazy with -orc-lazy-debug=funcs-to-stdout: functions compiled.
declare -A INFO
for p in "${PROGS[@]}"; do
    mkdir -p "$LW/$p/cache"
    log "$p: priming the eager warm cache"
    run_cmd "$p" "$(cmd_of "$p" hjw_O2 a)" "$RUN/$p.hjw_O2.prime" > /dev/null
    for id in lz_O2 lzt_O2 lz_O0; do
        for w in a b; do
            c=$(cmd_of "$p" "$id" "$w"); c=${c/ run / run --stats }
            log "$p: $id $w --stats"
            line=$(run_cmd "$p" "$c" "$RUN/$p.$id.$w.stats")
            l=$(grep -a 'lazy:' "$RUN/$p.$id.$w.stats.err" | tail -n1 || true)
            if [ "${line%% *}" = 0 ] && [ -n "$l" ]; then
                # "hotjit: lazy: N functions, M compiled on first call in X ms
                #  (extract Y ms, optimise and generate Z ms)" — parsed loosely
                INFO[$p.$id.$w]=$(echo "$l" | awk '{
                    for (i = 1; i <= NF; i++) { v = $i; gsub(/[(),]/, "", v)
                        if (v ~ /^[0-9.]+$/) { if ($(i+1) ~ /^function/) n = v; else if ($(i+1) ~ /^compiled/) m = v
                                               else if ($(i-1) == "in") t = v; else if ($(i-1) ~ /extract/) x = v
                                               else if ($(i-1) ~ /generat/) g = v } }
                    printf "%s %s %s %s %s\n", (m == "" ? "-" : m), (n == "" ? "-" : n), (t == "" ? "-" : t), (x == "" ? "-" : x), (g == "" ? "-" : g) }')
            else
                INFO[$p.$id.$w]="- - - - -"
            fi
        done
    done
    for id in orclazy orcpm; do
        for w in a b; do
            skipped "$p" "$id" "$w" && continue
            # quick: no extra orc-lazy run for SQLite (45 s each)
            if [ "$QUICK" = 1 ] && [ "$p" = sqlite ]; then INFO[$p.$id.$w]="n/a (--quick)"; continue; fi
            # SQLite's heavy workload under orc-lazy: not counted unless ORC_COUNT_B=1 (45-100 s)
            if [ "$p.$id.$w" = sqlite.orclazy.b ] && [ "${ORC_COUNT_B:-0}" != 1 ]; then INFO[$p.$id.$w]="n/a (ORC_COUNT_B=1)"; continue; fi
            c=$(cmd_of "$p" "$id" "$w"); c=${c/-jit-kind=orc-lazy/-jit-kind=orc-lazy -orc-lazy-debug=funcs-to-stdout}
            log "$p: $id $w -orc-lazy-debug=funcs-to-stdout"
            line=$(run_cmd "$p" "$c" "$RUN/$p.$id.$w.funcs")
            # lines "[ f g h ]" (per-module: one line per module), before the program's output
            n=$(awk '/^\[ .* \]$/ { n += NF - 2 } END { print n + 0 }' "$RUN/$p.$id.$w.funcs.out")
            if [ "${line%% *}" = 0 ]; then INFO[$p.$id.$w]="$n"; else INFO[$p.$id.$w]="$n (crashed: $(awk '{ print $1 }' <<< "$line"))"; fi
        done
    done
done

# Timed rounds: round 1 runs every command once; a row whose first run took more
# than SLOW s gets RUNS_SLOW runs in all, the others RUNS.  In later rounds the
# fast rows run first (order rotated), then the slow ones, each slow run only while
# the budget lasts.
declare -A EST NRUNS_OF SHORT WHY
ACTIVE=()
for p in "${PROGS[@]}"; do for id in "${ROW_IDS[@]}"; do for w in a b; do
    k=$p.$id.$w
    if skipped "$p" "$id" "$w"; then STATE[$k]=skip; WHY[$k]=$SKIP_WHY; continue; fi
    STATE[$k]=ok; ACTIVE+=("$k")
done; done; done
log "round 1: ${#ACTIVE[@]} commands"
LIVE=()
for k in "${ACTIVE[@]}"; do
    IFS=. read -r p id w <<< "$k"
    if ! one "$p" "$id" "$w"; then
        STATE[$k]=failed
        FIRST_ERR[$k]=$(grep -av '^Run Time: real ' "$RUN/$k.fail.err" | grep -av '^ *#[0-9]' | head -n 3 | cut -c1-200 | tr '\n' ' ')
        log "$p ${LABEL[$id]} ($w) fails: ${FIRST_ERR[$k]}"
        continue
    fi
    EST[$k]=$(awk '{ print $2 }' "$RUN/$k.txt")
    if [ "${EST[$k]}" -gt $((SLOW * 1000000000)) ]; then NRUNS_OF[$k]=$RUNS_SLOW; else NRUNS_OF[$k]=$RUNS; fi
    LIVE+=("$k")
done
DEADLINE_NS=$(awk -v t="$T_START" -v b="$BUDGET" 'BEGIN { printf "%.0f", (t + b) * 1e9 }')
FAST=(); SLOWK=()
for k in "${LIVE[@]}"; do
    if [ "${EST[$k]}" -gt $((SLOW * 1000000000)) ]; then SLOWK+=("$k"); else FAST+=("$k"); fi
done
maxr=$RUNS; [ "$RUNS_SLOW" -gt "$maxr" ] && maxr=$RUNS_SLOW
for ((r = 1; r < maxr; r++)); do
    log "round $((r + 1))"
    for set in FAST SLOWK; do
        eval "keys=(\"\${$set[@]}\")"
        n=${#keys[@]}
        for ((i = 0; i < n; i++)); do
            k=${keys[$(((i + r) % n))]}; IFS=. read -r p id w <<< "$k"
            [ "$r" -lt "${NRUNS_OF[$k]}" ] || continue
            if [ "$set" = SLOWK ] && [ "$BUDGET" -gt 0 ] && [ $(( $(now_ns) + EST[$k] )) -gt "$DEADLINE_NS" ]; then
                SHORT[$k]=1; continue
            fi
            one "$p" "$id" "$w" || true
        done
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 5. overhead
OVH=$RUN/overhead.md
if [ $DO_OVERHEAD = 1 ]; then
    if [ -x "$OVERHEAD" ]; then
        log "overhead micro-benchmark: $OVERHEAD $OVERHEAD_ARGS"
        # shellcheck disable=SC2086
        if ! "$OVERHEAD" $OVERHEAD_ARGS > "$OVH" 2> "$RUN/overhead.err"; then
            echo "(lazy_overhead failed: $(tail -n 3 "$RUN/overhead.err" | tr '\n' ' '))" >> "$OVH"
        fi
    else
        echo "(no lazy_overhead binary at $OVERHEAD: build the project's bench/ targets)" > "$OVH"
    fi
fi

# ---------------------------------------------------------------- 6. report
status_of() {
    local k=$1
    case ${STATE[$k]:-} in
        ok) if [ -f "$RUN/$k.bad" ]; then echo "$(wc -l < "$RUN/$k.bad") run(s) failed or differed"; else echo ok; fi ;;
        failed) local s; s=$(head -n1 "$RUN/$k.bad" | cut -d' ' -f1)
                if [ "$s" = 0 ]; then echo "output differs from native"
                elif [ "$s" = 137 ]; then echo "killed (timeout ${TIMEOUT} s?)"
                elif [ "$s" -gt 128 ] 2>/dev/null; then echo "crashed (SIG$(kill -l $((s - 128)) 2>/dev/null || echo $((s - 128))))"
                else echo "exit $s"; fi ;;
        skip) echo "${WHY[$k]:-skipped}" ;;
        *) echo "${STATE[$k]:-not run}" ;;
    esac
}
funcs_of() {   # funcs_of P ID W — functions compiled, as text
    local p=$1 id=$2 w=$3 i
    case ${KIND[$id]} in
        native) echo "–" ;;
        lazy) read -r m n _ <<< "${INFO[$p.$id.$w]:-- -}"; if [ "$m" = - ]; then echo "? (no --stats line)"; else echo "$m of $n"; fi ;;
        eager|warm|lli) echo "all ${NFUNCS[$p]}" ;;
        orclazy) i=${INFO[$p.$id.$w]:-}; echo "${i:-n/a}" ;;
    esac
}
ir_of() { if [ "$1" = native ]; then echo "O2 → clang -O2"; else echo "${LEVEL[$1]}"; fi; }
lazyinfo_of() {   # "X (Y; Z)": first-call compile ms (extract; optimise+generate) from the --stats run
    read -r _ _ t x g <<< "${INFO[$1]:-- - - - -}"
    [ "$t" = - ] && { echo "–"; return; }
    awk -v t="$t" -v x="$x" -v g="$g" 'BEGIN { printf "%.1f (%s; %s)\n", t, (x == "-" ? "?" : sprintf("%.1f", x)), (g == "-" ? "?" : sprintf("%.1f", g)) }'
}

REPORT=$LW/results.md
{
echo "## bench/lazy_bench.sh — $(date -u '+%Y-%m-%d %H:%M UTC')$( [ "$QUICK" = 1 ] && echo " (quick)")"
echo
echo "Host: $(uname -srm), $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); load average before/after: $LOAD_START / $LOAD_END."
echo "Tools: $($CLANG --version | head -n1); $LLI $($LLI --version 2>/dev/null | awk '/LLVM version/ { print $NF; exit }'); $("$HOTJIT" --version 2>/dev/null | head -n1) at $HOTJIT (source tree: $TREE; the binary may be older)."
echo "Runs: $RUNS per row, $RUNS_SLOW for rows whose first run took more than $SLOW s; interleaved, order rotated each round; budget $BUDGET s for the slow rows' further runs († = fewer runs than planned). Medians."
for p in "${PROGS[@]}"; do
    case $p in
        lua) title="Lua 5.4: $(echo ${MODS[lua]} | wc -w) modules, ${NFUNCS[lua]} functions"; wa="\`lua -e 'print(1)'\`"; wb="\`lua heavy.lua $REPS_LUA\`"; reps_n=$REPS_LUA; clock="os.clock, CPU" ;;
        sqlite) title="SQLite: amalgamation + shell, 2 modules, ${NFUNCS[sqlite]} functions"; wa="\`sqlite3 :memory: 'select 1;'\`"; wb="\`sqlite3 :memory: '.read heavy.sql'\`"; reps_n=$REPS_SQLITE; clock="\`.timer on\` user + sys, CPU" ;;
    esac
    echo
    echo "### $title"
    echo
    LZ_A=$(med_of "$p.lz_O2.a" 3); LZ_B=$(med_of "$p.lz_O2.b" 2)
    echo "**(a) time to first output: $wa** — ms from fork to the first byte on stdout (a terminal); whole run = to exit"
    echo
    echo "| tool | IR | first output | min | max | whole run | peak RSS MiB | functions compiled | first-call compiles ms (extract; opt+gen) | ÷ hotjit --lazy -O2 | runs | status |"
    echo "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|"
    for id in "${ROW_IDS[@]}"; do
        k=$p.$id.a; ir=$(ir_of "$id"); li=–; [ "${KIND[$id]}" = lazy ] && li=$(lazyinfo_of "$k")
        if [ ! -s "$RUN/$k.txt" ] || [ "${STATE[$k]}" != ok ]; then
            echo "| ${LABEL[$id]} | $ir | | | | | | $(funcs_of "$p" "$id" a) | $li | | | $(status_of "$k") |"; continue
        fi
        read -r med mn mx nr < <(stats "$RUN/$k.txt" 3)
        read -r wall _ < <(stats "$RUN/$k.txt" 2)
        read -r rss _ < <(stats "$RUN/$k.txt" 4)
        echo "| ${LABEL[$id]} | $ir | $(fms "$med") | $(fms "$mn") | $(fms "$mx") | $(fms "$wall") | $(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }') | $(funcs_of "$p" "$id" a) | $li | $(ratio "$med" "$LZ_A") | $nr${SHORT[$k]:+†} | $(status_of "$k") |"
    done
    echo
    echo "**(b) CPU-heavy: $wb** ($reps_n repetitions in one process) — whole run ms; in-process per repetition ($clock): the first, and the mean of those after the second (steady state)"
    echo
    EG_S=$(med_of "$p.hj_O2.b" 6); EW_S=$(med_of "$p.hjw_O2.b" 6)
    echo "| tool | IR | whole run | min | max | peak RSS MiB | functions compiled | first-call compiles ms (extract; opt+gen) | 1st repetition | steady | steady ÷ eager -O2 | steady ÷ eager -O2 warm | whole ÷ hotjit --lazy -O2 | runs | status |"
    echo "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
    for id in "${ROW_IDS[@]}"; do
        k=$p.$id.b; ir=$(ir_of "$id"); li=–; [ "${KIND[$id]}" = lazy ] && li=$(lazyinfo_of "$k")
        if [ ! -s "$RUN/$k.txt" ] || [ "${STATE[$k]}" != ok ]; then
            echo "| ${LABEL[$id]} | $ir | | | | | $(funcs_of "$p" "$id" b) | $li | | | | | | | $(status_of "$k") |"; continue
        fi
        read -r med mn mx nr < <(stats "$RUN/$k.txt" 2)
        read -r rss _ < <(stats "$RUN/$k.txt" 4)
        read -r r1 _ < <(stats "$RUN/$k.txt" 5)
        read -r st _ < <(stats "$RUN/$k.txt" 6)
        echo "| ${LABEL[$id]} | $ir | $(fms "$med") | $(fms "$mn") | $(fms "$mx") | $(awk -v r="$rss" 'BEGIN { printf "%.1f", r / 1024 }') | $(funcs_of "$p" "$id" b) | $li | $(fmsv "$r1") | $(fmsv "$st") | $(ratio "$st" "$EG_S") | $(ratio "$st" "$EW_S") | $(ratio "$med" "$LZ_B") | $nr${SHORT[$k]:+†} | $(status_of "$k") |"
    done
done

echo
echo "### Goals"
echo
echo "| goal | program | hotjit --lazy (median) | compared with (median) | ratio¹ | met |"
echo "|---|---|---:|---|---:|---|"
goal() {   # goal TEXT P LAZYKEY COL REFDESC REFKEY MODE
    local lv rv
    lv=$(med_of "$3" "$4"); rv=$(med_of "$6" "$4")
    if [ "$lv" = - ] || [ "$rv" = - ]; then
        local f=fms; [ "$7" = pct5 ] && f=fmsv
        echo "| $1 | $2 | $( [ "$lv" = - ] && echo "no data ($(status_of "$3"))" || echo "$($f "$lv") ms") | $5: $( [ "$rv" = - ] && echo "no data ($(status_of "$6"))" || echo "$($f "$rv") ms") | – | – |"
        return
    fi
    case $7 in
        x3) echo "| $1 | $2 | $(fms "$lv") ms | $5 $(fms "$rv") ms | $(ratio "$rv" "$lv") | $(awk -v a="$lv" -v b="$rv" 'BEGIN { print (b >= 3 * a) ? "yes" : "no" }') |" ;;
        pct5) echo "| $1 | $2 | $(fmsv "$lv") ms | $5 $(fmsv "$rv") ms | $(awk -v a="$lv" -v b="$rv" 'BEGIN { printf "%+.1f %%", (a / b - 1) * 100 }') | $(awk -v a="$lv" -v b="$rv" 'BEGIN { print (a <= 1.05 * b) ? "yes" : "no" }') |" ;;
    esac
}
for p in "${PROGS[@]}"; do
    goal "first output ≥ 3× faster than lli orc-lazy" "$p" "$p.lz_O2.a" 3 "lli -jit-kind=orc-lazy" "$p.orclazy.a" x3
    goal "first output ≥ 3× faster than lli orc-lazy, per module" "$p" "$p.lz_O2.a" 3 "lli orc-lazy -per-module-lazy" "$p.orcpm.a" x3
    goal "first output ≥ 3× faster than eager, same level" "$p" "$p.lz_O2.a" 3 "hotjit -O2 eager" "$p.hj_O2.a" x3
    goal "(the same at -O0)" "$p" "$p.lz_O0.a" 3 "hotjit -O0 eager" "$p.hj_O0.a" x3
    goal "steady state within 5 % of eager" "$p" "$p.lz_O2.b" 6 "hotjit -O2 eager" "$p.hj_O2.b" pct5
    goal "steady state within 5 % of eager (warm cache, same code)" "$p" "$p.lz_O2.b" 6 "hotjit -O2 eager, warm" "$p.hjw_O2.b" pct5
    goal "with tiers (--tier-up): first output ≥ 3× faster than eager" "$p" "$p.lzt_O2.a" 3 "hotjit -O2 eager" "$p.hj_O2.a" x3
    goal "with tiers: steady state within 5 % of eager (warm cache)" "$p" "$p.lzt_O2.b" 6 "hotjit -O2 eager, warm" "$p.hjw_O2.b" pct5
done
echo
echo "¹ first output: the reference's median ÷ hotjit --lazy's (how many times faster lazy is); steady state: lazy's ÷ the reference's − 1. Steady state = the in-process time of the heavy script's repetitions after the second (mean), median over the runs."

if [ $DO_OVERHEAD = 1 ]; then
    echo
    echo "### Overhead per lazily compiled function (\`$(basename "$OVERHEAD") $OVERHEAD_ARGS\`)"
    echo
    cat "$OVH"
fi

FAILS=()
for p in "${PROGS[@]}"; do for id in "${ROW_IDS[@]}"; do for w in a b; do
    k=$p.$id.$w
    case ${STATE[$k]:-} in ok) [ -f "$RUN/$k.bad" ] && FAILS+=("$k") ;; failed) FAILS+=("$k") ;; esac
done; done; done
if [ ${#FAILS[@]} -gt 0 ]; then
    echo
    echo "### Failures (output in bench/work/lazy/run/KEY.fail.{out,err})"
    echo
    for k in "${FAILS[@]}"; do
        e=${FIRST_ERR[$k]:-}
        [ -n "$e" ] || e=$(grep -av '^Run Time: real ' "$RUN/$k.fail.err" 2>/dev/null | grep -av '^ *#[0-9]' | head -n 3 | cut -c1-200 | tr '\n' ' ' || true)
        echo "- \`$k\`: $(status_of "$k"); stderr: \`${e% }\`"
    done
fi
echo
echo "<details><summary>hotjit --stats of the --lazy rows (uncounted runs)</summary>"
echo
echo '```'
for p in "${PROGS[@]}"; do for id in lz_O2 lzt_O2 lz_O0; do for w in a b; do
    f=$RUN/$p.$id.$w.stats.err
    [ -s "$f" ] || continue
    echo "$p $id $w:"
    grep -aE 'lazy|tiers|stats: total|^hotjit: link ' "$f" | cut -c1-300 || tail -n 3 "$f"
done; done; done
echo '```'
echo "</details>"
echo
echo "### Commands"
echo
echo "Run in \`bench/work/lazy/<program>/\` (O0, O2, native link to bench/work/ir/<program>/), as \`bench/lazy_bench.sh${ARGV_ORIG:+ $ARGV_ORIG}\`$( [ "$QUICK" = 1 ] && echo " (quick)"); \`HOTJIT=$HOTJIT\`, \`HOTJIT_LIBS='$HOTJIT_LIBS'\`; each under \`bench/work/lazy/firstout OUT ERR --\`."
for p in "${PROGS[@]}"; do
    echo
    echo "$p:"
    echo
    echo '```sh'
    printf '%s' "${VARDEF[$p]}"
    for id in "${ROW_IDS[@]}"; do for w in a b; do
        [ "${STATE[$p.$id.$w]}" = skip ] && continue
        cmd_of "$p" "$id" "$w"; echo
    done; done
    echo '```'
done
echo
echo "Total script time: $(elapsed) s."
} > "$REPORT.tmp"
mv "$REPORT.tmp" "$REPORT"
cp "$REPORT" "$LW/results-$(date -u +%Y%m%dT%H%M%SZ).md"
cat "$REPORT"
log "report saved in $REPORT"
