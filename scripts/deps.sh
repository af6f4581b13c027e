#!/usr/bin/env bash
# Installs the Debian packages hotjit needs to build and test (when run as root), or
# names exactly the ones missing. Usage: scripts/deps.sh [--bench]
set -euo pipefail

packages=(cmake make gcc g++ clang libclang-rt-14-dev binutils llvm-14-dev)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(llvm-14 dpkg-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "deps: missing Debian packages: ${missing[*]}" >&2
  echo "deps: install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
