//! Order capture: the one way an order enters, from every channel.
//!
//! The request is checked in full first (its shape, then against the
//! catalog); an invalid request writes nothing. A valid one is stored with
//! its lines, its first event and its plan, in the caller's transaction,
//! and the workers take it from there. A capture key makes it idempotent:
//! a second capture with the same key in the channel (even a concurrent
//! one: it waits at the unique index) finds the first order.

use super::channels;
use super::plan;
use super::timeline::{self, Actor, Event};
use crate::error::FieldError;
use crate::orders::lifecycle;
use crate::orders::model::CaptureRequest;
use crate::orders::validation::{self, CatalogSku};
use sqlx::PgConnection;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRef {
    pub id: Uuid,
    pub number: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Captured {
    Created(OrderRef),
    /// The capture key was used before: this is that order.
    Existing(OrderRef),
}

impl Captured {
    pub fn order(&self) -> &OrderRef {
        match self {
            Captured::Created(order) | Captured::Existing(order) => order,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    #[error("the order is invalid")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

pub async fn capture(
    conn: &mut PgConnection,
    request: &CaptureRequest,
    actor: Actor,
    api_key_id: Option<Uuid>,
) -> Result<Captured, CaptureError> {
    if let Some(key) = &request.capture_key
        && let Some(order) = by_capture_key(conn, request, key).await?
    {
        return Ok(Captured::Existing(order));
    }
    let settings = channels::settings(&mut *conn, request.channel).await?;
    let problems = validation::check_request(request, settings.max_line_quantity);
    if !problems.is_empty() {
        return Err(CaptureError::Invalid(problems));
    }
    let catalog = catalog_skus(conn, request).await?;
    let lines =
        validation::check_against_catalog(request, &catalog).map_err(CaptureError::Invalid)?;
    let ship_to = serde_json::to_value(&request.ship_to).unwrap_or_default();
    let shipping = request.shipping.as_ref();
    let collect_location = match shipping.and_then(|s| s.collect_at.as_deref()) {
        None => None,
        Some(code) => Some(collection_store(conn, request, code).await?),
    };
    let shipping_minor = shipping.map_or(0, |s| s.fee_minor.max(0));
    let total_minor = validation::total_minor(&lines) + shipping_minor;

    let inserted: Option<(Uuid, String)> = sqlx::query_as(
        "INSERT INTO orders (number, channel, customer_id, company_id, email, status, currency, total_minor,
                             ship_to, capture_key, external_reference, payment_method, api_key_id,
                             shipping_method, shipping_minor, collect_location_id, ship_not_before)
         VALUES ('AT-' || nextval('order_number_seq'), $1, $2, $3, $4, 'captured', $5, $6, $7, $8, $9, $10, $11,
                 $12, $13, $14, $15)
         ON CONFLICT (channel, capture_key) WHERE capture_key IS NOT NULL DO NOTHING
         RETURNING id, number",
    )
    .bind(request.channel.as_str())
    .bind(request.customer_id)
    .bind(request.company_id)
    .bind(request.email.trim().to_lowercase())
    .bind(&request.currency)
    .bind(total_minor)
    .bind(&ship_to)
    .bind(&request.capture_key)
    .bind(request.external_reference.trim())
    .bind(request.payment_method.as_str())
    .bind(api_key_id)
    .bind(shipping.map(|s| s.method.as_str()))
    .bind(shipping_minor)
    .bind(collect_location)
    .bind(request.ship_not_before)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, number)) = inserted else {
        // A concurrent capture with the same key committed first.
        let key = request.capture_key.as_deref().unwrap_or_default();
        return match by_capture_key(conn, request, key).await? {
            Some(order) => Ok(Captured::Existing(order)),
            None => Err(CaptureError::Database(sqlx::Error::RowNotFound)),
        };
    };

    sqlx::query(
        "INSERT INTO order_lines (order_id, line_no, variant_id, sku, description, quantity, unit_price_minor)
         SELECT $1, l.* FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::bigint[])
             AS l(line_no, variant_id, sku, description, quantity, unit_price_minor)",
    )
    .bind(id)
    .bind(lines.iter().map(|l| l.line_no).collect::<Vec<_>>())
    .bind(lines.iter().map(|l| l.variant_id).collect::<Vec<_>>())
    .bind(lines.iter().map(|l| l.sku.as_str()).collect::<Vec<_>>())
    .bind(lines.iter().map(|l| l.description.as_str()).collect::<Vec<_>>())
    .bind(lines.iter().map(|l| l.quantity).collect::<Vec<_>>())
    .bind(lines.iter().map(|l| l.unit_price_minor).collect::<Vec<_>>())
    .execute(&mut *conn)
    .await?;
    crate::payments::db::open(
        conn,
        id,
        &crate::payments::db::Opening {
            provider: request.payment_provider(),
            provider_reference: request
                .payment
                .as_ref()
                .map_or("", |p| p.reference.as_str()),
            currency: &request.currency,
            amount_minor: total_minor,
        },
    )
    .await?;
    let units: i32 = lines.iter().map(|l| l.quantity).sum();
    let message = format!(
        "Order captured from the {}: {} lines, {units} units.",
        request.channel.label(),
        lines.len()
    );
    timeline::record(conn, id, actor, Event::new("captured", &message)).await?;
    plan::add(conn, id, None, &lifecycle::order_plan(), &[]).await?;
    Ok(Captured::Created(OrderRef { id, number }))
}

/// The store a click-and-collect order goes to: active and selling online.
async fn collection_store(
    conn: &mut PgConnection,
    request: &CaptureRequest,
    code: &str,
) -> Result<Uuid, CaptureError> {
    let id: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM locations WHERE code = $1 AND kind = 'store' AND active AND $2 = ANY(channels)",
    )
    .bind(code)
    .bind(request.channel.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    id.ok_or_else(|| {
        CaptureError::Invalid(vec![FieldError::new(
            "shipping.collect_at",
            "unknown",
            "Choose one of our stores for collection.",
        )])
    })
}

async fn by_capture_key(
    conn: &mut PgConnection,
    request: &CaptureRequest,
    key: &str,
) -> sqlx::Result<Option<OrderRef>> {
    let found: Option<(Uuid, String)> =
        sqlx::query_as("SELECT id, number FROM orders WHERE channel = $1 AND capture_key = $2")
            .bind(request.channel.as_str())
            .bind(key)
            .fetch_optional(conn)
            .await?;
    Ok(found.map(|(id, number)| OrderRef { id, number }))
}

/// The catalog's view of the SKUs an order names.
pub async fn catalog_skus(
    conn: &mut PgConnection,
    request: &CaptureRequest,
) -> sqlx::Result<HashMap<String, CatalogSku>> {
    let skus: Vec<&str> = request.lines.iter().map(|l| l.sku.trim()).collect();
    let rows: Vec<(String, Uuid, String, bool, i64)> = sqlx::query_as(
        "SELECT v.sku, v.id, p.name || ', ' || v.colour || ', ' || v.size, p.lifecycle = 'active', p.price_minor
         FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.sku = ANY($1)",
    )
    .bind(&skus)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(sku, variant_id, description, sellable, price_minor)| {
            (
                sku,
                CatalogSku {
                    variant_id,
                    description,
                    sellable,
                    price_minor,
                },
            )
        })
        .collect())
}
