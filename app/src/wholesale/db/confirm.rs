//! Confirming a closed campaign: each submitted pre-order is confirmed and
//! becomes orders in the b2b channel, one per store and delivery window,
//! which then go through the order process like any other order (approval
//! for the credit limit, routing against stock and expected supply).
//!
//! All in one transaction with the campaign row locked: a second click, or
//! a second server, finds the campaign confirmed and does nothing. Each
//! order's capture key names its pre-order, store and window, so even a
//! repeated capture could not make a second order.

use crate::error::AppError;
use crate::fulfilment::model::Address;
use crate::inventory::model::Channel;
use crate::orders::db::capture::{self, CaptureError};
use crate::orders::db::timeline::Actor;
use crate::orders::model::{CaptureLine, CaptureRequest, PaymentMethod};
use crate::wholesale::db::pre_orders::{self, record_event};
use crate::wholesale::model::{CampaignState, ConfirmOutcome};
use crate::wholesale::rules::campaign_may_move;
use sqlx::{PgConnection, PgPool};
use time::Date;
use uuid::Uuid;

/// Confirms a closed campaign (state → confirmed) and captures its orders.
pub async fn confirm_campaign(
    pool: &PgPool,
    campaign_id: Uuid,
    staff_id: Uuid,
) -> Result<ConfirmOutcome, AppError> {
    let mut tx = pool.begin().await?;
    let state: Option<String> =
        sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1 FOR UPDATE")
            .bind(campaign_id)
            .fetch_optional(&mut *tx)
            .await?;
    let state = state
        .as_deref()
        .and_then(CampaignState::parse)
        .ok_or_else(|| AppError::NotFound("Campaign".into()))?;
    if !campaign_may_move(state, CampaignState::Confirmed) {
        return Err(AppError::Conflict(format!(
            "The campaign is {}: only a closed campaign can be confirmed.",
            state.label().to_lowercase()
        )));
    }
    let pre_orders: Vec<(Uuid, String, Uuid)> = sqlx::query_as(
        "SELECT id, number, company_id FROM pre_orders
         WHERE campaign_id = $1 AND state = 'submitted' ORDER BY number FOR UPDATE",
    )
    .bind(campaign_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut outcome = ConfirmOutcome::default();
    for (pre_order_id, number, company_id) in pre_orders {
        let orders = place_orders(&mut tx, pre_order_id, &number, company_id, staff_id).await?;
        sqlx::query(
            "UPDATE pre_orders SET state = 'confirmed', confirmed_at = now(), updated_at = now(),
                                   version = version + 1
             WHERE id = $1",
        )
        .bind(pre_order_id)
        .execute(&mut *tx)
        .await?;
        let detail = format!("Confirmed by the brand: order {}.", orders.join(", "));
        let staff = pre_orders::Actor {
            user_id: staff_id,
            on_behalf: false,
        };
        record_event(
            &mut tx,
            company_id,
            pre_order_id,
            "confirmed",
            &detail,
            staff,
        )
        .await?;
        outcome.confirmed += 1;
        outcome.orders.extend(orders);
    }
    sqlx::query("UPDATE campaigns SET state = 'confirmed' WHERE id = $1")
        .bind(campaign_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// One group of a pre-order: what goes to one store in one window.
#[derive(sqlx::FromRow)]
struct GroupLine {
    store_id: Uuid,
    store_address: sqlx::types::Json<Address>,
    window_id: Uuid,
    ships_from: Date,
    sku: String,
    quantity: i32,
    unit_price_minor: i64,
}

/// Captures the orders of one pre-order; returns their numbers.
async fn place_orders(
    conn: &mut PgConnection,
    pre_order_id: Uuid,
    number: &str,
    company_id: Uuid,
    staff_id: Uuid,
) -> Result<Vec<String>, AppError> {
    let (currency, buyer_id, email): (String, Option<Uuid>, String) = sqlx::query_as(
        "SELECT c.currency::text, u.id, COALESCE(u.email::text, '')
         FROM companies c
         LEFT JOIN LATERAL (
             -- Whoever submitted it, else the company's admin: the order's contact.
             SELECT u.id, u.email FROM users u
             LEFT JOIN pre_order_events e ON e.actor_id = u.id AND e.pre_order_id = $2
                                          AND e.kind = 'submitted' AND NOT e.on_behalf
             WHERE u.company_id = c.id
             ORDER BY e.at DESC NULLS LAST, (u.role = 'company_admin') DESC, u.created_at
             LIMIT 1) u ON true
         WHERE c.id = $1",
    )
    .bind(company_id)
    .bind(pre_order_id)
    .fetch_one(&mut *conn)
    .await?;
    let lines: Vec<GroupLine> = sqlx::query_as(
        "SELECT s.store_id, st.address AS store_address, s.window_id, w.ships_from,
                v.sku, l.quantity, l.unit_price_minor
         FROM pre_order_lines l
         JOIN pre_order_styles s ON s.pre_order_id = l.pre_order_id AND s.product_id = l.product_id
         JOIN company_stores st ON st.id = s.store_id
         JOIN campaign_windows w ON w.id = s.window_id
         JOIN variants v ON v.id = l.variant_id
         WHERE l.pre_order_id = $1
         ORDER BY w.ships_from, st.name, v.sku",
    )
    .bind(pre_order_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut numbers = Vec::new();
    for group in lines.chunk_by(|a, b| (a.window_id, a.store_id) == (b.window_id, b.store_id)) {
        let first = &group[0];
        let request = CaptureRequest {
            channel: Channel::B2b,
            capture_key: Some(format!(
                "pre-order:{pre_order_id}:{}:{}",
                first.store_id, first.window_id
            )),
            external_reference: number.to_owned(),
            email: email.clone(),
            customer_id: buyer_id,
            company_id: Some(company_id),
            payment_method: PaymentMethod::Invoice,
            currency: currency.clone(),
            ship_to: first.store_address.0.clone(),
            lines: group
                .iter()
                .map(|l| CaptureLine {
                    sku: l.sku.clone(),
                    quantity: l.quantity,
                    unit_price_minor: Some(l.unit_price_minor),
                })
                .collect(),
            payment: None,
            shipping: None,
            ship_not_before: Some(first.ships_from),
        };
        let order = match capture::capture(&mut *conn, &request, Actor::Staff(staff_id), None).await
        {
            Ok(captured) => captured.order().clone(),
            Err(CaptureError::Invalid(problems)) => {
                let detail = problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
                    .join(" ");
                return Err(AppError::Conflict(format!(
                    "Pre-order {number} cannot become an order: {detail}"
                )));
            }
            Err(CaptureError::Database(error)) => return Err(error.into()),
        };
        sqlx::query(
            "INSERT INTO pre_order_orders (pre_order_id, store_id, window_id, order_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(pre_order_id)
        .bind(first.store_id)
        .bind(first.window_id)
        .bind(order.id)
        .execute(&mut *conn)
        .await?;
        numbers.push(order.number);
    }
    Ok(numbers)
}
