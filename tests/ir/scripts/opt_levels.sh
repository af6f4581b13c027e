#!/usr/bin/env bash
# ir/opt_levels: -O0, -O1, -O2, -O3 and the default give the same output for IR text,
# bitcode and C inputs.
#   opt_levels.sh HOTJIT WORKDIR
. "$(dirname "$0")/lib.sh"
setup "$@"
FILES=(main.ll lib.bc util.c)
for o in -O0 -O1 -O2 -O3; do
  hj "opt$o" "$o" "${FILES[@]}"
  expect_ok "opt$o"
done
hj default "${FILES[@]}"
expect_ok default
finish
