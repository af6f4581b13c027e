#!/usr/bin/env bash
# A stand-in for hotjit used by selftest.sh to check that run_e2e.sh can fail.
# It runs the native binary that run_e2e.sh built next to the first object, with
# the arguments after `--`, then distorts the result according to
# FAKE_HOTJIT_MODE (passed through HOTJIT_E2E_HOTJIT_ENV). Options of the IR modes
# (-O0..-O3, -I, -D, -std=, --stats, --cache DIR) are accepted and ignored; every FILE
# must exist. Modes:
#   same      no change
#   stdout    append a line to stdout
#   stderr    append a line to stderr
#   status    exit with status+1
#   reject    do not run; print a TLS rejection message and exit 1
#   reject-silent  do not run; exit 1 without a message
[ "${1:-}" = run ] || { echo "fake_hotjit: usage: fake_hotjit.sh run ..." >&2; exit 99; }
shift
first=
while [ $# -gt 0 ]; do
  case $1 in
    -l|--load|--entry|--cache|-I|-D) shift 2 ;;
    -O[0-3]|-I?*|-D?*|-std=*|--stats) shift ;;
    --) shift; break ;;
    -*) echo "fake_hotjit: unknown option $1" >&2; exit 99 ;;
    *) [ -f "$1" ] || { echo "fake_hotjit: $1: no such file" >&2; exit 99; }
       [ -z "$first" ] && first=$1; shift ;;
  esac
done
mode=${FAKE_HOTJIT_MODE:-same}
case $mode in
  reject)
    echo "hotjit: $first: R_X86_64_GOTTPOFF: static TLS model; recompile with -fPIC or -ftls-model=global-dynamic" >&2
    exit 1 ;;
  reject-silent) exit 1 ;;
esac
# the native binary is next to the objects; in IR mode c-O2 the inputs are the
# sources, and the run happens in the work directory, where the native binary is
native=$(dirname "$first")/native
[ -x "$native" ] || native=./native
"$native" "$@"
st=$?
case $mode in
  stdout) echo "extra line from the fake hotjit" ;;
  stderr) echo "extra line from the fake hotjit" >&2 ;;
  status) st=$((st + 1)) ;;
esac
exit $st
