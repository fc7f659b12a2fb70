//! The order's timeline: every change of status is checked against the
//! state machine and written with its event (who, when, what, why) in the
//! caller's transaction.

use crate::orders::lifecycle::{self, OrderStatus, TransitionError};
use sqlx::PgConnection;
use uuid::Uuid;

/// Who did something to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Staff(Uuid),
    Customer(Uuid),
    /// A machine client, by API key.
    Api,
    /// The order process itself.
    System,
}

impl Actor {
    /// The staff member, when staff acted (stock movements record who).
    pub fn staff_id(self) -> Option<Uuid> {
        match self {
            Actor::Staff(id) => Some(id),
            _ => None,
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Actor::Staff(_) => "staff",
            Actor::Customer(_) => "customer",
            Actor::Api => "api",
            Actor::System => "system",
        }
    }

    fn user_id(self) -> Option<Uuid> {
        match self {
            Actor::Staff(id) | Actor::Customer(id) => Some(id),
            Actor::Api | Actor::System => None,
        }
    }
}

/// Something that happened to an order.
pub struct Event<'a> {
    pub kind: &'a str,
    pub message: &'a str,
    pub data: Option<serde_json::Value>,
}

impl<'a> Event<'a> {
    pub fn new(kind: &'a str, message: &'a str) -> Self {
        Self {
            kind,
            message,
            data: None,
        }
    }

    pub fn with_data(mut self, data: serde_json::Value) -> Self {
        self.data = Some(data);
        self
    }
}

pub async fn record(
    conn: &mut PgConnection,
    order_id: Uuid,
    actor: Actor,
    event: Event<'_>,
) -> sqlx::Result<()> {
    insert(conn, order_id, actor, &event, None, None).await
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Moves an order from `from` (as the caller read it, under its row lock)
/// to `to`, with the event that explains it. Staying in a status (a step
/// tried again and came to the same) only records the event.
pub async fn change_status(
    conn: &mut PgConnection,
    order_id: Uuid,
    from: OrderStatus,
    to: OrderStatus,
    actor: Actor,
    event: Event<'_>,
) -> Result<(), ChangeError> {
    if from == to {
        return Ok(record(conn, order_id, actor, event).await?);
    }
    lifecycle::transition(from, to)?;
    sqlx::query("UPDATE orders SET status = $2, updated_at = now() WHERE id = $1")
        .bind(order_id)
        .bind(to.as_str())
        .execute(&mut *conn)
        .await?;
    insert(conn, order_id, actor, &event, Some(from), Some(to)).await?;
    Ok(())
}

async fn insert(
    conn: &mut PgConnection,
    order_id: Uuid,
    actor: Actor,
    event: &Event<'_>,
    from: Option<OrderStatus>,
    to: Option<OrderStatus>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO order_events (order_id, actor_kind, actor_id, kind, from_status, to_status, message, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(order_id)
    .bind(actor.kind())
    .bind(actor.user_id())
    .bind(event.kind)
    .bind(from.map(OrderStatus::as_str))
    .bind(to.map(OrderStatus::as_str))
    .bind(event.message)
    .bind(&event.data)
    .execute(conn)
    .await?;
    Ok(())
}
