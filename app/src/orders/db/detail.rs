//! One order with everything the process did to it.

use crate::error::FieldError;
use crate::orders::lifecycle::OrderStatus;
use crate::orders::model::*;
use sqlx::{FromRow, PgExecutor, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(FromRow)]
struct HeaderDb {
    id: Uuid,
    number: String,
    channel: String,
    status: String,
    on_hold: bool,
    hold_reason: String,
    external_reference: String,
    email: String,
    placed_at: OffsetDateTime,
    currency: String,
    total_minor: i64,
    payment_method: String,
    risk_score: Option<i32>,
    ship_to: serde_json::Value,
    validation_errors: serde_json::Value,
}

#[derive(FromRow)]
struct PartLineDb {
    number: String,
    location: String,
    location_name: String,
    status: String,
    planned_ship_date: Option<time::Date>,
    line_no: Option<i32>,
    sku: Option<String>,
    quantity: Option<i32>,
    reserved: bool,
}

/// The order with this id (`None`: no such order).
pub async fn by_id(db: &PgPool, id: Uuid) -> sqlx::Result<Option<OrderDetail>> {
    load(db, "o.id = $1", Key::Id(id)).await
}

/// The order with this number, e.g. `AT-300001`.
pub async fn by_number(db: &PgPool, number: &str) -> sqlx::Result<Option<OrderDetail>> {
    load(db, "o.number = $1", Key::Number(number)).await
}

enum Key<'a> {
    Id(Uuid),
    Number(&'a str),
}

async fn load(db: &PgPool, filter: &str, key: Key<'_>) -> sqlx::Result<Option<OrderDetail>> {
    let query = format!(
        "SELECT o.id, o.number, o.channel, o.status, o.on_hold, o.hold_reason, o.external_reference,
                o.email::text AS email, o.placed_at, o.currency::text AS currency, o.total_minor, o.payment_method,
                o.risk_score, o.ship_to, o.validation_errors
         FROM orders o WHERE {filter}"
    );
    let header: Option<HeaderDb> = match key {
        Key::Id(id) => sqlx::query_as(&query).bind(id).fetch_optional(db).await?,
        Key::Number(number) => {
            sqlx::query_as(&query)
                .bind(number)
                .fetch_optional(db)
                .await?
        }
    };
    let Some(h) = header else { return Ok(None) };
    let (lines, parts, shipments, approvals, payment, returns, messages) = futures::try_join!(
        lines(db, h.id),
        parts(db, h.id),
        shipments(db, h.id),
        approvals(db, h.id),
        crate::payments::db::view(db, h.id),
        super::returns::of_order(db, h.id),
        messages(db, h.id),
    )?;
    Ok(Some(OrderDetail {
        status_label: OrderStatus::parse(&h.status)
            .map_or_else(|| h.status.clone(), |s| s.label().to_owned()),
        id: h.id,
        number: h.number,
        channel: h.channel,
        status: h.status,
        on_hold: h.on_hold,
        hold_reason: h.hold_reason,
        external_reference: h.external_reference,
        email: h.email,
        placed_at: h.placed_at,
        currency: h.currency,
        total_minor: h.total_minor,
        payment_method: h.payment_method,
        risk_score: h.risk_score,
        ship_to: serde_json::from_value(h.ship_to).unwrap_or_default(),
        validation_errors: serde_json::from_value::<Vec<FieldError>>(h.validation_errors)
            .unwrap_or_default(),
        lines,
        fulfilment_requests: parts,
        shipments,
        approvals,
        payment,
        returns,
        messages,
    }))
}

async fn messages(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<CustomerMessage>> {
    sqlx::query_as(
        "SELECT to_email::text AS to_email, subject, body, created_at, sent_at
         FROM customer_messages WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

async fn lines(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<OrderLine>> {
    sqlx::query_as(
        "SELECT l.line_no, l.sku, l.description, l.quantity, l.cancelled_quantity, r.shipped_quantity,
                r.returned_quantity, l.unit_price_minor, l.planned_ship_date
         FROM order_lines l JOIN order_line_returns r USING (order_id, line_no)
         WHERE l.order_id = $1 ORDER BY l.line_no",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

async fn parts(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<OrderPart>> {
    let rows: Vec<PartLineDb> = sqlx::query_as(
        "SELECT fr.number, l.code AS location, l.name AS location_name, fr.status, fr.planned_ship_date,
                fl.line_no, v.sku, fl.quantity, fl.reservation_id IS NOT NULL AS reserved
         FROM fulfilment_requests fr
         JOIN locations l ON l.id = fr.location_id
         LEFT JOIN fulfilment_lines fl ON fl.fulfilment_request_id = fr.id
         LEFT JOIN variants v ON v.id = fl.variant_id
         WHERE fr.order_id = $1 ORDER BY fr.number, fl.line_no",
    )
    .bind(order_id)
    .fetch_all(db)
    .await?;
    let mut parts: Vec<OrderPart> = Vec::new();
    for row in rows {
        // A request whose lines were all cancelled has none left.
        let line = match (row.line_no, row.sku, row.quantity) {
            (Some(line_no), Some(sku), Some(quantity)) => Some(OrderPartLine {
                line_no,
                sku,
                quantity,
                reserved: row.reserved,
            }),
            _ => None,
        };
        match parts.last_mut() {
            Some(part) if part.number == row.number => part.lines.extend(line),
            _ => parts.push(OrderPart {
                number: row.number,
                location: row.location,
                location_name: row.location_name,
                status: row.status,
                planned_ship_date: row.planned_ship_date,
                lines: line.into_iter().collect(),
            }),
        }
    }
    Ok(parts)
}

async fn shipments(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<OrderShipment>> {
    sqlx::query_as(
        "SELECT fr.number AS fulfilment_request, s.carrier, s.tracking_number, s.parcels, s.shipped_at,
                s.delivered_at, s.signed_by
         FROM shipments s JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id
         WHERE s.order_id = $1 ORDER BY s.shipped_at",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

async fn approvals(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<OrderApproval>> {
    sqlx::query_as(
        "SELECT round, reason_code AS reason, reason_name AS name, rank, approver, decision, comment
         FROM order_approvals WHERE order_id = $1 ORDER BY round, rank, reason_code",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}
