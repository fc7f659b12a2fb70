#!/usr/bin/env bash
# Runs every test: unit, database and HTTP tests (cargo test), then the
# browser tests (Playwright in Debian's Chromium) against a freshly built
# server on a fresh database. Installs what is missing.
#
# Tests need a PostgreSQL server: DATABASE_URL if set, else the one on
# 127.0.0.1:5432 (user postgres, trust), else a private one started here.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

E2E_ADDR="127.0.0.1:3100"

ensure_test_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then return; fi
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    return
  fi
  ensure_postgres_binaries
  local bin dir port=55432 run=()
  bin="$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  dir="/var/tmp/atelier-test-postgres-$(id -u)"
  if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "Creating a private PostgreSQL for the tests in $dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    chmod 700 "$dir"
    "${run[@]}" "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    "${run[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

ensure_base
ensure_rust
ensure_cargo_leptos
ensure_wasm_bindgen
ensure_chromium
ensure_e2e_modules
ensure_test_postgres
command -v psql >/dev/null || apt_install postgresql-client

say "Unit, database and HTTP tests"
cargo test -p app -p server --features app/ssr

# `cargo test` has just built the server binary (integration tests need it);
# cargo-leptos adds the browser bundle and the stylesheet.
say "Building the browser bundle"
cargo leptos build --frontend-only
build_storefront_bundle
# A release build (scripts/bench*.sh) leaves precompressed copies that the
# server would prefer to this debug bundle.
rm -f target/site/pkg/*.br target/site/pkg/*.gz

say "Browser tests"
E2E_DATABASE_URL="$(printf '%s' "$DATABASE_URL" | sed -E 's#^(postgres(ql)?://[^/]*)(/[^?]*)?#\1/atelier_e2e#')"
psql -q "$DATABASE_URL" -c "DROP DATABASE IF EXISTS atelier_e2e WITH (FORCE)"
start_server "$CARGO_TARGET_DIR/debug/server" "$E2E_ADDR" target/e2e-server.log \
  DATABASE_URL="$E2E_DATABASE_URL" RUST_LOG=warn
(cd end2end && BASE_URL="http://$E2E_ADDR" npx playwright test)
