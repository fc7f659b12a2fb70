//! Payments and returns on a real database: capture per shipment, voids
//! for cancellations (recorded as returns of kind `cancel`), and returns
//! from request to refund, with their stock and their races.

use app::error::AppError;
use app::inventory::model::Channel;
use app::orders::db::returns as returns_db;
use app::orders::db::timeline::Actor;
use app::orders::process::{actions, returns};
use app::orders::returns::{Disposition, RequestedLine, ReturnStep};
use app::payments::db::{self as payments, Movement};
use common::orders::*;
use sqlx::PgPool;
use uuid::Uuid;

mod common;

/// (authorized, captured, voided, refunded, status) of the order's payment.
async fn payment(pool: &PgPool, order: Uuid) -> (i64, i64, i64, i64, String) {
    sqlx::query_as(
        "SELECT authorized_minor, captured_minor, voided_minor, refunded_minor, status FROM payments WHERE order_id = $1",
    )
    .bind(order)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn requests(pool: &PgPool, order: Uuid) -> Vec<String> {
    sqlx::query_scalar("SELECT number FROM fulfilment_requests WHERE order_id = $1 ORDER BY number")
        .bind(order)
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn on_hand(pool: &PgPool, sku: &str, location: &str) -> i32 {
    sqlx::query_scalar(
        "SELECT b.on_hand FROM stock_balances b JOIN variants v ON v.id = b.variant_id
         JOIN locations l ON l.id = b.location_id WHERE v.sku = $1 AND l.code = $2",
    )
    .bind(sku)
    .bind(location)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn lines(wanted: &[(i32, i32)]) -> Vec<RequestedLine> {
    wanted
        .iter()
        .map(|(line_no, quantity)| RequestedLine {
            line_no: *line_no,
            quantity: *quantity,
            reason: "Too small".into(),
        })
        .collect()
}

/// An order of `quantity` × S-0 (€100 each), shipped from WH-A.
async fn shipped_order(pool: &PgPool, w: &World, quantity: i32) -> (Uuid, String) {
    let (order, number) = place(pool, &request(Channel::Web, &[(&w.skus[0], quantity)])).await;
    drain(pool).await;
    for request in requests(pool, order).await {
        ship(pool, &request).await;
    }
    drain(pool).await;
    assert_eq!(status(pool, order).await, "shipped");
    (order, number)
}

fn staff(w: &World) -> Actor {
    Actor::Staff(w.staff)
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn each_shipment_captures_its_part_of_the_payment_once(pool: PgPool) {
    let w = world(&pool).await;
    // 6 units: 5 from WH-A, 1 from WH-B.
    let (order, _) = place(&pool, &request(Channel::Web, &[(&w.skus[0], 6)])).await;
    drain(&pool).await;
    assert_eq!(
        payment(&pool, order).await,
        (60_000, 0, 0, 0, "authorized".into())
    );
    let parts = requests(&pool, order).await;
    ship(&pool, &parts[0]).await;
    drain(&pool).await;
    assert_eq!(
        payment(&pool, order).await,
        (60_000, 50_000, 0, 0, "partially_captured".into())
    );
    ship(&pool, &parts[1]).await;
    drain(&pool).await;
    assert_eq!(
        payment(&pool, order).await,
        (60_000, 60_000, 0, 0, "captured".into())
    );
    // The same capture again (a retried step) finds the first.
    let mut conn = pool.acquire().await.unwrap();
    let again = payments::apply(
        &mut conn,
        order,
        Movement::Capture,
        &parts[0],
        50_000,
        true,
        Actor::System,
    )
    .await
    .unwrap();
    assert_eq!(again, 0);
    let captures: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM payment_transactions t JOIN payments p ON p.id = t.payment_id
         WHERE p.order_id = $1 AND t.kind = 'capture'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(captures, 2);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cancellations_are_recorded_as_returns_and_void_the_payment(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = place(
        &pool,
        &request(Channel::Web, &[(&w.skus[0], 1), (&w.skus[1], 2)]),
    )
    .await;
    drain(&pool).await;
    actions::cancel_lines(&pool, &number, &[1], "customer changed mind", staff(&w))
        .await
        .unwrap();
    assert_eq!(
        payment(&pool, order).await,
        (30_000, 0, 10_000, 0, "authorized".into())
    );
    actions::cancel(&pool, &number, "customer called", staff(&w))
        .await
        .unwrap();
    assert_eq!(
        payment(&pool, order).await,
        (30_000, 0, 30_000, 0, "voided".into())
    );
    let recorded = returns_db::of_order(&pool, order).await.unwrap();
    type Summary<'a> = (&'a str, &'a str, Vec<(i32, i32)>);
    let summary: Vec<Summary> = recorded
        .iter()
        .map(|r| {
            (
                r.kind.as_str(),
                r.status.as_str(),
                r.lines.iter().map(|l| (l.line_no, l.quantity)).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("cancel", "closed", vec![(1, 1)]),
            ("cancel", "closed", vec![(2, 2)])
        ]
    );
    assert_eq!(drift(&pool).await, (0, 0));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_return_goes_from_request_to_refund_and_restocks(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = shipped_order(&pool, &w, 2).await;
    let before = on_hand(&pool, &w.skus[0], "WH-A").await;

    let too_many =
        returns::request(&pool, &number, &lines(&[(1, 3)]), "wrong size", staff(&w)).await;
    assert!(
        matches!(too_many, Err(AppError::Invalid(ref p)) if p[0].code == "too_many"),
        "{too_many:?}"
    );
    let rma = returns::request(&pool, &number, &lines(&[(1, 1)]), "wrong size", staff(&w))
        .await
        .unwrap();
    assert!(rma.starts_with("RMA-"));
    // One of the two units is already coming back.
    let again = returns::request(&pool, &number, &lines(&[(1, 2)]), "again", staff(&w)).await;
    assert!(matches!(again, Err(AppError::Invalid(_))));

    let actor = staff(&w);
    let advance = |step, dispositions: Vec<(i32, Disposition)>| {
        let (pool, number, rma) = (pool.clone(), number.clone(), rma.clone());
        async move { returns::advance(&pool, &number, &rma, step, &dispositions, "", actor).await }
    };
    assert!(matches!(
        advance(ReturnStep::Receive, vec![]).await,
        Err(AppError::Conflict(_))
    ));
    advance(ReturnStep::Approve, vec![]).await.unwrap();
    let approved: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE order_id = $1 AND event = 'return.approved'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(approved, 1, "the channel hears of the approval");
    let documents = returns_db::documents(&pool, &number, &rma)
        .await
        .unwrap()
        .unwrap();
    assert!(documents.qr_svg.starts_with("<svg") && documents.barcode_svg.starts_with("<svg"));
    assert_eq!(documents.return_to.unwrap().name, "WH-A");
    advance(ReturnStep::Receive, vec![]).await.unwrap();
    let undecided = advance(ReturnStep::Inspect, vec![]).await;
    assert!(
        matches!(undecided, Err(AppError::Invalid(_))),
        "{undecided:?}"
    );
    advance(ReturnStep::Inspect, vec![(1, Disposition::Restock)])
        .await
        .unwrap();
    assert_eq!(on_hand(&pool, &w.skus[0], "WH-A").await, before + 1);
    assert_eq!(drift(&pool).await, (0, 0));
    advance(ReturnStep::Refund, vec![]).await.unwrap();
    assert_eq!(
        payment(&pool, order).await,
        (20_000, 20_000, 0, 10_000, "partially_refunded".into())
    );
    assert!(matches!(
        advance(ReturnStep::Refund, vec![]).await,
        Err(AppError::Conflict(_))
    ));
    let recorded = returns_db::of_order(&pool, order).await.unwrap();
    assert_eq!(recorded[0].status, "refunded");
    assert_eq!(recorded[0].refund_minor, 10_000);
    assert_eq!(recorded[0].lines[0].disposition.as_deref(), Some("restock"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_rejected_return_frees_its_units_and_needs_a_reason(pool: PgPool) {
    let w = world(&pool).await;
    let (_, number) = shipped_order(&pool, &w, 1).await;
    let rma = returns::request(&pool, &number, &lines(&[(1, 1)]), "broken", staff(&w))
        .await
        .unwrap();
    let silent = returns::advance(
        &pool,
        &number,
        &rma,
        ReturnStep::Reject,
        &[],
        " ",
        staff(&w),
    )
    .await;
    assert!(matches!(silent, Err(AppError::Invalid(_))));
    returns::advance(
        &pool,
        &number,
        &rma,
        ReturnStep::Reject,
        &[],
        "outside the 30 days",
        staff(&w),
    )
    .await
    .unwrap();
    // The unit may be asked back again.
    returns::request(&pool, &number, &lines(&[(1, 1)]), "broken", staff(&w))
        .await
        .unwrap();
    let unshipped = {
        let (_, fresh) = place(&pool, &request(Channel::Web, &[(&w.skus[1], 1)])).await;
        drain(&pool).await;
        returns::request(&pool, &fresh, &lines(&[(1, 1)]), "x", staff(&w)).await
    };
    assert!(
        matches!(unshipped, Err(AppError::Conflict(_))),
        "{unshipped:?}"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn racing_refunds_of_one_return_refund_once(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = shipped_order(&pool, &w, 2).await;
    let rma = returns::request(&pool, &number, &lines(&[(1, 2)]), "too big", staff(&w))
        .await
        .unwrap();
    for (step, dispositions) in [
        (ReturnStep::Approve, vec![]),
        (ReturnStep::Receive, vec![]),
        (ReturnStep::Inspect, vec![(1, Disposition::WriteOff)]),
    ] {
        returns::advance(&pool, &number, &rma, step, &dispositions, "", staff(&w))
            .await
            .unwrap();
    }
    let racers: Vec<_> = (0..8)
        .map(|_| {
            let (pool, number, rma, actor) = (pool.clone(), number.clone(), rma.clone(), staff(&w));
            tokio::spawn(async move {
                returns::advance(&pool, &number, &rma, ReturnStep::Refund, &[], "", actor).await
            })
        })
        .collect();
    let mut refunded = 0;
    for racer in racers {
        match racer.await.unwrap() {
            Ok(()) => refunded += 1,
            Err(AppError::Conflict(_)) => {}
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!(refunded, 1);
    assert_eq!(
        payment(&pool, order).await,
        (20_000, 20_000, 0, 20_000, "refunded".into())
    );
    // Written off: nothing went back into stock.
    let returned: i64 =
        sqlx::query_scalar("SELECT count(*) FROM stock_movements WHERE kind = 'return_to_stock'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(returned, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_web_parcel_carries_a_return_slip_with_its_codes(pool: PgPool) {
    let w = world(&pool).await;
    let (order, number) = place(&pool, &request(Channel::Web, &[(&w.skus[2], 2)])).await;
    drain(&pool).await;
    let request = requests(&pool, order).await.remove(0);
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT d.kind FROM fulfilment_documents d JOIN fulfilment_requests fr ON fr.id = d.fulfilment_request_id
         WHERE fr.number = $1 ORDER BY d.kind",
    )
    .bind(&request)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(kinds, ["delivery_note", "return_label", "return_note"]);
    let slip = returns_db::parcel_documents(&pool, &number, &request)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(slip.number, format!("R{request}"));
    assert_eq!(slip.lines.len(), 1);
    assert_eq!(slip.lines[0].quantity, 2);
    assert!(slip.qr_svg.starts_with("<svg") && slip.barcode_svg.starts_with("<svg"));
    // Another order's request has no slip under this order.
    assert!(
        returns_db::parcel_documents(&pool, "AT-1", &request)
            .await
            .unwrap()
            .is_none()
    );
}
