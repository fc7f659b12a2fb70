//! Orders in PostgreSQL: capture, the timeline, the plan of tasks,
//! approvals, channels, the outbox, and the lists people read.

pub mod approvals;
pub mod capture;
pub mod channels;
pub mod desk;
pub mod detail;
pub mod outbox;
pub mod plan;
pub mod returns;
pub mod timeline;

use super::model::OrderSummary;
use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn orders_of_customer(
    db: impl PgExecutor<'_>,
    customer_id: Uuid,
) -> sqlx::Result<Vec<OrderSummary>> {
    summaries(db, "o.customer_id = $1", customer_id).await
}

pub async fn orders_of_company(
    db: impl PgExecutor<'_>,
    company_id: Uuid,
) -> sqlx::Result<Vec<OrderSummary>> {
    summaries(db, "o.company_id = $1", company_id).await
}

/// The newest 50 orders matching `filter` (a condition on `o` with one uuid parameter).
async fn summaries(
    db: impl PgExecutor<'_>,
    filter: &str,
    id: Uuid,
) -> sqlx::Result<Vec<OrderSummary>> {
    sqlx::query_as::<_, (Uuid, String, String, time::OffsetDateTime, i64, String, i64)>(&format!(
        "SELECT o.id, o.number, o.status, o.placed_at, o.total_minor, o.currency::text,
                (SELECT coalesce(sum(l.quantity), 0)::bigint FROM order_lines l WHERE l.order_id = o.id)
         FROM orders o WHERE {filter}
         ORDER BY o.placed_at DESC LIMIT 50"
    ))
    .bind(id)
    .fetch_all(db)
    .await
    .map(|rows| {
        rows.into_iter()
            .map(|(id, number, status, placed_at, total_minor, currency, items)| OrderSummary {
                id,
                number,
                status,
                placed_at,
                total_minor,
                currency,
                items,
            })
            .collect()
    })
}
