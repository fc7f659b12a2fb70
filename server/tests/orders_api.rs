//! `/api/v1/orders` over real HTTP: keys, scopes and channels, validation
//! that writes nothing, idempotent capture (replay, reuse, racing
//! duplicates), reading an order back, external approvals.

mod common;

use app::integrations::db::{self as keys, KeyBinding};
use app::integrations::model::Scope;
use app::inventory::model::Channel;
use app::orders::approval::{Approver, Condition};
use app::orders::process::engine;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Response, app, post_api as post, send};
use serde_json::json;
use server::testing as fixtures;
use sqlx::PgPool;
use uuid::Uuid;

const MARKET: &str = "atl_market00000000000000000000000000000000000000000000";
const WEB: &str = "atl_webshop0000000000000000000000000000000000000000000";
const STOCK_ONLY: &str = "atl_stockonly00000000000000000000000000000000000000000";
const NO_CHANNEL: &str = "atl_nochannel00000000000000000000000000000000000000000";

/// SKU `ORD-1` (€10) with 10 units at WH-O; keys for the marketplace and
/// the web channel, one without the orders scope, one without a channel.
async fn fixture(pool: &PgPool) {
    let variants = fixtures::product(pool, "ORD", "Linen shirt", 1000, &["ORD-1".to_owned()])
        .await
        .unwrap();
    let location = fixtures::location(pool, "WH-O", "warehouse", 1, &["IT"])
        .await
        .unwrap();
    fixtures::stock_up(pool, location, &variants, 10)
        .await
        .unwrap();
    let orders = [Scope::OrdersRead, Scope::OrdersWrite];
    let bound = |channel| KeyBinding {
        location_id: None,
        channel: Some(channel),
    };
    keys::insert(
        pool,
        "market",
        MARKET,
        &orders,
        bound(Channel::Marketplace),
        None,
    )
    .await
    .unwrap();
    keys::insert(pool, "web", WEB, &orders, bound(Channel::Web), None)
        .await
        .unwrap();
    keys::insert(
        pool,
        "stock",
        STOCK_ONLY,
        &[Scope::StockRead],
        bound(Channel::Marketplace),
        None,
    )
    .await
    .unwrap();
    keys::insert(
        pool,
        "none",
        NO_CHANNEL,
        &orders,
        KeyBinding::default(),
        None,
    )
    .await
    .unwrap();
}

fn order_body(sku: &str, quantity: i64) -> String {
    json!({
        "external_reference": "MKT-1",
        "email": "anna@example.com",
        "ship_to": { "name": "Anna Bianchi", "line1": "Via Po 3", "postal_code": "10123", "city": "Torino", "country": "IT" },
        "lines": [{ "sku": sku, "quantity": quantity, "unit_price_minor": 1000 }]
    })
    .to_string()
}

async fn get(app: &axum::Router, path: &str, key: &str) -> Response {
    let request = Request::get(path).header(header::AUTHORIZATION, format!("Bearer {key}"));
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn placing_orders_needs_a_key_with_the_scope_and_a_channel(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let body = order_body("ORD-1", 1);
    let missing = post(&app, "/api/v1/orders", None, Some("k1"), &body).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    let no_scope = post(&app, "/api/v1/orders", Some(STOCK_ONLY), Some("k1"), &body).await;
    assert_eq!(no_scope.status, StatusCode::FORBIDDEN);
    assert!(
        no_scope.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("orders:write")
    );
    let no_channel = post(&app, "/api/v1/orders", Some(NO_CHANNEL), Some("k1"), &body).await;
    assert_eq!(no_channel.status, StatusCode::FORBIDDEN);
    let no_key = post(&app, "/api/v1/orders", Some(MARKET), None, &body).await;
    assert_eq!(no_key.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_key.json()["error"]["code"], "idempotency_key_required");
    assert_eq!(count(&pool, "orders").await, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_invalid_order_is_a_422_listing_every_field_and_writes_nothing(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let body = json!({
        "email": "not-an-email",
        "ship_to": { "name": "", "line1": "Via Po 3", "postal_code": "1012", "city": "Torino", "country": "IT" },
        "lines": [{ "sku": "NOPE", "quantity": 1 }, { "sku": "ORD-1", "quantity": -2 }]
    })
    .to_string();
    let response = post(&app, "/api/v1/orders", Some(MARKET), Some("bad-1"), &body).await;
    assert_eq!(
        response.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        response.body
    );
    let fields = response.field_codes();
    assert_eq!(
        fields,
        [
            ("email".to_owned(), "invalid".to_owned()),
            ("ship_to.name".to_owned(), "required".to_owned()),
            ("ship_to.postal_code".to_owned(), "invalid".to_owned()),
            ("lines[1].quantity".to_owned(), "too_small".to_owned()),
        ]
    );
    let unknown = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("bad-2"),
        &order_body("NOPE", 1),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.json()["error"]["fields"][0]["code"], "unknown");
    let schema = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("bad-3"),
        r#"{"email": 3}"#,
    )
    .await;
    assert_eq!(schema.status, StatusCode::UNPROCESSABLE_ENTITY);
    let broken = post(&app, "/api/v1/orders", Some(MARKET), Some("bad-4"), "{").await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        (
            count(&pool, "orders").await,
            count(&pool, "idempotency_keys").await
        ),
        (0, 0)
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_replay_returns_the_first_answer_and_a_reused_key_is_refused(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let first = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("order-1"),
        &order_body("ORD-1", 2),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let replay = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("order-1"),
        &order_body("ORD-1", 2),
    )
    .await;
    assert_eq!(replay.status, StatusCode::CREATED);
    assert_eq!(replay.headers.get("idempotent-replayed").unwrap(), "true");
    assert_eq!(replay.json(), first.json());
    let reused = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("order-1"),
        &order_body("ORD-1", 3),
    )
    .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.json()["error"]["code"], "idempotency_key_reused");
    assert_eq!(count(&pool, "orders").await, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn racing_duplicates_make_one_order(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let attempts = (0..20).map(|_| {
        let app = app.clone();
        tokio::spawn(async move {
            post(
                &app,
                "/api/v1/orders",
                Some(MARKET),
                Some("race-1"),
                &order_body("ORD-1", 1),
            )
            .await
        })
    });
    let responses: Vec<Response> = futures::future::join_all(attempts)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let numbers: std::collections::HashSet<String> = responses
        .iter()
        .filter(|r| r.status == StatusCode::CREATED)
        .map(|r| r.json()["number"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(numbers.len(), 1, "every success names the same order");
    assert!(
        responses
            .iter()
            .all(|r| r.status == StatusCode::CREATED || r.status == StatusCode::CONFLICT)
    );
    assert_eq!(count(&pool, "orders").await, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_order_is_read_back_only_through_its_own_channel(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let created = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("read-1"),
        &order_body("ORD-1", 2),
    )
    .await;
    let id = created.json()["id"].as_str().unwrap().to_owned();
    while engine::run_next(&pool, "test").await.unwrap().is_some() {}
    let order = get(&app, &format!("/api/v1/orders/{id}"), MARKET).await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);
    let body = order.json();
    assert_eq!(body["status"], "submitted");
    assert_eq!(body["lines"][0]["sku"], "ORD-1");
    assert!(body["lines"][0]["planned_ship_date"].is_string());
    assert_eq!(body["fulfilment_requests"][0]["location"], "WH-O");
    assert_eq!(
        get(&app, &format!("/api/v1/orders/{id}"), WEB).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, &format!("/api/v1/orders/{}", Uuid::new_v4()), MARKET)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/api/v1/orders/not-a-uuid", MARKET).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_external_system_answers_its_approval_once(pool: PgPool) {
    fixture(&pool).await;
    for (code, rank, approver) in [
        ("credit", 1, Approver::External),
        ("manager", 2, Approver::Staff),
    ] {
        sqlx::query("INSERT INTO approval_reasons (channel, code, name, rank, condition, approver) VALUES ('marketplace', $1, $1, $2, $3, $4)")
            .bind(code)
            .bind(rank)
            .bind(serde_json::to_value(Condition::Always).unwrap())
            .bind(approver.as_str())
            .execute(&pool)
            .await
            .unwrap();
    }
    let app = app(&pool);
    let created = post(
        &app,
        "/api/v1/orders",
        Some(MARKET),
        Some("appr-1"),
        &order_body("ORD-1", 1),
    )
    .await;
    let id = created.json()["id"].as_str().unwrap().to_owned();
    while engine::run_next(&pool, "test").await.unwrap().is_some() {}
    let path = |reason: &str| format!("/api/v1/orders/{id}/approvals/{reason}");
    let staff_only = post(
        &app,
        &path("manager"),
        Some(MARKET),
        None,
        r#"{"decision": "approved"}"#,
    )
    .await;
    assert_eq!(staff_only.status, StatusCode::FORBIDDEN);
    let bad = post(
        &app,
        &path("credit"),
        Some(MARKET),
        None,
        r#"{"decision": "maybe"}"#,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let other_channel = post(
        &app,
        &path("credit"),
        Some(WEB),
        None,
        r#"{"decision": "approved"}"#,
    )
    .await;
    assert_eq!(other_channel.status, StatusCode::NOT_FOUND);
    let answered = post(
        &app,
        &path("credit"),
        Some(MARKET),
        None,
        r#"{"decision": "approved", "comment": "insured"}"#,
    )
    .await;
    assert_eq!(answered.status, StatusCode::NO_CONTENT, "{}", answered.body);
    let again = post(
        &app,
        &path("credit"),
        Some(MARKET),
        None,
        r#"{"decision": "declined"}"#,
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        post(
            &app,
            &path("nope"),
            Some(MARKET),
            None,
            r#"{"decision": "approved"}"#
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_openapi_document_describes_the_order_endpoints(pool: PgPool) {
    let app = app(&pool);
    let request = Request::get("/api/v1/openapi.json")
        .body(Body::empty())
        .unwrap();
    let doc = send(&app, request).await.json();
    for path in [
        "/api/v1/orders",
        "/api/v1/orders/{id}",
        "/api/v1/orders/{id}/approvals/{reason}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    assert!(doc["components"]["schemas"]["OrderDetail"].is_object());
}
