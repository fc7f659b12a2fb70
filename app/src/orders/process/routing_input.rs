//! What routing decides on, read from the database: every location with
//! what it has of the order's SKUs now, what is coming (less what is already
//! promised), and the dates it could ship them by its own calendar.

use super::steps::OrderRow;
use crate::inventory::db::stock;
use crate::inventory::model::Supply;
use crate::inventory::rules::atp_timeline;
use crate::orders::routing::{self, Candidate, VariantOffer};
use crate::orders::schedule::ShippingCalendar;
use sqlx::{FromRow, PgConnection};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

pub struct RoutingInput {
    pub candidates: Vec<Candidate>,
    pub today: Date,
}

#[derive(FromRow)]
struct LocationDb {
    id: Uuid,
    code: String,
    priority: i32,
    active: bool,
    serves_channel: bool,
    ships_to_destination: bool,
    time_zone: String,
    working_days: Vec<i16>,
    cutoff_hour: i32,
    cutoff_minute: i32,
    handling_days: i32,
}

pub async fn load(
    conn: &mut PgConnection,
    order: &OrderRow,
    variants: &[Uuid],
    now: OffsetDateTime,
) -> sqlx::Result<RoutingInput> {
    // A click-and-collect order can only go to its store, which hands it
    // over itself (whatever countries it ships to).
    let locations: Vec<LocationDb> = sqlx::query_as(
        "SELECT id, code, priority, active, $1 = ANY(channels) AS serves_channel,
                ($2 = ANY(ships_to) OR id IS NOT DISTINCT FROM $3) AS ships_to_destination, time_zone, working_days,
                extract(hour FROM cutoff_time)::int AS cutoff_hour,
                extract(minute FROM cutoff_time)::int AS cutoff_minute, handling_days
         FROM locations WHERE $3::uuid IS NULL OR id = $3 ORDER BY priority, code",
    )
    .bind(order.channel().as_str())
    .bind(order.country())
    .bind(order.collect_location_id)
    .fetch_all(&mut *conn)
    .await?;
    let available: Vec<(Uuid, Uuid, i32)> = sqlx::query_as(
        "SELECT location_id, variant_id, on_hand - reserved FROM stock_balances WHERE variant_id = ANY($1)",
    )
    .bind(variants)
    .fetch_all(&mut *conn)
    .await?;
    let promised: HashMap<(Uuid, Uuid), i32> = sqlx::query_as::<_, (Uuid, Uuid, i64)>(
        "SELECT location_id, variant_id, sum(quantity)::bigint FROM supply_promises
         WHERE variant_id = ANY($1) AND state = 'active' GROUP BY location_id, variant_id",
    )
    .bind(variants)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(l, v, q)| ((l, v), q.clamp(0, i64::from(i32::MAX)) as i32))
    .collect();
    let mut incoming: HashMap<(Uuid, Uuid), Vec<Supply>> = HashMap::new();
    for i in stock::incoming_of(&mut *conn, variants).await? {
        incoming
            .entry((i.location_id, i.variant_id))
            .or_default()
            .push(i.supply);
    }

    let today = now.date();
    let candidates = locations
        .into_iter()
        .map(|l| {
            let calendar = ShippingCalendar {
                time_zone: l.time_zone,
                working_days: l.working_days.iter().map(|d| *d as u8).collect(),
                cutoff: (l.cutoff_hour as u8, l.cutoff_minute as u8),
                handling_days: l.handling_days,
            };
            let mut offers: HashMap<Uuid, VariantOffer> = HashMap::new();
            for (location_id, variant_id, units) in &available {
                if *location_id == l.id {
                    offers.entry(*variant_id).or_default().available = (*units).max(0);
                }
            }
            for ((location_id, variant_id), supply) in &incoming {
                if *location_id != l.id {
                    continue;
                }
                let promised = promised.get(&(l.id, *variant_id)).copied().unwrap_or(0);
                // Free supply by date: the ATP timeline of nothing in stock.
                let timeline = atp_timeline(0, supply, promised, today);
                let mut before = 0;
                let offer = offers.entry(*variant_id).or_default();
                for point in &timeline {
                    if point.quantity <= before {
                        continue;
                    }
                    offer.incoming.push(routing::Supply {
                        ship_date: calendar.ship_date_from_supply(point.date, now),
                        quantity: point.quantity - before,
                    });
                    before = point.quantity;
                }
            }
            Candidate {
                location_id: l.id,
                code: l.code,
                priority: l.priority,
                active: l.active,
                serves_channel: l.serves_channel,
                ships_to_destination: l.ships_to_destination,
                stock_ship_date: calendar.ship_date_from_stock(now),
                offers,
            }
        })
        .collect();
    Ok(RoutingInput { candidates, today })
}
