//! The order process on a real database: capture, validation, routing and
//! splitting, approval, submission, shipping; each sub-process's failure →
//! stop → fix → resume; idempotent capture under a race; workers sharing
//! the work without ever running a step twice.

use app::fulfilment::db as fulfilment;
use app::inventory::model::Channel;
use app::orders::approval::{Approver, Condition, Decision};
use app::orders::db::capture::{self, CaptureError, Captured};
use app::orders::db::timeline::Actor;
use app::orders::process::{actions, engine};
use common::orders::*;
use sqlx::PgPool;
use uuid::Uuid;

mod common;

async fn parts(pool: &PgPool, order_id: Uuid) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT l.code, fr.status, sum(fl.quantity)::bigint FROM fulfilment_requests fr
         JOIN locations l ON l.id = fr.location_id JOIN fulfilment_lines fl ON fl.fulfilment_request_id = fr.id
         WHERE fr.order_id = $1 GROUP BY l.code, fr.status ORDER BY l.code",
    )
    .bind(order_id)
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn reserved(pool: &PgPool, order_id: Uuid) -> i64 {
    sqlx::query_scalar(
        "SELECT coalesce(sum(quantity), 0)::bigint FROM reservations WHERE order_id = $1 AND state = 'active'",
    )
    .bind(order_id)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn add_reason(
    pool: &PgPool,
    channel: &str,
    code: &str,
    rank: i32,
    condition: Condition,
    approver: Approver,
) {
    sqlx::query(
        "INSERT INTO approval_reasons (channel, code, name, rank, condition, approver) VALUES ($1, $2, $2, $3, $4, $5)",
    )
    .bind(channel)
    .bind(code)
    .bind(rank)
    .bind(serde_json::to_value(condition).unwrap())
    .bind(approver.as_str())
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_order_goes_from_capture_to_its_warehouse_queue(pool: PgPool) {
    let w = world(&pool).await;
    let (order, _) = place(
        &pool,
        &request(Channel::Marketplace, &[(&w.skus[0], 2), (&w.skus[1], 1)]),
    )
    .await;
    assert_eq!(status(&pool, order).await, "captured");
    let steps = drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    // validate, score, route, approve, respond, documents, submit.
    assert_eq!(steps, 7);
    assert_eq!(
        parts(&pool, order).await,
        [("WH-A".to_owned(), "submitted".to_owned(), 3)]
    );
    assert_eq!(reserved(&pool, order).await, 3);
    let planned: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM order_lines WHERE order_id = $1 AND planned_ship_date IS NOT NULL",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(planned, 2, "every line has a planned ship date");
    let waiting: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM order_tasks WHERE order_id = $1 AND state = 'waiting'",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(waiting, ["ship"]);
    let response: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE order_id = $1 AND event = 'order.response'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        response, 1,
        "the channel is told the planned ship dates once"
    );
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_invalid_order_writes_nothing(pool: PgPool) {
    let w = world(&pool).await;
    let mut bad = request(Channel::Marketplace, &[("NOPE", 1), (&w.skus[0], 0)]);
    bad.ship_to.postal_code = "2012".into();
    let mut tx = pool.begin().await.unwrap();
    let error = capture::capture(&mut tx, &bad, Actor::Api, None)
        .await
        .unwrap_err();
    drop(tx);
    let CaptureError::Invalid(problems) = error else {
        panic!("expected field errors")
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["ship_to.postal_code", "lines[1].quantity"]);
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&pool)
        .await
        .unwrap();
    let tasks: i64 = sqlx::query_scalar("SELECT count(*) FROM order_tasks")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!((orders, tasks), (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_big_order_is_split_over_two_warehouses_with_reasons(pool: PgPool) {
    let w = world(&pool).await;
    // 6 of S-0: WH-A has 5, WH-B has 2.
    let (order, _) = place(&pool, &request(Channel::Web, &[(&w.skus[0], 6)])).await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    assert_eq!(
        parts(&pool, order).await,
        [
            ("WH-A".to_owned(), "submitted".to_owned(), 5),
            ("WH-B".to_owned(), "submitted".to_owned(), 1)
        ]
    );
    let reasons: serde_json::Value =
        sqlx::query_scalar("SELECT decision->'reasons' FROM routing_decisions WHERE order_id = $1")
            .bind(order)
            .fetch_one(&pool)
            .await
            .unwrap();
    let text = reasons.to_string();
    assert!(
        text.contains("DS-X"),
        "the rejected location is explained: {text}"
    );
    assert_eq!(reserved(&pool, order).await, 6);
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_unroutable_order_waits_for_staff_then_ships_from_their_choice(pool: PgPool) {
    let w = world(&pool).await;
    sqlx::query("UPDATE sales_channels SET auto_cancel_unroutable = false, split_allowed = false WHERE code = 'web'")
        .execute(&pool)
        .await
        .unwrap();
    let (order, number) = place(&pool, &request(Channel::Web, &[(&w.skus[0], 6)])).await;
    drain(&pool).await;
    let waiting = status(&pool, order).await;
    assert!(
        waiting == "check_announced" || waiting == "not_announced",
        "{waiting}"
    );
    assert_eq!(
        reserved(&pool, order).await,
        0,
        "nothing is held while staff decide"
    );
    actions::choose_location(&pool, &number, "WH-A", w.staff)
        .await
        .unwrap();
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    assert_eq!(
        parts(&pool, order).await,
        [("WH-A".to_owned(), "submitted".to_owned(), 6)]
    );
    assert_eq!(reserved(&pool, order).await, 5, "the rest is a backorder");
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn nothing_can_deliver_a_marketplace_order_so_it_is_cancelled(pool: PgPool) {
    let w = world(&pool).await;
    let (order, _) = place(&pool, &request(Channel::Marketplace, &[(&w.skus[0], 8)])).await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "cancelled");
    let open: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM order_tasks WHERE order_id = $1 AND state NOT IN ('done', 'cancelled')",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(open, 0, "nothing of a cancelled order is left to run");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn approvals_run_by_rank_and_a_decline_releases_the_stock(pool: PgPool) {
    let w = world(&pool).await;
    add_reason(
        &pool,
        "marketplace",
        "value",
        1,
        Condition::TotalAbove { minor: 10_000 },
        Approver::Staff,
    )
    .await;
    add_reason(
        &pool,
        "marketplace",
        "credit",
        2,
        Condition::Always,
        Approver::External,
    )
    .await;
    let (approved, approved_number) =
        place(&pool, &request(Channel::Marketplace, &[(&w.skus[0], 2)])).await;
    let (declined, _) = place(&pool, &request(Channel::Marketplace, &[(&w.skus[1], 2)])).await;
    drain(&pool).await;
    assert_eq!(status(&pool, approved).await, "awaiting_approval");
    assert_eq!(
        reserved(&pool, approved).await,
        2,
        "stock stays reserved during approval"
    );
    // Rank 2 cannot answer before rank 1.
    let early = actions::decide_approval(
        &pool,
        approved,
        "credit",
        Decision::Approved,
        Actor::Api,
        "",
    )
    .await;
    assert!(early.is_err());
    actions::decide_approval(
        &pool,
        approved,
        "value",
        Decision::Approved,
        Actor::Staff(w.staff),
        "ok",
    )
    .await
    .unwrap();
    drain(&pool).await;
    assert_eq!(
        status(&pool, approved).await,
        "awaiting_approval",
        "rank 2 is asked now"
    );
    let asked: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE order_id = $1 AND event = 'order.approval_requested'",
    )
    .bind(approved)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(asked, 1);
    actions::decide_approval(
        &pool,
        approved,
        "credit",
        Decision::Approved,
        Actor::Api,
        "",
    )
    .await
    .unwrap();
    drain(&pool).await;
    assert_eq!(
        status(&pool, approved).await,
        "submitted",
        "{approved_number}"
    );

    actions::decide_approval(
        &pool,
        declined,
        "value",
        Decision::Declined,
        Actor::Staff(w.staff),
        "no",
    )
    .await
    .unwrap();
    drain(&pool).await;
    assert_eq!(status(&pool, declined).await, "cancelled");
    assert_eq!(
        reserved(&pool, declined).await,
        0,
        "a decline gives the stock back"
    );
    let again = actions::decide_approval(
        &pool,
        declined,
        "value",
        Decision::Approved,
        Actor::Staff(w.staff),
        "",
    )
    .await;
    assert!(again.is_err(), "a decision cannot be changed");
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_approval_that_asks_for_it_routes_the_order_again_once(pool: PgPool) {
    let w = world(&pool).await;
    add_reason(
        &pool,
        "marketplace",
        "credit",
        1,
        Condition::Always,
        Approver::Staff,
    )
    .await;
    sqlx::query("UPDATE approval_reasons SET reroute_after = true WHERE code = 'credit'")
        .execute(&pool)
        .await
        .unwrap();
    let (order, _) = place(&pool, &request(Channel::Marketplace, &[(&w.skus[0], 2)])).await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "awaiting_approval");
    assert_eq!(reserved(&pool, order).await, 2);
    actions::decide_approval(
        &pool,
        order,
        "credit",
        Decision::Approved,
        Actor::Staff(w.staff),
        "ok",
    )
    .await
    .unwrap();
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    // The first routing's request was given back, a second one made; the
    // approval was not asked again.
    let requests: Vec<(String, String)> = sqlx::query_as(
        "SELECT number, status FROM fulfilment_requests WHERE order_id = $1 ORDER BY number",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .unwrap();
    let statuses: Vec<&str> = requests.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(statuses, ["cancelled", "submitted"]);
    assert_eq!(reserved(&pool, order).await, 2, "held once, not twice");
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM order_events WHERE order_id = $1 AND kind IN ('routed', 'routing_again', 'approval_requested', 'response')
         ORDER BY id",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        kinds,
        [
            "routed",
            "approval_requested",
            "routing_again",
            "routed",
            "response"
        ]
    );
    let rounds: i64 =
        sqlx::query_scalar("SELECT count(DISTINCT round) FROM order_approvals WHERE order_id = $1")
            .bind(order)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(rounds, 1);
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_stopped_order_is_fixed_and_resumed_and_goes_on_by_itself(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = place(&pool, &request(Channel::Marketplace, &[(&w.skus[0], 1)])).await;
    // The product is withdrawn before validation runs.
    sqlx::query("UPDATE products SET lifecycle = 'discontinued'")
        .execute(&pool)
        .await
        .unwrap();
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "invalid");
    let errors: serde_json::Value =
        sqlx::query_scalar("SELECT validation_errors FROM orders WHERE id = $1")
            .bind(order)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(
        errors.to_string().contains("no longer for sale"),
        "{errors}"
    );
    // Nothing runs while it is stopped.
    assert_eq!(drain(&pool).await, 0);
    sqlx::query("UPDATE products SET lifecycle = 'active'")
        .execute(&pool)
        .await
        .unwrap();
    actions::resume(&pool, &number, w.staff).await.unwrap();
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    let kinds: Vec<String> =
        sqlx::query_scalar("SELECT kind FROM order_events WHERE order_id = $1 ORDER BY id")
            .bind(order)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        kinds,
        [
            "captured",
            "validation_failed",
            "resumed",
            "validated",
            "scored",
            "routed",
            "approved",
            "response",
            "submitted"
        ]
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_risky_order_waits_for_a_person_who_clears_it(pool: PgPool) {
    let w = world(&pool).await;
    // A guest's first order of €1,500.
    let (order, number) = place(
        &pool,
        &request(
            Channel::Web,
            &[(&w.skus[0], 5), (&w.skus[1], 5), (&w.skus[2], 5)],
        ),
    )
    .await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "invalid");
    actions::resume(&pool, &number, w.staff).await.unwrap();
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn shipping_moves_the_order_on_and_tells_the_channel(pool: PgPool) {
    let w = world(&pool).await;
    let (order, _) = place(&pool, &request(Channel::Web, &[(&w.skus[0], 6)])).await;
    drain(&pool).await;
    let requests: Vec<String> = sqlx::query_scalar(
        "SELECT number FROM fulfilment_requests WHERE order_id = $1 ORDER BY number",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(requests.len(), 2);
    ship(&pool, &requests[0]).await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "partially_shipped");
    ship(&pool, &requests[1]).await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "shipped");
    let notices: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE order_id = $1 AND event = 'fulfilment.shipped'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(notices, 2, "one shipping notice per part");
    let open: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM order_tasks WHERE order_id = $1 AND state <> 'done'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(open, 0, "every task of the plan is done");
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn fifty_concurrent_captures_with_one_key_make_one_order(pool: PgPool) {
    let w = world(&pool).await;
    let mut keyed = request(Channel::Web, &[(&w.skus[0], 1)]);
    keyed.capture_key = Some("checkout-7f3a".into());
    let attempts = (0..50).map(|_| {
        let pool = pool.clone();
        let keyed = keyed.clone();
        tokio::spawn(async move {
            let mut tx = pool.begin().await.unwrap();
            let captured = capture::capture(&mut tx, &keyed, Actor::Api, None)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            captured
        })
    });
    let results: Vec<Captured> = futures::future::join_all(attempts)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let created = results
        .iter()
        .filter(|c| matches!(c, Captured::Created(_)))
        .count();
    assert_eq!(created, 1);
    let ids: std::collections::HashSet<Uuid> = results.iter().map(|c| c.order().id).collect();
    assert_eq!(ids.len(), 1, "every attempt got the same order");
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(orders, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn two_workers_share_five_hundred_orders_and_run_every_step_once(pool: PgPool) {
    let w = world(&pool).await;
    // Plenty of stock so that every order routes.
    plenty_of_stock(&pool).await;
    for i in 0..500 {
        let sku = &w.skus[i % 3];
        place(
            &pool,
            &request(Channel::Marketplace, &[(sku, 1 + (i % 2) as i32)]),
        )
        .await;
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    let listener = tokio::spawn(engine::listen(pool.clone(), wake.clone()));
    let workers: Vec<_> = (0..2)
        .map(|n| {
            tokio::spawn(engine::work(
                pool.clone(),
                format!("worker-{n}"),
                wake.clone(),
                stopped.clone(),
            ))
        })
        .collect();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let left: i64 =
            sqlx::query_scalar("SELECT count(*) FROM orders WHERE status <> 'submitted'")
                .fetch_one(&pool)
                .await
                .unwrap();
        if left == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{left} orders did not reach submitted"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    stop.send(true).unwrap();
    for worker in workers {
        worker.await.unwrap();
    }
    listener.abort();
    // Side effects counted per order: each exactly once.
    let per_order: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT (SELECT count(*) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'routed'),
                (SELECT count(*) FROM reservations r WHERE r.order_id = o.id),
                (SELECT count(*) FROM outbox x WHERE x.order_id = o.id AND x.event = 'order.response'),
                (SELECT count(*) FROM fulfilment_requests f WHERE f.order_id = o.id)
         FROM orders o",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(per_order.len(), 500);
    assert!(
        per_order.iter().all(|c| *c == (1, 1, 1, 1)),
        "a step ran twice: {:?}",
        per_order.iter().find(|c| **c != (1, 1, 1, 1))
    );
    let by_worker: Vec<(String, i64)> =
        sqlx::query_as("SELECT done_by, count(*) FROM order_tasks WHERE done_by LIKE 'worker-%' GROUP BY done_by ORDER BY done_by")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(by_worker.len(), 2, "both workers took part: {by_worker:?}");
    assert_eq!(drift(&pool).await, (0, 0));
}

/// The server binary on this test's database, with `workers` order workers.
fn start_server(database_url: &str, port: u16) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "atelier")
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("ATELIER_DEMO_DATA", "false")
        .env("ORDER_WORKERS", "2")
        .env("RUST_LOG", "error")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the server binary starts")
}

async fn submitted(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM orders WHERE status = 'submitted'")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_server_killed_mid_processing_loses_nothing_and_repeats_nothing(pool: PgPool) {
    const ORDERS: i64 = 400;
    let w = world(&pool).await;
    plenty_of_stock(&pool).await;
    for i in 0..ORDERS as usize {
        place(
            &pool,
            &request(Channel::Marketplace, &[(&w.skus[i % 3], 1)]),
        )
        .await;
    }
    let database: String = sqlx::query_scalar("SELECT current_database()")
        .fetch_one(&pool)
        .await
        .unwrap();
    let url = server::database::sibling_url(&std::env::var("DATABASE_URL").unwrap(), &database);
    let port = {
        let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        socket.local_addr().unwrap().port()
    };

    let mut server = start_server(&url, port);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while submitted(&pool).await < 20 {
        assert!(
            std::time::Instant::now() < deadline,
            "the server did not process orders"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    server.kill().unwrap(); // SIGKILL: no clean shutdown, transactions cut off.
    server.wait().unwrap();
    let at_kill = submitted(&pool).await;
    assert!(
        at_kill < ORDERS,
        "the kill came after everything was done ({at_kill})"
    );

    let mut server = start_server(&url, port);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while submitted(&pool).await < ORDERS {
        assert!(
            std::time::Instant::now() < deadline,
            "orders were lost after the restart"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();

    let per_order: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT (SELECT count(*) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'validated'),
                (SELECT count(*) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'routed'),
                (SELECT count(*) FROM reservations r WHERE r.order_id = o.id),
                (SELECT count(*) FROM outbox x WHERE x.order_id = o.id AND x.event = 'order.response'),
                (SELECT count(*) FROM fulfilment_requests f WHERE f.order_id = o.id)
         FROM orders o",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(
        per_order.iter().all(|c| *c == (1, 1, 1, 1, 1)),
        "a step ran twice or not at all"
    );
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cancelling_lines_releases_their_stock_until_the_warehouse_starts(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = place(
        &pool,
        &request(Channel::Marketplace, &[(&w.skus[0], 2), (&w.skus[1], 1)]),
    )
    .await;
    drain(&pool).await;
    assert_eq!(reserved(&pool, order).await, 3);
    let staff = Actor::Staff(w.staff);
    let no_reason = actions::cancel_lines(&pool, &number, &[1], " ", staff).await;
    assert!(no_reason.is_err());
    let unknown = actions::cancel_lines(&pool, &number, &[9], "typo", staff).await;
    assert!(unknown.is_err());
    actions::cancel_lines(&pool, &number, &[1], "customer asked", staff)
        .await
        .unwrap();
    assert_eq!(
        reserved(&pool, order).await,
        1,
        "line 1's two units are back"
    );
    assert_eq!(status(&pool, order).await, "submitted");
    assert_eq!(
        parts(&pool, order).await,
        [("WH-A".to_owned(), "submitted".to_owned(), 1)]
    );
    let again = actions::cancel_lines(&pool, &number, &[1], "twice", staff).await;
    assert!(again.is_err(), "a cancelled line cannot be cancelled again");

    // Once the warehouse has started, lines stay.
    let request: String =
        sqlx::query_scalar("SELECT number FROM fulfilment_requests WHERE order_id = $1")
            .bind(order)
            .fetch_one(&pool)
            .await
            .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    fulfilment::start_picking(&mut conn, &request, None)
        .await
        .unwrap();
    let late = actions::cancel_lines(&pool, &number, &[2], "too late", staff).await;
    assert!(late.is_err());
    assert_eq!(reserved(&pool, order).await, 1);
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cancelling_every_line_cancels_the_order(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = place(&pool, &request(Channel::Web, &[(&w.skus[0], 6)])).await;
    drain(&pool).await;
    assert_eq!(parts(&pool, order).await.len(), 2);
    actions::cancel_lines(&pool, &number, &[1], "changed mind", Actor::Staff(w.staff))
        .await
        .unwrap();
    assert_eq!(status(&pool, order).await, "cancelled");
    assert_eq!(reserved(&pool, order).await, 0);
    let open: i64 = sqlx::query_scalar("SELECT count(*) FROM order_tasks WHERE order_id = $1 AND state NOT IN ('done', 'cancelled')")
        .bind(order)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(open, 0);
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn staff_route_an_order_again_until_its_goods_are_picked(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = place(&pool, &request(Channel::Web, &[(&w.skus[0], 2)])).await;
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    let unexplained = actions::route_again(&pool, &number, " ", w.staff).await;
    assert!(unexplained.is_err());
    actions::route_again(&pool, &number, "the store has it closer", w.staff)
        .await
        .unwrap();
    assert_eq!(status(&pool, order).await, "validated");
    assert_eq!(reserved(&pool, order).await, 0, "what routing took is back");
    drain(&pool).await;
    assert_eq!(status(&pool, order).await, "submitted");
    assert_eq!(reserved(&pool, order).await, 2, "held once, not twice");
    let requests: Vec<(String, String)> = sqlx::query_as(
        "SELECT number, status FROM fulfilment_requests WHERE order_id = $1 ORDER BY number",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .unwrap();
    let statuses: Vec<&str> = requests.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(statuses, ["cancelled", "submitted"]);
    // Once picking starts, the goods stay where they are.
    let mut conn = pool.acquire().await.unwrap();
    fulfilment::start_picking(&mut conn, &requests[1].0, None)
        .await
        .unwrap();
    let refused = actions::route_again(&pool, &number, "again", w.staff).await;
    assert!(
        matches!(refused, Err(app::error::AppError::Conflict(_))),
        "{refused:?}"
    );
    assert_eq!(drift(&pool).await, (0, 0));
}
