//! Demo data for a fashion and design brand: catalog with pictures, staff,
//! retailers, consumers with past orders, warehouses and stores with stock,
//! suppliers. Loaded into an empty database once, in one transaction.

mod catalog;
mod fulfilment;
mod images;
mod orders;
mod people;
mod places;
mod process;
mod products;
mod stock;
mod supply;
mod wholesale;

use rand::SeedableRng;
use rand::rngs::StdRng;
use sqlx::PgPool;

pub use people::{DEMO_PASSWORD, LOGINS_TEXT};
pub use process::DEMO_MARKETPLACE_KEY;
pub use supply::DEMO_3PL_KEY;

/// Serialises concurrent loaders (several servers starting at once).
const LOAD_LOCK: i64 = 0x0041_5445_4c49_4552; // "ATELIER"
const VERSION: i64 = 1;

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Loaded,
    AlreadyLoaded,
    /// The database holds other data; demo data is never mixed in.
    NotEmpty,
}

pub async fn load(pool: &PgPool) -> Result<Outcome, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(LOAD_LOCK)
        .execute(&mut *tx)
        .await?;
    let loaded: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM system_settings WHERE key = 'demo_data')")
            .fetch_one(&mut *tx)
            .await?;
    if loaded {
        return Ok(Outcome::AlreadyLoaded);
    }
    let has_users: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users)")
        .fetch_one(&mut *tx)
        .await?;
    if has_users {
        tracing::info!("the database already has data; demo data not loaded");
        return Ok(Outcome::NotEmpty);
    }

    let started = std::time::Instant::now();
    let mut rng = StdRng::seed_from_u64(2026);
    let locations = places::load(&mut tx).await?;
    let people = people::load(&mut tx, &locations).await?;
    let variants = products::load(&mut tx).await?;
    stock::load(&mut tx, &mut rng, &variants, &locations).await?;
    supply::load(&mut tx, &mut rng).await?;
    orders::load(&mut tx, &mut rng, &people, &variants).await?;
    fulfilment::load(&mut tx, &mut rng, &people, &variants, &locations).await?;
    process::load(&mut tx, &mut rng, &people, &variants).await?;
    wholesale::load(&mut tx, &mut rng, &people).await?;
    // The history above was written directly, without capture: give it the
    // card payments it had (shipped goods captured, open orders held).
    sqlx::query(
        "INSERT INTO payments (order_id, provider, provider_reference, currency, status, authorized_minor,
                               captured_minor, voided_minor)
         SELECT o.id, 'external', 'demo-' || o.number, o.currency,
                CASE WHEN o.status IN ('shipped', 'completed') THEN 'captured'
                     WHEN o.status = 'cancelled' THEN 'voided' ELSE 'authorized' END,
                o.total_minor,
                CASE WHEN o.status IN ('shipped', 'completed') THEN o.total_minor ELSE 0 END,
                CASE WHEN o.status = 'cancelled' THEN o.total_minor ELSE 0 END
         FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO system_settings (key, value) VALUES ('demo_data', jsonb_build_object('version', $1::bigint))")
        .bind(VERSION)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!(
        products = variants
            .iter()
            .map(|v| v.product_id)
            .collect::<std::collections::HashSet<_>>()
            .len(),
        skus = variants.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "demo data loaded"
    );
    Ok(Outcome::Loaded)
}
