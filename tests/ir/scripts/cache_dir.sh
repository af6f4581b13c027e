#!/usr/bin/env bash
# ir/cache_dir: the cache directory is created when missing, parents included (as the
# API says, "created if missing"): a run with --cache a/b/c where none of them exists
# succeeds, and the next run hits. A cache path that cannot be a directory (a regular
# file) does not stop the program: it runs with the right output, status 0.
#   cache_dir.sh HOTJIT WORKDIR
. "$(dirname "$0")/lib.sh"
setup "$@"
FILES=(main.ll lib.bc util.c)

C=$WORK/missing/parents/cache
hj nested1 --cache "$C" --stats "${FILES[@]}"
expect_ok nested1
[ -d "$C" ] || fail "nested1: --cache $C did not create the directory"
hj nested2 --cache "$C" --stats "${FILES[@]}"
expect_ok nested2
check_hits nested2 3

: >"$WORK/not-a-directory"
hj file --cache "$WORK/not-a-directory" --stats "${FILES[@]}"
st=$(cat "$WORK/file.status")
[ "$st" = 0 ] || { fail "file: exit status $st with a regular file as cache directory"; show_run file; }
cmp -s "$PROG/expected.stdout" "$WORK/file.out" || fail "file: wrong stdout with a regular file as cache directory"
finish
