#!/usr/bin/env bash
# A stand-in for `hotjit run` used by selftest.sh: it builds the input files natively
# with clang (by their extensions: .ll .bc .c .o) and runs the result with the
# arguments after `--`. Options: -l NAME, -O0..-O3, -I DIR, -D NAME[=VALUE], -std=STD;
# --stats and --cache DIR are accepted and ignored.
[ "${1:-}" = run ] || { echo "fake_hotjit: usage: fake_hotjit.sh run ..." >&2; exit 99; }
shift
files=() libs=() opts=()
while [ $# -gt 0 ]; do
  case $1 in
    -l) libs+=("-l$2"); shift 2 ;;
    -I|-D) opts+=("$1$2"); shift 2 ;;
    --cache) shift 2 ;;
    --stats) shift ;;
    -O[0-3]|-I?*|-D?*|-std=*) opts+=("$1"); shift ;;
    --) shift; break ;;
    -*) echo "fake_hotjit: unknown option $1" >&2; exit 99 ;;
    *) files+=("$1"); shift ;;
  esac
done
exe=$(mktemp /tmp/fake-hotjit.XXXXXX) || exit 125
trap 'rm -f "$exe"' EXIT
if ! log=$(clang -fPIE -pie -pthread -Wno-override-module "${opts[@]}" "${files[@]}" -o "$exe" "${libs[@]}" 2>&1); then
  echo "$log" >&2
  exit 125
fi
# argv[0] is the first FILE, as with hotjit
(exec -a "${files[0]}" "$exe" "$@")
