#!/usr/bin/env bash
# hotjit watch: runs examples/live (a 40-beat loop, 100 ms a beat) in a scratch folder,
# then edits pattern.c three ways while it runs: in place, by writing a temporary file
# and renaming it over the original (as editors do), and with a syntax error. The
# output must show the new pattern after each good edit with the beat count going on,
# stderr one "replaced" line per good edit and an error (with the old code kept) for the
# bad one. Bounded: the program ends by itself after 4 s.
# usage: watch_test.sh HOTJIT EXAMPLE_DIR WORKDIR [WATCH-OPTION...]
# (e.g. --lazy: the program and each new version of pattern.c are compiled lazily)
set -euo pipefail
hotjit=$1 example=$2 work=$3
shift 3
opts=("$@")
rm -rf "$work" && mkdir -p "$work" && cp "$example"/loop.c "$example"/pattern.c "$work"/
cd "$work"
timeout 20 "$hotjit" watch "${opts[@]}" loop.c pattern.c -- 40 >out.txt 2>err.txt &
pid=$!
sleep 1.0
sed -i 's/"kick", "hat", "snare", "hat"/"one", "two", "one", "two"/' pattern.c   # in place
sleep 0.8
sed 's/"one", "two", "one", "two"/"alpha", "beta", "alpha", "beta"/' pattern.c >pattern.c.new
mv pattern.c.new pattern.c                                                      # by rename
sleep 0.8
echo 'const char *pattern(int beat) { return beat ? "x" : ; }' >pattern.c        # broken
wait "$pid"
status=$?
fail() { echo "FAIL: $*"; echo "--- stdout"; cat out.txt; echo "--- stderr"; cat err.txt; exit 1; }
[ "$status" -eq 0 ] || fail "exit status $status"
grep -q ' kick$' out.txt || fail "no original pattern"
grep -q ' one$' out.txt || fail "in-place edit not picked up"
grep -q ' alpha$' out.txt || fail "edit by rename not picked up"
[ "$(grep -c 'replaced pattern.c in' err.txt)" -eq 2 ] || fail "expected two 'replaced' lines"
grep -q 'pattern.c not replaced, the running version stays' err.txt || fail "no error for the broken edit"
tail -n 1 out.txt | grep -q '^  39 ' || fail "the loop did not run to its end"
# beats are numbered without gaps or restarts across the swaps
awk '{ if ($1 != NR - 1) exit 1 }' out.txt || fail "beat counter restarted or skipped"
echo "watch: ok ($(grep -c . out.txt) beats, $(grep 'replaced' err.txt | tr '\n' ' '))"
