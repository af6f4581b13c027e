#!/usr/bin/env bash
# ir/cache_key: what the cache key covers. With one cache directory: a different -D for
# the C module, a different -O level, an edited .ll file and an edited header of the C
# module each give the new program's output (never a stale object) and a miss for the
# changed module(s); unchanged modules hit.
#   cache_key.sh HOTJIT WORKDIR
. "$(dirname "$0")/lib.sh"
setup "$@"
C=$WORK/cache
FILES=(main.ll lib.bc util.c)
sed 's/1007/1001/' "$PROG/expected.stdout" >"$WORK/value1.stdout"
sed 's/1007/1002/' "$PROG/expected.stdout" >"$WORK/value2.stdout"

hj d1 --cache "$C" --stats -D VALUE=1 "${FILES[@]}"
expect_ok d1 "$WORK/value1.stdout"
hj d2 --cache "$C" --stats -D VALUE=2 "${FILES[@]}"
expect_ok d2 "$WORK/value2.stdout"
[ "$(module_hit d2 util.c)" = miss ] || fail "d2: util.c with another -D VALUE must miss the cache"
hj d1again --cache "$C" --stats -D VALUE=1 "${FILES[@]}"
expect_ok d1again "$WORK/value1.stdout"
[ "$(module_hit d1again util.c)" = hit ] || fail "d1again: util.c with -D VALUE=1 again should hit"

hj o2 --cache "$C" --stats -O2 "${FILES[@]}"
expect_ok o2
hj o0 --cache "$C" --stats -O0 "${FILES[@]}"
expect_ok o0
check_hits o0 0
hj o0again --cache "$C" --stats -O0 "${FILES[@]}"
expect_ok o0again
check_hits o0again 3

# edit main.ll: its own entry misses, the others hit
sed -i 's/version one/version TWO/' "$PROG/main.ll"
sed 's/version one/version TWO/' "$PROG/expected.stdout" >"$WORK/edited.stdout"
hj edited --cache "$C" --stats -O2 "${FILES[@]}"
expect_ok edited "$WORK/edited.stdout"
[ "$(module_hit edited main.ll)" = miss ] || fail "edited: the edited main.ll must miss the cache"
[ "$(module_hit edited lib.bc)" = hit ] || fail "edited: the unchanged lib.bc should hit"

# edit the header util.c includes (the file util.c itself is unchanged)
sed -i 's/UTIL_BASE 1000/UTIL_BASE 5000/' "$PROG/util.h"
sed 's/1007/5007/' "$WORK/edited.stdout" >"$WORK/header.stdout"
hj header --cache "$C" --stats -O2 "${FILES[@]}"
expect_ok header "$WORK/header.stdout"
[ "$(module_hit header util.c)" = miss ] || fail "header: util.c must miss the cache after util.h changed"
finish
