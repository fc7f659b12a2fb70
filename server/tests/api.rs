//! The machine API over real HTTP: keys and scopes, validation that writes
//! nothing, idempotent counts (replays, reuse, racing duplicates), OpenAPI.

mod common;

use app::integrations::db::{self as keys, KeyBinding};
use app::integrations::model::Scope;
use app::inventory::db::stock;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Response, app, send};
use sqlx::PgPool;
use uuid::Uuid;

const READER: &str = "atl_reader000000000000000000000000000000000000000000";
const WRITER: &str = "atl_writer000000000000000000000000000000000000000000";
const ELSEWHERE: &str = "atl_elsewhere0000000000000000000000000000000000000000";

struct Fixture {
    location: Uuid,
    variant: Uuid,
}

/// One SKU `API-1` with 10 units at `WH-API`; three keys.
async fn fixture(pool: &PgPool) -> Fixture {
    let category: Uuid =
        sqlx::query_scalar("INSERT INTO categories (slug, name) VALUES ('c', 'C') RETURNING id")
            .fetch_one(pool)
            .await
            .unwrap();
    let product: Uuid = sqlx::query_scalar(
        "INSERT INTO products (style_code, slug, name, category_id, price_minor, season)
         VALUES ('API', 'api', 'Api Tee', $1, 1000, 'FW26') RETURNING id",
    )
    .bind(category)
    .fetch_one(pool)
    .await
    .unwrap();
    let variant: Uuid = sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, colour, colour_hex, size) VALUES ($1, 'API-1', 'Ecru', '#eeeeee', 'M')
         RETURNING id",
    )
    .bind(product)
    .fetch_one(pool)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for code in ["WH-API", "WH-OTHER"] {
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO locations (code, name, kind, country, city) VALUES ($1, $1, 'external', 'NL', 'Venlo') RETURNING id",
        )
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap();
        ids.push(id);
    }
    let mut conn = pool.acquire().await.unwrap();
    let source = stock::Source {
        kind: "receipt",
        reference: "GR",
        reason: "",
        actor: None,
    };
    stock::receive(
        &mut conn,
        ids[0],
        &[(variant, 10)],
        app::inventory::model::MovementKind::Receipt,
        source,
    )
    .await
    .unwrap();
    keys::insert(
        pool,
        "reader",
        READER,
        &[Scope::StockRead],
        KeyBinding::default(),
        None,
    )
    .await
    .unwrap();
    keys::insert(
        pool,
        "3PL",
        WRITER,
        &[Scope::StockRead, Scope::StockWrite],
        KeyBinding {
            location_id: Some(ids[0]),
            channel: None,
        },
        None,
    )
    .await
    .unwrap();
    keys::insert(
        pool,
        "other 3PL",
        ELSEWHERE,
        &[Scope::StockWrite],
        KeyBinding {
            location_id: Some(ids[1]),
            channel: None,
        },
        None,
    )
    .await
    .unwrap();
    Fixture {
        location: ids[0],
        variant,
    }
}

async fn get_stock(app: &axum::Router, query: &str, key: Option<&str>) -> Response {
    let mut request = Request::get(format!("/api/v1/stock{query}"));
    if let Some(key) = key {
        request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn post_counts(
    app: &axum::Router,
    key: &str,
    idempotency: Option<&str>,
    body: &str,
) -> Response {
    let mut request = Request::post("/api/v1/stock/adjustments")
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(idempotency) = idempotency {
        request = request.header("idempotency-key", idempotency);
    }
    send(app, request.body(Body::from(body.to_owned())).unwrap()).await
}

async fn on_hand(pool: &PgPool, f: &Fixture) -> i32 {
    sqlx::query_scalar(
        "SELECT on_hand FROM stock_balances WHERE variant_id = $1 AND location_id = $2",
    )
    .bind(f.variant)
    .bind(f.location)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn movements(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM stock_movements")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn stock_needs_a_valid_key_with_the_right_scope(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let missing = get_stock(&app, "?sku=API-1", None).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(missing.json()["error"]["code"], "unauthorized");
    let wrong = get_stock(
        &app,
        "?sku=API-1",
        Some("atl_not0a0real0key000000000000000000000000000000000"),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let no_scope = get_stock(&app, "?sku=API-1", Some(ELSEWHERE)).await;
    assert_eq!(no_scope.status, StatusCode::FORBIDDEN);
    assert!(
        no_scope.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("stock:read")
    );
    // A revoked key is refused too.
    let id: Uuid = sqlx::query_scalar("SELECT id FROM api_keys WHERE name = 'reader'")
        .fetch_one(&pool)
        .await
        .unwrap();
    keys::revoke(&pool, id).await.unwrap();
    assert_eq!(
        get_stock(&app, "?sku=API-1", Some(READER)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn stock_answers_availability_per_location_and_by_date(pool: PgPool) {
    fixture(&pool).await;
    let app = app(&pool);
    let response = get_stock(&app, "?sku=API-1", Some(READER)).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let body = response.json();
    assert_eq!(body["sku"], "API-1");
    assert_eq!(body["available"], 10);
    let location = body["locations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "WH-API")
        .unwrap();
    assert_eq!(
        (location["on_hand"].as_i64(), location["reserved"].as_i64()),
        (Some(10), Some(0))
    );
    let today = time::OffsetDateTime::now_utc().date().to_string();
    assert_eq!(body["atp"][0]["date"], today.as_str());
    assert_eq!(body["atp"][0]["quantity"], 10);

    let missing = get_stock(&app, "", Some(READER)).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json()["error"]["code"], "sku_required");
    let unknown = get_stock(&app, "?sku=NOPE", Some(READER)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json()["error"]["code"], "unknown_sku");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn bad_count_reports_are_refused_and_write_nothing(pool: PgPool) {
    let f = fixture(&pool).await;
    let app = app(&pool);
    let before = movements(&pool).await;
    let good = r#"{"location": "WH-API", "counts": [{"sku": "API-1", "counted": 7}]}"#;

    let no_key = post_counts(&app, WRITER, None, good).await;
    assert_eq!(no_key.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_key.json()["error"]["code"], "idempotency_key_required");

    let broken = post_counts(&app, WRITER, Some("k1"), "{not json").await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    assert_eq!(broken.json()["error"]["code"], "invalid_json");

    let negative = post_counts(
        &app,
        WRITER,
        Some("k2"),
        r#"{"location": "WH-API", "counts": [{"sku": "API-1", "counted": -4}]}"#,
    )
    .await;
    assert_eq!(negative.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        negative.json()["error"]["fields"][0]["field"],
        "counts[0].counted"
    );

    let unknown = post_counts(
        &app,
        WRITER,
        Some("k3"),
        r#"{"location": "WH-API", "counts": [{"sku": "API-1", "counted": 4}, {"sku": "NOPE", "counted": 1}]}"#,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &unknown.json()["error"]["fields"];
    assert_eq!(fields[0]["field"], "counts[1].sku");
    assert_eq!(fields[0]["code"], "unknown_sku");

    let no_location = post_counts(
        &app,
        WRITER,
        Some("k4"),
        r#"{"location": "WH-NOWHERE", "counts": [{"sku": "API-1", "counted": 1}]}"#,
    )
    .await;
    assert_eq!(no_location.status, StatusCode::UNPROCESSABLE_ENTITY);
    let missing_field = post_counts(&app, WRITER, Some("k5"), r#"{"location": "WH-API"}"#).await;
    assert_eq!(missing_field.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing_field.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("counts")
    );

    let elsewhere = post_counts(&app, ELSEWHERE, Some("k6"), good).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    let reader = post_counts(&app, READER, Some("k7"), good).await;
    assert_eq!(reader.status, StatusCode::FORBIDDEN);

    assert_eq!(on_hand(&pool, &f).await, 10);
    assert_eq!(movements(&pool).await, before);
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM idempotency_keys")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0, "failed requests leave no idempotency record");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_count_report_applies_once_and_replays_its_answer(pool: PgPool) {
    let f = fixture(&pool).await;
    let app = app(&pool);
    let body = r#"{"location": "wh-api", "reason": "Weekly count", "counts": [{"sku": "API-1", "counted": 7}]}"#;
    let first = post_counts(&app, WRITER, Some("count-2026-11-23"), body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    let answer = first.json();
    assert_eq!(answer["adjustments"][0]["previous"], 10);
    assert_eq!(answer["adjustments"][0]["difference"], -3);
    assert_eq!(on_hand(&pool, &f).await, 7);

    // The same report again (formatted differently): the first answer, no second adjustment.
    let again = post_counts(
        &app,
        WRITER,
        Some("count-2026-11-23"),
        r#"{ "counts":[{"counted":7,"sku":"API-1"}], "location":"wh-api", "reason":"Weekly count" }"#,
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.json(), answer);
    assert_eq!(on_hand(&pool, &f).await, 7);
    let adjustments: i64 =
        sqlx::query_scalar("SELECT count(*) FROM stock_movements WHERE kind = 'adjustment'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(adjustments, 1);

    // The same key with another body is refused.
    let reused = post_counts(
        &app,
        WRITER,
        Some("count-2026-11-23"),
        r#"{"location": "WH-API", "counts": [{"sku": "API-1", "counted": 2}]}"#,
    )
    .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.json()["error"]["code"], "idempotency_key_reused");
    assert_eq!(on_hand(&pool, &f).await, 7);
    assert_eq!(stock::ledger_drift(&pool).await.unwrap(), 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn racing_duplicates_of_a_report_apply_once(pool: PgPool) {
    let f = fixture(&pool).await;
    let app = app(&pool);
    let body = r#"{"location": "WH-API", "counts": [{"sku": "API-1", "counted": 4}]}"#;
    let answers = futures::future::join_all(
        (0..8).map(|_| post_counts(&app, WRITER, Some("same-key"), body)),
    )
    .await;
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        assert_eq!(answer.json(), answers[0].json());
    }
    assert_eq!(
        answers
            .iter()
            .filter(|a| !a.headers.contains_key("idempotent-replayed"))
            .count(),
        1
    );
    assert_eq!(on_hand(&pool, &f).await, 4);
    let counts: i64 = sqlx::query_scalar("SELECT count(*) FROM stock_counts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(counts, 1);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn openapi_describes_the_api_and_unknown_endpoints_answer_json(pool: PgPool) {
    let app = app(&pool);
    let doc = send(
        &app,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(doc["paths"]["/api/v1/stock"]["get"].is_object());
    assert!(doc["paths"]["/api/v1/stock/adjustments"]["post"].is_object());
    assert!(doc["components"]["securitySchemes"]["api_key"].is_object());
    let missing = send(
        &app,
        Request::get("/api/v1/nothing-here")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["code"], "not_found");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_administrator_creates_a_key_sees_it_once_and_can_revoke_it(pool: PgPool) {
    use app::integrations::api::{CreateApiKey, GetApiKeys, RevokeApiKey, TakeNewApiKey};
    fixture(&pool).await;
    let app = app(&pool);
    let admin = common::signed_in(&pool, &app, app::auth::model::Role::Admin).await;
    let created = common::call::<CreateApiKey>(
        &app,
        &[
            ("name", "Venlo 3PL"),
            ("scopes[]", "stock:read"),
            ("scopes[]", "stock:write"),
            ("location", "WH-API"),
        ],
        Some(&admin),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    assert_eq!(
        created.location(),
        Some("/admin/settings/api-keys?created=1")
    );

    let shown = common::call::<TakeNewApiKey>(&app, &[], Some(&admin)).await;
    let key: Option<String> = serde_json::from_str(&shown.body).unwrap();
    let key = key.expect("the new key is shown");
    assert!(key.starts_with("atl_"));
    let again = common::call::<TakeNewApiKey>(&app, &[], Some(&admin)).await;
    assert_eq!(again.body, "null", "and only once");

    assert_eq!(
        get_stock(&app, "?sku=API-1", Some(&key)).await.status,
        StatusCode::OK
    );
    let listed = common::call::<GetApiKeys>(&app, &[], Some(&admin)).await;
    assert!(
        listed.body.contains("Venlo 3PL") && !listed.body.contains(&key),
        "lists never show the key"
    );
    let id: Uuid = sqlx::query_scalar("SELECT id FROM api_keys WHERE name = 'Venlo 3PL'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let revoked =
        common::call::<RevokeApiKey>(&app, &[("id", &id.to_string())], Some(&admin)).await;
    assert_eq!(revoked.status, StatusCode::OK);
    assert_eq!(
        get_stock(&app, "?sku=API-1", Some(&key)).await.status,
        StatusCode::UNAUTHORIZED
    );

    let no_scope =
        common::call::<CreateApiKey>(&app, &[("name", "x"), ("location", "")], Some(&admin)).await;
    assert_eq!(no_scope.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_scope.body.contains("\"field\":\"scopes\""));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_administrators_manage_keys(pool: PgPool) {
    use app::integrations::api::{CreateApiKey, GetApiKeys};
    let app = app(&pool);
    let warehouse = common::signed_in(&pool, &app, app::auth::model::Role::Warehouse).await;
    assert_eq!(
        common::call::<GetApiKeys>(&app, &[], Some(&warehouse))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let attempt = common::call::<CreateApiKey>(
        &app,
        &[
            ("name", "sneaky"),
            ("scopes[]", "stock:write"),
            ("location", ""),
        ],
        Some(&warehouse),
    )
    .await;
    assert_eq!(attempt.status, StatusCode::FORBIDDEN);
    assert_eq!(
        common::get(&app, "/admin/settings/api-keys", Some(&warehouse))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let keys: i64 = sqlx::query_scalar("SELECT count(*) FROM api_keys")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(keys, 0);
}
