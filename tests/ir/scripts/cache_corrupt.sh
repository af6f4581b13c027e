#!/usr/bin/env bash
# ir/cache_corrupt: every file of a filled cache directory is damaged, in turn:
# truncated to half, emptied, 32 bytes overwritten in the middle and at the end, and
# swapped with another entry's content. Each time the next run must give the right
# output with status 0 (no crash), load no damaged entry (0 hits), and rebuild the
# entries (the run after that has 3 hits).
#   cache_corrupt.sh HOTJIT WORKDIR
. "$(dirname "$0")/lib.sh"
setup "$@"
FILES=(main.ll lib.bc util.c)

corrupt() { # corrupt MODE DIR
  local mode=$1 dir=$2 f size files
  mapfile -t files < <(cache_files "$dir")
  [ ${#files[@]} -gt 0 ] || { fail "$mode: the cache directory is empty"; return 1; }
  for f in "${files[@]}"; do
    size=$(stat -c %s "$f")
    case $mode in
      truncate) truncate -s $((size / 2)) "$f" ;;
      empty)    : >"$f" ;;
      flip)     # 32 bytes of 0xa5 in the middle, and the last 16 bytes too
                head -c 32 /dev/zero | tr '\0' '\245' |
                  dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc status=none
                [ "$size" -gt 16 ] && head -c 16 /dev/zero | tr '\0' '\245' |
                  dd of="$f" bs=1 seek=$((size - 16)) conv=notrunc status=none ;;
    esac
  done
  if [ "$mode" = swap ]; then
    # rotate the contents: every entry gets the next entry's (well-formed) bytes
    [ ${#files[@]} -ge 2 ] || { fail "swap: fewer than two cache files"; return 1; }
    cp "${files[0]}" "$WORK/swap.tmp"
    local i
    for ((i = 0; i < ${#files[@]} - 1; i++)); do cp "${files[i+1]}" "${files[i]}"; done
    cp "$WORK/swap.tmp" "${files[${#files[@]}-1]}"
  fi
}

for mode in truncate empty flip swap; do
  C=$WORK/cache-$mode
  hj "$mode-cold" --cache "$C" --stats "${FILES[@]}"
  expect_ok "$mode-cold" || continue
  corrupt "$mode" "$C" || continue
  hj "$mode-damaged" --cache "$C" --stats "${FILES[@]}"
  expect_ok "$mode-damaged"
  check_hits "$mode-damaged" 0
  hj "$mode-rebuilt" --cache "$C" --stats "${FILES[@]}"
  expect_ok "$mode-rebuilt"
  check_hits "$mode-rebuilt" 3
done
finish
