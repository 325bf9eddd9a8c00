#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs each for SECONDS (default 120).
# Usage: bash scripts/fuzz.sh [FuzzRuleLoader|FuzzPostReader|FuzzEngine|all] [SECONDS]
# Crashing inputs are written to fuzz-artifacts/<target>/; keep each as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
target="${1:-all}"
seconds="${2:-120}"
(cd Fuzz && swift build -c debug)
bin="Fuzz/.build/debug"
run() {
  local name="$1" corpus="$2"
  mkdir -p "fuzz-artifacts/$name" ".build/fuzz-corpus/$name"
  echo "== $name for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=0 "$bin/$name" -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=8192 -timeout=20 -detect_leaks=0 \
      -artifact_prefix="fuzz-artifacts/$name/" ".build/fuzz-corpus/$name" "Fuzz/corpus/$corpus" 2>&1 | tail -n 4
}
case "$target" in
  FuzzRuleLoader) run FuzzRuleLoader loader ;;
  FuzzPostReader) run FuzzPostReader reader ;;
  FuzzEngine) run FuzzEngine engine ;;
  all) run FuzzRuleLoader loader; run FuzzPostReader reader; run FuzzEngine engine ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
