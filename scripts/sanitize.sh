#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and the concurrency tests under ThreadSanitizer.
# Usage: bash scripts/sanitize.sh [address|thread|all]    (CI runs "thread")
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
which="${1:-all}"
concurrency='RobustnessTests|EngineBatchTests|OrderedWorkTests|HostilePostTests|HostileRuleTests'
if [ "$which" = address ] || [ "$which" = all ]; then
  swift test --disable-xctest --sanitize=address --scratch-path .build-asan
fi
if [ "$which" = thread ] || [ "$which" = all ]; then
  swift test --disable-xctest --sanitize=thread --scratch-path .build-tsan --filter "$concurrency"
fi
