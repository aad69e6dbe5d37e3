#!/usr/bin/env bash
# Feeds at least a million generated and mutated share links to the decoder
# and prints the count and any failure (panic, invalid scenario accepted, a
# scenario its own link does not give back). Not part of scripts/test.sh,
# which keeps the 10⁵-case proptest run. Usage: scripts/fuzz-links.sh [CASES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --release --locked -q -p eduplan-model --example fuzz_links -- "${1:-1000000}" "${2:-1}"
