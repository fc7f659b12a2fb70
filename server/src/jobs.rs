//! Background work every server process runs: the order workers, the
//! webhook sender, and periodic sweeps. Each is safe to run in several processes at once: the
//! workers claim tasks with SKIP LOCKED, and a swept row changes state once.

use app::inventory::db::reservations;
use app::orders::process::engine;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// Order workers per process (`ORDER_WORKERS`, default 4).
fn order_workers() -> usize {
    std::env::var("ORDER_WORKERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
}

/// Starts the background work; it stops when the returned sender is
/// dropped or set to `true` (an unfinished step simply rolls back).
pub fn spawn(pool: PgPool) -> watch::Sender<bool> {
    tokio::spawn(app::auth::session::housekeeping(pool.clone()));
    tokio::spawn(expire_reservations(pool.clone()));
    tokio::spawn(delete_abandoned_carts(pool.clone()));
    tokio::spawn(vacuum_queues(pool.clone()));
    tokio::spawn(crate::webhooks::run(pool.clone()));
    let (stop, stopped) = watch::channel(false);
    let process = format!("{}-{}", hostname(), std::process::id());
    let wake = Arc::new(Notify::new());
    tokio::spawn(engine::listen(pool.clone(), wake.clone()));
    for n in 0..order_workers() {
        tokio::spawn(engine::work(
            pool.clone(),
            format!("{process}-{n}"),
            wake.clone(),
            stopped.clone(),
        ));
    }
    stop
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "server".to_owned())
}

/// Gives back the stock of reservations whose time ran out (unpaid orders).
async fn expire_reservations(pool: PgPool) {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        match reservations::expire_due(&pool).await {
            Ok(0) => {}
            Ok(released) => tracing::info!(released, "expired reservations released"),
            Err(error) => tracing::warn!(%error, "could not release expired reservations"),
        }
    }
}

/// Guests' bags nobody touched for 60 days go (hourly); customers' stay.
async fn delete_abandoned_carts(pool: PgPool) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match app::cart::db::delete_abandoned(&pool).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "abandoned guest bags deleted"),
            Err(error) => tracing::warn!(%error, "could not delete abandoned guest bags"),
        }
    }
}

/// The order tasks and the outbox are queues: each row is updated a few
/// times, then left. Their dead row versions stay in the partial indexes
/// every claim scans until a vacuum removes them, and autovacuum looks at a
/// table at most once a minute. Under load that slows every claim, so the
/// queues are vacuumed more often here (a vacuum never blocks the workers).
async fn vacuum_queues(pool: PgPool) {
    let mut tick = tokio::time::interval(Duration::from_secs(15));
    loop {
        tick.tick().await;
        let dead: Result<i64, _> = sqlx::query_scalar(
            "SELECT coalesce(sum(n_dead_tup), 0)::bigint FROM pg_stat_user_tables
             WHERE relname IN ('order_tasks', 'outbox')",
        )
        .fetch_one(&pool)
        .await;
        if dead.is_ok_and(|dead| dead > 10_000)
            && let Err(error) = sqlx::query("VACUUM (SKIP_LOCKED) order_tasks, outbox")
                .execute(&pool)
                .await
        {
            tracing::warn!(%error, "could not vacuum the order queues");
        }
    }
}
