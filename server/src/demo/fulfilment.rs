//! Open orders waiting in the warehouses' work queues: recent web orders,
//! their lines reserved at Milan (most) or Rotterdam and handed to that
//! location as fulfilment requests. The oldest are already further along
//! (picking, packed with a short pick, shipped by own delivery), taken
//! through the same steps the warehouse uses, so the ledger agrees.

use super::people::People;
use super::places::Location;
use super::products::Sku;
use app::fulfilment::db::{self as fulfilment, NewLine, NewRequest, ShipForm};
use app::fulfilment::model::OWN_DELIVERY;
use app::inventory::db::reservations::{self, Reservation, ReserveError};
use app::inventory::model::ReservationLine;
use rand::Rng;
use rand::rngs::StdRng;
use serde_json::json;
use sqlx::{Postgres, Transaction};
use std::collections::{BTreeMap, HashMap};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const ORDERS: usize = 10;
const FIRST_NUMBER: usize = 200_001;

/// Guests ordering without an account: (name, city, country).
const GUESTS: [(&str, &str, &str); 6] = [
    ("Francesca Lombardi", "Bergamo", "IT"),
    ("Julia Wagner", "Stuttgart", "DE"),
    ("Camille Moreau", "Nantes", "FR"),
    ("Lars Pedersen", "Aarhus", "DK"),
    ("Alessio Bruno", "Genova", "IT"),
    ("Sophie Maes", "Gent", "BE"),
];

/// How far a demo request has got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Submitted,
    Picking,
    Packed,
    Shipped,
}

/// The oldest orders are the furthest along; the rest wait to be picked.
fn stage(i: usize) -> Stage {
    match i {
        0 => Stage::Shipped,
        1 => Stage::Packed,
        2 => Stage::Picking,
        _ => Stage::Submitted,
    }
}

fn location_code(i: usize) -> &'static str {
    if i == 4 || i == 8 { "WH-RTM" } else { "WH-MIL" }
}

fn demo_error(what: &str, error: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Protocol(format!("demo fulfilment, {what}: {error}"))
}

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
    people: &People,
    skus: &[Sku],
    locations: &[Location],
) -> Result<(), sqlx::Error> {
    let worker: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM users WHERE role = 'warehouse' ORDER BY created_at, email LIMIT 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    let sites: Vec<&Location> = locations
        .iter()
        .filter(|l| matches!(l.code, "WH-MIL" | "WH-RTM"))
        .collect();
    let site_ids: Vec<Uuid> = sites.iter().map(|l| l.id).collect();
    // What can still be reserved, so every demo reservation succeeds.
    let mut available: HashMap<(Uuid, Uuid), i32> = sqlx::query_as::<_, (Uuid, Uuid, i32)>(
        "SELECT location_id, variant_id, on_hand - reserved FROM stock_balances
         WHERE location_id = ANY($1) AND on_hand - reserved >= 3",
    )
    .bind(&site_ids)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|(location, variant, units)| ((location, variant), units))
    .collect();

    for i in 0..ORDERS {
        let code = location_code(i);
        let Some(location) = sites.iter().find(|l| l.code == code) else {
            return Err(demo_error("location", code));
        };
        let number = format!("AT-{}", FIRST_NUMBER + i);

        // 1–3 lines of SKUs in stock at the location, at least two units in all
        // (so a short pick can be shown on any of them).
        let wanted = rng.random_range(1..=3);
        let mut chosen: Vec<(&Sku, i32)> = Vec::new();
        for _ in 0..10_000 {
            if chosen.len() == wanted {
                break;
            }
            let sku = &skus[rng.random_range(0..skus.len())];
            let quantity = rng.random_range(1..=3);
            let left = available.get(&(location.id, sku.id)).copied().unwrap_or(0);
            if sku.home_goods
                || left < quantity.max(2)
                || chosen.iter().any(|(s, _)| s.id == sku.id)
            {
                continue;
            }
            chosen.push((sku, quantity));
        }
        if chosen.is_empty() {
            return Err(demo_error("stock", format!("nothing to reserve at {code}")));
        }
        if let [(_, quantity)] = chosen.as_mut_slice() {
            *quantity = (*quantity).max(2);
        }
        for (sku, quantity) in &chosen {
            if let Some(left) = available.get_mut(&(location.id, sku.id)) {
                *left -= quantity;
            }
        }

        // The customer: a demo consumer for every third order, else a guest.
        let (customer_id, email, name, city, country) = if i % 3 == 1 {
            let (id, email, name, city, country) =
                &people.consumers[(i / 3) % people.consumers.len()];
            (Some(*id), email.clone(), name.clone(), *city, *country)
        } else {
            let (name, city, country) = GUESTS[i % GUESTS.len()];
            let first = name.split(' ').next().unwrap_or("guest").to_lowercase();
            (
                None,
                format!("{first}.{}@guest.example", FIRST_NUMBER + i),
                name.to_owned(),
                city,
                country,
            )
        };
        let ship_to = json!({
            "name": name,
            "line1": format!("Via Example {}", rng.random_range(1..200)),
            "postal_code": format!("{:05}", rng.random_range(10000..99999)),
            "city": city,
            "country": country,
        });
        let total: i64 = chosen
            .iter()
            .map(|(sku, q)| sku.price_minor * i64::from(*q))
            .sum();
        // Placed over the last two days, oldest first.
        let hours_ago = (ORDERS - i) as i32 * 4 + rng.random_range(0..3);
        let (order_id, placed_at): (Uuid, OffsetDateTime) = sqlx::query_as(
            "INSERT INTO orders (number, channel, customer_id, email, status, total_minor, ship_to, placed_at)
             VALUES ($1, 'web', $2, $3, 'submitted', $4, $5, now() - make_interval(hours => $6, mins => $7))
             RETURNING id, placed_at",
        )
        .bind(&number)
        .bind(customer_id)
        .bind(&email)
        .bind(total)
        .bind(&ship_to)
        .bind(hours_ago)
        .bind(rng.random_range(0..60))
        .fetch_one(&mut **tx)
        .await?;
        let mut lines = Vec::new();
        for (n, (sku, quantity)) in chosen.iter().enumerate() {
            let line_no = n as i32 + 1;
            sqlx::query(
                "INSERT INTO order_lines (order_id, line_no, variant_id, sku, description, quantity, unit_price_minor)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(order_id)
            .bind(line_no)
            .bind(sku.id)
            .bind(&sku.sku)
            .bind(&sku.description)
            .bind(quantity)
            .bind(sku.price_minor)
            .execute(&mut **tx)
            .await?;
            lines.push(ReservationLine {
                line_no,
                variant_id: sku.id,
                quantity: *quantity,
            });
        }

        let reserved = reservations::reserve(
            tx,
            &Reservation {
                order_id,
                location_id: location.id,
                lines: &lines,
                expires_at: None,
                reference: &number,
                actor: None,
            },
        )
        .await
        .map_err(|e| match e {
            ReserveError::Database(e) => e,
            other => demo_error("reserving", other),
        })?;
        let request_lines: Vec<NewLine> = lines
            .iter()
            .map(|l| NewLine {
                line_no: l.line_no,
                variant_id: l.variant_id,
                quantity: l.quantity,
                reservation_id: reserved
                    .iter()
                    .find(|r| r.line_no == l.line_no)
                    .map(|r| r.reservation_id),
            })
            .collect();
        let request = format!("{number}-1");
        fulfilment::create(
            tx,
            &NewRequest {
                number: &request,
                order_id,
                location_id: location.id,
                ship_to: &ship_to,
                lines: &request_lines,
                submitted_at: Some(placed_at + Duration::minutes(12)),
                actor: None,
                planned_ship_date: None,
                planned: false,
            },
        )
        .await?;

        let stage = stage(i);
        if stage == Stage::Submitted {
            continue;
        }
        fulfilment::start_picking(tx, &request, worker)
            .await
            .map_err(|e| demo_error("picking", e))?;
        if stage == Stage::Picking {
            continue;
        }
        // The packed one is missing a unit of its first line.
        let packed: BTreeMap<String, String> = lines
            .iter()
            .map(|l| {
                let short = i32::from(stage == Stage::Packed && l.line_no == 1);
                (l.line_no.to_string(), (l.quantity - short).to_string())
            })
            .collect();
        fulfilment::pack(tx, &request, &packed, worker)
            .await
            .map_err(|e| demo_error("packing", e))?;
        if stage == Stage::Packed {
            continue;
        }
        let form = ShipForm {
            carrier: OWN_DELIVERY.to_owned(),
            tracking_number: String::new(),
            parcels: "1".to_owned(),
        };
        fulfilment::ship(tx, &request, &form, worker)
            .await
            .map_err(|e| demo_error("shipping", e))?;
    }
    Ok(())
}
