//! What the order tests share: a small world of SKUs, locations and stock,
//! an order request, placing it, running the workers until nothing is left
//! to do, and shipping like a warehouse.

use app::fulfilment::db::{self as fulfilment, ShipForm};
use app::fulfilment::model::Address;
use app::inventory::db::stock;
use app::inventory::model::Channel;
use app::orders::db::capture;
use app::orders::db::timeline::Actor;
use app::orders::model::{CaptureLine, CaptureRequest, PaymentMethod};
use app::orders::process::engine;
use server::testing as fixtures;
use sqlx::PgPool;
use uuid::Uuid;

pub struct World {
    /// SKU codes: `S-0`, `S-1`, `S-2`.
    pub skus: Vec<String>,
    pub staff: Uuid,
}

/// Three SKUs (€100 each) and three locations: WH-A (priority 1, 5 units
/// of each), WH-B (priority 2, 2 of each), DS-X (external, ships nowhere).
pub async fn world(pool: &PgPool) -> World {
    let skus: Vec<String> = (0..3).map(|i| format!("S-{i}")).collect();
    let variants = fixtures::product(pool, "ST-1", "Wool coat", 10_000, &skus)
        .await
        .unwrap();
    for (code, priority, kind, units, ships_to) in [
        ("WH-A", 1, "warehouse", 5, &["IT", "DE", "FR"][..]),
        ("WH-B", 2, "warehouse", 2, &["IT", "DE", "FR", "NL"][..]),
        ("DS-X", 5, "external", 50, &[][..]),
    ] {
        let id = fixtures::location(pool, code, kind, priority, ships_to)
            .await
            .unwrap();
        fixtures::stock_up(pool, id, &variants, units)
            .await
            .unwrap();
    }
    let staff: Uuid = sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, role) VALUES ('ops@example.com', 'Olga Ops', 'x', 'admin')
         RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    World { skus, staff }
}

/// 10,000 more of everything everywhere, so that every order routes.
pub async fn plenty_of_stock(pool: &PgPool) {
    let locations: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM locations")
        .fetch_all(pool)
        .await
        .unwrap();
    let variants: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM variants")
        .fetch_all(pool)
        .await
        .unwrap();
    for location in locations {
        fixtures::stock_up(pool, location, &variants, 10_000)
            .await
            .unwrap();
    }
}

pub fn request(channel: Channel, lines: &[(&str, i32)]) -> CaptureRequest {
    CaptureRequest {
        channel,
        capture_key: None,
        external_reference: String::new(),
        email: "giulia@example.com".into(),
        customer_id: None,
        company_id: None,
        payment_method: PaymentMethod::Marketplace,
        currency: "EUR".into(),
        ship_to: Address {
            name: "Giulia Rossi".into(),
            line1: "Via Roma 1".into(),
            postal_code: "20121".into(),
            city: "Milano".into(),
            country: "IT".into(),
        },
        lines: lines
            .iter()
            .map(|(sku, quantity)| CaptureLine {
                sku: (*sku).into(),
                quantity: *quantity,
                unit_price_minor: None,
            })
            .collect(),
        payment: None,
        shipping: None,
        ship_not_before: None,
    }
}

pub async fn place(pool: &PgPool, request: &CaptureRequest) -> (Uuid, String) {
    let mut tx = pool.begin().await.unwrap();
    let captured = capture::capture(&mut tx, request, Actor::Api, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let order = captured.order();
    (order.id, order.number.clone())
}

/// Runs the workers' loop until nothing is ready; returns the steps run.
pub async fn drain(pool: &PgPool) -> usize {
    let mut steps = 0;
    while let Some(ran) = engine::run_next(pool, "test").await.unwrap() {
        steps += ran.steps;
    }
    steps
}

pub async fn status(pool: &PgPool, order_id: Uuid) -> String {
    sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_one(pool)
        .await
        .unwrap()
}

pub async fn drift(pool: &PgPool) -> (i64, i64) {
    (
        stock::ledger_drift(pool).await.unwrap(),
        stock::reservation_drift(pool).await.unwrap(),
    )
}

/// Picks, packs everything and ships a fulfilment request, as its warehouse would.
pub async fn ship(pool: &PgPool, number: &str) {
    let mut conn = pool.acquire().await.unwrap();
    fulfilment::start_picking(&mut conn, number, None)
        .await
        .unwrap();
    let packed = sqlx::query_as::<_, (i32, i32)>(
        "SELECT fl.line_no, fl.quantity FROM fulfilment_lines fl JOIN fulfilment_requests fr ON fr.id = fl.fulfilment_request_id
         WHERE fr.number = $1",
    )
    .bind(number)
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(line, quantity)| (line.to_string(), quantity.to_string()))
    .collect();
    fulfilment::pack(&mut conn, number, &packed, None)
        .await
        .unwrap();
    let form = ShipForm {
        carrier: "DHL Express".into(),
        tracking_number: "JD0001".into(),
        parcels: "1".into(),
    };
    fulfilment::ship(&mut conn, number, &form, None)
        .await
        .unwrap();
}
