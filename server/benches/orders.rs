//! Order-process throughput: clients place orders through `POST
//! /api/v1/orders` on the real router (served over TCP in this process,
//! with the server's own order workers) for a fixed time; the workers drive
//! each order to `submitted`. Reports orders per second captured and
//! submitted, capture latency, and database transactions per order.
//!
//!   cargo bench -p server --bench orders -- [clients] [seconds] [workers]
//!
//! Uses a fresh database `atelier_bench_orders` on DATABASE_URL's server.

use app::integrations::db::{self as keys, KeyBinding};
use app::integrations::model::Scope;
use app::inventory::db::stock;
use app::inventory::model::Channel;
use leptos::config::LeptosOptions;
use server::http::{AppState, router};
use server::testing as fixtures;
use sqlx::PgPool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

const SKUS: i32 = 500;
const KEY: &str = "atl_bench_orders_000000000000000000000000000000000000";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = server::testing::bench_args();
    let clients: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(32);
    let seconds: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(60);
    let workers: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(4);
    let pool = server::testing::fresh_database("atelier_bench_orders", 40).await?;
    set_up(&pool).await?;

    // The server: the real router, and the order workers.
    // SAFETY: set before any other thread reads the environment.
    unsafe { std::env::set_var("ORDER_WORKERS", workers.to_string()) };
    let _jobs = server::jobs::spawn(pool.clone());
    let options = LeptosOptions::builder()
        .output_name("atelier")
        .site_root("target/site")
        .build();
    let app = router(
        AppState {
            leptos_options: options,
            pool: pool.clone(),
        },
        false,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let endpoint = format!("http://{}/api/v1/orders", listener.local_addr()?);
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });

    let commits_before = commits(&pool).await?;
    let latencies = Arc::new(Mutex::new(Vec::<Duration>::new()));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()?;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (client, endpoint, latencies) = (client.clone(), endpoint.clone(), latencies.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = c;
            let mut mine = Vec::new();
            while Instant::now() < deadline {
                n += clients;
                let body = serde_json::json!({
                    "external_reference": format!("B-{n}"),
                    "email": format!("buyer{}@example.com", n % 5000),
                    "ship_to": {"name": "Anna Bianchi", "line1": "Via Po 3", "postal_code": "10123", "city": "Torino", "country": "IT"},
                    "lines": [{"sku": format!("B-{}", n % SKUS as usize), "quantity": 1}],
                });
                let sent = Instant::now();
                let response = client
                    .post(&endpoint)
                    .bearer_auth(KEY)
                    .header("idempotency-key", Uuid::new_v4().to_string())
                    .json(&body)
                    .send()
                    .await
                    .expect("the server answers");
                assert_eq!(response.status(), 201, "{}", response.text().await.unwrap_or_default());
                mine.push(sent.elapsed());
            }
            latencies.lock().unwrap().extend(mine);
        }));
    }
    // Sample how many orders have reached `submitted` while the load runs.
    let mut submitted_at_end = 0;
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(250)).await;
        submitted_at_end = submitted(&pool).await?;
    }
    for task in tasks {
        task.await?;
    }
    let load_secs = started.elapsed().as_secs_f64();
    let captured: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&pool)
        .await?;
    // Then let the workers finish what was captured.
    while submitted(&pool).await? < captured {
        if started.elapsed() > Duration::from_secs(seconds * 4 + 60) {
            return Err("the workers did not finish".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let all_secs = started.elapsed().as_secs_f64();
    let transactions = commits(&pool).await? - commits_before;

    let mut latencies = latencies.lock().unwrap().clone();
    latencies.sort();
    let percentile =
        |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!("order process ({clients} clients, {workers} workers, {seconds} s of load)");
    println!(
        "  captured:   {captured} orders, {:.0} per second",
        captured as f64 / load_secs
    );
    println!(
        "  submitted:  {submitted_at_end} during the load = {:.0} per second; all {captured} after {all_secs:.1} s = {:.0} per second",
        submitted_at_end as f64 / load_secs,
        captured as f64 / all_secs
    );
    println!(
        "  capture latency: p50 {:.1} ms, p99 {:.1} ms",
        percentile(0.50).as_secs_f64() * 1000.0,
        percentile(0.99).as_secs_f64() * 1000.0
    );
    println!(
        "  database transactions per order: {:.1}",
        transactions as f64 / captured as f64
    );
    let drift = stock::ledger_drift(&pool).await? + stock::reservation_drift(&pool).await?;
    println!("  balances off their ledger: {drift}");
    Ok(())
}

async fn submitted(pool: &PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM orders WHERE status = 'submitted'")
        .fetch_one(pool)
        .await
}

async fn commits(pool: &PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
    )
    .fetch_one(pool)
    .await
}

/// 500 SKUs with plenty of stock at two warehouses serving the marketplace,
/// and a marketplace key; no approval reasons.
async fn set_up(pool: &PgPool) -> Result<(), sqlx::Error> {
    let skus: Vec<String> = (0..SKUS).map(|n| format!("B-{n}")).collect();
    let variants = fixtures::product(pool, "B", "Bench tee", 1000, &skus).await?;
    for (code, priority) in [("WH-1", 1), ("WH-2", 2)] {
        let location = fixtures::location(pool, code, "warehouse", priority, &["IT"]).await?;
        fixtures::stock_up(pool, location, &variants, 1_000_000).await?;
    }
    let binding = KeyBinding {
        location_id: None,
        channel: Some(Channel::Marketplace),
    };
    keys::insert(
        pool,
        "bench",
        KEY,
        &[Scope::OrdersWrite, Scope::OrdersRead],
        binding,
        None,
    )
    .await?;
    sqlx::query("ANALYZE").execute(pool).await?;
    Ok(())
}
