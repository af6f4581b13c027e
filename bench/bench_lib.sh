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

# The CPU-heavy workloads' bodies, shared by ir_bench.sh (run once) and lazy_bench.sh
# (repeated). Lua: sorting 200,000 numbers, 100,000 string.format, gmatch and gsub over
# 1 MB (sets acc, s, words, r). SQLite: a 200,000-row table t built by a recursive CTE,
# an index, a LIKE scan, a GROUP BY, a 1,000,000-step recursive CTE.
heavy_lua_work() {
    cat <<'EOF'
local seed, t = 42, {}
for i = 1, 200000 do seed = (seed * 1103515245 + 12345) % 2147483648; t[i] = seed end
table.sort(t)
local acc = 0
for i = 1, #t, 97 do acc = (acc + t[i]) % 1000000007 end
local parts = {}
for i = 1, 100000 do parts[#parts + 1] = string.format("%x-%d", i * 2654435761 % 4294967296, i % 13) end
local s = table.concat(parts, ";")
local words = 0
for w in s:gmatch("[%x]+%-1[0-2]") do words = words + 1 end
local r = s:sub(1, 200000):gsub("%d", function(d) return d == "7" and "seven" or nil end)
EOF
}
heavy_sql_work() {
    cat <<'EOF'
CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, s TEXT);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000)
INSERT INTO t SELECT x, (x * 7919) % 10007, printf('%08x', (x * 2654435761) % 4294967296) FROM c;
CREATE INDEX t_k ON t(k);
SELECT count(*), sum(k), max(s) FROM t WHERE s LIKE '%a%';
SELECT k, count(*) AS n, min(s) FROM t GROUP BY k ORDER BY n DESC, k LIMIT 3;
WITH RECURSIVE c(x, y) AS (SELECT 1, 1 UNION ALL SELECT x + 1, (y * 31 + x) % 1000003 FROM c WHERE x < 1000000)
SELECT sum(y), count(*) FROM c;
EOF
}
