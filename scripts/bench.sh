#!/usr/bin/env bash
# Runs the benchmark (release build) and the streaming-memory check. Not part of the test run.
# Usage: bash scripts/bench.sh [POSTS] [STREAM_GIB]     defaults: 1000000 posts, a 2 GiB streamed file
# Installs libvectorscan-dev (the Vectorscan ceiling) and libpcre2-dev when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-bench-deps.sh
posts="${1:-1000000}"
gib="${2:-2}"
(cd Benchmarks && swift build -c release)
bench=Benchmarks/.build/release/NetralBench
stdbuf -oL "$bench" --posts "$posts" --baseline-posts $((posts / 10)) --scales 1,10,50
file="${TMPDIR:-/tmp}/netral-bench-stream.jsonl"
"$bench" write-file "$file" "$gib"
stdbuf -oL "$bench" stream "$file" --threads 2
rm -f "$file"
