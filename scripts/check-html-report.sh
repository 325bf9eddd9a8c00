#!/usr/bin/env bash
# Renders the HTML report of the bundled sample in headless Chromium and checks that its charts are drawn:
# the page is printed to a DOM dump and a PNG screenshot; the DOM must hold both SVG charts with bars.
# Usage: bash scripts/check-html-report.sh [OUTPUT_DIR]   (installs chromium with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/html-check}"
mkdir -p "$out"
bash scripts/ensure-deps.sh
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (apt-get)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
swift run -q netral check --format html -o "$out/report.html" Examples/data/posts.jsonl || [ $? -eq 1 ]
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars)
chromium "${flags[@]}" --dump-dom "file://$PWD/$out/report.html" > "$out/dom.html" 2>/dev/null
chromium "${flags[@]}" --window-size=1200,1600 --screenshot="$out/report.png" "file://$PWD/$out/report.html" 2>/dev/null
bars=$(grep -o 'class="bar"' "$out/dom.html" | wc -l)
grep -q '<svg id="chart-rules"' "$out/dom.html" || { echo "FAIL: the rules chart is missing"; exit 1; }
grep -q '<svg id="chart-days"' "$out/dom.html" || { echo "FAIL: the days chart is missing"; exit 1; }
[ "$bars" -ge 5 ] || { echo "FAIL: only $bars bars drawn"; exit 1; }
[ -s "$out/report.png" ] || { echo "FAIL: no screenshot"; exit 1; }
echo "ok: chromium rendered both charts ($bars bars); screenshot at $out/report.png"
