#!/usr/bin/env bash
# Installs what building Netral needs on a fresh Debian machine: PCRE2's headers
# (libpcre2-dev) and pkg-config. Does nothing when they are already present.
set -euo pipefail

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libpcre2-8 \
   && [ -f "$(pkg-config --variable=includedir libpcre2-8)/pcre2.h" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "netral: PCRE2 headers are missing and this is not a Debian-like system." >&2
  echo "        Install PCRE2 (8-bit, with headers) and pkg-config, then retry." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "netral: need root (or sudo) to run: apt-get install -y libpcre2-dev pkg-config" >&2
    exit 1
  fi
fi

echo "netral: installing libpcre2-dev and pkg-config (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libpcre2-dev pkg-config >/dev/null
