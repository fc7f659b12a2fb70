//! Opening stock: a receipt movement and a balance per (SKU, location), so
//! the ledger sums to the balance from the first day.

use super::places::{Kind, Location};
use super::products::Sku;
use rand::Rng;
use rand::rngs::StdRng;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
    skus: &[Sku],
    locations: &[Location],
) -> Result<(), sqlx::Error> {
    let mut variant_ids: Vec<Uuid> = Vec::new();
    let mut location_ids: Vec<Uuid> = Vec::new();
    let mut quantities: Vec<i32> = Vec::new();
    let mut bins: Vec<String> = Vec::new();
    for sku in skus {
        for location in locations {
            let quantity = match (location.kind, sku.home_goods) {
                // Home goods ship from the ceramics workshop; clothing from ours.
                (Kind::External, true) => rng.random_range(10..80),
                (Kind::External, false) | (_, true) => 0,
                (Kind::Warehouse, false) if rng.random_bool(0.8) => rng.random_range(3..60),
                (Kind::Store, false) if rng.random_bool(0.45) => rng.random_range(1..6),
                _ => 0,
            };
            if quantity > 0 {
                variant_ids.push(sku.id);
                location_ids.push(location.id);
                quantities.push(quantity);
                bins.push(match location.kind {
                    Kind::Warehouse => format!(
                        "{}-{:02}-{}",
                        sku.zone,
                        rng.random_range(1..30),
                        rng.random_range(1..6)
                    ),
                    Kind::Store => if rng.random_bool(0.6) {
                        "Shop floor"
                    } else {
                        "Back room"
                    }
                    .to_owned(),
                    Kind::External => String::new(),
                });
            }
        }
    }
    sqlx::query(
        "INSERT INTO stock_balances (variant_id, location_id, on_hand, bin)
         SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::int[], $4::text[])",
    )
    .bind(&variant_ids)
    .bind(&location_ids)
    .bind(&quantities)
    .bind(&bins)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO stock_movements
             (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference_kind, reference, reason)
         SELECT v, l, 'receipt', q, 0, 'opening', 'OPENING-STOCK', 'Opening stock'
         FROM UNNEST($1::uuid[], $2::uuid[], $3::int[]) AS t(v, l, q)",
    )
    .bind(&variant_ids)
    .bind(&location_ids)
    .bind(&quantities)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
