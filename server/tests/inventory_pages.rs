//! The inventory screens over real HTTP, on the demo data: who may open
//! them, what they show, CSV downloads, and the changes made through their
//! server functions (receipts, counts, transfers, locations), which keep
//! every balance equal to its ledger.

mod common;

use app::auth::model::Role;
use app::inventory::api::{
    CountStock, CreateTransfer, ReceiveGoods, ReceiveTransfer, SaveBin, SaveLocation,
    SaveReorderPoint, ShipTransfer,
};
use app::inventory::db::{reservations, stock};
use app::inventory::model::{ReservationLine, StockQuery};
use axum::Router;
use axum::http::{StatusCode, header};
use common::*;
use sqlx::PgPool;
use uuid::Uuid;

struct Demo {
    app: Router,
    warehouse: String,
}

async fn demo(pool: &PgPool) -> Demo {
    server::demo::load(pool).await.expect("demo data loads");
    let app = app(pool);
    let warehouse = signed_in(pool, &app, Role::Warehouse).await;
    Demo { app, warehouse }
}

async fn balance(pool: &PgPool, sku: &str, location: &str) -> (i32, i32) {
    sqlx::query_as(
        "SELECT coalesce(b.on_hand, 0), coalesce(b.reserved, 0)
         FROM variants v CROSS JOIN locations l
         LEFT JOIN stock_balances b ON b.variant_id = v.id AND b.location_id = l.id
         WHERE v.sku = $1 AND l.code = $2",
    )
    .bind(sku)
    .bind(location)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// A SKU with at least `min` units available at `location` (the `nth` such).
async fn sku_at(pool: &PgPool, location: &str, min: i32, nth: i64) -> String {
    sqlx::query_scalar(
        "SELECT v.sku FROM stock_balances b JOIN variants v ON v.id = b.variant_id
         JOIN locations l ON l.id = b.location_id
         WHERE l.code = $1 AND b.on_hand - b.reserved >= $2
         ORDER BY v.sku OFFSET $3 LIMIT 1",
    )
    .bind(location)
    .bind(min)
    .bind(nth)
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

async fn assert_ledger_agrees(pool: &PgPool) {
    assert_eq!(
        stock::ledger_drift(pool).await.unwrap(),
        0,
        "every balance equals the sum of its ledger"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn warehouse_staff_open_every_inventory_page(pool: PgPool) {
    let d = demo(&pool).await;
    let sku = sku_at(&pool, "WH-MIL", 1, 0).await;
    let pages = [
        (
            "/admin/inventory".to_owned(),
            vec![
                "Stock by location",
                "WH-MIL",
                "Milan Central Warehouse",
                "Transfers in transit",
                "Quick links",
            ],
        ),
        (
            "/admin/inventory/stock".to_owned(),
            vec![
                "Showing 1–50 of",
                "Download CSV",
                "aria-sort=\"ascending\"",
                "Available to sell",
            ],
        ),
        (
            format!("/admin/inventory/stock?q={sku}&location=WH-MIL"),
            vec![sku.as_str(), "Showing 1–1 of 1"],
        ),
        (
            format!("/admin/inventory/sku/{sku}"),
            vec![
                "Availability by location",
                "available now",
                "Counted quantity",
                "Minimum available",
                "Save bin",
                "Opening stock",
            ],
        ),
        (
            "/admin/inventory/movements".to_owned(),
            vec!["Opening stock", "OPENING-STOCK", "Download CSV"],
        ),
        (
            "/admin/inventory/movements?q=NO-SUCH-REFERENCE".to_owned(),
            vec!["No movements match these filters"],
        ),
        (
            format!("/admin/inventory/receive?sku={sku}"),
            vec!["Receive goods", "Row 10 SKU", "Reference", sku.as_str()],
        ),
        (
            "/admin/inventory/transfers".to_owned(),
            vec!["Transfers", "New transfer", "Any status"],
        ),
        (
            "/admin/inventory/transfers/new".to_owned(),
            vec!["Create transfer", "Expected arrival", "Row 1 quantity"],
        ),
        (
            "/admin/inventory/low-stock".to_owned(),
            vec!["Low stock", "Download CSV", "All locations"],
        ),
        (
            "/admin/inventory/locations".to_owned(),
            vec![
                "Milan Central Warehouse",
                "Ceramiche Toscane",
                "Europe/Rome",
                "Mon, Tue, Wed, Thu, Fri",
            ],
        ),
        (
            "/admin/inventory/locations/new".to_owned(),
            vec!["Create location", "Time zone", "Sales channels it fulfils"],
        ),
        (
            "/admin/inventory/locations/WH-MIL".to_owned(),
            vec!["Save location", "Via Toffetti 104", "Europe/Rome"],
        ),
    ];
    for (path, expected) in pages {
        let response = get(&d.app, &path, Some(&d.warehouse)).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        for text in expected {
            assert!(response.body.contains(text), "{path} shows {text:?}");
        }
        assert!(
            response.body.contains("aria-label=\"Inventory sections\""),
            "{path} has the section tabs"
        );
    }
    for missing in [
        "/admin/inventory/sku/NO-SUCH-SKU",
        "/admin/inventory/transfers/TR-1",
        "/admin/inventory/locations/NOWHERE",
    ] {
        let response = get(&d.app, missing, Some(&d.warehouse)).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{missing}");
    }
    let admin = signed_in(&pool, &d.app, Role::Admin).await;
    assert_eq!(
        get(&d.app, "/admin/inventory/stock", Some(&admin))
            .await
            .status,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn others_are_refused_and_visitors_sent_to_sign_in(pool: PgPool) {
    let d = demo(&pool).await;
    let consumer = signed_in(&pool, &d.app, Role::Consumer).await;
    let finance = signed_in(&pool, &d.app, Role::Finance).await;
    for path in [
        "/admin/inventory",
        "/admin/inventory/stock",
        "/admin/inventory/sku/X",
        "/admin/inventory/movements",
        "/admin/inventory/receive",
        "/admin/inventory/transfers",
        "/admin/inventory/transfers/new",
        "/admin/inventory/low-stock",
        "/admin/inventory/locations",
        "/admin/inventory/locations/new",
        "/admin/inventory/stock.csv",
        "/admin/inventory/movements.csv",
        "/admin/inventory/low-stock.csv",
    ] {
        for cookie in [&consumer, &finance] {
            let response = get(&d.app, path, Some(cookie)).await;
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
            assert!(!response.body.contains("WH-MIL"), "{path} shows no stock");
        }
        let anonymous = get(&d.app, path, None).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            anonymous
                .location()
                .is_some_and(|l| l.starts_with("/sign-in?next=%2Fadmin%2Finventory")),
            "{path}"
        );
    }
    // The server functions check the caller too.
    let form = [
        ("location", "WH-MIL"),
        ("reference", "DN-1"),
        ("rows[0][sku]", "X"),
        ("rows[0][quantity]", "1"),
    ];
    assert_eq!(
        call::<ReceiveGoods>(&d.app, &form, Some(&consumer))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        call::<ReceiveGoods>(&d.app, &form, None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_stock_csv_holds_the_filtered_list(pool: PgPool) {
    let d = demo(&pool).await;
    let sku = sku_at(&pool, "WH-MIL", 1, 3).await;
    let style: String = sku.split('-').take(2).collect::<Vec<_>>().join("-");
    let query = StockQuery {
        q: style.clone(),
        location: "WH-MIL".into(),
        page: 1,
        ..StockQuery::default()
    };
    let total = stock::stock_page(&pool, &query).await.unwrap().total;
    assert!(total >= 1);

    let page = get(
        &d.app,
        &format!("/admin/inventory/stock?q={style}&location=WH-MIL"),
        Some(&d.warehouse),
    )
    .await;
    assert!(page.body.contains(&format!(" of {total}")), "{style}");
    assert!(
        page.body.contains(&format!(
            "href=\"/admin/inventory/stock.csv?q={style}&amp;location=WH-MIL\""
        )),
        "the download link keeps the filters"
    );

    let csv = get(
        &d.app,
        &format!("/admin/inventory/stock.csv?q={style}&location=WH-MIL"),
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.headers.get(header::CONTENT_TYPE).unwrap(),
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        csv.headers.get(header::CONTENT_DISPOSITION).unwrap(),
        "attachment; filename=\"stock.csv\""
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "sku,product,colour,size,location,location_name,bin,on_hand,reserved,available"
    );
    assert_eq!(lines.len() as i64 - 1, total, "one row per balance listed");
    assert!(lines[1..].iter().all(|l| l.contains(",WH-MIL,")));
    assert!(lines.iter().any(|l| l.starts_with(&format!("{sku},"))));

    let all = get(&d.app, "/admin/inventory/stock.csv", Some(&d.warehouse)).await;
    let balances: i64 = sqlx::query_scalar("SELECT count(*) FROM stock_balances")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(all.body.lines().count() as i64 - 1, balances);

    let movements_csv = get(
        &d.app,
        &format!("/admin/inventory/movements.csv?q={sku}"),
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(movements_csv.status, StatusCode::OK);
    assert!(movements_csv.body.starts_with("id,at,sku,"));
    assert!(movements_csv.body.contains("OPENING-STOCK"));
    let low = get(&d.app, "/admin/inventory/low-stock.csv", Some(&d.warehouse)).await;
    assert_eq!(low.status, StatusCode::OK);
    assert!(
        low.body
            .starts_with("sku,product,location,available,incoming,min_available,suggested_order\n")
    );
    assert_eq!(
        low.body.lines().count() - 1,
        stock::low_stock(&pool, None).await.unwrap().len(),
        "one row per SKU below its reorder point"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn receiving_goods_books_every_row_in_stock_and_ledger(pool: PgPool) {
    let d = demo(&pool).await;
    let first = sku_at(&pool, "WH-MIL", 0, 0).await;
    let second = sku_at(&pool, "WH-MIL", 0, 1).await;
    let (before_first, _) = balance(&pool, &first, "WH-MIL").await;
    let (before_second, _) = balance(&pool, &second, "WH-MIL").await;
    let response = call::<ReceiveGoods>(
        &d.app,
        &[
            ("location", "WH-MIL"),
            ("reference", "DN-2026-0042"),
            ("note", "Pallet 1 of 1"),
            ("rows[0][sku]", &first),
            ("rows[0][quantity]", "12"),
            ("rows[1][sku]", ""),
            ("rows[1][quantity]", ""),
            ("rows[2][sku]", &second.to_lowercase()),
            ("rows[2][quantity]", "3"),
            ("rows[3][sku]", &first),
            ("rows[3][quantity]", "1"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(
        response.location(),
        Some("/admin/inventory/movements?q=DN-2026-0042&location=WH-MIL&received=16")
    );
    assert_eq!(balance(&pool, &first, "WH-MIL").await.0, before_first + 13);
    assert_eq!(balance(&pool, &second, "WH-MIL").await.0, before_second + 3);
    let receipts: Vec<(String, i32, String)> = sqlx::query_as(
        "SELECT v.sku, m.on_hand_delta, m.reason FROM stock_movements m JOIN variants v ON v.id = m.variant_id
         WHERE m.reference = 'DN-2026-0042' AND m.kind = 'receipt' AND m.reference_kind = 'receipt'
           AND m.actor_id IS NOT NULL
         ORDER BY v.sku",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut expected = vec![
        (first.clone(), 13, "Pallet 1 of 1".to_owned()),
        (second.clone(), 3, "Pallet 1 of 1".to_owned()),
    ];
    expected.sort();
    assert_eq!(receipts, expected);

    let list = get(
        &d.app,
        "/admin/inventory/movements?q=DN-2026-0042&location=WH-MIL&received=16",
        Some(&d.warehouse),
    )
    .await;
    assert!(list.body.contains("Goods received: 16 units."));
    assert!(list.body.contains("Showing 1–2 of 2"));
    assert_ledger_agrees(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn bad_receipts_say_what_is_wrong_and_change_nothing(pool: PgPool) {
    let d = demo(&pool).await;
    let sku = sku_at(&pool, "WH-MIL", 0, 0).await;
    let before = balance(&pool, &sku, "WH-MIL").await;
    let ledger = movements(&pool).await;
    // (form fields, messages the answer must contain)
    type Case<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);
    let cases: Vec<Case> = vec![
        (
            vec![
                ("location", "WH-MIL"),
                ("reference", "DN-1"),
                ("rows[0][sku]", &sku),
                ("rows[0][quantity]", "5"),
                ("rows[1][sku]", "NO-SUCH-SKU"),
                ("rows[1][quantity]", "5"),
            ],
            vec!["sku-2", "Row 2: there is no SKU “NO-SUCH-SKU”."],
        ),
        (
            vec![
                ("location", "WH-MIL"),
                ("reference", "DN-1"),
                ("rows[0][sku]", &sku),
                ("rows[0][quantity]", "0"),
            ],
            vec!["quantity-1", "Row 1: enter a quantity from 1 to 100000."],
        ),
        (
            vec![
                ("location", "WH-MIL"),
                ("reference", "DN-1"),
                ("rows[0][sku]", &sku),
                ("rows[0][quantity]", "100001"),
            ],
            vec!["quantity-1"],
        ),
        (
            vec![
                ("location", "WH-MIL"),
                ("reference", "  "),
                ("rows[0][sku]", &sku),
                ("rows[0][quantity]", "5"),
            ],
            vec![
                "\"reference\"",
                "Enter a reference, such as the supplier's delivery note number.",
            ],
        ),
        (
            vec![
                ("location", "WH-MIL"),
                ("reference", "DN-1"),
                ("rows[0][sku]", ""),
                ("rows[0][quantity]", ""),
            ],
            vec!["Enter at least one SKU and quantity."],
        ),
        (
            vec![
                ("location", "NOWHERE"),
                ("reference", "DN-1"),
                ("rows[0][sku]", &sku),
                ("rows[0][quantity]", "5"),
            ],
            vec!["\"location\"", "Choose a location from the list."],
        ),
    ];
    for (form, messages) in cases {
        let response = call::<ReceiveGoods>(&d.app, &form, Some(&d.warehouse)).await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{form:?}: {}",
            response.body
        );
        for message in messages {
            assert!(
                response.body.contains(message),
                "{message}: {}",
                response.body
            );
        }
    }
    assert_eq!(balance(&pool, &sku, "WH-MIL").await, before);
    assert_eq!(movements(&pool).await, ledger, "nothing was booked");
    assert_ledger_agrees(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_count_adjusts_the_balance_but_never_below_reservations(pool: PgPool) {
    let d = demo(&pool).await;
    let sku = sku_at(&pool, "WH-MIL", 3, 0).await;
    let (on_hand, reserved) = balance(&pool, &sku, "WH-MIL").await;
    let counted = (on_hand + 2).to_string();
    let response = call::<CountStock>(
        &d.app,
        &[("sku", &sku), ("location", "WH-MIL"), ("counted", &counted)],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(
        response.location(),
        Some(
            format!(
                "/admin/inventory/sku/{sku}?counted_at=WH-MIL&expected={on_hand}&counted={counted}"
            )
            .as_str()
        )
    );
    assert_eq!(
        balance(&pool, &sku, "WH-MIL").await,
        (on_hand + 2, reserved)
    );
    let page = get(&d.app, response.location().unwrap(), Some(&d.warehouse)).await;
    assert!(page.body.contains(&format!(
        "Count recorded at WH-MIL: {counted} counted, {on_hand} expected. On hand adjusted by +2."
    )));
    assert!(
        page.body.contains("Cycle count"),
        "the adjustment is listed"
    );

    // Reserve 2 for an order, then count 1: refused with the rule's message.
    let (order_id, line_no): (Uuid, i32) = sqlx::query_as(
        "SELECT order_id, line_no FROM order_lines ol WHERE NOT EXISTS (
                 SELECT 1 FROM reservations r
                 WHERE r.order_id = ol.order_id AND r.line_no = ol.line_no AND r.state = 'active')
             LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let (variant_id, location_id): (Uuid, Uuid) = sqlx::query_as(
        "SELECT v.id, l.id FROM variants v, locations l WHERE v.sku = $1 AND l.code = 'WH-MIL'",
    )
    .bind(&sku)
    .fetch_one(&pool)
    .await
    .unwrap();
    reservations::reserve_now(
        &pool,
        &reservations::Reservation {
            order_id,
            location_id,
            lines: &[ReservationLine {
                line_no,
                variant_id,
                quantity: 2,
            }],
            expires_at: None,
            reference: "T-1",
            actor: None,
        },
    )
    .await
    .unwrap();
    let held = balance(&pool, &sku, "WH-MIL").await;
    assert_eq!(held.1, reserved + 2);
    let refused = call::<CountStock>(
        &d.app,
        &[("sku", &sku), ("location", "WH-MIL"), ("counted", "1")],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("WH-MIL/counted"), "{}", refused.body);
    assert!(
        refused.body.contains(&format!(
            "{} units are reserved for orders, but only 1 were counted",
            held.1
        )),
        "{}",
        refused.body
    );
    assert_eq!(balance(&pool, &sku, "WH-MIL").await, held);

    let negative = call::<CountStock>(
        &d.app,
        &[("sku", &sku), ("location", "WH-MIL"), ("counted", "-4")],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(negative.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_ledger_agrees(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn reorder_points_and_bins_are_saved_and_low_stock_lists_them(pool: PgPool) {
    let d = demo(&pool).await;
    let sku = sku_at(&pool, "WH-MIL", 1, 5).await;
    let (on_hand, reserved) = balance(&pool, &sku, "WH-MIL").await;
    let min = (on_hand - reserved + 10).to_string();
    let response = call::<SaveReorderPoint>(
        &d.app,
        &[
            ("sku", &sku),
            ("location", "WH-MIL"),
            ("min_available", &min),
            ("reorder_quantity", "40"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let bin = call::<SaveBin>(
        &d.app,
        &[("sku", &sku), ("location", "WH-MIL"), ("bin", "a-12-03")],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(bin.status, StatusCode::OK, "{}", bin.body);
    let bad = call::<SaveReorderPoint>(
        &d.app,
        &[
            ("sku", &sku),
            ("location", "WH-MIL"),
            ("min_available", "-1"),
            ("reorder_quantity", "0"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("WH-MIL/min_available") && bad.body.contains("WH-MIL/reorder_quantity")
    );

    let page = get(
        &d.app,
        &format!("/admin/inventory/sku/{sku}?saved=bin&at=WH-MIL"),
        Some(&d.warehouse),
    )
    .await;
    assert!(page.body.contains("Bin saved for WH-MIL."));
    assert!(page.body.contains("A-12-03"));
    assert!(page.body.contains(&format!("below {min}: order 40")));

    let csv = get(
        &d.app,
        "/admin/inventory/low-stock.csv?location=WH-MIL",
        Some(&d.warehouse),
    )
    .await;
    let low_here = stock::low_stock(&pool, Some("WH-MIL")).await.unwrap();
    assert!(
        low_here
            .iter()
            .any(|r| r.sku == sku && r.suggested_order >= 40)
    );
    assert_eq!(csv.body.lines().count(), low_here.len() + 1);
    let position = low_here.iter().position(|r| r.sku == sku).unwrap();
    let low = get(
        &d.app,
        &format!(
            "/admin/inventory/low-stock?location=WH-MIL&page={}",
            position / 50 + 1
        ),
        Some(&d.warehouse),
    )
    .await;
    assert!(low.body.contains(&sku), "the SKU is listed as low on stock");
    assert!(csv.body.contains(&format!("{sku},")));
    let stock = get(
        &d.app,
        &format!("/admin/inventory/stock?q={sku}&sort=bin"),
        Some(&d.warehouse),
    )
    .await;
    assert!(stock.body.contains("A-12-03"));
    assert_ledger_agrees(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_transfer_created_shipped_and_received_moves_the_stock(pool: PgPool) {
    let d = demo(&pool).await;
    let sku = sku_at(&pool, "WH-MIL", 5, 2).await;
    let (mil_before, _) = balance(&pool, &sku, "WH-MIL").await;
    let (rtm_before, _) = balance(&pool, &sku, "WH-RTM").await;

    let same = call::<CreateTransfer>(
        &d.app,
        &[
            ("from", "WH-MIL"),
            ("to", "WH-MIL"),
            ("rows[0][sku]", &sku),
            ("rows[0][quantity]", "4"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        same.body
            .contains("Choose a location other than the one the goods leave from.")
    );

    let created = call::<CreateTransfer>(
        &d.app,
        &[
            ("from", "WH-MIL"),
            ("to", "WH-RTM"),
            ("expected_arrival", ""),
            ("note", "Rebalancing"),
            ("rows[0][sku]", &sku),
            ("rows[0][quantity]", "4"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let target = created.location().unwrap().to_owned();
    let number = target
        .trim_start_matches("/admin/inventory/transfers/")
        .trim_end_matches("?done=created")
        .to_owned();
    assert!(number.starts_with("TR-"), "{target}");
    let draft = get(&d.app, &target, Some(&d.warehouse)).await;
    assert!(draft.body.contains("Transfer created as a draft."));
    assert!(draft.body.contains("Ship"));
    assert_eq!(
        balance(&pool, &sku, "WH-MIL").await.0,
        mil_before,
        "a draft moves nothing"
    );

    let shipped = call::<ShipTransfer>(&d.app, &[("number", &number)], Some(&d.warehouse)).await;
    assert_eq!(shipped.status, StatusCode::OK, "{}", shipped.body);
    assert_eq!(balance(&pool, &sku, "WH-MIL").await.0, mil_before - 4);
    let again = call::<ShipTransfer>(&d.app, &[("number", &number)], Some(&d.warehouse)).await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let list = get(
        &d.app,
        "/admin/inventory/transfers?status=in_transit",
        Some(&d.warehouse),
    )
    .await;
    assert!(list.body.contains(&number) && list.body.contains("In transit"));
    let in_transit = get(
        &d.app,
        &format!("/admin/inventory/sku/{sku}"),
        Some(&d.warehouse),
    )
    .await;
    assert!(
        in_transit.body.contains("4 on "),
        "incoming supply is shown"
    );

    let received = call::<ReceiveTransfer>(
        &d.app,
        &[
            ("number", &number),
            ("lines[0][sku]", &sku),
            ("lines[0][quantity]", "3"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(received.status, StatusCode::OK, "{}", received.body);
    assert_eq!(balance(&pool, &sku, "WH-RTM").await.0, rtm_before + 3);
    let detail = get(
        &d.app,
        &format!("/admin/inventory/transfers/{number}?done=received"),
        Some(&d.warehouse),
    )
    .await;
    assert!(detail.body.contains("Received: what arrived"));

    // Shipping more than is available rolls back: nothing moves.
    let big = call::<CreateTransfer>(
        &d.app,
        &[
            ("from", "WH-MIL"),
            ("to", "WH-BCN"),
            ("rows[0][sku]", &sku),
            ("rows[0][quantity]", "1"),
            ("rows[1][sku]", &sku_at(&pool, "WH-MIL", 1, 7).await),
            ("rows[1][quantity]", "99999"),
        ],
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(big.status, StatusCode::OK, "{}", big.body);
    let big_number = big
        .location()
        .unwrap()
        .trim_start_matches("/admin/inventory/transfers/")
        .trim_end_matches("?done=created")
        .to_owned();
    let before = balance(&pool, &sku, "WH-MIL").await;
    let short = call::<ShipTransfer>(&d.app, &[("number", &big_number)], Some(&d.warehouse)).await;
    assert_eq!(short.status, StatusCode::CONFLICT);
    assert!(
        short.body.contains("Not enough available stock of"),
        "{}",
        short.body
    );
    assert_eq!(balance(&pool, &sku, "WH-MIL").await, before);
    let status: String = sqlx::query_scalar("SELECT status FROM transfers WHERE number = $1")
        .bind(&big_number)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "draft");
    assert_ledger_agrees(&pool).await;
}

fn location_form<'a>(code: &'a str, time_zone: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("original", ""),
        ("code", code),
        ("name", "Torino Outlet"),
        ("kind", "store"),
        ("country", "it"),
        ("city", "Torino"),
        ("address", "Via Roma 1"),
        ("postal_code", "10121"),
        ("time_zone", time_zone),
        ("working_days", "Tue-Sat"),
        ("cutoff_time", "12:30"),
        ("handling_days", "2"),
        ("channel_web", "on"),
        ("channel_store", "on"),
        ("ships_to", "IT, FR"),
        ("priority", "70"),
        ("active", "on"),
    ]
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn locations_are_checked_created_and_edited(pool: PgPool) {
    let d = demo(&pool).await;
    let zone = call::<SaveLocation>(
        &d.app,
        &location_form("ST-TRN", "Mars/Olympus_Mons"),
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(zone.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        zone.body.contains("is not a known time zone"),
        "{}",
        zone.body
    );

    let taken = call::<SaveLocation>(
        &d.app,
        &location_form("wh-mil", "Europe/Rome"),
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .body
            .contains("A location with the code WH-MIL exists already."),
        "{}",
        taken.body
    );

    let mut bad = location_form("x", "Rome");
    bad.retain(|(k, _)| !k.starts_with("channel_") && *k != "cutoff_time");
    bad.push(("cutoff_time", "25:00"));
    let invalid = call::<SaveLocation>(&d.app, &bad, Some(&d.warehouse)).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["\"code\"", "\"time_zone\""] {
        assert!(invalid.body.contains(field), "{field}: {}", invalid.body);
    }

    let created = call::<SaveLocation>(
        &d.app,
        &location_form("st-trn", "Europe/Rome"),
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    assert_eq!(
        created.location(),
        Some("/admin/inventory/locations?saved=ST-TRN")
    );
    let list = get(
        &d.app,
        "/admin/inventory/locations?saved=ST-TRN",
        Some(&d.warehouse),
    )
    .await;
    assert!(list.body.contains("Location ST-TRN saved."));
    assert!(list.body.contains("Torino Outlet"));
    assert!(list.body.contains("Tue, Wed, Thu, Fri, Sat"));

    let mut edit = location_form("ST-TRN", "Europe/Rome");
    edit.retain(|(k, _)| !matches!(*k, "original" | "active" | "name"));
    edit.push(("original", "ST-TRN"));
    edit.push(("name", "Torino Outlet Lingotto"));
    let edited = call::<SaveLocation>(&d.app, &edit, Some(&d.warehouse)).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    let (name, active, channels): (String, bool, Vec<String>) =
        sqlx::query_as("SELECT name, active, channels FROM locations WHERE code = 'ST-TRN'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(name, "Torino Outlet Lingotto");
    assert!(!active, "an unticked box switches the location off");
    assert_eq!(channels, vec!["web", "store"]);
    let form = get(
        &d.app,
        "/admin/inventory/locations/ST-TRN",
        Some(&d.warehouse),
    )
    .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Torino Outlet Lingotto"));
    assert_ledger_agrees(&pool).await;
}
