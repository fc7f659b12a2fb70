#!/usr/bin/env bash
# Runs Atelier with demo data on http://127.0.0.1:3000: installs what is
# missing, builds the release, starts the embedded database (unless
# DATABASE_URL is set) and serves. Ctrl-C stops the server and the database.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_base
ensure_rust
ensure_cargo_leptos
ensure_wasm_bindgen
ensure_wasm_opt
[ -n "${DATABASE_URL:-}" ] || ensure_postgres_binaries

say "Building Atelier (release)"
cargo leptos build --release --precompress
build_storefront_bundle release

say "Starting Atelier on http://127.0.0.1:3000"
exec env LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD \
  "$CARGO_TARGET_DIR/release/server"
