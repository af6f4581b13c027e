#!/usr/bin/env bash
# ir/cache_warm: a cold run with --cache DIR fills DIR (0 hits); a warm run gives the
# same output and --stats reports a hit for each of the three modules (IR text,
# bitcode, C) without writing new entries; --stats names every module and a total and
# is printed only when asked for; without --cache there are no hits.
#   cache_warm.sh HOTJIT WORKDIR
. "$(dirname "$0")/lib.sh"
setup "$@"
C=$WORK/cache
FILES=(main.ll lib.bc util.c)

hj cold --cache "$C" --stats "${FILES[@]}"
expect_ok cold
check_hits cold 0
n_cold=$(cache_files "$C" | wc -l)
[ "$n_cold" -gt 0 ] || fail "cold: the cache directory is empty after the run"
for m in "${FILES[@]}"; do
  [ "$(module_hit cold "$m")" != none ] || fail "cold: --stats has no line for module $m"
done
grep -qiE '^hotjit: stats:.*total' "$WORK/cold.err" || fail "cold: --stats has no total line"

hj warm --cache "$C" --stats "${FILES[@]}"
expect_ok warm
check_hits warm 3
for m in "${FILES[@]}"; do
  [ "$(module_hit warm "$m")" = hit ] || fail "warm: --stats does not report a cache hit for $m"
done
n_warm=$(cache_files "$C" | wc -l)
[ "$n_warm" = "$n_cold" ] || fail "warm: the cache went from $n_cold to $n_warm files"

hj quiet --cache "$C" "${FILES[@]}"
expect_ok quiet
[ -s "$WORK/quiet.err" ] && fail "quiet: stderr is not empty without --stats"

hj nocache --stats "${FILES[@]}"
expect_ok nocache
check_hits nocache 0
finish
