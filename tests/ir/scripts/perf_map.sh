#!/usr/bin/env bash
# ir/perf_map: `hotjit run --perf-map` names the JIT code in perf's /tmp/perf-PID.map.
# A C program prints its pid and the addresses of a global function and of main, then
# calls a static function through a pointer. Eagerly: the map has a line for every body
# (static ones too, with a size) and an "[entry stub]" line for each exported function,
# at the address the program sees (a function's address is its stub). Lazily: the
# bodies of the functions that ran, and only stubs for the one never called. Without
# the option no map is written.
#   perf_map.sh HOTJIT WORKDIR
. "$(dirname "$0")/lib.sh"
setup "$@"
cat >"$PROG/pm.c" <<'SRC'
#include <stdio.h>
#include <unistd.h>
long twice(long x) { return 2 * x; }
long never_called(long x) { return x - 1; }
static long thrice(long x) { return 3 * x; }
long (*volatile pick)(long) = thrice;
int main(void)
{
    printf("%ld %lx %lx %ld\n", (long)getpid(), (unsigned long)twice, (unsigned long)main,
           twice(4) + pick(5));
    return 0;
}
SRC

# check_map RUN LAZY: the map written by run RUN (pid and addresses from its stdout)
check_map() {
  local name=$1 lazy=$2 pid twice_addr main_addr result map
  read -r pid twice_addr main_addr result <"$WORK/$name.out"
  map=/tmp/perf-$pid.map
  [ "$result" = 23 ] || fail "$name: the program printed '$result', expected 23"
  if [ ! -s "$map" ]; then fail "$name: no $map"; show_run "$name"; return; fi
  cp "$map" "$WORK/$name.map" && rm -f "$map"
  map=$WORK/$name.map
  grep -Eqv '^[0-9a-f]+ [0-9a-f]+ [^ ]' "$map" && fail "$name: a line of the map is not 'START SIZE NAME'"
  grep -Eqx "$twice_addr [0-9a-f]+ twice \[entry stub\]" "$map" ||
    fail "$name: no stub line for twice at $twice_addr (the address the program saw)"
  grep -Eqx "$main_addr [0-9a-f]+ main \[entry stub\]" "$map" || fail "$name: no stub line for main at $main_addr"
  local fn
  for fn in twice main thrice; do
    grep -Eq "^[0-9a-f]+ [1-9a-f][0-9a-f]* $fn(\.hj[0-9a-f]+)?\$" "$map" ||
      fail "$name: no body line with a size for $fn"
  done
  if [ "$lazy" = 1 ]; then
    grep -Eq " never_called\$" "$map" && fail "$name: a body line for never_called, never called"
    grep -q " never_called \[entry stub\]\$" "$map" || fail "$name: no stub line for never_called"
  else
    grep -Eq "^[0-9a-f]+ [1-9a-f][0-9a-f]* never_called\$" "$map" ||
      fail "$name: no body line for never_called (eager: every function is placed)"
  fi
}

hj eager --perf-map -O2 pm.c
check_map eager 0
hj lazy --perf-map --lazy -O2 pm.c
check_map lazy 1
hj none -O2 pm.c
read -r pid _ <"$WORK/none.out"
[ -e "/tmp/perf-$pid.map" ] && { fail "none: a map written without --perf-map"; rm -f "/tmp/perf-$pid.map"; }
finish
