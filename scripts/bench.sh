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
cargo run --release --locked -q -p eduplan-model --example count_allocs
# the runner's Monte Carlo on 1 and 2 threads (rayon; same bands either way)
cargo build --release --locked -q -p eduplan-cli
runner_mc() {
  python3 - "$ROOT/target/release/eduplan" "$1" <<'PY'
import subprocess, sys, time
best = None
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "mc", "--draws", "1000", "--threads", sys.argv[2]], check=True, stdout=subprocess.DEVNULL)
    ms = (time.perf_counter() - t) * 1000
    best = ms if best is None else min(best, ms)
print(f"{best:.0f}")
PY
}
runner_1="$(runner_mc 1)"
runner_2="$(runner_mc 2)"
echo "runner mc 1000 draws: 1 thread ${runner_1} ms, 2 threads ${runner_2} ms (best of 5, whole process)"
say "browser (headless Chromium)"
mc="$(cd tests/e2e && node measure-mc.mjs)"
echo "$mc"
paint="$(cd tests/e2e && node measure-paint.mjs)"
echo "$paint"
schools="$(cd tests/e2e && node measure-schools.mjs)"
echo "$schools"

main_wasm="$(ls dist/eduplan-web-*_bg.wasm)"
native_ms="$(sed -n 's/.*native: 1000 draws in \([0-9.]*\) ms.*/\1/p' <<<"$native")"
wasm_ms="$(sed -n 's/.*, 1 worker: 1000 draws in \([0-9.]*\) ms.*/\1/p' <<<"$mc")"
say "figures side by side"
python3 - "$native_ms" "$wasm_ms" "$(gzip_size "$main_wasm")" "$native" "$mc" "$paint" "$runner_1" "$runner_2" "$schools" <<'PY'
import re, sys
native_ms, wasm_ms, main_gz = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
native, mc, paint = sys.argv[4], sys.argv[5], sys.argv[6]
runner_1, runner_2, schools = sys.argv[7], sys.argv[8], sys.argv[9]
def grab(pattern, text):
    m = re.search(pattern, text)
    return m.group(1) if m else "?"
rows = [
    ("engine: project(), native (default scenario)", grab(r"project\(\) ([0-9.]+ ms)", native), "< 0.2 ms"),
    ("engine per draw, native (1,000 draws / 1,000)", f"{native_ms / 1000:.3f} ms", ""),
    ("engine per draw, wasm (1 worker, 1,000 draws / 1,000)", f"{wasm_ms / 1000:.3f} ms", ""),
    ("wasm / native", f"{wasm_ms / native_ms:.2f}", "≤ 1.5"),
    ("Monte Carlo 1,000 draws, native (1 thread)", f"{native_ms:.0f} ms", ""),
    ("runner mc 1,000 draws, 1 / 2 threads (whole process)", f"{runner_1} / {runner_2} ms", ""),
    ("Monte Carlo 1,000 draws, browser, 1 worker", grab(r", 1 worker: 1000 draws in ([0-9]+ ms)", mc), ""),
    ("Monte Carlo 1,000 draws, browser, 2 workers", grab(r", 2 workers: 1000 draws in ([0-9]+ ms)", mc), "< 150 ms"),
    ("Monte Carlo 1,000 draws, browser, N = cores", grab(r"cores \((\d+ workers\)): 1000 draws in [0-9]+ ms", mc) + " " + grab(r"cores \(\d+ workers\): 1000 draws in ([0-9]+ ms)", mc), ""),
    ("goal seek, native (senior_ger by progression)", grab(r"senior_ger by senior\.progression: ([0-9.]+ ms)", native), ""),
    ("goal seek, browser (senior_ger)", grab(r"goal seek \(senior_ger by τ\): ([0-9.]+ ms)", mc), ""),
    ("input → next paint, 1× CPU (median / p95)", grab(r"CPU 1×: median ([0-9.]+ ms, p95 [0-9.]+ ms)", paint), ""),
    ("input → next paint, 4× CPU (median / p95)", grab(r"CPU 4×: median ([0-9.]+ ms, p95 [0-9.]+ ms)", paint), "p95 < 16 ms"),
    ("a step at 4× CPU: script / layout / paint (timeline, ms)", grab(r"script ([0-9.]+) ms", paint) + " / " + grab(r"layout ([0-9.]+)", paint) + " / " + grab(r", paint ([0-9.]+)", paint), ""),
    ("load → first chart (median)", grab(r"first chart[^:]*: median ([0-9]+ ms)", paint), ""),
    ("schools view: open, click → every row (median)", grab(r"open \(click → every row drawn\), 5 times: median ([0-9.]+ ms)", schools), ""),
    ("lever step → next frame, schools view closed / open", grab(r"closed: input → next frame median ([0-9.]+ ms)", schools) + " / " + grab(r"open: +input → next frame median ([0-9.]+ ms)", schools), ""),
    ("main module, gzip -9", f"{main_gz / 1000:.1f} KB", "≤ 300 KB"),
]
w = max(len(r[0]) for r in rows)
print(f"{'figure'.ljust(w)}  {'measured':>22}  aim")
for name, value, aim in rows:
    print(f"{name.ljust(w)}  {value:>22}  {aim}")
PY
