//! The plan of an order in PostgreSQL: tasks with dependencies. Adding a
//! plan is one statement; finishing a task readies the tasks that waited
//! only for it in the same transaction, and wakes the workers on commit.

use crate::orders::lifecycle::{PlannedTask, TaskKind};
use sqlx::PgConnection;
use uuid::Uuid;

/// The channel workers listen on.
pub const WAKE_CHANNEL: &str = "order_tasks";

/// Adds a plan for an order (or one of its fulfilment requests). Its first
/// tasks also wait for `after` (tasks of an earlier plan), if given.
pub async fn add(
    conn: &mut PgConnection,
    order_id: Uuid,
    fulfilment_request_id: Option<Uuid>,
    plan: &[PlannedTask],
    after: &[i64],
) -> sqlx::Result<()> {
    debug_assert!(crate::orders::lifecycle::is_acyclic(plan));
    let roots = |task: &PlannedTask| task.depends_on.is_empty();
    let kinds: Vec<&str> = plan.iter().map(|t| t.kind.as_str()).collect();
    let steps: Vec<i32> = (0..plan.len() as i32).collect();
    let pending: Vec<i32> = plan
        .iter()
        .map(|t| t.depends_on.len() as i32 + if roots(t) { after.len() as i32 } else { 0 })
        .collect();
    let waits: Vec<bool> = plan.iter().map(|t| t.waits_for_event).collect();
    let (edge_task, edge_dep): (Vec<i32>, Vec<i32>) = plan
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.depends_on.iter().map(move |d| (i as i32, *d as i32)))
        .unzip();
    let (outer_task, outer_dep): (Vec<i32>, Vec<i64>) = plan
        .iter()
        .enumerate()
        .filter(|(_, t)| roots(t))
        .flat_map(|(i, _)| after.iter().map(move |a| (i as i32, *a)))
        .unzip();
    sqlx::query(
        "WITH ins AS (
             INSERT INTO order_tasks (order_id, fulfilment_request_id, kind, step_no, waits_for_event, state, pending_deps)
             SELECT $1, $2, t.kind, t.step_no, t.waits,
                    CASE WHEN t.pending > 0 THEN 'blocked' WHEN t.waits THEN 'waiting' ELSE 'ready' END,
                    t.pending
             FROM unnest($3::text[], $4::int[], $5::int[], $6::bool[]) AS t(kind, step_no, pending, waits)
             RETURNING id, step_no
         )
         INSERT INTO order_task_deps (task_id, depends_on)
         SELECT a.id, b.id FROM unnest($7::int[], $8::int[]) AS e(task_step, dep_step)
             JOIN ins a ON a.step_no = e.task_step JOIN ins b ON b.step_no = e.dep_step
         UNION ALL
         SELECT a.id, o.dep_id FROM unnest($9::int[], $10::bigint[]) AS o(task_step, dep_id)
             JOIN ins a ON a.step_no = o.task_step",
    )
    .bind(order_id)
    .bind(fulfilment_request_id)
    .bind(&kinds)
    .bind(&steps)
    .bind(&pending)
    .bind(&waits)
    .bind(&edge_task)
    .bind(&edge_dep)
    .bind(&outer_task)
    .bind(&outer_dep)
    .execute(&mut *conn)
    .await?;
    if plan.iter().any(|t| roots(t) && !t.waits_for_event) && after.is_empty() {
        wake(conn).await?;
    }
    Ok(())
}

/// Tells the workers there is work (delivered when the transaction commits).
pub async fn wake(conn: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_notify($1, '')")
        .bind(WAKE_CHANNEL)
        .execute(conn)
        .await?;
    Ok(())
}

/// A task that became ready when another finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readied {
    pub id: i64,
    pub order_id: Uuid,
    pub fulfilment_request_id: Option<Uuid>,
    pub kind: TaskKind,
    pub attempts: i32,
}

/// Marks a task done and readies the tasks that waited only for it; those
/// done by an outside event start waiting for it instead.
pub async fn finish(
    conn: &mut PgConnection,
    task_id: i64,
    worker: &str,
) -> sqlx::Result<Vec<Readied>> {
    let rows: Vec<(i64, Uuid, Option<Uuid>, String, i32, String)> = sqlx::query_as(
        "WITH done AS (
             UPDATE order_tasks SET state = 'done', done_at = now(), done_by = $2, last_error = NULL, waiting_for = ''
             WHERE id = $1 RETURNING id
         )
         UPDATE order_tasks t
         SET pending_deps = t.pending_deps - 1,
             state = CASE WHEN t.pending_deps > 1 THEN t.state
                          WHEN t.waits_for_event THEN 'waiting' ELSE 'ready' END,
             run_at = now()
         FROM order_task_deps d, done
         WHERE d.depends_on = done.id AND t.id = d.task_id AND t.state = 'blocked'
         RETURNING t.id, t.order_id, t.fulfilment_request_id, t.kind, t.attempts, t.state",
    )
    .bind(task_id)
    .bind(worker)
    .fetch_all(&mut *conn)
    .await?;
    let readied: Vec<Readied> = rows
        .into_iter()
        .filter(|(.., state)| state == "ready")
        .filter_map(|(id, order_id, fulfilment_request_id, kind, attempts, _)| {
            Some(Readied {
                id,
                order_id,
                fulfilment_request_id,
                kind: TaskKind::parse(&kind)?,
                attempts,
            })
        })
        .collect();
    Ok(readied)
}

/// Finishes the waiting task of `kind` of a fulfilment request (an outside
/// event happened, e.g. the warehouse shipped). Returns whether one was
/// waiting; wakes the workers for what follows.
pub async fn event_happened(
    conn: &mut PgConnection,
    fulfilment_request_id: Uuid,
    kind: TaskKind,
    by: &str,
) -> sqlx::Result<bool> {
    let task: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM order_tasks
         WHERE fulfilment_request_id = $1 AND kind = $2 AND state = 'waiting'
         FOR UPDATE",
    )
    .bind(fulfilment_request_id)
    .bind(kind.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(task) = task else { return Ok(false) };
    if !finish(conn, task, by).await?.is_empty() {
        wake(conn).await?;
    }
    Ok(true)
}

/// Puts a waiting or failed task of an order back to work (staff fixed the
/// cause, a decision was made). Returns how many were resumed.
pub async fn resume(
    conn: &mut PgConnection,
    order_id: Uuid,
    kinds: &[TaskKind],
) -> sqlx::Result<u64> {
    let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let resumed = sqlx::query(
        "UPDATE order_tasks SET state = 'ready', run_at = now(), attempts = 0, waiting_for = ''
         WHERE order_id = $1 AND kind = ANY($2) AND state IN ('waiting', 'failed') AND NOT waits_for_event",
    )
    .bind(order_id)
    .bind(&kinds)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if resumed > 0 {
        wake(conn).await?;
    }
    Ok(resumed)
}

/// Stops every task of an order that has not run (the order ended).
pub async fn cancel_open(conn: &mut PgConnection, order_id: Uuid) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE order_tasks SET state = 'cancelled', waiting_for = ''
         WHERE order_id = $1 AND state IN ('blocked', 'ready', 'waiting', 'failed')",
    )
    .bind(order_id)
    .execute(conn)
    .await?
    .rows_affected())
}
