//! Fulfilment requests in PostgreSQL.
//!
//! Every step is one transaction that starts with a guarded
//! `UPDATE … WHERE status = <expected>`: only one worker (or one click) can
//! move a request on, whoever comes second is refused with who was first and
//! nothing changes. The stock follows through the reservation functions of
//! the inventory, so every unit leaving is in the ledger, and a
//! `fulfilment_events` row records who did what, in the same transaction.

use super::model::*;
use super::rules::{self, PackLine, Step};
use crate::error::AppError;
use crate::inventory::db::reservations::{self, Closing};
use crate::inventory::model::MovementKind;
use sqlx::{Acquire, FromRow, PgConnection, PgExecutor, PgPool};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// How many requests the work queue shows at most (oldest first).
pub const QUEUE_LIMIT: i64 = 500;

/// A line of a request being submitted to a location.
#[derive(Debug, Clone, Copy)]
pub struct NewLine {
    pub line_no: i32,
    pub variant_id: Uuid,
    pub quantity: i32,
    /// The stock held for it at the location.
    pub reservation_id: Option<Uuid>,
}

/// The part of an order one location fulfils.
pub struct NewRequest<'a> {
    pub number: &'a str,
    pub order_id: Uuid,
    pub location_id: Uuid,
    pub ship_to: &'a serde_json::Value,
    pub lines: &'a [NewLine],
    /// Now, unless given.
    pub submitted_at: Option<OffsetDateTime>,
    pub actor: Option<Uuid>,
    pub planned_ship_date: Option<Date>,
    /// Planned: the order process hands it over later ([`hand_over`]);
    /// otherwise it goes to the location's work queue at once.
    pub planned: bool,
}

/// Creates a request (planned, or straight in its location's work queue);
/// returns its id.
pub async fn create(conn: &mut PgConnection, new: &NewRequest<'_>) -> sqlx::Result<Uuid> {
    let mut tx = conn.begin().await?;
    let status = if new.planned { "planned" } else { "submitted" };
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO fulfilment_requests (number, order_id, location_id, ship_to, submitted_at, status, planned_ship_date)
         VALUES ($1, $2, $3, $4, coalesce($5, now()), $6, $7) RETURNING id",
    )
    .bind(new.number)
    .bind(new.order_id)
    .bind(new.location_id)
    .bind(new.ship_to)
    .bind(new.submitted_at)
    .bind(status)
    .bind(new.planned_ship_date)
    .fetch_one(&mut *tx)
    .await?;
    let line_nos: Vec<i32> = new.lines.iter().map(|l| l.line_no).collect();
    let variants: Vec<Uuid> = new.lines.iter().map(|l| l.variant_id).collect();
    let quantities: Vec<i32> = new.lines.iter().map(|l| l.quantity).collect();
    let reservations: Vec<Option<Uuid>> = new.lines.iter().map(|l| l.reservation_id).collect();
    sqlx::query(
        "INSERT INTO fulfilment_lines (fulfilment_request_id, order_id, line_no, variant_id, quantity, reservation_id)
         SELECT $1, $2, l.line_no, l.variant_id, l.quantity, l.reservation_id
         FROM unnest($3::int[], $4::uuid[], $5::int[], $6::uuid[]) AS l(line_no, variant_id, quantity, reservation_id)",
    )
    .bind(id)
    .bind(new.order_id)
    .bind(&line_nos)
    .bind(&variants)
    .bind(&quantities)
    .bind(&reservations)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO fulfilment_events (fulfilment_request_id, order_id, status, note, actor_id, at)
         VALUES ($1, $2, $5, '', $3, coalesce($4, now()))",
    )
    .bind(id)
    .bind(new.order_id)
    .bind(new.actor)
    .bind(new.submitted_at)
    .bind(status)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Hands a planned request to its location: it enters the work queue.
/// `false` if it was not planned (handed over already, or cancelled).
pub async fn hand_over(conn: &mut PgConnection, request_id: Uuid) -> sqlx::Result<bool> {
    let handed = sqlx::query(
        "WITH fr AS (
             UPDATE fulfilment_requests SET status = 'submitted', submitted_at = now(), updated_at = now()
             WHERE id = $1 AND status = 'planned' RETURNING id, order_id
         )
         INSERT INTO fulfilment_events (fulfilment_request_id, order_id, status, note)
         SELECT id, order_id, 'submitted', '' FROM fr",
    )
    .bind(request_id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(handed == 1)
}

// ---------------------------------------------------------------------------
// Reading

/// Locations with a work queue: every active one that is not external
/// (external locations receive their requests through the API).
pub async fn queue_locations(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<LocationChoice>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT code, name FROM locations WHERE active AND kind <> 'external' ORDER BY priority, code",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, name)| LocationChoice { code, name })
        .collect())
}

/// Where a staff member works, if they have a location.
pub async fn home_location(db: impl PgExecutor<'_>, user_id: Uuid) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT l.code FROM users u JOIN locations l ON l.id = u.location_id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(db)
    .await
}

/// The first warehouse by priority: the queue of staff without a location.
pub async fn first_warehouse(db: impl PgExecutor<'_>) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT code FROM locations WHERE active AND kind = 'warehouse' ORDER BY priority, code LIMIT 1",
    )
    .fetch_optional(db)
    .await
}

#[derive(FromRow)]
struct QueueRowDb {
    number: String,
    order_number: String,
    status: String,
    location_code: String,
    submitted_at: OffsetDateTime,
    lines: i64,
    units: i64,
    city: String,
    country: String,
}

fn status_of(text: &str) -> FulfilmentStatus {
    // The column's CHECK constraint admits only known statuses.
    FulfilmentStatus::parse(text).unwrap_or(FulfilmentStatus::Submitted)
}

/// The requests of a location, oldest first.
pub async fn queue(
    db: impl PgExecutor<'_>,
    location_code: &str,
    filter: QueueFilter,
) -> sqlx::Result<Vec<QueueRow>> {
    let statuses: Vec<String> = FulfilmentStatus::ALL
        .into_iter()
        .filter(|s| filter.admits(*s))
        .map(|s| s.as_str().to_owned())
        .collect();
    let rows: Vec<QueueRowDb> = sqlx::query_as(
        "SELECT fr.number, o.number AS order_number, fr.status, l.code AS location_code, fr.submitted_at,
                count(fl.line_no) AS lines, coalesce(sum(fl.quantity), 0)::bigint AS units,
                coalesce(fr.ship_to->>'city', '') AS city, coalesce(fr.ship_to->>'country', '') AS country
         FROM fulfilment_requests fr
         JOIN orders o ON o.id = fr.order_id
         JOIN locations l ON l.id = fr.location_id
         LEFT JOIN fulfilment_lines fl ON fl.fulfilment_request_id = fr.id
         WHERE l.code = $1 AND fr.status = ANY($2)
         GROUP BY fr.id, o.number, l.code
         ORDER BY fr.submitted_at, fr.number
         LIMIT $3",
    )
    .bind(location_code)
    .bind(&statuses)
    .bind(QUEUE_LIMIT)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| QueueRow {
            number: r.number,
            order_number: r.order_number,
            status: status_of(&r.status),
            location_code: r.location_code,
            submitted_at: r.submitted_at,
            lines: r.lines,
            units: r.units,
            city: r.city,
            country: r.country,
        })
        .collect())
}

/// How many requests a location has in each status.
pub async fn status_counts(
    db: impl PgExecutor<'_>,
    location_code: &str,
) -> sqlx::Result<Vec<(FulfilmentStatus, i64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT fr.status, count(*) FROM fulfilment_requests fr JOIN locations l ON l.id = fr.location_id
         WHERE l.code = $1 AND fr.status <> 'planned' GROUP BY fr.status",
    )
    .bind(location_code)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(status, n)| (status_of(&status), n))
        .collect())
}

#[derive(FromRow)]
struct HeaderDb {
    id: Uuid,
    location_id: Uuid,
    number: String,
    order_number: String,
    channel: String,
    status: String,
    location_code: String,
    location_name: String,
    location_address: String,
    location_postal_code: String,
    location_city: String,
    location_country: String,
    ship_to: serde_json::Value,
    submitted_at: OffsetDateTime,
}

#[derive(FromRow)]
struct LineDb {
    line_no: i32,
    sku: String,
    product: String,
    colour: String,
    size: String,
    description: String,
    bin: String,
    quantity: i32,
    packed_quantity: Option<i32>,
}

#[derive(FromRow)]
struct ShipmentDb {
    carrier: String,
    tracking_number: String,
    parcels: i32,
    shipped_by: String,
    shipped_at: OffsetDateTime,
    delivered_at: Option<OffsetDateTime>,
    signed_by: Option<String>,
}

#[derive(FromRow)]
struct MovementDb {
    kind: String,
    sku: String,
    on_hand_delta: i32,
    reserved_delta: i32,
    reference: String,
    reason: String,
    at: OffsetDateTime,
}

/// One request with its lines (in pick order), shipment, timeline and the
/// stock movements behind it.
pub async fn detail(db: &PgPool, number: &str) -> sqlx::Result<Option<FulfilmentDetail>> {
    let Some(header): Option<HeaderDb> = sqlx::query_as(
        "SELECT fr.id, fr.location_id, fr.number, o.number AS order_number, o.channel, fr.status,
                l.code AS location_code, l.name AS location_name, l.address AS location_address,
                l.postal_code AS location_postal_code, l.city AS location_city,
                l.country::text AS location_country, fr.ship_to, fr.submitted_at
         FROM fulfilment_requests fr
         JOIN orders o ON o.id = fr.order_id
         JOIN locations l ON l.id = fr.location_id
         WHERE fr.number = $1",
    )
    .bind(number)
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    let lines: Vec<LineDb> = sqlx::query_as(
        "SELECT fl.line_no, v.sku, p.name AS product, v.colour, v.size,
                coalesce(ol.description, p.name) AS description, coalesce(b.bin, '') AS bin,
                fl.quantity, fl.packed_quantity
         FROM fulfilment_lines fl
         JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
         JOIN variants v ON v.id = fl.variant_id
         JOIN products p ON p.id = v.product_id
         LEFT JOIN order_lines ol ON ol.order_id = fl.order_id AND ol.line_no = fl.line_no
         LEFT JOIN stock_balances b ON b.variant_id = fl.variant_id AND b.location_id = fr.location_id
         WHERE fl.fulfilment_request_id = $1
         ORDER BY fl.line_no",
    )
    .bind(header.id)
    .fetch_all(db)
    .await?;
    let shipment: Option<ShipmentDb> = sqlx::query_as(
        "SELECT s.carrier, s.tracking_number, s.parcels, coalesce(u.name, 'System') AS shipped_by,
                s.shipped_at, s.delivered_at, s.signed_by
         FROM shipments s LEFT JOIN users u ON u.id = s.shipped_by
         WHERE s.fulfilment_request_id = $1",
    )
    .bind(header.id)
    .fetch_optional(db)
    .await?;
    let events: Vec<(String, String, String, OffsetDateTime)> = sqlx::query_as(
        "SELECT e.status, e.note, coalesce(u.name, 'System'), e.at
         FROM fulfilment_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.fulfilment_request_id = $1
         ORDER BY e.at, e.id",
    )
    .bind(header.id)
    .fetch_all(db)
    .await?;
    // Through the balance index (SKU, location, time): only this request's
    // SKUs at its location since its stock was first reserved.
    let movements: Vec<MovementDb> = sqlx::query_as(
        "WITH lines AS (
             SELECT variant_id, reservation_id FROM fulfilment_lines WHERE fulfilment_request_id = $1
         ), since AS (
             SELECT coalesce(min(r.created_at), $3) AS at FROM reservations r
             WHERE r.id IN (SELECT reservation_id FROM lines)
         )
         SELECT m.kind, v.sku, m.on_hand_delta, m.reserved_delta, coalesce(m.reference, '') AS reference,
                coalesce(m.reason, '') AS reason, m.created_at AS at
         FROM stock_movements m JOIN variants v ON v.id = m.variant_id
         WHERE m.location_id = $4
           AND m.variant_id IN (SELECT variant_id FROM lines)
           AND m.created_at >= (SELECT at FROM since)
           AND (m.reservation_id IN (SELECT reservation_id FROM lines WHERE reservation_id IS NOT NULL)
                OR (m.reference_kind = 'fulfilment' AND m.reference = $2))
         ORDER BY m.created_at, m.id",
    )
    .bind(header.id)
    .bind(&header.number)
    .bind(header.submitted_at)
    .bind(header.location_id)
    .fetch_all(db)
    .await?;

    let mut lines: Vec<FulfilmentLine> = lines
        .into_iter()
        .map(|l| FulfilmentLine {
            line_no: l.line_no,
            sku: l.sku,
            product: l.product,
            colour: l.colour,
            size: l.size,
            description: l.description,
            bin: l.bin,
            quantity: l.quantity,
            packed_quantity: l.packed_quantity,
        })
        .collect();
    rules::sort_for_picking(&mut lines);
    Ok(Some(FulfilmentDetail {
        number: header.number,
        order_number: header.order_number,
        channel: header.channel,
        status: status_of(&header.status),
        location: LocationChoice {
            code: header.location_code,
            name: header.location_name.clone(),
        },
        sender: Address {
            name: header.location_name,
            line1: header.location_address,
            postal_code: header.location_postal_code,
            city: header.location_city,
            country: header.location_country,
        },
        // Whatever the order process stored; missing fields read as empty.
        ship_to: serde_json::from_value(header.ship_to).unwrap_or_default(),
        submitted_at: header.submitted_at,
        lines,
        shipment: shipment.map(|s| Shipment {
            carrier: s.carrier,
            tracking_number: s.tracking_number,
            parcels: s.parcels,
            shipped_by: s.shipped_by,
            shipped_at: s.shipped_at,
            delivered_at: s.delivered_at,
            signed_by: s.signed_by,
        }),
        events: events
            .into_iter()
            .map(|(status, note, actor, at)| FulfilmentEvent {
                status,
                note,
                actor,
                at,
            })
            .collect(),
        movements: movements
            .into_iter()
            .map(|m| FulfilmentMovement {
                // The column's CHECK constraint admits only known kinds.
                kind: MovementKind::parse(&m.kind).unwrap_or(MovementKind::Adjustment),
                sku: m.sku,
                on_hand_delta: m.on_hand_delta,
                reserved_delta: m.reserved_delta,
                reference: m.reference,
                reason: m.reason,
                at: m.at,
            })
            .collect(),
    }))
}

// ---------------------------------------------------------------------------
// The steps

/// A request whose status this transaction has just moved on.
struct Claimed {
    id: Uuid,
    order_id: Uuid,
}

/// The guarded status change at the start of every step: only one
/// transaction can move a request out of a status. When it cannot, says
/// why (and who got there first).
async fn claim(conn: &mut PgConnection, number: &str, step: Step) -> Result<Claimed, AppError> {
    claim_move(
        conn,
        number,
        step.target(),
        step.allowed_from(),
        |current, by| rules::refusal(step, current, by),
    )
    .await
}

/// [`claim`] for a move that is not one of the worker's steps (an external
/// location's report): to `target` from any of `from`, refused with
/// `refusal(current status, who changed it last)`.
async fn claim_move(
    conn: &mut PgConnection,
    number: &str,
    target: FulfilmentStatus,
    from: &[FulfilmentStatus],
    refusal: impl FnOnce(FulfilmentStatus, Option<&str>) -> String,
) -> Result<Claimed, AppError> {
    let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
    let claimed: Option<(Uuid, Uuid)> = sqlx::query_as(
        "UPDATE fulfilment_requests SET status = $2, updated_at = now()
         WHERE number = $1 AND status = ANY($3)
         RETURNING id, order_id",
    )
    .bind(number)
    .bind(target.as_str())
    .bind(&from)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((id, order_id)) = claimed {
        return Ok(Claimed { id, order_id });
    }
    let current: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT fr.status,
                (SELECT u.name FROM fulfilment_events e JOIN users u ON u.id = e.actor_id
                 WHERE e.fulfilment_request_id = fr.id AND e.status = fr.status
                 ORDER BY e.at DESC, e.id DESC LIMIT 1)
         FROM fulfilment_requests fr WHERE fr.number = $1",
    )
    .bind(number)
    .fetch_optional(&mut *conn)
    .await?;
    Err(match current {
        None => AppError::NotFound("Fulfilment request".into()),
        Some((status, by)) => AppError::Conflict(refusal(status_of(&status), by.as_deref())),
    })
}

async fn record_event(
    conn: &mut PgConnection,
    claimed: &Claimed,
    status: FulfilmentStatus,
    note: &str,
    actor: Option<Uuid>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO fulfilment_events (fulfilment_request_id, order_id, status, note, actor_id)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(claimed.id)
    .bind(claimed.order_id)
    .bind(status.as_str())
    .bind(note)
    .bind(actor)
    .execute(conn)
    .await
    .map(drop)
}

/// The order follows its requests (shipped, delivered, cancelled).
async fn progressed(
    conn: &mut PgConnection,
    claimed: &Claimed,
    shipped_now: bool,
    actor: Option<Uuid>,
) -> sqlx::Result<()> {
    crate::orders::process::actions::fulfilment_progressed(
        conn,
        claimed.order_id,
        claimed.id,
        shipped_now,
        actor,
    )
    .await
}

#[derive(FromRow)]
struct StockLine {
    line_no: i32,
    sku: String,
    quantity: i32,
    packed_quantity: Option<i32>,
    reservation_id: Option<Uuid>,
}

async fn stock_lines(conn: &mut PgConnection, request_id: Uuid) -> sqlx::Result<Vec<StockLine>> {
    sqlx::query_as(
        "SELECT fl.line_no, v.sku, fl.quantity, fl.packed_quantity, fl.reservation_id
         FROM fulfilment_lines fl JOIN variants v ON v.id = fl.variant_id
         WHERE fl.fulfilment_request_id = $1 ORDER BY fl.line_no",
    )
    .bind(request_id)
    .fetch_all(conn)
    .await
}

fn no_stock_held(line: &StockLine) -> AppError {
    AppError::Conflict(format!(
        "Line {} ({}) has no stock reserved at this location.",
        line.line_no, line.sku
    ))
}

/// Submitted → picking: a worker takes the request.
pub async fn start_picking(
    conn: &mut PgConnection,
    number: &str,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    let mut tx = conn.begin().await?;
    let claimed = claim(&mut tx, number, Step::StartPicking).await?;
    record_event(&mut tx, &claimed, FulfilmentStatus::Picking, "", actor).await?;
    tx.commit().await?;
    Ok(())
}

/// Picking → packed, with the packed units per line (`typed`, keyed by line
/// number, as the form sends them). Units not packed were not found: they
/// leave the stock as a short-pick adjustment.
pub async fn pack(
    conn: &mut PgConnection,
    number: &str,
    typed: &BTreeMap<String, String>,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    let mut tx = conn.begin().await?;
    let claimed = claim(&mut tx, number, Step::Pack).await?;
    let lines = stock_lines(&mut tx, claimed.id).await?;
    let form: Vec<PackLine> = lines
        .iter()
        .map(|l| PackLine {
            line_no: l.line_no,
            sku: l.sku.clone(),
            ordered: l.quantity,
        })
        .collect();
    // An invalid form leaves here, and the transaction rolls back.
    let packed = rules::check_pack(&form, typed)?;
    let mut shorts = Vec::new();
    for (line, p) in lines.iter().zip(&packed) {
        if p.short == 0 {
            continue;
        }
        let reservation_id = line.reservation_id.ok_or_else(|| no_stock_held(line))?;
        if !reservations::record_short_pick(&mut tx, reservation_id, p.short, number, actor).await?
        {
            return Err(AppError::Conflict(format!(
                "The stock reserved for {} changed meanwhile; reload the request and try again.",
                line.sku
            )));
        }
        shorts.push(format!("{} × {}", line.sku, p.short));
    }
    let line_nos: Vec<i32> = packed.iter().map(|p| p.line_no).collect();
    let units: Vec<i32> = packed.iter().map(|p| p.packed).collect();
    sqlx::query(
        "UPDATE fulfilment_lines fl SET packed_quantity = p.packed
         FROM unnest($2::int[], $3::int[]) AS p(line_no, packed)
         WHERE fl.fulfilment_request_id = $1 AND fl.line_no = p.line_no",
    )
    .bind(claimed.id)
    .bind(&line_nos)
    .bind(&units)
    .execute(&mut *tx)
    .await?;
    let packed_units: i32 = units.iter().sum();
    let ordered_units: i32 = lines.iter().map(|l| l.quantity).sum();
    let note = if shorts.is_empty() {
        format!("Packed {packed_units} of {ordered_units} units.")
    } else {
        format!(
            "Packed {packed_units} of {ordered_units} units; short pick: {}.",
            shorts.join(", ")
        )
    };
    record_event(&mut tx, &claimed, FulfilmentStatus::Packed, &note, actor).await?;
    tx.commit().await?;
    Ok(())
}

/// What the ship form sends.
#[derive(Debug, Clone, Default)]
pub struct ShipForm {
    pub carrier: String,
    pub tracking_number: String,
    pub parcels: String,
}

/// Packed → shipped: the packed units leave the stock (each reservation is
/// shipped and closed), the shipment is recorded and the order follows.
/// All or nothing: if any reservation is no longer active, nothing ships.
pub async fn ship(
    conn: &mut PgConnection,
    number: &str,
    form: &ShipForm,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    let input = rules::check_shipment(&form.carrier, &form.tracking_number, &form.parcels)?;
    let mut tx = conn.begin().await?;
    let claimed = claim(&mut tx, number, Step::Ship).await?;
    dispatch(&mut tx, &claimed, number, &input, "", actor).await?;
    tx.commit().await?;
    Ok(())
}

/// The goods of a request just claimed for shipping leave: each line's
/// packed units ship from its reservation (which closes), the shipment is
/// recorded, the order follows, and the timeline says so (ending with
/// `remark`, if any). Fails if a reservation is no longer held: the
/// caller's transaction then rolls back and nothing ships.
async fn dispatch(
    conn: &mut PgConnection,
    claimed: &Claimed,
    number: &str,
    input: &rules::ShipmentInput,
    remark: &str,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    for line in stock_lines(&mut *conn, claimed.id).await? {
        let reservation_id = line.reservation_id.ok_or_else(|| no_stock_held(&line))?;
        let quantity = line.packed_quantity.unwrap_or(0);
        if !reservations::ship(&mut *conn, reservation_id, quantity, number, actor).await? {
            return Err(AppError::Conflict(format!(
                "The stock reserved for {} is no longer held (released or shipped meanwhile); nothing was shipped.",
                line.sku
            )));
        }
    }
    sqlx::query(
        "INSERT INTO shipments (fulfilment_request_id, order_id, carrier, tracking_number, parcels, shipped_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(claimed.id)
    .bind(claimed.order_id)
    .bind(&input.carrier)
    .bind(&input.tracking_number)
    .bind(input.parcels)
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    progressed(conn, claimed, true, actor).await?;
    let parcels = match input.parcels {
        1 => "1 parcel".to_owned(),
        n => format!("{n} parcels"),
    };
    let note = if input.tracking_number.is_empty() {
        format!("{}, {parcels}.", input.carrier)
    } else {
        format!(
            "{}, tracking {}, {parcels}.",
            input.carrier, input.tracking_number
        )
    };
    let note = with_remark(note, remark);
    record_event(conn, claimed, FulfilmentStatus::Shipped, &note, actor).await?;
    Ok(())
}

fn with_remark(note: String, remark: &str) -> String {
    if remark.is_empty() {
        note
    } else {
        format!("{note} {remark}")
    }
}

/// Shipped → delivered, for own deliveries: who signed for the goods.
pub async fn mark_delivered(
    conn: &mut PgConnection,
    number: &str,
    signed_by: &str,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    let mut tx = conn.begin().await?;
    deliver(
        &mut tx,
        number,
        |carrier| rules::check_delivery(carrier, signed_by).map(Some),
        "",
        actor,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Shipped → delivered inside the caller's transaction: `check` accepts
/// the shipment's carrier and gives the signer to keep (if any); the order
/// follows and the timeline says so (ending with `remark`, if any).
async fn deliver(
    conn: &mut PgConnection,
    number: &str,
    check: impl FnOnce(&str) -> Result<Option<String>, AppError>,
    remark: &str,
    actor: Option<Uuid>,
) -> Result<Claimed, AppError> {
    let claimed = claim(&mut *conn, number, Step::Deliver).await?;
    let carrier: String =
        sqlx::query_scalar("SELECT carrier FROM shipments WHERE fulfilment_request_id = $1")
            .bind(claimed.id)
            .fetch_one(&mut *conn)
            .await?;
    let signer = check(&carrier)?;
    sqlx::query(
        "UPDATE shipments SET delivered_at = now(), signed_by = $2 WHERE fulfilment_request_id = $1",
    )
    .bind(claimed.id)
    .bind(&signer)
    .execute(&mut *conn)
    .await?;
    progressed(conn, &claimed, false, actor).await?;
    let note = match &signer {
        Some(signer) => format!("Signed for by {signer}."),
        None => "Delivered.".to_owned(),
    };
    let note = with_remark(note, remark);
    record_event(conn, &claimed, FulfilmentStatus::Delivered, &note, actor).await?;
    Ok(claimed)
}

// ---------------------------------------------------------------------------
// Reports of external locations (through the API)

/// Who reports the progress of a request at an external location (a
/// drop-ship supplier, a 3PL): an API key bound to that location.
#[derive(Debug, Clone, Copy)]
pub struct Reporter<'a> {
    /// The key's location: only its requests exist for the reporter.
    pub location_id: Uuid,
    /// Named in the request's timeline, e.g. the API key's name.
    pub name: &'a str,
}

impl Reporter<'_> {
    fn remark(&self) -> String {
        format!("Reported through the API by {}.", self.name)
    }
}

/// Where a request and its order stand after a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub status: FulfilmentStatus,
    pub order_number: String,
    /// The order's status name, e.g. `shipped` or `completed`.
    pub order_status: String,
}

/// The request `number` as its reporter may see it: another location's
/// request (or none) is not found; one of a location of our own (which its
/// staff ship in the back office) is refused.
async fn reported_request(
    conn: &mut PgConnection,
    number: &str,
    reporter: &Reporter<'_>,
) -> Result<(), AppError> {
    let found: Option<(Uuid, String)> = sqlx::query_as(
        "SELECT fr.location_id, l.kind FROM fulfilment_requests fr JOIN locations l ON l.id = fr.location_id
         WHERE fr.number = $1",
    )
    .bind(number)
    .fetch_optional(conn)
    .await?;
    match found {
        Some((location_id, kind)) if location_id == reporter.location_id => {
            if kind == "external" {
                Ok(())
            } else {
                Err(AppError::Conflict(format!(
                    "This request is fulfilled by a {kind} of our own: its staff ship it in the back office, not through the API."
                )))
            }
        }
        _ => Err(AppError::NotFound("Fulfilment request".into())),
    }
}

async fn reported(conn: &mut PgConnection, claimed: &Claimed) -> sqlx::Result<Reported> {
    let (status, order_number, order_status): (String, String, String) = sqlx::query_as(
        "SELECT fr.status, o.number, o.status FROM fulfilment_requests fr JOIN orders o ON o.id = fr.order_id
         WHERE fr.id = $1",
    )
    .bind(claimed.id)
    .fetch_one(conn)
    .await?;
    Ok(Reported {
        status: status_of(&status),
        order_number,
        order_status,
    })
}

/// An external location reports a request shipped. It picks and packs on
/// its own, so the request goes straight to shipped from submitted (or
/// picking, packed): every line not packed in the back office counts as
/// packed in full, its reservation ships, the shipment is recorded and the
/// order follows. A request already shipped is refused: goods never leave
/// twice. All or nothing.
pub async fn report_shipped(
    conn: &mut PgConnection,
    number: &str,
    form: &ShipForm,
    reporter: &Reporter<'_>,
) -> Result<Reported, AppError> {
    let input = rules::check_shipment(&form.carrier, &form.tracking_number, &form.parcels)?;
    let mut tx = conn.begin().await?;
    reported_request(&mut tx, number, reporter).await?;
    let claimed = claim_move(
        &mut tx,
        number,
        FulfilmentStatus::Shipped,
        &rules::REPORTED_SHIP_FROM,
        rules::reported_shipment_refusal,
    )
    .await?;
    sqlx::query(
        "UPDATE fulfilment_lines SET packed_quantity = coalesce(packed_quantity, quantity)
         WHERE fulfilment_request_id = $1",
    )
    .bind(claimed.id)
    .execute(&mut *tx)
    .await?;
    dispatch(&mut tx, &claimed, number, &input, &reporter.remark(), None).await?;
    let reported = reported(&mut tx, &claimed).await?;
    tx.commit().await?;
    Ok(reported)
}

/// An external location reports a shipped request delivered: carriers'
/// deliveries need no signer, own deliveries name one
/// ([`rules::check_reported_delivery`]); the order follows (completed when
/// everything is delivered).
pub async fn report_delivered(
    conn: &mut PgConnection,
    number: &str,
    signed_by: Option<&str>,
    reporter: &Reporter<'_>,
) -> Result<Reported, AppError> {
    let mut tx = conn.begin().await?;
    reported_request(&mut tx, number, reporter).await?;
    let claimed = deliver(
        &mut tx,
        number,
        |carrier| rules::check_reported_delivery(carrier, signed_by),
        &reporter.remark(),
        None,
    )
    .await?;
    let reported = reported(&mut tx, &claimed).await?;
    tx.commit().await?;
    Ok(reported)
}

/// Cancels a request that has not shipped: its reserved stock is released.
pub async fn cancel(
    conn: &mut PgConnection,
    number: &str,
    reason: &str,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    let mut tx = conn.begin().await?;
    let claimed = claim(&mut tx, number, Step::Cancel).await?;
    let mut released = 0;
    for line in stock_lines(&mut tx, claimed.id).await? {
        if let Some(reservation_id) = line.reservation_id {
            // `false`: it had already ended (e.g. expired); nothing to give back.
            if reservations::release(&mut tx, reservation_id, Closing::Released, number, actor)
                .await?
            {
                released += 1;
            }
        }
    }
    progressed(&mut tx, &claimed, false, actor).await?;
    let reason = crate::text::single_spaced(reason);
    let mut note = match released {
        0 => "No reserved stock to release.".to_owned(),
        1 => "Released the reserved stock of 1 line.".to_owned(),
        n => format!("Released the reserved stock of {n} lines."),
    };
    if !reason.is_empty() {
        note = format!("{reason} — {note}");
    }
    record_event(&mut tx, &claimed, FulfilmentStatus::Cancelled, &note, actor).await?;
    tx.commit().await?;
    Ok(())
}
