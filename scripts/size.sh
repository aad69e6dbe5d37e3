#!/usr/bin/env bash
# What takes the space in the main module (issue 17): builds it as the
# release build does (profile `web`, wasm-bindgen, wasm-opt -Oz) but keeps
# the function names, then prints code and data and the code by crate and by
# EduPlan module (tools/size_report.py). Figures only.
# Usage: bash scripts/size.sh [--top N]
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"
ensure_build_tools
say "main module with its names (profile web)"
cargo build --locked -q --profile web --target wasm32-unknown-unknown --bin eduplan-web
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --keep-debug --out-dir "$out" target/wasm32-unknown-unknown/web/eduplan-web.wasm
# -g keeps the names; the rest is what Trunk runs (data-wasm-opt="z")
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/eduplan-web_bg.wasm" -o "$out/named.wasm"
python3 tools/size_report.py "$out/named.wasm" "$@"
