#!/usr/bin/env bash
# Load benchmark: builds the release, starts it on 127.0.0.1:3200 (embedded
# database with demo data, or DATABASE_URL), and measures requests per second
# and latency percentiles with wrk at 64 connections. Also prints the size of
# the browser bundle (raw and brotli). Not part of the tests.
#
#   scripts/bench.sh                 # the storefront home page
#   scripts/bench.sh /c/knitwear     # any other path(s)
#   BENCH_USER=buyer@aurora-boutique.example scripts/bench.sh /b2b/campaigns/FW27
#                                    # signed in (demo password), e.g. the portal
#   BENCH_COOKIE="atelier_cart=$(cat /proc/sys/kernel/random/uuid)" scripts/bench.sh /c/knitwear
#                                    # a guest with a bag: the page is rendered, not kept
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ADDR="127.0.0.1:3200"
DURATION="${BENCH_DURATION:-20s}"
PATHS=("${@:-/}")

ensure_base
ensure_rust
ensure_cargo_leptos
ensure_wasm_bindgen
ensure_wasm_opt
ensure_load_generator
[ -n "${DATABASE_URL:-}" ] || ensure_postgres_binaries

say "Building the release"
cargo leptos build --release --precompress
build_storefront_bundle release

start_server "$CARGO_TARGET_DIR/release/server" "$ADDR" target/bench-server.log LEPTOS_ENV=PROD RUST_LOG=warn

HEADERS=()
if [ -n "${BENCH_COOKIE:-}" ]; then
  HEADERS=(-H "Cookie: $BENCH_COOKIE")
elif [ -n "${BENCH_USER:-}" ]; then
  HEADERS=(-H "Cookie: $(session_cookie "$ADDR" "$BENCH_USER")")
  say "Signed in as $BENCH_USER"
fi

for path in "${PATHS[@]}"; do
  say "wrk -t2 -c64 -d$DURATION --latency http://$ADDR$path"
  wrk -t1 -c4 -d3s "${HEADERS[@]}" "http://$ADDR$path" >/dev/null # warm up
  wrk -t2 -c64 -d"$DURATION" --latency "${HEADERS[@]}" "http://$ADDR$path"
done

say "Browser bundle"
for f in target/site/pkg/{storefront,atelier}.{wasm,js} target/site/pkg/atelier.css; do
  printf '%-32s raw %8d B   brotli %8d B\n' "$f" "$(stat -c %s "$f")" "$(stat -c %s "$f.br" 2>/dev/null || echo 0)"
done
