//! Placing an order from the bag, in one transaction:
//!
//! 1. an advisory lock on the checkout key, then a look for its order: a
//!    repeated or concurrent submission finds the first order and nothing
//!    else happens (one order, one authorization);
//! 2. the bag, locked and priced now;
//! 3. order capture (#4), then the order's own process steps run at once
//!    (validate, score, route: routing reserves the stock);
//! 4. only when the stock is reserved, the card is authorized;
//! 5. the confirmation message goes to the outbox and the bag is emptied.
//!
//! Any failure rolls all of it back: no order, no reservation, nothing
//! charged. If the stock went to someone else, the bag is then fitted to
//! what is left and the customer is told which lines changed.
//!
//! The provider is called inside the transaction, holding the stock rows
//! it reserved for a moment; a slow real provider would want the
//! authorization split out (authorize, then confirm the order by its key).

use super::model::{CollectionStore, Confirmation, ConfirmedLine};
use super::rules::{Checkout, MessageLine, confirmation_message};
use super::texts::{self, checkout_texts};
use crate::cart::db::{self as carts, CartOwner};
use crate::cart::rules::{self, ShippingMethod};
use crate::error::AppError;
use crate::fulfilment::model::Address;
use crate::i18n::Locale;
use crate::inventory::model::Channel;
use crate::orders::db::capture::{self, CaptureError};
use crate::orders::db::timeline::Actor;
use crate::orders::lifecycle::OrderStatus;
use crate::orders::model::{
    AuthorizedPayment, CaptureLine, CaptureRequest, PaymentMethod, ShippingChoice,
};
use crate::orders::process::engine;
use crate::payments::provider::{self, Card, PaymentError};
use sqlx::{FromRow, PgConnection, PgPool};
use time::Date;
use uuid::Uuid;

/// The provider of the storefront's card payments.
pub const CARD_PROVIDER: &str = "test_card";

/// Places the order of `owner`'s bag; returns the order number.
pub async fn place(
    pool: &PgPool,
    owner: CartOwner,
    customer: Option<Uuid>,
    key: &str,
    checkout: &Checkout,
    today: Date,
    locale: Locale,
) -> Result<String, AppError> {
    let t = checkout_texts(locale);
    let empty_bag = || AppError::Conflict(t.empty_bag.into());
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('checkout:' || $1, 0))")
        .bind(key)
        .execute(&mut *tx)
        .await?;
    if let Some(number) = order_of_key(&mut tx, key).await? {
        return Ok(number);
    }
    let cart = carts::find(&mut *tx, owner).await?.ok_or_else(empty_bag)?;
    sqlx::query("SELECT 1 FROM carts WHERE id = $1 FOR UPDATE")
        .bind(cart)
        .execute(&mut *tx)
        .await?;
    let bag = carts::view(&mut tx, cart, today, locale).await?;
    if bag.is_empty() {
        return Err(empty_bag());
    }
    if !bag.can_check_out() {
        return Err(AppError::Conflict(t.review_bag.into()));
    }
    let totals = rules::totals(
        bag.subtotal_minor,
        checkout.method,
        &checkout.address.country,
    );
    let request = CaptureRequest {
        channel: Channel::Web,
        capture_key: Some(key.to_owned()),
        external_reference: String::new(),
        email: checkout.email.clone(),
        customer_id: customer,
        company_id: None,
        payment_method: PaymentMethod::Card,
        currency: bag.currency.clone(),
        ship_to: checkout.address.clone(),
        lines: bag
            .lines
            .iter()
            .map(|l| CaptureLine {
                sku: l.sku.clone(),
                quantity: l.quantity,
                unit_price_minor: Some(l.unit_price_minor),
            })
            .collect(),
        // The provider's reference is recorded once the card is authorized.
        payment: Some(AuthorizedPayment {
            provider: CARD_PROVIDER.to_owned(),
            reference: String::new(),
        }),
        shipping: Some(ShippingChoice {
            method: checkout.method,
            fee_minor: totals.shipping_minor,
            collect_at: checkout.store.clone(),
        }),
        ship_not_before: None,
    };
    let actor = customer.map_or(Actor::System, Actor::Customer);
    let order = match capture::capture(&mut tx, &request, actor, None).await {
        Ok(captured) => captured.order().clone(),
        Err(CaptureError::Invalid(problems)) => return Err(AppError::Invalid(problems)),
        Err(CaptureError::Database(error)) => return Err(error.into()),
    };
    let routed = engine::run_order(&mut tx, order.id, "checkout").await;
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
        .bind(order.id)
        .fetch_one(&mut *tx)
        .await?;
    let status = OrderStatus::parse(&status).unwrap_or(OrderStatus::Captured);
    if routed.is_err()
        || matches!(
            status,
            OrderStatus::NotAnnounced | OrderStatus::CheckAnnounced | OrderStatus::Cancelled
        )
    {
        tx.rollback().await?;
        return Err(stock_went(pool, owner, today, locale).await);
    }
    if status == OrderStatus::Invalid {
        return Err(AppError::Conflict(
            "We could not accept this order as it is. Please check your details.".into(),
        ));
    }

    let card_provider = provider::provider(CARD_PROVIDER).ok_or(AppError::Internal)?;
    let card = Card {
        number: &checkout.card_number,
        holder: &checkout.card_holder,
    };
    let authorization = card_provider
        .authorize(
            card,
            totals.total_minor,
            &bag.currency,
            &format!("checkout:{key}"),
        )
        .await;
    let reference = match authorization {
        Ok(reference) => reference,
        Err(PaymentError::Declined(message)) => {
            return Err(AppError::field("card_number", "declined", message));
        }
        Err(PaymentError::Unavailable(message)) => return Err(AppError::Unavailable(message)),
    };
    crate::payments::db::record_authorization(&mut tx, order.id, &reference).await?;
    confirm_by_message(
        &mut tx,
        order.id,
        &order.number,
        checkout,
        &totals,
        &bag.currency,
    )
    .await?;
    carts::empty(&mut tx, cart).await?;
    // A customer's delivery address joins their address book.
    if let (Some(customer), None) = (customer, &checkout.store) {
        crate::customers::db::add(&mut tx, customer, &checkout.address, false).await?;
    }
    tx.commit().await?;
    Ok(order.number)
}

async fn order_of_key(conn: &mut PgConnection, key: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT number FROM orders WHERE channel = 'web' AND capture_key = $1")
        .bind(key)
        .fetch_optional(conn)
        .await
}

/// Fits the bag to the stock now and says what changed.
async fn stock_went(pool: &PgPool, owner: CartOwner, today: Date, locale: Locale) -> AppError {
    let fitted = async {
        let mut tx = pool.begin().await?;
        let Some(cart) = carts::find(&mut *tx, owner).await? else {
            return Ok(Vec::new());
        };
        let short: Vec<String> = carts::view(&mut tx, cart, today, locale)
            .await?
            .lines
            .into_iter()
            .filter(|l| l.problem.is_some())
            .map(|l| format!("{}, {}, {}", l.product, l.colour, l.size))
            .collect();
        carts::fit_to_stock(&mut tx, cart, today).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(short)
    };
    match fitted.await {
        Ok(short) if !short.is_empty() => {
            AppError::Conflict(texts::stock_went(locale, &short.join("; ")))
        }
        Ok(_) => AppError::Conflict(checkout_texts(locale).try_again.into()),
        Err(error) => error.into(),
    }
}

/// The confirmation email, stored for a mail sender (and for staff to read).
async fn confirm_by_message(
    conn: &mut PgConnection,
    order_id: Uuid,
    number: &str,
    checkout: &Checkout,
    totals: &rules::Totals,
    currency: &str,
) -> sqlx::Result<()> {
    let lines: Vec<(String, i32, i64, Option<Date>)> = sqlx::query_as(
        "SELECT description, quantity, quantity * unit_price_minor, planned_ship_date
         FROM order_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let lines: Vec<MessageLine<'_>> = lines
        .iter()
        .map(|(description, quantity, total, date)| MessageLine {
            description,
            quantity: *quantity,
            line_total_minor: *total,
            planned_ship_date: *date,
        })
        .collect();
    let first_name = checkout.address.name.split(' ').next().unwrap_or_default();
    let (subject, body) = confirmation_message(
        number,
        first_name,
        &lines,
        totals,
        currency,
        checkout.method,
    );
    sqlx::query(
        "INSERT INTO customer_messages (order_id, to_email, kind, subject, body)
         VALUES ($1, $2, 'order_confirmation', $3, $4)",
    )
    .bind(order_id)
    .bind(&checkout.email)
    .bind(subject)
    .bind(body)
    .execute(conn)
    .await
    .map(drop)
}

/// Stores that sell online and have every line of the bag on hand now.
pub async fn collection_stores(
    conn: &mut PgConnection,
    cart: Option<Uuid>,
) -> sqlx::Result<Vec<CollectionStore>> {
    sqlx::query_as::<_, (String, String, String)>(
        "SELECT l.code, l.name, l.city FROM locations l
         WHERE l.kind = 'store' AND l.active AND 'web' = ANY(l.channels)
           AND NOT EXISTS (
               SELECT 1 FROM cart_lines c
               LEFT JOIN stock_balances b ON b.variant_id = c.variant_id AND b.location_id = l.id
               WHERE c.cart_id = $1 AND coalesce(b.on_hand - b.reserved, 0) < c.quantity)
         ORDER BY l.priority, l.name",
    )
    .bind(cart)
    .fetch_all(conn)
    .await
    .map(|rows| {
        rows.into_iter()
            .map(|(code, name, city)| CollectionStore { code, name, city })
            .collect()
    })
}

/// The customer's address of their last order, to start the form from.
pub async fn last_address(conn: &mut PgConnection, customer: Uuid) -> sqlx::Result<Address> {
    let address: Option<serde_json::Value> = sqlx::query_scalar(
        "SELECT ship_to FROM orders WHERE customer_id = $1 AND collect_location_id IS NULL
         ORDER BY placed_at DESC LIMIT 1",
    )
    .bind(customer)
    .fetch_optional(conn)
    .await?;
    Ok(address
        .and_then(|a| serde_json::from_value(a).ok())
        .unwrap_or_default())
}

#[derive(FromRow)]
struct ConfirmationRow {
    id: Uuid,
    number: String,
    email: String,
    status: String,
    currency: String,
    total_minor: i64,
    shipping_minor: i64,
    shipping_method: Option<String>,
    ship_to: serde_json::Value,
    collect_at: Option<String>,
}

/// The order a checkout key made, for its confirmation page (the key is
/// the customer's proof: it was only ever in their page).
pub async fn confirmation(
    conn: &mut PgConnection,
    key: &str,
) -> sqlx::Result<Option<Confirmation>> {
    let Some(row) = sqlx::query_as::<_, ConfirmationRow>(
        "SELECT o.id, o.number, o.email::text AS email, o.status, o.currency::text AS currency,
                o.total_minor, o.shipping_minor, o.shipping_method, o.ship_to,
                l.name || ', ' || l.city AS collect_at
         FROM orders o LEFT JOIN locations l ON l.id = o.collect_location_id
         WHERE o.channel = 'web' AND o.capture_key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let lines: Vec<(String, String, i32, i64, Option<Date>)> = sqlx::query_as(
        "SELECT description, sku, quantity, quantity * unit_price_minor, planned_ship_date
         FROM order_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    let ship_to: Address = serde_json::from_value(row.ship_to).unwrap_or_default();
    let subtotal = row.total_minor - row.shipping_minor;
    let vat_rate_bp = rules::vat_rate_bp(&ship_to.country);
    Ok(Some(Confirmation {
        number: row.number,
        email: row.email,
        status_label: OrderStatus::parse(&row.status)
            .map_or("Placed", OrderStatus::label)
            .to_owned(),
        currency: row.currency,
        lines: lines
            .into_iter()
            .map(|(description, sku, quantity, total, date)| ConfirmedLine {
                description,
                sku,
                quantity,
                line_total_minor: total,
                planned_ship_date: date,
            })
            .collect(),
        totals: rules::Totals {
            subtotal_minor: subtotal,
            shipping_minor: row.shipping_minor,
            total_minor: row.total_minor,
            vat_minor: rules::vat_included(row.total_minor, vat_rate_bp),
            vat_rate_bp,
        },
        shipping_method: row
            .shipping_method
            .as_deref()
            .and_then(ShippingMethod::parse),
        ship_to,
        collect_at: row.collect_at,
        signed_in: false,
    }))
}
