//! An order's payment in the database. Each movement (capture, void,
//! refund) locks the payment, is checked against its amounts, goes to the
//! provider with an idempotency key made of what it is for, and is stored
//! with the order's event in the caller's transaction. The same movement
//! for the same reference is done once: a second call finds the first.

use super::model::{AmountError, Amounts, PaymentTransaction, PaymentView};
use super::provider::{self, PaymentError};
use crate::orders::db::timeline::{self, Actor, Event};
use crate::ui::money::format_money;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    Capture,
    Void,
    Refund,
}

impl Movement {
    fn as_str(self) -> &'static str {
        match self {
            Movement::Capture => "capture",
            Movement::Void => "void",
            Movement::Refund => "refund",
        }
    }

    fn past(self) -> &'static str {
        match self {
            Movement::Capture => "Captured",
            Movement::Void => "Voided",
            Movement::Refund => "Refunded",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PaymentFailure {
    #[error(transparent)]
    Provider(#[from] PaymentError),
    #[error("{0}")]
    Amount(#[from] AmountError),
    #[error("the payment's provider {0} is not configured")]
    UnknownProvider(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

#[derive(FromRow)]
struct PaymentRow {
    id: Uuid,
    provider: String,
    provider_reference: String,
    currency: String,
    authorized_minor: i64,
    captured_minor: i64,
    voided_minor: i64,
    refunded_minor: i64,
}

impl PaymentRow {
    fn amounts(&self) -> Amounts {
        Amounts {
            authorized: self.authorized_minor,
            captured: self.captured_minor,
            voided: self.voided_minor,
            refunded: self.refunded_minor,
        }
    }
}

/// What the order was paid with when it was placed.
pub struct Opening<'a> {
    pub provider: &'a str,
    pub provider_reference: &'a str,
    pub currency: &'a str,
    pub amount_minor: i64,
}

/// The order's payment, authorized for its total (at capture).
pub async fn open(
    conn: &mut PgConnection,
    order_id: Uuid,
    opening: &Opening<'_>,
) -> sqlx::Result<()> {
    sqlx::query(
        "WITH p AS (
             INSERT INTO payments (order_id, provider, provider_reference, currency, status, authorized_minor)
             VALUES ($1, $2, $3, $4, 'authorized', $5) RETURNING id
         )
         INSERT INTO payment_transactions (payment_id, kind, reference, amount_minor, provider_reference)
         SELECT id, 'authorize', 'order', $5, $3 FROM p",
    )
    .bind(order_id)
    .bind(opening.provider)
    .bind(opening.provider_reference)
    .bind(opening.currency)
    .bind(opening.amount_minor)
    .execute(conn)
    .await
    .map(drop)
}

/// Moves `amount_minor` of the order's payment (capped at what is left
/// when `up_to` is set). `reference` says what for and makes it happen
/// once. Returns the amount moved: 0 when there was nothing (left) to
/// move, no payment, or it was done before.
pub async fn apply(
    conn: &mut PgConnection,
    order_id: Uuid,
    movement: Movement,
    reference: &str,
    amount_minor: i64,
    up_to: bool,
    actor: Actor,
) -> Result<i64, PaymentFailure> {
    let payment: Option<PaymentRow> = sqlx::query_as(
        "SELECT id, provider, provider_reference, currency::text AS currency, authorized_minor,
                captured_minor, voided_minor, refunded_minor
         FROM payments WHERE order_id = $1 FOR UPDATE",
    )
    .bind(order_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(payment) = payment else {
        return Ok(0);
    };
    let done: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM payment_transactions WHERE payment_id = $1 AND kind = $2 AND reference = $3)",
    )
    .bind(payment.id)
    .bind(movement.as_str())
    .bind(reference)
    .fetch_one(&mut *conn)
    .await?;
    if done {
        return Ok(0);
    }
    let amounts = payment.amounts();
    let left = match movement {
        Movement::Capture | Movement::Void => amounts.open(),
        Movement::Refund => amounts.refundable(),
    };
    let amount = if up_to {
        amount_minor.min(left)
    } else {
        amount_minor
    };
    if amount <= 0 && up_to {
        return Ok(0);
    }
    let next = match movement {
        Movement::Capture => amounts.capture(amount),
        Movement::Void => amounts.void(amount),
        Movement::Refund => amounts.refund(amount),
    }?;
    let provider = provider::provider(&payment.provider)
        .ok_or_else(|| PaymentFailure::UnknownProvider(payment.provider.clone()))?;
    let key = format!("{order_id}:{}:{reference}", movement.as_str());
    let at_provider = match movement {
        Movement::Capture => {
            provider
                .capture(&payment.provider_reference, amount, &key)
                .await
        }
        Movement::Void => {
            provider
                .void(&payment.provider_reference, amount, &key)
                .await
        }
        Movement::Refund => {
            provider
                .refund(&payment.provider_reference, amount, &key)
                .await
        }
    }?;
    sqlx::query(
        "INSERT INTO payment_transactions (payment_id, kind, reference, amount_minor, provider_reference)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(payment.id)
    .bind(movement.as_str())
    .bind(reference)
    .bind(amount)
    .bind(&at_provider)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE payments SET captured_minor = $2, voided_minor = $3, refunded_minor = $4, status = $5,
                             updated_at = now()
         WHERE id = $1",
    )
    .bind(payment.id)
    .bind(next.captured)
    .bind(next.voided)
    .bind(next.refunded)
    .bind(next.status().as_str())
    .execute(&mut *conn)
    .await?;
    let text = format!(
        "{} {} ({reference}).",
        movement.past(),
        format_money(amount, &payment.currency)
    );
    timeline::record(
        conn,
        order_id,
        actor,
        Event::new(&format!("payment_{}", movement.as_str()), &text),
    )
    .await?;
    Ok(amount)
}

/// What the shipped lines of a fulfilment request are worth.
pub async fn shipped_value(conn: &mut PgConnection, request_id: Uuid) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT coalesce(sum(coalesce(fl.packed_quantity, fl.quantity) * ol.unit_price_minor), 0)::bigint
         FROM fulfilment_lines fl
         JOIN order_lines ol ON ol.order_id = fl.order_id AND ol.line_no = fl.line_no
         WHERE fl.fulfilment_request_id = $1",
    )
    .bind(request_id)
    .fetch_one(conn)
    .await
}

/// The order's shipping fee while nothing of its payment is captured yet
/// (the first capture takes it), else 0.
pub async fn uncaptured_shipping(conn: &mut PgConnection, order_id: Uuid) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT coalesce((SELECT o.shipping_minor FROM orders o JOIN payments p ON p.order_id = o.id
                          WHERE o.id = $1 AND p.captured_minor = 0), 0)::bigint",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await
}

/// The provider's reference of an authorization made after the order was
/// captured (the checkout authorizes once the stock is reserved).
pub async fn record_authorization(
    conn: &mut PgConnection,
    order_id: Uuid,
    provider_reference: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "WITH p AS (
             UPDATE payments SET provider_reference = $2, updated_at = now()
             WHERE order_id = $1 RETURNING id
         )
         UPDATE payment_transactions t SET provider_reference = $2
         FROM p WHERE t.payment_id = p.id AND t.kind = 'authorize'",
    )
    .bind(order_id)
    .bind(provider_reference)
    .execute(conn)
    .await
    .map(drop)
}

/// The order's payment with its transactions (`None`: none recorded).
pub async fn view(
    db: impl PgExecutor<'_> + Copy,
    order_id: Uuid,
) -> sqlx::Result<Option<PaymentView>> {
    #[derive(FromRow)]
    struct Header {
        id: Uuid,
        provider: String,
        provider_reference: String,
        status: String,
        authorized_minor: i64,
        captured_minor: i64,
        voided_minor: i64,
        refunded_minor: i64,
    }
    let header: Option<Header> = sqlx::query_as(
        "SELECT id, provider, provider_reference, status, authorized_minor, captured_minor, voided_minor, refunded_minor
         FROM payments WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(db)
    .await?;
    let Some(h) = header else { return Ok(None) };
    let transactions: Vec<PaymentTransaction> = sqlx::query_as(
        "SELECT kind, reference, amount_minor, at FROM payment_transactions WHERE payment_id = $1 ORDER BY id",
    )
    .bind(h.id)
    .fetch_all(db)
    .await?;
    Ok(Some(PaymentView {
        provider: h.provider,
        provider_reference: h.provider_reference,
        status: h.status,
        authorized_minor: h.authorized_minor,
        captured_minor: h.captured_minor,
        voided_minor: h.voided_minor,
        refunded_minor: h.refunded_minor,
        transactions,
    }))
}
