#!/usr/bin/env bash
# Installs what the benchmark package needs besides Netral's own dependencies: Vectorscan's headers
# (libvectorscan-dev, for the ceiling) and, with the argument `valgrind`, Valgrind. Does nothing when
# they are present. Used by bench.sh and instructions.sh; not needed to build or test Netral.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
missing=()
pkg-config --exists libhs || missing+=(libvectorscan-dev)
if [ "${1:-}" = valgrind ] && ! command -v valgrind >/dev/null; then missing+=(valgrind); fi
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "netral: installing ${missing[*]} (apt-get)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
