#!/usr/bin/env bash
# A stand-in for `hotjit run` used by selftest.sh to check that the IR tests pass on a
# correct implementation and fail on broken ones. It compiles each input natively with
# clang (by extension: .ll .bc .c; .o as is), links them into an executable and runs it
# with argv[0] = the first FILE and the arguments after `--`.
# Options: -l NAME, -O0..-O3, -I DIR, -D NAME[=VALUE], -std=STD, --stats, --cache DIR.
# --cache keeps one object per IR/C input under a key of its content (for C: the
# preprocessed text), the options and the file kind; an entry is "key.o" plus a
# "key.sum" checksum and is not used when they disagree. --stats prints lines like
# hotjit's:  hotjit: stats: FILE: ...[, cache hit]  and  hotjit: stats: total: N cache hits of M modules
# FAKE_HOTJIT_BREAK (environment) breaks it on purpose:
#   stale-cache   the cache key ignores the options and the content (stale hits)
#   trust-cache   cache entries are used without checking the checksum
#   no-stats      --stats prints nothing
#   stderr        an extra line on stderr
#   status        exit status + 1
[ "${1:-}" = run ] || { echo "fake_hotjit: usage: fake_hotjit.sh run ..." >&2; exit 99; }
shift
files=() libs=() opts=() cache= stats=0 olevel=-O2
while [ $# -gt 0 ]; do
  case $1 in
    -l) libs+=("-l$2"); shift 2 ;;
    -I|-D) opts+=("$1$2"); shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --stats) stats=1; shift ;;
    -O[0-3]) olevel=$1; shift ;;
    -I?*|-D?*|-std=*) opts+=("$1"); shift ;;
    --) shift; break ;;
    -*) echo "fake_hotjit: unknown option $1" >&2; exit 99 ;;
    *) files+=("$1"); shift ;;
  esac
done
brk=${FAKE_HOTJIT_BREAK:-}
tmp=$(mktemp -d /tmp/fake-hotjit.XXXXXX) || exit 125
trap 'rm -rf "$tmp"' EXIT
objs=() statlines=() nhits=0 n=0
for f in "${files[@]}"; do
  n=$((n + 1))
  case $f in
    *.o) objs+=("$f"); statlines+=("hotjit: stats: $f: object"); continue ;;
  esac
  obj=$tmp/$n.o
  hit=0
  if [ -n "$cache" ]; then
    mkdir -p "$cache"
    case $f in
      *.c) key=$( { clang -E "${opts[@]}" "$f" 2>/dev/null; echo "$olevel ${opts[*]} c"; } | sha256sum | cut -c1-32) ;;
      *)   key=$( { cat "$f"; echo "$olevel ${f##*.}"; } | sha256sum | cut -c1-32) ;;
    esac
    [ "$brk" = stale-cache ] && key=$(echo "$f" | sha256sum | cut -c1-32)
    entry=$cache/$key
    if [ -f "$entry.o" ] && [ -f "$entry.sum" ] &&
       { [ "$brk" = trust-cache ] || sha256sum <"$entry.o" | cut -c1-64 | cmp -s - "$entry.sum"; }; then
      cp "$entry.o" "$obj" && hit=1
    fi
  fi
  if [ $hit = 0 ]; then
    if ! log=$(clang -c -fPIC -Wno-override-module "$olevel" "${opts[@]}" "$f" -o "$obj" 2>&1); then
      echo "$log" >&2
      exit 125
    fi
    if [ -n "$cache" ]; then
      cp "$obj" "$entry.o.$$" && mv "$entry.o.$$" "$entry.o"
      sha256sum <"$obj" | cut -c1-64 >"$entry.sum.$$" && mv "$entry.sum.$$" "$entry.sum"
    fi
  fi
  nhits=$((nhits + hit))
  line="hotjit: stats: $f: parse 0.100 ms, optimise 0.100 ms, codegen 0.100 ms, object $(stat -c %s "$obj") bytes, 3 relocations"
  [ $hit = 1 ] && line+=", cache hit"
  statlines+=("$line")
  objs+=("$obj")
done
if ! log=$(clang -pie -pthread "${objs[@]}" -o "$tmp/exe" "${libs[@]}" 2>&1); then
  echo "$log" >&2
  exit 125
fi
# argv[0] is the first FILE, as with hotjit
(exec -a "${files[0]}" "$tmp/exe" "$@")
st=$?
if [ $stats = 1 ] && [ "$brk" != no-stats ]; then
  printf '%s\n' "${statlines[@]}" >&2
  echo "hotjit: stats: total: parse 0.3 ms, optimise 0.3 ms, codegen 0.3 ms, object 1 bytes, $nhits cache hits of ${#files[@]} modules" >&2
fi
[ "$brk" = stderr ] && echo "extra line from the fake hotjit" >&2
[ "$brk" = status ] && st=$((st + 1))
exit $st
