#!/usr/bin/env bash
# Installs what the tests need and runs every check; exits non-zero on the
# first failure. Figures (sizes, timings) are printed, never asserted.
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"
ensure_test_tools
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say "dataset is what tools/gen_dataset.py generates"
python3 tools/gen_dataset.py --check

say "rustfmt"
cargo fmt --all --check

say "clippy (native, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "clippy (wasm32, warnings denied)"
cargo clippy --target wasm32-unknown-unknown -p eduplan --lib --bins --tests --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p eduplan-model --lib --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p eduplan-xlsx -p eduplan-mc -p eduplan-data --locked -- -D warnings

say "native tests (model, runner, app logic)"
cargo test --workspace --locked

say "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown -p eduplan --test wasm --locked

say "release build (trunk build --release)"
trunk build --release

main_wasm="$(ls dist/eduplan-web-*_bg.wasm)"
main_js="$(ls dist/eduplan-web-*.js | grep -v _bg)"
xlsx_wasm="dist/eduplan-xlsx_bg.wasm"
mc_wasm="dist/eduplan-mc_bg.wasm"
data_wasm="dist/eduplan-data_bg.wasm"
say "sizes"
printf 'main wasm (first load):   %8s bytes, %7s bytes gzip -9 (%s)\n' "$(wc -c < "$main_wasm" | tr -d ' ')" "$(gzip_size "$main_wasm")" "$(basename "$main_wasm")"
printf 'main JS glue:             %8s bytes, %7s bytes gzip -9\n' "$(wc -c < "$main_js" | tr -d ' ')" "$(gzip_size "$main_js")"
printf 'XLSX worker (on demand):  %8s bytes, %7s bytes gzip -9 (%s)\n' "$(wc -c < "$xlsx_wasm" | tr -d ' ')" "$(gzip_size "$xlsx_wasm")" "$(basename "$xlsx_wasm")"
printf 'Monte Carlo worker (on demand): %8s bytes, %7s bytes gzip -9 (%s)\n' "$(wc -c < "$mc_wasm" | tr -d ' ')" "$(gzip_size "$mc_wasm")" "$(basename "$mc_wasm")"
printf 'data worker: template and reader (on demand): %8s bytes, %7s bytes gzip -9 (%s)\n' "$(wc -c < "$data_wasm" | tr -d ' ')" "$(gzip_size "$data_wasm")" "$(basename "$data_wasm")"
# The XLSX writer must stay out of the first load: its part names are not in the main module.
if grep -q "xl/worksheets" "$main_wasm"; then
  echo "the main wasm module contains the XLSX writer" >&2
  exit 1
fi
if grep -q "eduplan-xlsx" dist/index.html; then
  echo "index.html preloads the XLSX worker" >&2
  exit 1
fi
# The reader (calamine, encoding_rs, the importer) must stay out of it too: the
# data worker has these strings, the main module must not.
for marker in calamine x-gbk sharedStrings "不是模板中的工作表"; do
  if ! grep -q "$marker" "$data_wasm"; then
    echo "marker '$marker' is not in the data worker: the check below would prove nothing" >&2
    exit 1
  fi
  if grep -q "$marker" "$main_wasm"; then
    echo "the main wasm module contains the reader ('$marker')" >&2
    exit 1
  fi
done
if grep -q "eduplan-data" dist/index.html; then
  echo "index.html preloads the data worker" >&2
  exit 1
fi
echo "main module carries neither the XLSX writer nor the reader (checked)"

# Serve dist/ from a sub-path of a plain static server: proves the build is relocatable.
www="$(mktemp -d)"
mkdir -p "$www/eduplan/app"
cp -r dist/. "$www/eduplan/app/"
port="$(free_port)"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$www" >"$www/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$www"' EXIT
for _ in $(seq 50); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/eduplan/app/')" 2>/dev/null; then break; fi
  sleep 0.1
done
export EDUPLAN_URL="http://127.0.0.1:$port/eduplan/app/"

say "engine speed, native (figures only)"
cargo run --release --locked -q -p eduplan-model --example bench_mc
say "import speed, native (figures only)"
export EDUPLAN_BENCH_XLSX="$www/300-schools.xlsx"
cargo run --release --locked -q -p eduplan-import --example bench_import -- --write "$EDUPLAN_BENCH_XLSX"

cd tests/e2e
say "lever response in headless Chromium (figures only)"
node measure-levers.mjs
say "Monte Carlo and goal seek in headless Chromium (figures only)"
node measure-mc.mjs
say "import of a 300-school workbook in headless Chromium (figures only)"
node measure-import.mjs

say "end-to-end tests (Playwright in headless Chromium, against $EDUPLAN_URL)"
node --test --test-concurrency=1 *.test.mjs
