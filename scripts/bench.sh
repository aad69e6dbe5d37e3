#!/usr/bin/env bash
# Prints EduPlan's speed and size figures side by side, from one release build:
# the engine natively and in wasm (the Monte Carlo worker's per-draw time) and
# their ratio, 1,000 Monte Carlo draws natively and in the browser, goal seek,
# input → next paint at 1× and 4× CPU throttle, load → first chart, and the
# main module's size. Figures only; nothing is asserted (issue 17 states the aims).
# Usage: bash scripts/bench.sh   (BENCH_NO_BUILD=1 to measure dist/ as it is)
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"
ensure_test_tools
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  say "release build"
  trunk build --release
fi
port="$(free_port)"
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
export EDUPLAN_URL="http://127.0.0.1:$port/"

say "native engine and Monte Carlo"
native="$(cargo run --release --locked -q -p eduplan-model --example bench_mc)"
echo "$native"
say "browser (headless Chromium)"
mc="$(cd tests/e2e && node measure-mc.mjs)"
echo "$mc"
paint="$(cd tests/e2e && node measure-paint.mjs)"
echo "$paint"

main_wasm="$(ls dist/eduplan-web-*_bg.wasm)"
native_ms="$(sed -n 's/.*native: 1000 draws in \([0-9.]*\) ms.*/\1/p' <<<"$native")"
wasm_ms="$(sed -n 's/.*worker): 1000 draws in \([0-9.]*\) ms.*/\1/p' <<<"$mc")"
say "figures side by side"
python3 - "$native_ms" "$wasm_ms" "$(gzip_size "$main_wasm")" "$native" "$mc" "$paint" <<'PY'
import re, sys
native_ms, wasm_ms, main_gz = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
native, mc, paint = sys.argv[4], sys.argv[5], sys.argv[6]
def grab(pattern, text):
    m = re.search(pattern, text)
    return m.group(1) if m else "?"
rows = [
    ("engine per projection, native (1,000 draws / 1,000)", f"{native_ms / 1000:.3f} ms", "< 0.2 ms"),
    ("engine per projection, wasm (MC worker, per draw)", f"{wasm_ms / 1000:.3f} ms", ""),
    ("wasm / native", f"{wasm_ms / native_ms:.2f}", "≤ 1.5"),
    ("Monte Carlo 1,000 draws, native (1 thread)", f"{native_ms:.0f} ms", ""),
    ("Monte Carlo 1,000 draws, browser (1 worker)", f"{wasm_ms:.0f} ms", "< 150 ms"),
    ("goal seek, native (senior_ger by progression)", grab(r"senior_ger by senior\.progression: ([0-9.]+ ms)", native), ""),
    ("goal seek, browser (senior_ger)", grab(r"goal seek \(senior_ger by τ\): ([0-9.]+ ms)", mc), ""),
    ("input → next paint, 1× CPU (median / p95)", grab(r"CPU 1×: median ([0-9.]+ ms, p95 [0-9.]+ ms)", paint), ""),
    ("input → next paint, 4× CPU (median / p95)", grab(r"CPU 4×: median ([0-9.]+ ms, p95 [0-9.]+ ms)", paint), "p95 < 16 ms"),
    ("load → first chart (median)", grab(r"first chart[^:]*: median ([0-9]+ ms)", paint), ""),
    ("main module, gzip -9", f"{main_gz / 1000:.1f} KB", "≤ 300 KB"),
]
w = max(len(r[0]) for r in rows)
print(f"{'figure'.ljust(w)}  {'measured':>22}  aim")
for name, value, aim in rows:
    print(f"{name.ljust(w)}  {value:>22}  {aim}")
PY
