# Shared set-up steps for run.sh, test.sh and bench.sh: each `ensure_*`
# installs one missing thing and does nothing when it is already there.
# Only Debian packages, crates.io, npm and rustup's toolchains are needed.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Builds go outside the clone, so a fresh clone reuses earlier work.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/atelier/target}"
export PATH="$HOME/.cargo/bin:$ROOT/scripts/tools/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# cargo-leptos sets this for its builds; Leptos reads it at compile time to
# name the wasm file. Setting it for every build keeps `cargo test`'s server
# binary identical to cargo-leptos' (and their artifacts shared).
export LEPTOS_OUTPUT_NAME=atelier

CARGO_LEPTOS_VERSION="0.3.11"
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)"
RUST_CHANNEL="$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)"

say() { printf '\n==> %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "Please install: $* (this script knows apt-get only)" >&2
    exit 1
  fi
  if [ -z "$APT_UPDATED" ]; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

ensure_base() {
  local missing=()
  command -v cc >/dev/null || missing+=(gcc libc6-dev)
  command -v curl >/dev/null || missing+=(curl)
  [ -e /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

ensure_rust() {
  if ! command -v rustup >/dev/null; then
    say "Installing rustup"
    local init
    init="$(mktemp)"
    curl -sSfL "https://static.rust-lang.org/rustup/dist/$(uname -m)-unknown-linux-gnu/rustup-init" -o "$init"
    chmod +x "$init"
    "$init" -y --no-modify-path --profile minimal --default-toolchain none
    rm -f "$init"
  fi
  if ! rustup run "$RUST_CHANNEL" rustc --version >/dev/null 2>&1 \
    || ! rustup target list --installed --toolchain "$RUST_CHANNEL" | grep -q wasm32-unknown-unknown; then
    say "Installing Rust $RUST_CHANNEL with the wasm32 target"
    rustup toolchain install "$RUST_CHANNEL" --profile minimal -c rustfmt,clippy -t wasm32-unknown-unknown
  fi
}

ensure_cargo_leptos() {
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (takes a while, once)"
    cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION" --features no_downloads
  fi
}

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: one of its locked dependency versions is no longer on crates.io.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null; then
    say "Installing Node.js"
    apt_install nodejs npm
  fi
}

# wasm-opt shrinks the release bundle (npm's binaryen; Debian's is too old).
ensure_wasm_opt() {
  ensure_node
  if [ ! -x scripts/tools/node_modules/.bin/wasm-opt ]; then
    say "Installing wasm-opt"
    npm ci --prefix scripts/tools --no-audit --no-fund --loglevel=error
  fi
}

# The shoppers' bundle: the storefront alone (crate `storefront`), built
# beside cargo-leptos' bundle of every surface and served for storefront
# pages. `release` optimises and precompresses it like `cargo leptos build
# --release --precompress` does its own (needs ensure_wasm_opt).
build_storefront_bundle() {
  local profile=dev dir=debug pkg=target/site/pkg
  if [ "${1:-}" = release ]; then profile=wasm-release dir=wasm-release; fi
  say "Building the storefront's bundle ($profile)"
  cargo build --package=storefront --lib --target=wasm32-unknown-unknown --no-default-features \
    --profile="$profile" --target-dir="$CARGO_TARGET_DIR/front"
  mkdir -p "$pkg"
  rm -f "$pkg"/storefront.*
  wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name storefront \
    "$CARGO_TARGET_DIR/front/wasm32-unknown-unknown/$dir/storefront.wasm"
  mv "$pkg/storefront_bg.wasm" "$pkg/storefront.wasm"
  if [ "$profile" = wasm-release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$pkg/storefront.wasm" -o "$pkg/storefront.wasm"
    node scripts/tools/precompress.mjs "$pkg/storefront.wasm" "$pkg/storefront.js"
  fi
}

ensure_e2e_modules() {
  ensure_node
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    say "Installing the browser-test modules"
    npm ci --prefix end2end --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "Installing Chromium"
    apt_install chromium
  fi
}

# initdb/pg_ctl for the embedded database.
ensure_postgres_binaries() {
  if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    say "Installing PostgreSQL"
    apt_install postgresql postgresql-contrib
  fi
}

ensure_load_generator() {
  if ! command -v wrk >/dev/null; then
    say "Installing wrk"
    apt_install wrk
  fi
}

# start_server BINARY ADDR LOG [VAR=value ...]: starts the built server in the
# background with the given environment, waits until /healthz answers, and
# stops it when the calling script exits.
start_server() {
  local binary="$1" addr="$2" log="$3"
  shift 3
  mkdir -p "$(dirname "$log")"
  env "$@" LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT=target/site "$binary" >"$log" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -fs "http://$addr/healthz" >/dev/null 2>&1 && return 0
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$log"
      echo "The server did not start (log above)." >&2
      exit 1
    fi
    sleep 1
  done
  echo "The server did not answer on $addr within 3 minutes." >&2
  exit 1
}

# Signs a demo account in through the sign-in page's own form (its action is
# the server function) and prints the session cookie ("name=value").
session_cookie() {
  local addr="$1" email="$2" action cookie
  action="$(curl -fsS "http://$addr/sign-in" | grep -o 'action="/api/[^"]*"' | head -1 | cut -d'"' -f2)"
  cookie="$(curl -fsS -o /dev/null -D - "http://$addr$action" \
    --data-urlencode "email=$email" --data-urlencode "password=atelier-demo" \
    | grep -i '^set-cookie:' | head -1 | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')"
  [ -n "$cookie" ] || { echo "signing in as $email failed" >&2; exit 1; }
  printf '%s' "$cookie"
}
