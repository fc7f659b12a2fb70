//! Incoming supply and stock policy: open purchase orders from suppliers
//! (so availability-to-promise has dates to show), a transfer on the road,
//! reorder points, and a 3PL's API key.

use app::integrations::db as api_keys;
use app::integrations::model::Scope;
use app::inventory::db::transfers::{self, NewTransfer};
use rand::Rng;
use rand::rngs::StdRng;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

/// The Rotterdam 3PL's key (stock read and write, Rotterdam only). Listed in
/// the README so the API can be tried with curl.
pub const DEMO_3PL_KEY: &str = "atl_demo_rotterdam_3pl_0123456789abcdef0123456789ab";

async fn location(tx: &mut Transaction<'_, Postgres>, code: &str) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM locations WHERE code = $1")
        .bind(code)
        .fetch_one(&mut **tx)
        .await
}

pub async fn load(tx: &mut Transaction<'_, Postgres>, rng: &mut StdRng) -> Result<(), sqlx::Error> {
    let milan = location(tx, "WH-MIL").await?;
    let rotterdam = location(tx, "WH-RTM").await?;

    // Purchase orders for the SKUs that run low in Milan, one per supplier speciality.
    let low: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT b.variant_id, p.style_code FROM stock_balances b
         JOIN variants v ON v.id = b.variant_id JOIN products p ON p.id = v.product_id
         WHERE b.location_id = $1 AND b.on_hand < 8 ORDER BY v.sku LIMIT 60",
    )
    .bind(milan)
    .fetch_all(&mut **tx)
    .await?;
    let suppliers: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT id, code FROM suppliers ORDER BY code")
            .fetch_all(&mut **tx)
            .await?;
    for (n, chunk) in low.chunks(10).enumerate() {
        let (supplier, _) = &suppliers[n % suppliers.len()];
        let status = if n % 3 == 0 { "sent" } else { "confirmed" };
        let po: Uuid = sqlx::query_scalar(
            "INSERT INTO purchase_orders (number, supplier_id, location_id, status, expected_date, created_at)
             VALUES ($1, $2, $3, $4, current_date + $5::int, now() - interval '10 days') RETURNING id",
        )
        .bind(format!("PO-2026-{:04}", 101 + n))
        .bind(supplier)
        .bind(milan)
        .bind(status)
        .bind(rng.random_range(6..45))
        .fetch_one(&mut **tx)
        .await?;
        for (line_no, (variant, _)) in chunk.iter().enumerate() {
            sqlx::query(
                "INSERT INTO purchase_order_lines (purchase_order_id, line_no, variant_id, quantity, unit_cost_minor)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(po)
            .bind(line_no as i32 + 1)
            .bind(variant)
            .bind(rng.random_range(2..8) * 10)
            .bind(rng.random_range(15..90) * 100)
            .execute(&mut **tx)
            .await?;
        }
    }

    // Rotterdam sends some of its plentiful stock to Milan.
    let plentiful: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT variant_id, least(on_hand - reserved, 12) FROM stock_balances
         WHERE location_id = $1 AND on_hand - reserved >= 30 ORDER BY variant_id LIMIT 5",
    )
    .bind(rotterdam)
    .fetch_all(&mut **tx)
    .await?;
    if !plentiful.is_empty() {
        let today = time::OffsetDateTime::now_utc().date();
        let new = NewTransfer {
            from: rotterdam,
            to: milan,
            expected_arrival: Some(today + time::Duration::days(3)),
            note: "Rebalancing for the winter season",
            lines: &plentiful,
            actor: None,
        };
        let (id, _) = transfers::create(tx, &new).await.map_err(into_sqlx)?;
        transfers::ship(tx, id, None).await.map_err(into_sqlx)?;
    }

    // Reorder points for Milan's best sellers.
    sqlx::query(
        "INSERT INTO reorder_points (variant_id, location_id, min_available, reorder_quantity)
         SELECT b.variant_id, b.location_id, 6 + (abs(hashtext(v.sku)) % 10), 30
         FROM stock_balances b JOIN variants v ON v.id = b.variant_id
         WHERE b.location_id = $1 AND abs(hashtext(v.sku)) % 4 = 0",
    )
    .bind(milan)
    .execute(&mut **tx)
    .await?;

    api_keys::insert(
        &mut **tx,
        "Rotterdam 3PL (demo)",
        DEMO_3PL_KEY,
        &[Scope::StockRead, Scope::StockWrite],
        api_keys::KeyBinding {
            location_id: Some(rotterdam),
            channel: None,
        },
        None,
    )
    .await?;
    Ok(())
}

fn into_sqlx(error: transfers::TransferError) -> sqlx::Error {
    match error {
        transfers::TransferError::Database(e) => e,
        other => sqlx::Error::Protocol(other.to_string()),
    }
}
