#!/usr/bin/env bash
# Builds hotjit and runs the bundled example: a three-module C program linked into the
# running process by `hotjit run`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$(nproc)" --target hotjit >/dev/null
work="$root/build/examples/hello"
mkdir -p "$work"
objects=()
for src in "$root"/examples/hello/*.c; do
  obj="$work/$(basename "${src%.c}").o"
  cc -O2 -c "$src" -o "$obj"
  objects+=("$obj")
done
echo "\$ hotjit run ${objects[*]##*/} -- world"
exec "$root/build/hotjit" run "${objects[@]}" -- world
