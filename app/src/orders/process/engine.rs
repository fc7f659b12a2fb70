//! The workers that execute order plans from the database.
//!
//! A worker claims one ready task with `FOR UPDATE SKIP LOCKED` and runs
//! its step, marks it done and readies what depended on it, all in one
//! transaction: a crash (even `kill -9`) rolls the whole step back and the
//! task is claimed again, so a step's effects are committed exactly once.
//! While the tasks it readies belong to the same order, the worker goes on
//! with them in the same transaction (behind a savepoint each): an order
//! usually goes from captured to submitted in one or two transactions.
//! Transient failures are retried with backoff; permanent ones stop the
//! task with its error visible until staff resume it. Workers sleep on
//! `LISTEN order_tasks` and poll once a second for retries that fall due.

use super::steps::{self, StepError, StepOutcome};
use crate::orders::db::plan;
use crate::orders::db::timeline::{self, Actor, Event};
use crate::orders::lifecycle::TaskKind;
use sqlx::postgres::PgListener;
use sqlx::{Acquire, PgConnection, PgPool};
use std::time::Duration;
use uuid::Uuid;

/// A transient failure is retried this many times before the task stops.
pub const MAX_ATTEMPTS: i32 = 6;
/// How many steps of one order run in one transaction at most.
const CHAIN_LIMIT: usize = 12;
const IDLE_POLL: Duration = Duration::from_secs(1);

/// A task claimed by a worker.
#[derive(Debug, Clone, Copy)]
pub struct Task {
    pub id: i64,
    pub order_id: Uuid,
    pub fulfilment_request_id: Option<Uuid>,
    pub kind: TaskKind,
    pub attempts: i32,
}

/// What one call of [`run_next`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Ran {
    pub steps: usize,
    pub failed: usize,
}

/// Claims the next ready task and runs it (and what follows it for the same
/// order). `None` when there was nothing to do.
pub async fn run_next(pool: &PgPool, worker: &str) -> sqlx::Result<Option<Ran>> {
    let mut tx = pool.begin().await?;
    let Some(first) = claim(&mut tx, None).await? else {
        tx.rollback().await?;
        return Ok(None);
    };
    let ran = match run_chain(&mut tx, first, worker, OnFailure::Record).await {
        Ok(ran) => ran,
        Err(ChainError::Database(error)) => return Err(error),
        Err(ChainError::Step(_)) => unreachable!("recorded failures are not returned"),
    };
    tx.commit().await?;
    Ok(Some(ran))
}

/// Runs an order's ready tasks now, in the caller's transaction, as a
/// worker would, and returns the first failure instead of recording it (the
/// caller rolls everything back). The checkout uses it so that a customer
/// learns before paying whether the stock is theirs.
pub async fn run_order(
    conn: &mut PgConnection,
    order_id: Uuid,
    worker: &str,
) -> Result<Ran, StepError> {
    let Some(first) = claim(&mut *conn, Some(order_id)).await? else {
        return Ok(Ran::default());
    };
    match run_chain(conn, first, worker, OnFailure::Return).await {
        Ok(ran) => Ok(ran),
        Err(ChainError::Step(error)) => Err(error),
        Err(ChainError::Database(error)) => Err(error.into()),
    }
}

enum OnFailure {
    /// A worker records it on the task (retry or stop) and carries on.
    Record,
    /// The caller gets it.
    Return,
}

enum ChainError {
    Step(StepError),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for ChainError {
    fn from(error: sqlx::Error) -> Self {
        ChainError::Database(error)
    }
}

/// Runs `first` and what it readies for the same order, each step behind a
/// savepoint.
async fn run_chain(
    tx: &mut PgConnection,
    first: Task,
    worker: &str,
    on_failure: OnFailure,
) -> Result<Ran, ChainError> {
    let mut ran = Ran::default();
    let mut context = steps::Chain::default();
    let mut next = Some(first);
    while let Some(task) = next.take() {
        let mut savepoint = tx.begin().await?;
        match steps::run(&mut savepoint, &task, &mut context).await {
            Ok(outcome) => {
                savepoint.commit().await?;
                ran.steps += 1;
                let readied = settle(&mut *tx, &task, outcome, worker).await?;
                if ran.steps < CHAIN_LIMIT {
                    next = chain(&task, &readied);
                }
                // Readied tasks this transaction will not run itself: wake a worker.
                if readied.iter().any(|r| Some(r.id) != next.map(|n| n.id)) {
                    plan::wake(&mut *tx).await?;
                }
            }
            Err(error) => {
                savepoint.rollback().await?;
                ran.failed += 1;
                match on_failure {
                    OnFailure::Record => record_failure(&mut *tx, &task, &error).await?,
                    OnFailure::Return => return Err(ChainError::Step(error)),
                }
            }
        }
    }
    Ok(ran)
}

/// The next ready task (of one order, if given).
async fn claim(conn: &mut PgConnection, order_id: Option<Uuid>) -> sqlx::Result<Option<Task>> {
    // Two statements, not one with `$1 IS NULL OR …`: the workers' claim
    // keeps a plan that uses the partial index of ready tasks.
    let sql = |of_order: &str| {
        format!(
            "SELECT id, order_id, fulfilment_request_id, kind, attempts FROM order_tasks
             WHERE state = 'ready' AND run_at <= now() {of_order}
             ORDER BY run_at, id LIMIT 1
             FOR UPDATE SKIP LOCKED"
        )
    };
    let row: Option<(i64, Uuid, Option<Uuid>, String, i32)> = match order_id {
        None => sqlx::query_as(&sql("")).fetch_optional(conn).await?,
        Some(id) => {
            sqlx::query_as(&sql("AND order_id = $1"))
                .bind(id)
                .fetch_optional(conn)
                .await?
        }
    };
    Ok(
        row.and_then(|(id, order_id, fulfilment_request_id, kind, attempts)| {
            Some(Task {
                id,
                order_id,
                fulfilment_request_id,
                kind: TaskKind::parse(&kind)?,
                attempts,
            })
        }),
    )
}

/// Records what the step came to; returns the tasks it readied.
async fn settle(
    conn: &mut PgConnection,
    task: &Task,
    outcome: StepOutcome,
    worker: &str,
) -> sqlx::Result<Vec<plan::Readied>> {
    match outcome {
        StepOutcome::Done => plan::finish(conn, task.id, worker).await,
        StepOutcome::Wait(reason) => {
            sqlx::query("UPDATE order_tasks SET state = 'waiting', waiting_for = $2 WHERE id = $1")
                .bind(task.id)
                .bind(reason)
                .execute(conn)
                .await?;
            Ok(Vec::new())
        }
        StepOutcome::Ended => {
            // The order ended (cancelled, declined): nothing else of it runs.
            plan::finish(conn, task.id, worker).await?;
            plan::cancel_open(conn, task.order_id).await?;
            Ok(Vec::new())
        }
    }
}

/// The next task to run in this transaction: one just readied for the same
/// order (its row is already locked by this transaction).
fn chain(task: &Task, readied: &[plan::Readied]) -> Option<Task> {
    readied
        .iter()
        .find(|r| r.order_id == task.order_id)
        .map(|next| Task {
            id: next.id,
            order_id: next.order_id,
            fulfilment_request_id: next.fulfilment_request_id,
            kind: next.kind,
            attempts: next.attempts,
        })
}

/// Transient errors wait and retry (2, 4, 8… seconds); permanent ones, or
/// too many attempts, stop the task with its error on the order's timeline.
async fn record_failure(
    conn: &mut PgConnection,
    task: &Task,
    error: &StepError,
) -> sqlx::Result<()> {
    let attempts = task.attempts + 1;
    let retry = matches!(error, StepError::Transient(_)) && attempts < MAX_ATTEMPTS;
    let message = error.to_string();
    if retry {
        tracing::warn!(task = task.id, kind = task.kind.as_str(), attempts, %message, "order step will be retried");
        sqlx::query(
            "UPDATE order_tasks SET attempts = $2, last_error = $3,
                    run_at = now() + make_interval(secs => power(2, $2)::float8)
             WHERE id = $1",
        )
        .bind(task.id)
        .bind(attempts)
        .bind(&message)
        .execute(&mut *conn)
        .await?;
        return Ok(());
    }
    tracing::error!(task = task.id, kind = task.kind.as_str(), %message, "order step stopped");
    sqlx::query(
        "UPDATE order_tasks SET state = 'failed', attempts = $2, last_error = $3 WHERE id = $1",
    )
    .bind(task.id)
    .bind(attempts)
    .bind(&message)
    .execute(&mut *conn)
    .await?;
    let text = format!("The step \"{}\" stopped: {message}", task.kind.label());
    timeline::record(
        conn,
        task.order_id,
        Actor::System,
        Event::new("step_failed", &text),
    )
    .await
}

/// Runs tasks until `stop` turns true: several of these run in each server
/// process, and any number of processes can share one database. Between
/// tasks a worker sleeps until `wake` (see [`listen`]) or the next poll.
pub async fn work(
    pool: PgPool,
    worker: String,
    wake: std::sync::Arc<tokio::sync::Notify>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    while !*stop.borrow() {
        match run_next(&pool, &worker).await {
            Ok(Some(_)) => continue,
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, worker, "order worker could not run a step"),
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(IDLE_POLL) => {}
            // Stopped, or nobody can stop it any more (the server is going).
            changed = stop.changed() => if changed.is_err() { break },
        }
        if pool.is_closed() {
            break;
        }
    }
}

/// One `LISTEN` connection per process: each notification wakes one idle
/// worker (the others keep polling once a second, for retries falling due).
pub async fn listen(pool: PgPool, wake: std::sync::Arc<tokio::sync::Notify>) {
    loop {
        let listened = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen(plan::WAKE_CHANNEL).await?;
            loop {
                listener.recv().await?;
                wake.notify_one();
            }
        };
        let result: sqlx::Result<()> = listened.await;
        // The server is stopping: nothing is lost.
        if pool.is_closed() {
            return;
        }
        if let Err(error) = result {
            tracing::warn!(%error, "order workers lost their wake-up connection; reconnecting");
        }
        tokio::time::sleep(IDLE_POLL).await;
    }
}
