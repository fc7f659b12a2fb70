//! The outbox: messages to channels and external locations, written in the
//! transaction that caused them, delivered afterwards (at least once, with
//! retries) by the dispatcher.

use crate::inventory::model::Channel;
use sqlx::PgConnection;
use uuid::Uuid;

/// A message to a sales channel (its webhook).
pub async fn add(
    conn: &mut PgConnection,
    order_id: Uuid,
    channel: Channel,
    event: &str,
    payload: &serde_json::Value,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO outbox (order_id, channel, event, payload) VALUES ($1, $2, $3, $4)")
        .bind(order_id)
        .bind(channel.as_str())
        .bind(event)
        .bind(payload)
        .execute(conn)
        .await?;
    Ok(())
}

/// A message to an external location (a drop-shipping supplier, a 3PL).
pub async fn add_for_location(
    conn: &mut PgConnection,
    order_id: Uuid,
    location_id: Uuid,
    event: &str,
    payload: &serde_json::Value,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO outbox (order_id, location_id, event, payload) VALUES ($1, $2, $3, $4)",
    )
    .bind(order_id)
    .bind(location_id)
    .bind(event)
    .bind(payload)
    .execute(conn)
    .await?;
    Ok(())
}
