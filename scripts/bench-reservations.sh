#!/usr/bin/env bash
# Reservation benchmark: in one run, against the same PostgreSQL, measures
# pgbench's built-in TPC-B-like transaction rate, then the rate of
# reservation transactions (guarded update + reservation row + ledger row)
# with the same number of clients, (a) spread over 2,000 SKUs and (b) all on
# one hot SKU, and prints the ratios.
#
#   scripts/bench-reservations.sh [clients] [seconds]     (default 16 20)
#
# Uses DATABASE_URL's server (default postgres@127.0.0.1:5432); creates the
# databases atelier_pgbench and atelier_bench there.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS="${1:-16}"
SECONDS_EACH="${2:-20}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
PGBENCH_URL="$(printf '%s' "$DATABASE_URL" | sed -E 's#^(postgres(ql)?://[^/]*)(/[^?]*)?#\1/atelier_pgbench#')"

ensure_base
ensure_rust
command -v pgbench >/dev/null || apt_install postgresql  # pgbench ships with the server package
command -v psql >/dev/null || apt_install postgresql-client

say "Building the benchmark (release)"
cargo bench -p server --bench reservations --no-run

say "pgbench -i -s $CLIENTS, then pgbench -c $CLIENTS -j 2 -T $SECONDS_EACH"
psql -q "$DATABASE_URL" -c "DROP DATABASE IF EXISTS atelier_pgbench WITH (FORCE)" -c "CREATE DATABASE atelier_pgbench"
pgbench -q -i -s "$CLIENTS" "$PGBENCH_URL" >/dev/null 2>&1
PGBENCH_OUT="$(pgbench -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" "$PGBENCH_URL" 2>&1)"
echo "$PGBENCH_OUT" | grep -E "^(scaling factor|number of clients|number of transactions actually processed|latency average|tps)"
PGBENCH_TPS="$(echo "$PGBENCH_OUT" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)"

run_reservations() {
  local out
  out="$(cargo bench -q -p server --bench reservations -- "$1" "$CLIENTS" "$SECONDS_EACH" 2>/dev/null | grep '^reservations')"
  echo "$out" >&2
  echo "$out" | sed -n 's/.* \([0-9]*\) per second.*/\1/p'
}

say "Reservations spread over many SKUs ($CLIENTS clients, $SECONDS_EACH s)"
SPREAD_TPS="$(run_reservations spread)"
say "Reservations on one hot SKU ($CLIENTS clients, $SECONDS_EACH s)"
HOT_TPS="$(run_reservations hot)"

say "Summary"
awk -v p="$PGBENCH_TPS" -v s="$SPREAD_TPS" -v h="$HOT_TPS" 'BEGIN {
  printf "pgbench TPC-B-like:            %8.0f tps\n", p
  printf "reservations, spread over SKUs: %7.0f tps  = %3.0f%% of pgbench (target >= 60%%)\n", s, 100 * s / p
  printf "reservations, one hot SKU:      %7.0f tps  = %3.0f%% of pgbench (target >= 25%%)\n", h, 100 * h / p
}'
psql -q "$DATABASE_URL" -c "DROP DATABASE IF EXISTS atelier_pgbench WITH (FORCE)" -c "DROP DATABASE IF EXISTS atelier_bench WITH (FORCE)"
