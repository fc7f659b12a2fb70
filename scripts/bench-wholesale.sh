#!/usr/bin/env bash
# Wholesale benchmark: builds the release, starts it on a fresh database
# (`atelier_bench_wholesale` on DATABASE_URL's server, default
# postgres@127.0.0.1:5432) with the demo data grown to 200 styles in the
# FW27 campaign (scripts/bench-wholesale.sql), then measures
#   1. the portal line sheet's SSR throughput, signed in as a buyer:
#      wrk -t2 -c64 -d20s --latency;
#   2. the size-run grid's keystroke-to-totals time for a 6 × 8 grid, in
#      Chromium (end2end/bench/grid-latency.mjs).
# Not part of the tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ADDR="127.0.0.1:3200"
DURATION="${BENCH_DURATION:-20s}"
SERVER_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
BENCH_URL="$(printf '%s' "$SERVER_URL" | sed -E 's#^(postgres(ql)?://[^/]*)(/[^?]*)?#\1/atelier_bench_wholesale#')"
BUYER="buyer@aurora-boutique.example"

ensure_base
ensure_rust
ensure_cargo_leptos
ensure_wasm_bindgen
ensure_wasm_opt
ensure_load_generator
ensure_chromium
ensure_e2e_modules
command -v psql >/dev/null || apt_install postgresql-client

say "Building the release"
cargo leptos build --release --precompress
build_storefront_bundle release

say "A fresh database with the demo data and 200 styles in FW27"
psql -q "$SERVER_URL" -c "DROP DATABASE IF EXISTS atelier_bench_wholesale WITH (FORCE)" -c "CREATE DATABASE atelier_bench_wholesale"
start_server "$CARGO_TARGET_DIR/release/server" "$ADDR" target/bench-server.log \
  LEPTOS_ENV=PROD RUST_LOG=warn DATABASE_URL="$BENCH_URL"
psql -q "$BENCH_URL" -f scripts/bench-wholesale.sql

cookie="$(session_cookie "$ADDR" "$BUYER")"
for path in /b2b/campaigns/FW27 "/b2b/campaigns/FW27?page=5"; do
  say "Line sheet: wrk -t2 -c64 -d$DURATION --latency http://$ADDR$path (as $BUYER)"
  wrk -t1 -c4 -d3s -H "Cookie: $cookie" "http://$ADDR$path" >/dev/null # warm up
  wrk -t2 -c64 -d"$DURATION" --latency -H "Cookie: $cookie" "http://$ADDR$path"
done

say "Grid of 6 colours × 8 sizes: keystroke → updated totals"
(cd end2end && BASE_URL="http://$ADDR" BENCH_USER="$BUYER" node bench/grid-latency.mjs)
