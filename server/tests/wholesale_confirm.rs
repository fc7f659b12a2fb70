//! Confirming a wholesale campaign: submitted pre-orders become b2b orders
//! once (even when two people confirm at the same moment), one per store
//! and delivery window, that do not ship before their window, and orders
//! over a company's credit limit wait for approval.

mod common;

use app::error::AppError;
use app::orders::process::engine;
use app::wholesale::db::confirm::confirm_campaign;
use server::demo;
use sqlx::PgPool;
use time::Date;
use uuid::Uuid;

async fn closed_fw27(pool: &PgPool) -> (Uuid, Uuid) {
    demo::load(pool).await.unwrap();
    let campaign: Uuid = sqlx::query_scalar(
        "UPDATE campaigns SET state = 'closed' WHERE code = 'FW27' RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let staff: Uuid =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'admin@atelier.example'")
            .fetch_one(pool)
            .await
            .unwrap();
    (campaign, staff)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn two_confirmations_at_once_make_the_orders_once(pool: PgPool) {
    let (campaign, staff) = closed_fw27(&pool).await;
    let submitted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pre_orders WHERE campaign_id = $1 AND state = 'submitted'",
    )
    .bind(campaign)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(submitted >= 1, "the demo has a submitted pre-order");

    let (a, b) = tokio::join!(
        confirm_campaign(&pool, campaign, staff),
        confirm_campaign(&pool, campaign, staff)
    );
    let (won, lost) = match (a, b) {
        (Ok(won), Err(lost)) | (Err(lost), Ok(won)) => (won, lost),
        other => panic!("exactly one confirmation must win: {other:?}"),
    };
    assert!(matches!(lost, AppError::Conflict(_)), "{lost:?}");
    assert_eq!(won.confirmed as i64, submitted);

    let orders: Vec<(String, String, Option<Date>)> = sqlx::query_as(
        "SELECT o.number, o.channel, o.ship_not_before FROM pre_order_orders po
         JOIN orders o ON o.id = po.order_id JOIN pre_orders p ON p.id = po.pre_order_id
         WHERE p.campaign_id = $1 ORDER BY o.number",
    )
    .bind(campaign)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        orders.iter().map(|o| o.0.clone()).collect::<Vec<_>>(),
        won.orders
    );
    assert!(
        orders
            .iter()
            .all(|(_, channel, not_before)| channel == "b2b" && not_before.is_some())
    );
    let state: String = sqlx::query_scalar("SELECT state FROM campaigns WHERE id = $1")
        .bind(campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(state, "confirmed");
    let left: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pre_orders WHERE campaign_id = $1 AND state = 'submitted'",
    )
    .bind(campaign)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(left, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_open_campaign_cannot_be_confirmed(pool: PgPool) {
    demo::load(&pool).await.unwrap();
    let campaign: Uuid = sqlx::query_scalar("SELECT id FROM campaigns WHERE code = 'FW27'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let outcome = confirm_campaign(&pool, campaign, Uuid::nil()).await;
    assert!(matches!(outcome, Err(AppError::Conflict(_))), "{outcome:?}");
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM pre_order_orders")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(orders, 0);
}

/// Puts the order's goods in stock at the Milan warehouse: the demo's
/// pre-ordered styles are not made yet, and this test is about what comes
/// after routing.
async fn stock_up(pool: &PgPool, order_number: &str) {
    sqlx::query(
        "INSERT INTO stock_balances (variant_id, location_id, on_hand)
         SELECT l.variant_id, (SELECT id FROM locations WHERE code = 'WH-MIL'), l.quantity
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = $1
         ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = stock_balances.on_hand + EXCLUDED.on_hand",
    )
    .bind(order_number)
    .execute(pool)
    .await
    .unwrap();
}

/// Runs the order process of an order until it waits or ends.
async fn process(pool: &PgPool, order_number: &str) -> (String, Vec<Option<Date>>) {
    stock_up(pool, order_number).await;
    let order_id: Uuid = sqlx::query_scalar("SELECT id FROM orders WHERE number = $1")
        .bind(order_number)
        .fetch_one(pool)
        .await
        .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    engine::run_order(&mut conn, order_id, "test")
        .await
        .unwrap();
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_one(pool)
        .await
        .unwrap();
    let dates: Vec<Option<Date>> = sqlx::query_scalar(
        "SELECT planned_ship_date FROM order_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(pool)
    .await
    .unwrap();
    (status, dates)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn confirmed_orders_do_not_ship_before_their_window(pool: PgPool) {
    let (campaign, staff) = closed_fw27(&pool).await;
    let outcome = confirm_campaign(&pool, campaign, staff).await.unwrap();
    let number = outcome.orders.first().expect("an order").clone();
    let window_start: Date =
        sqlx::query_scalar("SELECT ship_not_before FROM orders WHERE number = $1")
            .bind(&number)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(window_start > time::OffsetDateTime::now_utc().date());
    let (status, dates) = process(&pool, &number).await;
    assert!(
        !dates.is_empty() && dates.iter().all(Option::is_some),
        "{status}: every line planned"
    );
    for date in dates.into_iter().flatten() {
        assert!(
            date >= window_start,
            "planned {date}, window from {window_start}"
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_order_over_the_credit_limit_waits_for_approval(pool: PgPool) {
    let (campaign, staff) = closed_fw27(&pool).await;
    sqlx::query(
        "UPDATE companies SET credit_limit_minor = 100
         WHERE id IN (SELECT company_id FROM pre_orders WHERE campaign_id = $1 AND state = 'submitted')",
    )
    .bind(campaign)
    .execute(&pool)
    .await
    .unwrap();
    let outcome = confirm_campaign(&pool, campaign, staff).await.unwrap();
    let number = outcome.orders.first().expect("an order").clone();
    let (status, _) = process(&pool, &number).await;
    assert_eq!(status, "awaiting_approval");
    let reasons: Vec<String> = sqlx::query_scalar(
        "SELECT a.reason_code FROM order_approvals a JOIN orders o ON o.id = a.order_id WHERE o.number = $1",
    )
    .bind(&number)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(reasons.contains(&"credit_limit".to_owned()), "{reasons:?}");
}
