#!/usr/bin/env bash
# Counts the instructions the engine executes to evaluate the benchmark's posts: a figure that, unlike a
# time, does not move with a shared machine's noise, so that two builds can be compared in one sitting.
# Not part of the test run.
#
# Usage: bash scripts/instructions.sh [POSTS] [ROUNDS] [PROFILE OPTIONS]   defaults: 2000 posts, 3 rounds
#        bash scripts/instructions.sh 2000 3 --no-prefilter                 the baseline: every pattern on every post
#
# Runs `NetralBench profile --all` (every post evaluated ROUNDS times, one thread) under Valgrind's
# callgrind, counting only inside `Engine.evaluate(_:)`, and prints the instructions an evaluation.
# Installs valgrind, libvectorscan-dev (the benchmark package links it) and libpcre2-dev when missing.
# The benchmark is built apart (in .build-dwarf4 under Benchmarks), with DWARF 4 debug information: Valgrind 3.19 cannot read the DWARF 5 that Swift 6.3
# writes by default. The callgrind file is kept for `callgrind_annotate --auto=yes FILE SOURCE`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-bench-deps.sh valgrind
posts="${1:-2000}"
rounds="${2:-3}"
shift $(( $# < 2 ? $# : 2 ))
scratch=Benchmarks/.build-dwarf4
log="${TMPDIR:-/tmp}/netral-instructions-build.log"
if ! (cd Benchmarks && swift build -c release --scratch-path .build-dwarf4 -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 >"$log" 2>&1); then
  grep -E "error" "$log" | head -20 >&2
  echo "instructions.sh: the benchmark did not build (full log: $log)" >&2
  exit 1
fi
out="${TMPDIR:-/tmp}/netral-callgrind.out"
total=$(valgrind --tool=callgrind --smc-check=all-non-file --dump-instr=yes \
  --toggle-collect='$s6Netral6EngineC8evaluateySayAA10PostResultVGSayAA0D0VGF' \
  --callgrind-out-file="$out" "$scratch/release/NetralBench" profile --all --posts "$posts" --rounds "$rounds" "$@" \
  2>&1 | sed -nE 's/.*Collected : ([0-9]+)/\1/p')
echo "instructions: $total for $((posts * rounds)) evaluations, $((total / (posts * rounds))) an evaluation"
echo "callgrind file: $out"
