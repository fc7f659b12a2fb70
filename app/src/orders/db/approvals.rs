//! Approval reasons (per channel) and the approvals each order needs, by
//! round: routing again after an approval starts a new round.

use crate::inventory::model::Channel;
use crate::orders::approval::{ApprovalReason, ApprovalStep, Approver, Condition, Decision};
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

#[derive(FromRow)]
struct ReasonDb {
    code: String,
    name: String,
    rank: i32,
    condition: serde_json::Value,
    approver: String,
    reroute_after: bool,
}

/// The active reasons of a channel, by rank.
pub async fn reasons(
    db: impl PgExecutor<'_>,
    channel: Channel,
) -> sqlx::Result<Vec<ApprovalReason>> {
    let rows: Vec<ReasonDb> = sqlx::query_as(
        "SELECT code, name, rank, condition, approver, reroute_after FROM approval_reasons
         WHERE channel = $1 AND active ORDER BY rank, code",
    )
    .bind(channel.as_str())
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ApprovalReason {
            code: r.code,
            name: r.name,
            rank: r.rank,
            // Stored by this program from a `Condition`; unreadable means "always ask".
            condition: serde_json::from_value(r.condition).unwrap_or(Condition::Always),
            approver: Approver::parse(&r.approver).unwrap_or(Approver::Staff),
            reroute_after: r.reroute_after,
        })
        .collect())
}

/// The approvals of the order's latest round; `None` before the first.
pub async fn current_steps(
    conn: &mut PgConnection,
    order_id: Uuid,
) -> sqlx::Result<Option<Vec<ApprovalStep>>> {
    let rows: Vec<(String, i32, String)> = sqlx::query_as(
        "SELECT reason_code, rank, decision FROM order_approvals
         WHERE order_id = $1 AND round = (SELECT max(round) FROM order_approvals WHERE order_id = $1)
         ORDER BY rank, reason_code",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        rows.into_iter()
            .map(|(code, rank, decision)| ApprovalStep {
                code,
                rank,
                decision: Decision::parse(&decision).unwrap_or(Decision::Pending),
            })
            .collect(),
    ))
}

/// Starts a round with the reasons that apply.
pub async fn open_round(
    conn: &mut PgConnection,
    order_id: Uuid,
    reasons: &[&ApprovalReason],
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO order_approvals (order_id, round, reason_code, reason_name, rank, approver, reroute_after)
         SELECT $1, coalesce((SELECT max(round) FROM order_approvals WHERE order_id = $1), 0) + 1, r.*
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::bool[]) AS r(code, name, rank, approver, reroute)",
    )
    .bind(order_id)
    .bind(reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>())
    .bind(reasons.iter().map(|r| r.name.as_str()).collect::<Vec<_>>())
    .bind(reasons.iter().map(|r| r.rank).collect::<Vec<_>>())
    .bind(reasons.iter().map(|r| r.approver.as_str()).collect::<Vec<_>>())
    .bind(reasons.iter().map(|r| r.reroute_after).collect::<Vec<_>>())
    .execute(conn)
    .await?;
    Ok(())
}

/// The open approvals of a rank that an external system answers.
pub async fn external_requests(
    conn: &mut PgConnection,
    order_id: Uuid,
    rank: i32,
) -> sqlx::Result<Vec<serde_json::Value>> {
    sqlx::query_scalar(
        "SELECT json_build_object('reason', reason_code, 'name', reason_name)::jsonb FROM order_approvals
         WHERE order_id = $1 AND rank = $2 AND decision = 'pending' AND approver = 'external'
           AND round = (SELECT max(round) FROM order_approvals WHERE order_id = $1)
         ORDER BY reason_code",
    )
    .bind(order_id)
    .bind(rank)
    .fetch_all(conn)
    .await
}
