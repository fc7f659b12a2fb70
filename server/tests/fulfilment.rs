//! The warehouse side of fulfilment on the demo data: pick, pack (with a
//! short pick), ship, deliver and cancel move the stock exactly once, with
//! the ledger and the order following; second attempts and racing workers
//! change nothing; only warehouse staff may do any of it.

mod common;

use app::auth::model::Role;
use app::error::AppError;
use app::fulfilment::api::{
    CancelRequest, GetFulfilmentRequest, GetQueue, MarkDelivered, PackRequest, ShipRequest,
    StartPicking,
};
use app::fulfilment::db::{self, ShipForm};
use app::inventory::model::MovementKind;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use leptos::server_fn::ServerFn;
use sqlx::PgPool;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Loads the demo; returns the demo warehouse worker.
async fn demo(pool: &PgPool) -> Uuid {
    server::demo::load(pool).await.unwrap();
    sqlx::query_scalar("SELECT id FROM users WHERE email = 'warehouse@atelier.example'")
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The oldest request in `status` (Milan first), skipping `skip` of them.
async fn request_in(pool: &PgPool, status: &str, skip: i64) -> String {
    sqlx::query_scalar(
        "SELECT fr.number FROM fulfilment_requests fr JOIN locations l ON l.id = fr.location_id
         WHERE fr.status = $1 ORDER BY l.code = 'WH-MIL' DESC, fr.submitted_at, fr.number OFFSET $2 LIMIT 1",
    )
    .bind(status)
    .bind(skip)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn status_of(pool: &PgPool, number: &str) -> (String, String) {
    sqlx::query_as(
        "SELECT fr.status, o.status FROM fulfilment_requests fr JOIN orders o ON o.id = fr.order_id
         WHERE fr.number = $1",
    )
    .bind(number)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct LineState {
    line_no: i32,
    quantity: i32,
    packed_quantity: Option<i32>,
    reservation_state: String,
    on_hand: i32,
    reserved: i32,
}

async fn lines(pool: &PgPool, number: &str) -> Vec<LineState> {
    sqlx::query_as(
        "SELECT fl.line_no, fl.quantity, fl.packed_quantity, r.state AS reservation_state, b.on_hand, b.reserved
         FROM fulfilment_lines fl
         JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
         JOIN reservations r ON r.id = fl.reservation_id
         JOIN stock_balances b ON b.variant_id = fl.variant_id AND b.location_id = fr.location_id
         WHERE fr.number = $1 ORDER BY fl.line_no",
    )
    .bind(number)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// Everything a step could change, to prove a refused step changed nothing.
async fn snapshot(pool: &PgPool) -> (i64, i64, i64, i64, i64, String) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM stock_movements),
                (SELECT sum(on_hand) FROM stock_balances),
                (SELECT sum(reserved) FROM stock_balances),
                (SELECT count(*) FROM fulfilment_events),
                (SELECT count(*) FROM shipments),
                (SELECT string_agg(number || ':' || status, ',' ORDER BY number) FROM fulfilment_requests)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Packs every line in full, except one unit short on the line with the
/// most units.
fn pack_one_short(state: &[LineState]) -> (BTreeMap<String, String>, i32) {
    let short_line = state
        .iter()
        .max_by_key(|l| (l.quantity, -l.line_no))
        .map(|l| l.line_no)
        .unwrap();
    let form = state
        .iter()
        .map(|l| {
            let short = i32::from(l.line_no == short_line);
            (l.line_no.to_string(), (l.quantity - short).to_string())
        })
        .collect();
    (form, short_line)
}

fn full_pack(state: &[LineState]) -> BTreeMap<String, String> {
    state
        .iter()
        .map(|l| (l.line_no.to_string(), l.quantity.to_string()))
        .collect()
}

fn gls() -> ShipForm {
    ShipForm {
        carrier: "GLS".into(),
        tracking_number: "GLS123456".into(),
        parcels: "1".into(),
    }
}

fn conflict(result: Result<(), AppError>) -> String {
    match result {
        Err(AppError::Conflict(message)) => message,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_demo_fills_the_work_queues_in_every_state(pool: PgPool) {
    demo(&pool).await;
    let counts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, count(*) FROM fulfilment_requests GROUP BY status ORDER BY status",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let count = |s: &str| counts.iter().find(|(k, _)| k == s).map_or(0, |(_, n)| *n);
    assert!(count("submitted") >= 5, "{counts:?}");
    for status in ["picking", "packed", "shipped"] {
        assert!(count(status) >= 1, "{status}: {counts:?}");
    }
    let rotterdam: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM fulfilment_requests fr JOIN locations l ON l.id = fr.location_id WHERE l.code = 'WH-RTM'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(rotterdam >= 1);
    let unreserved: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM fulfilment_lines fl JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
         WHERE fr.status IN ('submitted', 'picking', 'packed')
           AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.id = fl.reservation_id AND r.state = 'active')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unreserved, 0, "every open line holds its stock");
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_request_is_picked_packed_short_and_shipped_and_the_stock_follows(pool: PgPool) {
    let worker = Some(demo(&pool).await);
    let number = request_in(&pool, "submitted", 0).await;
    let before = lines(&pool, &number).await;
    let (_, order_before) = status_of(&pool, &number).await;
    assert_eq!(order_before, "submitted");
    let mut conn = pool.acquire().await.unwrap();

    db::start_picking(&mut conn, &number, worker).await.unwrap();
    let (form, short_line) = pack_one_short(&before);
    db::pack(&mut conn, &number, &form, worker).await.unwrap();
    // The short unit left the stock when packing; the rest is still held.
    let packed = lines(&pool, &number).await;
    for (b, p) in before.iter().zip(&packed) {
        let short = i32::from(b.line_no == short_line);
        assert_eq!(p.packed_quantity, Some(b.quantity - short));
        assert_eq!(p.on_hand, b.on_hand - short);
        assert_eq!(p.reserved, b.reserved - short);
        assert_eq!(p.reservation_state, "active");
    }
    assert_stock_consistent(&pool).await;

    db::ship(&mut conn, &number, &gls(), worker).await.unwrap();
    let after = lines(&pool, &number).await;
    for (b, a) in before.iter().zip(&after) {
        // Shipped plus short is everything ordered; all of it was reserved.
        assert_eq!(a.on_hand, b.on_hand - b.quantity, "line {}", b.line_no);
        assert_eq!(a.reserved, b.reserved - b.quantity, "line {}", b.line_no);
        assert_eq!(a.reservation_state, "shipped");
    }
    let ledger: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT kind, count(*), sum(on_hand_delta) FROM stock_movements
         WHERE reference = $1 AND reference_kind = 'fulfilment' GROUP BY kind ORDER BY kind",
    )
    .bind(&number)
    .fetch_all(&pool)
    .await
    .unwrap();
    let ordered: i64 = before.iter().map(|l| i64::from(l.quantity)).sum();
    let shipped_lines = after.iter().filter(|l| l.packed_quantity > Some(0)).count() as i64;
    assert_eq!(
        ledger,
        vec![
            ("adjustment".to_owned(), 1, -1),
            ("shipment".to_owned(), shipped_lines, -(ordered - 1)),
        ]
    );
    assert_stock_consistent(&pool).await;

    assert_eq!(
        status_of(&pool, &number).await,
        ("shipped".to_owned(), "shipped".to_owned())
    );
    let (carrier, tracking, parcels, by): (String, String, i32, Option<Uuid>) = sqlx::query_as(
        "SELECT carrier, tracking_number, parcels, shipped_by FROM shipments s
         JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id WHERE fr.number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (carrier.as_str(), tracking.as_str(), parcels, by),
        ("GLS", "GLS123456", 1, worker)
    );
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT e.status FROM fulfilment_events e JOIN fulfilment_requests fr ON fr.id = e.fulfilment_request_id
         WHERE fr.number = $1 ORDER BY e.at, e.id",
    )
    .bind(&number)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(events, ["submitted", "picking", "packed", "shipped"]);

    // The request's page shows exactly its own movements.
    let detail = db::detail(&pool, &number).await.unwrap().unwrap();
    assert!(detail.shipment.is_some());
    let kinds = |kind| detail.movements.iter().filter(|m| m.kind == kind).count();
    assert_eq!(kinds(MovementKind::Reservation), before.len());
    assert_eq!(kinds(MovementKind::Adjustment), 1);
    assert_eq!(kinds(MovementKind::Shipment), shipped_lines as usize);
    assert_eq!(
        detail.movements.len(),
        before.len() + 1 + shipped_lines as usize
    );
    assert!(
        detail
            .events
            .iter()
            .all(|e| e.actor == "Walter Riva" || e.status == "submitted")
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn second_attempts_are_refused_and_change_nothing(pool: PgPool) {
    let worker = Some(demo(&pool).await);
    let number = request_in(&pool, "submitted", 0).await;
    let state = lines(&pool, &number).await;
    let mut conn = pool.acquire().await.unwrap();

    db::start_picking(&mut conn, &number, worker).await.unwrap();
    let before = snapshot(&pool).await;
    let message = conflict(db::start_picking(&mut conn, &number, worker).await);
    assert_eq!(
        message,
        "This request was already taken for picking by Walter Riva."
    );
    let message = conflict(db::ship(&mut conn, &number, &gls(), worker).await);
    assert_eq!(message, "Pack this request before shipping it.");
    assert_eq!(snapshot(&pool).await, before);

    let (form, _) = pack_one_short(&state);
    db::pack(&mut conn, &number, &form, worker).await.unwrap();
    let before = snapshot(&pool).await;
    let message = conflict(db::pack(&mut conn, &number, &form, worker).await);
    assert_eq!(message, "This request was already packed by Walter Riva.");
    assert_eq!(
        snapshot(&pool).await,
        before,
        "packing twice changes nothing"
    );

    db::ship(&mut conn, &number, &gls(), worker).await.unwrap();
    let before = snapshot(&pool).await;
    let message = conflict(db::ship(&mut conn, &number, &gls(), worker).await);
    assert_eq!(message, "This request was already shipped by Walter Riva.");
    let message = conflict(db::cancel(&mut conn, &number, "", worker).await);
    assert!(message.contains("can no longer be cancelled"), "{message}");
    assert_eq!(
        snapshot(&pool).await,
        before,
        "shipping twice changes nothing"
    );

    // Bad forms are refused before anything moves.
    let other = request_in(&pool, "submitted", 0).await;
    db::start_picking(&mut conn, &other, worker).await.unwrap();
    let before = snapshot(&pool).await;
    let zero: BTreeMap<String, String> = lines(&pool, &other)
        .await
        .iter()
        .map(|l| (l.line_no.to_string(), "0".to_owned()))
        .collect();
    assert!(matches!(
        db::pack(&mut conn, &other, &zero, worker).await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(snapshot(&pool).await, before);
    assert_eq!(status_of(&pool, &other).await.0, "picking");
    assert!(matches!(
        db::pack(&mut conn, "AT-NOPE-1", &zero, worker).await,
        Err(AppError::NotFound(_))
    ));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn two_workers_shipping_at_once_ship_once(pool: PgPool) {
    let worker = Some(demo(&pool).await);
    let number = request_in(&pool, "submitted", 0).await;
    let state = lines(&pool, &number).await;
    let mut conn = pool.acquire().await.unwrap();
    db::start_picking(&mut conn, &number, worker).await.unwrap();
    db::pack(&mut conn, &number, &full_pack(&state), worker)
        .await
        .unwrap();
    drop(conn);

    let ship = |pool: PgPool, number: String| async move {
        let mut conn = pool.acquire().await.unwrap();
        db::ship(&mut conn, &number, &gls(), worker).await
    };
    let (a, b) = tokio::join!(
        tokio::spawn(ship(pool.clone(), number.clone())),
        tokio::spawn(ship(pool.clone(), number.clone()))
    );
    let outcomes = [a.unwrap(), b.unwrap()];
    assert_eq!(
        outcomes.iter().filter(|o| o.is_ok()).count(),
        1,
        "{outcomes:?}"
    );
    assert!(
        outcomes
            .iter()
            .any(|o| matches!(o, Err(AppError::Conflict(m)) if m.contains("already shipped"))),
        "{outcomes:?}"
    );
    let shipments: i64 = sqlx::query_scalar("SELECT count(*) FROM shipments s JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id WHERE fr.number = $1")
        .bind(&number)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(shipments, 1);
    let after = lines(&pool, &number).await;
    for (b, a) in state.iter().zip(&after) {
        assert_eq!(a.on_hand, b.on_hand - b.quantity, "shipped once");
        assert_eq!(a.reserved, b.reserved - b.quantity);
    }
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cancelling_releases_the_reserved_stock(pool: PgPool) {
    let worker = Some(demo(&pool).await);
    let mut conn = pool.acquire().await.unwrap();

    let number = request_in(&pool, "submitted", 0).await;
    let before = lines(&pool, &number).await;
    db::cancel(&mut conn, &number, "Customer called", worker)
        .await
        .unwrap();
    let after = lines(&pool, &number).await;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a.on_hand, b.on_hand, "nothing left the shelf");
        assert_eq!(a.reserved, b.reserved - b.quantity);
        assert_eq!(a.reservation_state, "released");
    }
    assert_eq!(status_of(&pool, &number).await.0, "cancelled");
    let snapshot_after = snapshot(&pool).await;
    let message = conflict(db::cancel(&mut conn, &number, "", worker).await);
    assert!(
        message.starts_with("This request was cancelled by Walter Riva"),
        "{message}"
    );
    conflict(db::start_picking(&mut conn, &number, worker).await);
    assert_eq!(snapshot(&pool).await, snapshot_after);

    // A packed request with a short pick gives back what it still held.
    let packed = request_in(&pool, "packed", 0).await;
    let before = lines(&pool, &packed).await;
    db::cancel(&mut conn, &packed, "", worker).await.unwrap();
    let after = lines(&pool, &packed).await;
    for (b, a) in before.iter().zip(&after) {
        let held = b.packed_quantity.unwrap();
        assert_eq!(a.reserved, b.reserved - held);
        assert_eq!(a.on_hand, b.on_hand);
    }
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn own_deliveries_are_signed_for_and_complete_the_order(pool: PgPool) {
    let worker = Some(demo(&pool).await);
    let mut conn = pool.acquire().await.unwrap();
    let own = request_in(&pool, "shipped", 0).await;
    let error = db::mark_delivered(&mut conn, &own, "G", worker)
        .await
        .unwrap_err();
    assert!(error.field_message("signed_by").is_some());
    db::mark_delivered(&mut conn, &own, "Giulia  Rossi", worker)
        .await
        .unwrap();
    assert_eq!(
        status_of(&pool, &own).await,
        ("delivered".to_owned(), "completed".to_owned())
    );
    let signed: Option<String> = sqlx::query_scalar(
        "SELECT signed_by FROM shipments s JOIN fulfilment_requests fr ON fr.id = s.fulfilment_request_id
         WHERE fr.number = $1 AND s.delivered_at IS NOT NULL",
    )
    .bind(&own)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(signed.as_deref(), Some("Giulia Rossi"));
    conflict(db::mark_delivered(&mut conn, &own, "Giulia Rossi", worker).await);

    // A carrier's shipment is confirmed by the carrier, not here.
    let number = request_in(&pool, "submitted", 0).await;
    let state = lines(&pool, &number).await;
    db::start_picking(&mut conn, &number, worker).await.unwrap();
    db::pack(&mut conn, &number, &full_pack(&state), worker)
        .await
        .unwrap();
    db::ship(&mut conn, &number, &gls(), worker).await.unwrap();
    let message = conflict(db::mark_delivered(&mut conn, &number, "Somebody", worker).await);
    assert!(message.contains("GLS"), "{message}");
    assert_eq!(status_of(&pool, &number).await.0, "shipped");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_warehouse_staff_may_use_the_work_queue(pool: PgPool) {
    demo(&pool).await;
    let app = app(&pool);
    let number = request_in(&pool, "submitted", 0).await;
    let queue = [("location", ""), ("status", "")];
    let start = [("number", number.as_str())];

    assert_eq!(
        call::<GetQueue>(&app, &queue, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call::<StartPicking>(&app, &start, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    for role in [Role::Consumer, Role::Buyer, Role::Finance] {
        let cookie = signed_in(&pool, &app, role).await;
        for response in [
            call::<GetQueue>(&app, &queue, Some(&cookie)).await,
            call::<GetFulfilmentRequest>(&app, &start, Some(&cookie)).await,
            call::<StartPicking>(&app, &start, Some(&cookie)).await,
            call::<PackRequest>(
                &app,
                &[("number", &number), ("packed[1]", "1")],
                Some(&cookie),
            )
            .await,
            call::<ShipRequest>(
                &app,
                &[
                    ("number", &number),
                    ("carrier", "GLS"),
                    ("tracking_number", "GLS1234"),
                    ("parcels", "1"),
                ],
                Some(&cookie),
            )
            .await,
            call::<MarkDelivered>(
                &app,
                &[("number", &number), ("signed_by", "Me")],
                Some(&cookie),
            )
            .await,
            call::<CancelRequest>(
                &app,
                &[("number", &number), ("reason", ""), ("confirm", "yes")],
                Some(&cookie),
            )
            .await,
        ] {
            assert_eq!(
                response.status,
                StatusCode::FORBIDDEN,
                "{role:?}: {}",
                response.body
            );
        }
    }
    assert_eq!(
        status_of(&pool, &number).await.0,
        "submitted",
        "nothing moved"
    );

    let warehouse = signed_in(&pool, &app, Role::Warehouse).await;
    let response = call::<GetQueue>(&app, &queue, Some(&warehouse)).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(
        response.body.contains(&number),
        "the first warehouse's queue lists it"
    );
    let response = call::<GetQueue>(
        &app,
        &[("location", "NOWHERE"), ("status", "")],
        Some(&warehouse),
    )
    .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_steps_work_over_http_and_as_plain_form_posts(pool: PgPool) {
    demo(&pool).await;
    let app = app(&pool);
    let cookie = signed_in(&pool, &app, Role::Warehouse).await;
    let number = request_in(&pool, "submitted", 0).await;
    let state = lines(&pool, &number).await;

    let queue = get(
        &app,
        "/admin/inventory/fulfilment?status=submitted",
        Some(&cookie),
    )
    .await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains(&number), "{}", queue.body);
    let page = get(
        &app,
        &format!("/admin/inventory/fulfilment/{number}"),
        Some(&cookie),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Start picking"));
    for document in ["pick-list", "delivery-note"] {
        let page = get(
            &app,
            &format!("/admin/inventory/fulfilment/{number}/{document}"),
            Some(&cookie),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{document}");
        assert!(page.body.contains(&number), "{document}");
    }
    let missing = get(&app, "/admin/inventory/fulfilment/AT-NOPE-1", Some(&cookie)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    // Without JavaScript: the form posts, the server answers with a redirect.
    let body = format!("number={}", urlencoding::encode(&number));
    let request = Request::post(StartPicking::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(
            header::REFERER,
            format!("http://localhost/admin/inventory/fulfilment/{number}"),
        )
        .header(header::COOKIE, &cookie)
        .body(Body::from(body))
        .unwrap();
    let response = send(&app, request).await;
    assert!(
        response.status.is_redirection(),
        "{}: {}",
        response.status,
        response.body
    );
    assert_eq!(
        response.location(),
        Some(format!("/admin/inventory/fulfilment/{number}").as_str())
    );
    assert_eq!(status_of(&pool, &number).await.0, "picking");

    // The pack form's per-line fields arrive as `packed[<line>]`.
    let fields: Vec<(String, String)> = state
        .iter()
        .map(|l| (format!("packed[{}]", l.line_no), l.quantity.to_string()))
        .collect();
    let mut form: Vec<(&str, &str)> = vec![("number", &number)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let too_many = [("number", number.as_str()), ("packed[1]", "99")];
    let refused = call::<PackRequest>(&app, &too_many, Some(&cookie)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(refused.body.contains("packed[1]"), "{}", refused.body);
    let packed = call::<PackRequest>(&app, &form, Some(&cookie)).await;
    assert!(
        packed.status.is_success() || packed.status.is_redirection(),
        "{}",
        packed.body
    );
    assert_eq!(status_of(&pool, &number).await.0, "packed");
    let again = call::<PackRequest>(&app, &form, Some(&cookie)).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    assert!(
        again.body.contains("already packed by Test Person"),
        "{}",
        again.body
    );

    let bad = call::<ShipRequest>(
        &app,
        &[
            ("number", &number),
            ("carrier", "GLS"),
            ("tracking_number", ""),
            ("parcels", "0"),
        ],
        Some(&cookie),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let shipped = call::<ShipRequest>(
        &app,
        &[
            ("number", &number),
            ("carrier", "GLS"),
            ("tracking_number", "GLS123456"),
            ("parcels", "1"),
        ],
        Some(&cookie),
    )
    .await;
    assert!(
        shipped.status.is_success() || shipped.status.is_redirection(),
        "{}",
        shipped.body
    );
    assert_eq!(status_of(&pool, &number).await.0, "shipped");

    let unconfirmed = call::<CancelRequest>(
        &app,
        &[
            ("number", &request_in(&pool, "submitted", 0).await),
            ("reason", ""),
        ],
        Some(&cookie),
    )
    .await;
    assert_eq!(
        unconfirmed.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        unconfirmed.body
    );

    let page = get(
        &app,
        &format!("/admin/inventory/fulfilment/{number}"),
        Some(&cookie),
    )
    .await;
    assert!(page.body.contains("GLS123456"));
    assert!(page.body.contains("Shipment"));
    assert_stock_consistent(&pool).await;
}
