# Shared by the benchmark scripts (ir_bench.sh, lazy_bench.sh): logging, the row table,
# the module variables of a command template, and the statistics and number formats of
# the reports. Sourced after BENCH_DIR and T_START are set.
BENCH_NAME=$(basename "$0")

die() { printf '%s: error: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }
log() { printf '%s: [%5.0fs] %s\n' "$BENCH_NAME" "$(elapsed)" "$*" >&2; }
elapsed() { awk -v a="$T_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
now_ns() { date +%s%N; }

# Rows: row ID LABEL KIND LEVEL TEMPLATE (ARGS replaced by the workload's).
ROW_IDS=()
declare -A LABEL TEMPLATE KIND LEVEL VARDEF
row() { ROW_IDS+=("$1"); LABEL[$1]=$2; KIND[$1]=$3; LEVEL[$1]=$4; TEMPLATE[$1]=$5; }

# module_vars P MODULES SET... — for each bitcode set S (a directory), the variables a
# template uses: M_S the module with main, X_S the others as lli -extra-module options,
# A_S all of them (MODULES: main's module first, then the others).
module_vars() {
    local p=$1 mods=$2 s m x a b
    shift 2
    for s in "$@"; do
        set -- $mods
        m=$1; shift
        x=""; for b in "$@"; do x="$x -extra-module=$s/$b.bc"; done
        a=""; for b in $mods; do a="$a $s/$b.bc"; done
        VARDEF[$p]+="M_$s='$s/$m.bc'"$'\n'"X_$s='${x# }'"$'\n'"A_$s='${a# }'"$'\n'
    done
}

stats() {   # stats FILE COL — "median min max n"
    awk -v c="$2" '$c != "-" { print $c }' "$1" | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR == 0) { print "- - - 0"; exit }
              med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              print med, v[1], v[NR], NR }'
}
# fms NS / fmsv MS — milliseconds, about 3 significant digits ("–" for none).
fms() { awk -v x="$1" 'BEGIN { if (x == "-") { print "–"; exit } m = x / 1e6; if (m < 10) printf "%.2f", m; else if (m < 1000) printf "%.1f", m; else printf "%.0f", m }'; }
fmsv() { awk -v m="$1" 'BEGIN { if (m == "-" || m == "") { print "–"; exit } if (m < 10) printf "%.2f", m; else if (m < 1000) printf "%.1f", m; else printf "%.0f", m }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0 || a == "") print "–"; else if (a / b >= 10) printf "%.0f×", a / b; else if (a / b >= 0.1) printf "%.2f×", a / b; else printf "%.2g×", a / b }'; }
med_of() { [ -s "$RUN/$1.txt" ] || { echo -; return; }; local m; read -r m _ < <(stats "$RUN/$1.txt" "$2"); echo "$m"; }
