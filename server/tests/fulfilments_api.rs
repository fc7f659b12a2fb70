//! `/api/v1/fulfilments` over real HTTP: an external location (a 3PL)
//! reports the request it was sent shipped and delivered; the stock, the
//! shipment and the order follow exactly once. Keys of other locations see
//! nothing, bad reports write nothing.

mod common;

use app::integrations::db::{self as keys, KeyBinding};
use app::integrations::model::Scope;
use app::inventory::model::Channel;
use app::orders::process::engine;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, assert_stock_consistent, post_api as post, send};
use serde_json::json;
use server::testing as fixtures;
use sqlx::PgPool;
use uuid::Uuid;

const MARKET: &str = "atl_market00000000000000000000000000000000000000000000";
const EXT: &str = "atl_ext3pl00000000000000000000000000000000000000000000";
const OTHER: &str = "atl_other3pl000000000000000000000000000000000000000000";
const COUNTS: &str = "atl_counts00000000000000000000000000000000000000000000";
const UNBOUND: &str = "atl_unbound0000000000000000000000000000000000000000000";
const OWN: &str = "atl_ownwh000000000000000000000000000000000000000000000";

/// SKU `FUL-1` with 10 units at the 3PL `EXT-1` (the only stock, so orders
/// go there); an empty 3PL `EXT-2`, an empty own warehouse `WH-OWN`; keys:
/// the marketplace's, each location's fulfilment key, one for counts only,
/// one bound to no location.
async fn fixture(pool: &PgPool) {
    let variants = fixtures::product(pool, "FUL", "Wool coat", 1000, &["FUL-1".to_owned()])
        .await
        .unwrap();
    let ext = fixtures::location(pool, "EXT-1", "external", 1, &["IT"])
        .await
        .unwrap();
    let other = fixtures::location(pool, "EXT-2", "external", 2, &["IT"])
        .await
        .unwrap();
    let own = fixtures::location(pool, "WH-OWN", "warehouse", 3, &["IT"])
        .await
        .unwrap();
    fixtures::stock_up(pool, ext, &variants, 10).await.unwrap();
    let market = KeyBinding {
        location_id: None,
        channel: Some(Channel::Marketplace),
    };
    let at = |location| KeyBinding {
        location_id: Some(location),
        channel: None,
    };
    let report = [Scope::FulfilmentWrite];
    for (name, key, scopes, binding) in [
        (
            "market",
            MARKET,
            &[Scope::OrdersRead, Scope::OrdersWrite][..],
            market,
        ),
        ("ext", EXT, &report[..], at(ext)),
        ("other", OTHER, &report[..], at(other)),
        ("counts", COUNTS, &[Scope::StockWrite][..], at(ext)),
        ("unbound", UNBOUND, &report[..], KeyBinding::default()),
        ("own", OWN, &report[..], at(own)),
    ] {
        keys::insert(pool, name, key, scopes, binding, None)
            .await
            .unwrap();
    }
}

/// Places an order of `quantity` × FUL-1 and runs the order process until
/// it waits for the location; returns the fulfilment request's number.
async fn submitted_request(pool: &PgPool, app: &axum::Router, quantity: i64) -> String {
    let body = json!({
        "external_reference": format!("MKT-{}", Uuid::new_v4().simple()),
        "email": "anna@example.com",
        "ship_to": { "name": "Anna Bianchi", "line1": "Via Po 3", "postal_code": "10123", "city": "Torino", "country": "IT" },
        "lines": [{ "sku": "FUL-1", "quantity": quantity, "unit_price_minor": 1000 }]
    })
    .to_string();
    let key = Uuid::new_v4().to_string();
    let created = post(app, "/api/v1/orders", Some(MARKET), Some(&key), &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let order_id: Uuid = created.json()["id"].as_str().unwrap().parse().unwrap();
    run_workers(pool).await;
    let (number, status): (String, String) =
        sqlx::query_as("SELECT number, status FROM fulfilment_requests WHERE order_id = $1")
            .bind(order_id)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(status, "submitted");
    number
}

async fn run_workers(pool: &PgPool) {
    while engine::run_next(pool, "test").await.unwrap().is_some() {}
}

fn shipped(number: &str) -> String {
    format!("/api/v1/fulfilments/{number}/shipped")
}

fn delivered(number: &str) -> String {
    format!("/api/v1/fulfilments/{number}/delivered")
}

const GLS: &str = r#"{"carrier": "GLS", "tracking_number": "gls-123456", "parcels": 1}"#;

/// The request's status and its order's.
async fn statuses(pool: &PgPool, number: &str) -> (String, String) {
    sqlx::query_as(
        "SELECT fr.status, o.status FROM fulfilment_requests fr JOIN orders o ON o.id = fr.order_id
         WHERE fr.number = $1",
    )
    .bind(number)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Everything a report could change, to prove a refused one changed nothing.
async fn snapshot(pool: &PgPool) -> (i64, i64, i64, i64, i64, i64, String) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM stock_movements),
                (SELECT sum(on_hand) FROM stock_balances),
                (SELECT sum(reserved) FROM stock_balances),
                (SELECT count(*) FROM fulfilment_events),
                (SELECT count(*) FROM shipments),
                (SELECT count(*) FROM idempotency_keys),
                (SELECT string_agg(fr.number || ':' || fr.status || ':' || o.status, ',' ORDER BY fr.number)
                 FROM fulfilment_requests fr JOIN orders o ON o.id = fr.order_id)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// On hand and reserved of FUL-1 at EXT-1.
async fn balance(pool: &PgPool) -> (i32, i32) {
    sqlx::query_as(
        "SELECT b.on_hand, b.reserved FROM stock_balances b
         JOIN locations l ON l.id = b.location_id JOIN variants v ON v.id = b.variant_id
         WHERE l.code = 'EXT-1' AND v.sku = 'FUL-1'",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_3pl_reports_its_request_shipped_then_delivered_and_the_order_follows(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let number = submitted_request(&pool, &app, 3).await;
    assert_eq!(balance(&pool).await, (10, 3));

    let response = post(&app, &shipped(&number), Some(EXT), Some("ship-1"), GLS).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let body = response.json();
    assert_eq!(body["number"], number.as_str());
    assert_eq!(body["status"], "shipped");
    assert_eq!(body["order_status"], "shipped");
    assert_eq!(
        statuses(&pool, &number).await,
        ("shipped".into(), "shipped".into())
    );
    assert_eq!(
        balance(&pool).await,
        (7, 0),
        "the reserved units left the stock"
    );
    let (reservation, packed): (String, Option<i32>) = sqlx::query_as(
        "SELECT r.state, fl.packed_quantity FROM fulfilment_lines fl
         JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
         JOIN reservations r ON r.id = fl.reservation_id WHERE fr.number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((reservation.as_str(), packed), ("shipped", Some(3)));
    let shipment: (String, String, i32, Option<Uuid>) = sqlx::query_as(
        "SELECT s.carrier, s.tracking_number, s.parcels, s.shipped_by FROM shipments s
         JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id WHERE fr.number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(shipment, ("GLS".into(), "GLS-123456".into(), 1, None));
    let note: String = sqlx::query_scalar(
        "SELECT e.note FROM fulfilment_events e JOIN fulfilment_requests fr ON fr.id = e.fulfilment_request_id
         WHERE fr.number = $1 AND e.status = 'shipped'",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        note,
        "GLS, tracking GLS-123456, 1 parcel. Reported through the API by ext."
    );
    let ship_task: String = sqlx::query_scalar(
        "SELECT t.state FROM order_tasks t JOIN fulfilment_requests fr ON fr.id = t.fulfilment_request_id
         WHERE fr.number = $1 AND t.kind = 'ship'",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(ship_task, "done", "the plan's waiting ship task is done");
    run_workers(&pool).await;
    assert_stock_consistent(&pool).await;

    // A retry gets the first answer; another report of the same shipment
    // is refused; the goods never leave twice.
    let before = snapshot(&pool).await;
    let replay = post(&app, &shipped(&number), Some(EXT), Some("ship-1"), GLS).await;
    assert_eq!(replay.status, StatusCode::OK);
    assert_eq!(replay.headers.get("idempotent-replayed").unwrap(), "true");
    assert_eq!(replay.json(), body);
    let again = post(&app, &shipped(&number), Some(EXT), Some("ship-2"), GLS).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert_eq!(
        again.json()["error"]["message"],
        "This request was already shipped."
    );
    let reused = post(&app, &delivered(&number), Some(EXT), Some("ship-1"), "{}").await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.json()["error"]["code"], "idempotency_key_reused");
    assert_eq!(snapshot(&pool).await, before);

    // Delivered: a carrier's delivery needs no signer.
    let response = post(
        &app,
        &delivered(&number),
        Some(EXT),
        Some("deliver-1"),
        "{}",
    )
    .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(response.json()["status"], "delivered");
    assert_eq!(response.json()["order_status"], "completed");
    assert_eq!(
        statuses(&pool, &number).await,
        ("delivered".into(), "completed".into())
    );
    let (delivered_at, signed_by): (Option<time::OffsetDateTime>, Option<String>) = sqlx::query_as(
        "SELECT s.delivered_at, s.signed_by FROM shipments s
             JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id WHERE fr.number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(delivered_at.is_some());
    assert_eq!(signed_by, None);
    let again = post(
        &app,
        &delivered(&number),
        Some(EXT),
        Some("deliver-2"),
        r#"{"signed_by": "Anna Bianchi"}"#,
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    run_workers(&pool).await;
    assert_eq!(
        statuses(&pool, &number).await,
        ("delivered".into(), "completed".into())
    );
    assert_eq!(balance(&pool).await, (7, 0));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_a_key_of_the_request_location_with_the_scope_may_report(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let number = submitted_request(&pool, &app, 2).await;
    let before = snapshot(&pool).await;

    let missing = post(&app, &shipped(&number), None, Some("k1"), GLS).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    let wrong = post(&app, &shipped(&number), Some("atl_nope"), Some("k1"), GLS).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let no_scope = post(&app, &shipped(&number), Some(COUNTS), Some("k1"), GLS).await;
    assert_eq!(no_scope.status, StatusCode::FORBIDDEN);
    assert!(
        no_scope.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("fulfilment:write")
    );
    let unbound = post(&app, &shipped(&number), Some(UNBOUND), Some("k1"), GLS).await;
    assert_eq!(unbound.status, StatusCode::FORBIDDEN);
    let no_idempotency = post(&app, &shipped(&number), Some(EXT), None, GLS).await;
    assert_eq!(no_idempotency.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        no_idempotency.json()["error"]["code"],
        "idempotency_key_required"
    );

    // Another location's request and no request at all look the same.
    let other = post(&app, &shipped(&number), Some(OTHER), Some("k1"), GLS).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND, "{}", other.body);
    let nothing = post(&app, &shipped("FR-NOPE"), Some(EXT), Some("k2"), GLS).await;
    assert_eq!(nothing.status, StatusCode::NOT_FOUND);
    assert_eq!(other.json(), nothing.json());
    assert_eq!(other.json()["error"]["code"], "not_found");
    let other = post(&app, &delivered(&number), Some(OTHER), Some("k3"), "{}").await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);

    // Not shipped yet: nothing to deliver.
    let early = post(&app, &delivered(&number), Some(EXT), Some("k4"), "{}").await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);
    assert_eq!(snapshot(&pool).await, before);
    assert_eq!(
        statuses(&pool, &number).await,
        ("submitted".into(), "submitted".into())
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_invalid_report_is_a_422_naming_the_fields_and_writes_nothing(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let number = submitted_request(&pool, &app, 1).await;
    let before = snapshot(&pool).await;

    let bad = post(
        &app,
        &shipped(&number),
        Some(EXT),
        Some("bad-1"),
        r#"{"carrier": "", "tracking_number": "X", "parcels": 0}"#,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    let fields = bad.field_codes();
    assert_eq!(
        fields,
        [
            ("carrier".to_owned(), "unknown".to_owned()),
            ("tracking_number".to_owned(), "invalid".to_owned()),
            ("parcels".to_owned(), "invalid".to_owned()),
        ]
    );
    let no_tracking = post(
        &app,
        &shipped(&number),
        Some(EXT),
        Some("bad-2"),
        r#"{"carrier": "UPS", "parcels": 1}"#,
    )
    .await;
    assert_eq!(no_tracking.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        no_tracking.json()["error"]["fields"][0]["field"],
        "tracking_number"
    );
    for (i, body) in [
        r#"{"carrier": "GLS", "tracking_number": "GLS1234", "parcels": "two"}"#,
        r#"{"carrier": "GLS", "tracking_number": "GLS1234", "parcels": 1, "weight": 3}"#,
    ]
    .into_iter()
    .enumerate()
    {
        let schema = post(
            &app,
            &shipped(&number),
            Some(EXT),
            Some(&format!("schema-{i}")),
            body,
        )
        .await;
        assert_eq!(schema.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    let broken = post(&app, &shipped(&number), Some(EXT), Some("bad-3"), "{").await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        snapshot(&pool).await,
        before,
        "no key kept, nothing written"
    );

    // A signer given for a delivery follows the rules too.
    let ok = post(&app, &shipped(&number), Some(EXT), Some("ship-1"), GLS).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let before = snapshot(&pool).await;
    let bad = post(
        &app,
        &delivered(&number),
        Some(EXT),
        Some("deliver-1"),
        r#"{"signed_by": "A"}"#,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert_eq!(bad.json()["error"]["fields"][0]["field"], "signed_by");
    assert_eq!(snapshot(&pool).await, before);
    let ok = post(
        &app,
        &delivered(&number),
        Some(EXT),
        Some("deliver-1"),
        r#"{"signed_by": "  Anna   Bianchi "}"#,
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let signed_by: Option<String> = sqlx::query_scalar("SELECT signed_by FROM shipments")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(signed_by.as_deref(), Some("Anna Bianchi"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn requests_of_our_own_warehouses_are_shipped_in_the_back_office(pool: PgPool) {
    fixture(&pool).await;
    // Only the own warehouse has stock now: the order goes there.
    sqlx::query("UPDATE locations SET active = false WHERE code = 'EXT-1'")
        .execute(&pool)
        .await
        .unwrap();
    let own: Uuid = sqlx::query_scalar("SELECT id FROM locations WHERE code = 'WH-OWN'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let variant: Uuid = sqlx::query_scalar("SELECT id FROM variants WHERE sku = 'FUL-1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    fixtures::stock_up(&pool, own, &[variant], 5).await.unwrap();
    let app = app(&pool);
    let number = submitted_request(&pool, &app, 1).await;
    let before = snapshot(&pool).await;
    let refused = post(&app, &shipped(&number), Some(OWN), Some("own-1"), GLS).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(
        refused.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("back office")
    );
    let elsewhere = post(&app, &shipped(&number), Some(EXT), Some("own-2"), GLS).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    assert_eq!(snapshot(&pool).await, before);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_openapi_document_describes_the_fulfilment_endpoints(pool: PgPool) {
    let app = app(&pool);
    let request = Request::get("/api/v1/openapi.json")
        .body(Body::empty())
        .unwrap();
    let doc = send(&app, request).await.json();
    for path in [
        "/api/v1/fulfilments/{number}/shipped",
        "/api/v1/fulfilments/{number}/delivered",
    ] {
        assert!(doc["paths"][path]["post"].is_object(), "{path} missing");
        assert_eq!(doc["paths"][path]["post"]["tags"][0], "fulfilments");
    }
    for schema in ["ShipmentReport", "DeliveryReport", "FulfilmentProgress"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}
