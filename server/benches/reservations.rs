//! Reservation throughput: concurrent clients reserving stock through
//! `reservations::reserve_now` (guarded update + reservation row + ledger
//! row) for a fixed time, on a fresh database of the PostgreSQL server in
//! DATABASE_URL. Run by scripts/bench-reservations.sh beside pgbench.
//!
//!   cargo bench -p server --bench reservations -- [spread|hot] [clients] [seconds]

use app::inventory::db::reservations::{self, Reservation, ReserveError};
use app::inventory::db::stock::{self, Source};
use app::inventory::model::{MovementKind, ReservationLine};
use sqlx::PgPool;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use uuid::Uuid;

const SKUS: usize = 2_000;
const LINES: i32 = 2_000_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = server::testing::bench_args();
    let hot = args.first().map(String::as_str) == Some("hot");
    let clients: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(16);
    let seconds: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(20);
    let pool = server::testing::fresh_database("atelier_bench", clients as u32 + 2).await?;
    let (order_id, location_id, variants) = set_up(&pool).await?;

    let reserved = Arc::new(AtomicU64::new(0));
    let short = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in 0..clients {
        let (pool, variants, reserved, short) = (
            pool.clone(),
            variants.clone(),
            reserved.clone(),
            short.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut line_no = client as i32 + 1;
            let mut sku = client * 97;
            while Instant::now() < deadline && line_no <= LINES {
                sku = (sku + 7919) % variants.len();
                let variant_id = if hot { variants[0] } else { variants[sku] };
                let lines = [ReservationLine {
                    line_no,
                    variant_id,
                    quantity: 1,
                }];
                let request = Reservation {
                    order_id,
                    location_id,
                    lines: &lines,
                    expires_at: None,
                    reference: "BENCH",
                    actor: None,
                };
                match reservations::reserve_now(&pool, &request).await {
                    Ok(_) => reserved.fetch_add(1, Ordering::Relaxed),
                    Err(ReserveError::Insufficient(_)) => short.fetch_add(1, Ordering::Relaxed),
                    Err(error) => panic!("reservation failed: {error}"),
                };
                line_no += clients as i32;
            }
        }));
    }
    for task in tasks {
        task.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let done = reserved.load(Ordering::Relaxed) + short.load(Ordering::Relaxed);
    let drift = stock::ledger_drift(&pool).await? + stock::reservation_drift(&pool).await?;
    println!(
        "reservations ({mode}, {clients} clients, {seconds} s): {done} transactions, {tps:.0} per second \
         ({short} refused for stock); balances off their ledger: {drift}",
        mode = if hot {
            "one hot SKU"
        } else {
            "spread over SKUs"
        },
        tps = done as f64 / elapsed,
        short = short.load(Ordering::Relaxed),
    );
    pool.close().await;
    Ok(())
}

/// One location with plenty of stock of every SKU, and an order with enough
/// lines for every reservation of the run.
async fn set_up(pool: &PgPool) -> Result<(Uuid, Uuid, Arc<Vec<Uuid>>), sqlx::Error> {
    let category: Uuid = sqlx::query_scalar(
        "INSERT INTO categories (slug, name) VALUES ('bench', 'Bench') RETURNING id",
    )
    .fetch_one(pool)
    .await?;
    let product: Uuid = sqlx::query_scalar(
        "INSERT INTO products (style_code, slug, name, category_id, price_minor, season)
         VALUES ('BENCH', 'bench', 'Bench', $1, 1000, 'FW26') RETURNING id",
    )
    .bind(category)
    .fetch_one(pool)
    .await?;
    let variants: Vec<Uuid> = sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, colour, colour_hex, size)
         SELECT $1, 'BENCH-' || n, 'Ecru', '#eeeeee', n::text FROM generate_series(1, $2) AS n RETURNING id",
    )
    .bind(product)
    .bind(SKUS as i32)
    .fetch_all(pool)
    .await?;
    let location: Uuid = sqlx::query_scalar(
        "INSERT INTO locations (code, name, kind, country, city) VALUES ('WH-BENCH', 'Bench', 'warehouse', 'IT', 'Milano')
         RETURNING id",
    )
    .fetch_one(pool)
    .await?;
    let mut conn = pool.acquire().await?;
    let stock: Vec<(Uuid, i32)> = variants.iter().map(|v| (*v, 10_000_000)).collect();
    let source = Source {
        kind: "receipt",
        reference: "BENCH",
        reason: "",
        actor: None,
    };
    stock::receive(&mut conn, location, &stock, MovementKind::Receipt, source).await?;
    let order: Uuid = sqlx::query_scalar(
        "INSERT INTO orders (number, channel, email, status, total_minor, ship_to)
         VALUES ('BENCH-1', 'web', 'bench@example.com', 'captured', 0, '{}') RETURNING id",
    )
    .fetch_one(pool)
    .await?;
    sqlx::query(
        "INSERT INTO order_lines (order_id, line_no, variant_id, sku, description, quantity, unit_price_minor)
         SELECT $1, n, $2, 'BENCH', 'bench', 1, 1000 FROM generate_series(1, $3) AS n",
    )
    .bind(order)
    .bind(variants[0])
    .bind(LINES)
    .execute(pool)
    .await?;
    sqlx::query("ANALYZE").execute(pool).await?;
    Ok((order, location, Arc::new(variants)))
}
