#!/usr/bin/env bash
# Installs what is missing, builds a release build and serves it on
# http://127.0.0.1:8080 (PORT=… to change). Ctrl+C stops it.
set -euo pipefail
source "$(dirname "$0")/lib/tools.sh"
cd "$ROOT"
ensure_build_tools
say "building the release build (trunk build --release)"
trunk build --release
PORT="${PORT:-8080}"
say "EduPlan is served at http://127.0.0.1:$PORT/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
