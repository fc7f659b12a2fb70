//! What the order desk reads: the filtered list with counts per status, an
//! order's timeline, plan and routing decision, and the task inboxes.

use crate::listing::{PER_PAGE, Page, like_pattern, limit_offset};
use crate::orders::model::*;
use sqlx::{FromRow, PgExecutor, PgPool, Postgres, QueryBuilder};
use time::OffsetDateTime;
use uuid::Uuid;

/// Orders that wait for a person: stopped by validation, needing a
/// location decision or an approval, on hold, or with a failed step.
const ATTENTION: &str =
    "(o.status IN ('invalid', 'check_announced', 'not_announced', 'awaiting_approval') OR o.on_hold
     OR EXISTS (SELECT 1 FROM order_tasks t WHERE t.order_id = o.id AND t.state = 'failed'))";

#[derive(FromRow)]
struct RowDb {
    number: String,
    channel: String,
    status: String,
    on_hold: bool,
    customer: String,
    email: String,
    placed_at: OffsetDateTime,
    units: i64,
    total_minor: i64,
    currency: String,
    locations: String,
    total: i64,
}

fn filtered(query: &OrderQuery) -> QueryBuilder<'static, Postgres> {
    let mut sql = QueryBuilder::new(
        "SELECT o.number, o.channel, o.status, o.on_hold, coalesce(o.ship_to->>'name', '') AS customer,
                o.email::text AS email, o.placed_at,
                (SELECT coalesce(sum(l.quantity - l.cancelled_quantity), 0)::bigint FROM order_lines l WHERE l.order_id = o.id) AS units,
                o.total_minor, o.currency::text AS currency,
                coalesce((SELECT string_agg(DISTINCT lo.code, ', ') FROM fulfilment_requests fr
                          JOIN locations lo ON lo.id = fr.location_id WHERE fr.order_id = o.id), '') AS locations,
                count(*) OVER () AS total
         FROM orders o WHERE true",
    );
    match query.status.as_str() {
        "" => {}
        "attention" => {
            sql.push(" AND ").push(ATTENTION);
        }
        status => {
            sql.push(" AND o.status = ").push_bind(status.to_owned());
        }
    }
    if !query.channel.is_empty() {
        sql.push(" AND o.channel = ")
            .push_bind(query.channel.clone());
    }
    if !query.location.is_empty() {
        sql.push(
            " AND EXISTS (SELECT 1 FROM fulfilment_requests fr JOIN locations lo ON lo.id = fr.location_id
                          WHERE fr.order_id = o.id AND lo.code = ",
        )
        .push_bind(query.location.to_uppercase())
        .push(")");
    }
    let text = query.text.trim();
    if !text.is_empty() {
        let pattern = like_pattern(text);
        sql.push(" AND (o.number ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR o.email::text ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR o.external_reference ILIKE ")
            .push_bind(pattern.clone())
            .push(" OR o.ship_to->>'name' ILIKE ")
            .push_bind(pattern)
            .push(")");
    }
    if let Some(from) = query.from {
        sql.push(" AND o.placed_at >= ").push_bind(from);
    }
    if let Some(to) = query.to {
        sql.push(" AND o.placed_at < ")
            .push_bind(to)
            .push("::date + 1");
    }
    sql
}

pub async fn desk(db: &PgPool, query: &OrderQuery) -> sqlx::Result<OrderDesk> {
    let (limit, offset) = limit_offset(query.page, PER_PAGE);
    let mut sql = filtered(query);
    sql.push(" ORDER BY o.placed_at DESC, o.number DESC LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    let attention_sql = format!("SELECT count(*) FROM orders o WHERE {ATTENTION}");
    let (rows, counts, attention) = futures::try_join!(
        sql.build_query_as::<RowDb>().fetch_all(db),
        sqlx::query_as::<_, (String, i64)>("SELECT status, count(*) FROM orders GROUP BY status")
            .fetch_all(db),
        sqlx::query_scalar::<_, i64>(&attention_sql).fetch_one(db),
    )?;
    Ok(OrderDesk {
        counts,
        attention,
        page: Page {
            total: rows.first().map_or(0, |r| r.total),
            rows: rows
                .into_iter()
                .map(|r| OrderRow {
                    number: r.number,
                    channel: r.channel,
                    status: r.status,
                    on_hold: r.on_hold,
                    customer: r.customer,
                    email: r.email,
                    placed_at: r.placed_at,
                    units: r.units,
                    total_minor: r.total_minor,
                    currency: r.currency,
                    locations: r.locations,
                })
                .collect(),
            page: query.page.max(1),
            per_page: PER_PAGE,
        },
    })
}

pub async fn timeline(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<TimelineEntry>> {
    sqlx::query_as(
        "SELECT e.at, e.actor_kind, u.name AS actor, e.kind, e.from_status, e.to_status, e.message
         FROM order_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.order_id = $1 ORDER BY e.id",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

pub async fn plan(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Vec<PlanTask>> {
    sqlx::query_as(
        "SELECT t.id, t.kind, fr.number AS request, t.state,
                coalesce(array_agg(d.depends_on ORDER BY d.depends_on) FILTER (WHERE d.depends_on IS NOT NULL), '{}') AS depends_on,
                t.attempts, t.last_error, t.waiting_for
         FROM order_tasks t
         LEFT JOIN fulfilment_requests fr ON fr.id = t.fulfilment_request_id
         LEFT JOIN order_task_deps d ON d.task_id = t.id
         WHERE t.order_id = $1
         GROUP BY t.id, fr.number ORDER BY t.id",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

pub async fn routing(db: impl PgExecutor<'_>, order_id: Uuid) -> sqlx::Result<Option<RoutingView>> {
    let row: Option<(OffsetDateTime, String, serde_json::Value)> = sqlx::query_as(
        "SELECT decided_at, outcome, decision FROM routing_decisions WHERE order_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(order_id)
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|(decided_at, outcome, decision)| {
        Some(RoutingView {
            decided_at,
            outcome,
            decision: serde_json::from_value(decision).ok()?,
        })
    }))
}

#[derive(FromRow)]
struct InboxDb {
    number: String,
    channel: String,
    status: String,
    customer: String,
    total_minor: i64,
    currency: String,
    since: OffsetDateTime,
    subject: String,
    reason: Option<String>,
}

impl From<InboxDb> for InboxItem {
    fn from(r: InboxDb) -> Self {
        InboxItem {
            number: r.number,
            channel: r.channel,
            status: r.status,
            customer: r.customer,
            total_minor: r.total_minor,
            currency: r.currency,
            since: r.since,
            subject: r.subject,
            reason: r.reason,
        }
    }
}

const INBOX_LIMIT: i64 = 200;

/// Approvals staff can give now (the current rank of the latest round),
/// orders waiting for a location decision, and stopped orders.
pub async fn inboxes(db: &PgPool) -> sqlx::Result<Inboxes> {
    let approvals = sqlx::query_as::<_, InboxDb>(
        "SELECT o.number, o.channel, o.status, coalesce(o.ship_to->>'name', '') AS customer, o.total_minor,
                o.currency::text AS currency, o.updated_at AS since, a.reason_name AS subject, a.reason_code AS reason
         FROM orders o JOIN order_approvals a ON a.order_id = o.id
         WHERE o.status = 'awaiting_approval' AND a.decision = 'pending' AND a.approver = 'staff'
           AND a.round = (SELECT max(round) FROM order_approvals x WHERE x.order_id = o.id)
           AND a.rank = (SELECT min(rank) FROM order_approvals x
                         WHERE x.order_id = o.id AND x.round = a.round AND x.decision = 'pending')
         ORDER BY o.updated_at LIMIT $1",
    )
    .bind(INBOX_LIMIT)
    .fetch_all(db);
    let routing = sqlx::query_as::<_, InboxDb>(
        "SELECT o.number, o.channel, o.status, coalesce(o.ship_to->>'name', '') AS customer, o.total_minor,
                o.currency::text AS currency, o.updated_at AS since,
                coalesce((SELECT e.message FROM order_events e WHERE e.order_id = o.id ORDER BY e.id DESC LIMIT 1), '') AS subject,
                NULL::text AS reason
         FROM orders o WHERE o.status IN ('check_announced', 'not_announced')
         ORDER BY o.updated_at LIMIT $1",
    )
    .bind(INBOX_LIMIT)
    .fetch_all(db);
    let stopped = sqlx::query_as::<_, InboxDb>(
        "SELECT o.number, o.channel, o.status, coalesce(o.ship_to->>'name', '') AS customer, o.total_minor,
                o.currency::text AS currency, o.updated_at AS since,
                CASE WHEN o.status = 'invalid' THEN
                         coalesce((SELECT string_agg(p->>'message', ' ') FROM jsonb_array_elements(o.validation_errors) p), '')
                     WHEN o.on_hold THEN 'On hold: ' || o.hold_reason
                     ELSE coalesce((SELECT t.kind || ': ' || coalesce(t.last_error, '') FROM order_tasks t
                                    WHERE t.order_id = o.id AND t.state = 'failed' ORDER BY t.id LIMIT 1), '') END AS subject,
                NULL::text AS reason
         FROM orders o
         WHERE o.status = 'invalid' OR o.on_hold
            OR EXISTS (SELECT 1 FROM order_tasks t WHERE t.order_id = o.id AND t.state = 'failed')
         ORDER BY o.updated_at LIMIT $1",
    )
    .bind(INBOX_LIMIT)
    .fetch_all(db);
    let (approvals, routing, stopped) = futures::try_join!(approvals, routing, stopped)?;
    Ok(Inboxes {
        approvals: approvals.into_iter().map(Into::into).collect(),
        routing: routing.into_iter().map(Into::into).collect(),
        stopped: stopped.into_iter().map(Into::into).collect(),
    })
}

/// The documents of the order's fulfilment requests, by request and kind.
pub async fn documents(
    db: impl PgExecutor<'_>,
    order_id: Uuid,
) -> sqlx::Result<Vec<OrderDocument>> {
    sqlx::query_as(
        "SELECT fr.number AS fulfilment_request, d.kind, d.reference
         FROM fulfilment_documents d JOIN fulfilment_requests fr ON fr.id = d.fulfilment_request_id
         WHERE fr.order_id = $1 AND fr.status <> 'cancelled'
         ORDER BY fr.number, array_position('{delivery_note,return_note,return_label}'::text[], d.kind)",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}
