//! Stock under concurrency, on a real database: reservations never oversell,
//! every change is in the ledger, no step counts twice.

mod common;

use app::inventory::db::reservations::{self, Closing, Reservation, ReserveError};
use app::inventory::db::stock::{self, CountFailure, Source};
use app::inventory::db::transfers::{self, NewTransfer, TransferError};
use app::inventory::model::{MovementKind, ReservationLine};
use common::assert_stock_consistent;
use futures::StreamExt;
use rand::{Rng, SeedableRng};
use sqlx::PgPool;
use uuid::Uuid;

struct World {
    variants: Vec<Uuid>,
    locations: Vec<Uuid>,
    order_id: Uuid,
}

/// `skus` SKUs, two locations, and one order with `lines` lines (line n
/// orders SKU n % skus).
async fn world(pool: &PgPool, skus: usize, lines: i32) -> World {
    let category: Uuid =
        sqlx::query_scalar("INSERT INTO categories (slug, name) VALUES ('c', 'C') RETURNING id")
            .fetch_one(pool)
            .await
            .unwrap();
    let product: Uuid = sqlx::query_scalar(
        "INSERT INTO products (style_code, slug, name, category_id, price_minor, season)
         VALUES ('ST-1', 'st-1', 'Style', $1, 1000, 'FW26') RETURNING id",
    )
    .bind(category)
    .fetch_one(pool)
    .await
    .unwrap();
    let mut variants = Vec::new();
    for i in 0..skus {
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO variants (product_id, sku, colour, colour_hex, size) VALUES ($1, $2, 'Ecru', '#eeeeee', $3)
             RETURNING id",
        )
        .bind(product)
        .bind(format!("ST-1-ECR-{i}"))
        .bind(format!("S{i}"))
        .fetch_one(pool)
        .await
        .unwrap();
        variants.push(id);
    }
    let mut locations = Vec::new();
    for code in ["WH-A", "WH-B"] {
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO locations (code, name, kind, country, city) VALUES ($1, $1, 'warehouse', 'IT', 'Milano')
             RETURNING id",
        )
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap();
        locations.push(id);
    }
    let order_id: Uuid = sqlx::query_scalar(
        "INSERT INTO orders (number, channel, email, status, total_minor, ship_to)
         VALUES ('T-1', 'web', 'a@example.com', 'captured', 0, '{}') RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO order_lines (order_id, line_no, variant_id, sku, description, quantity, unit_price_minor)
         SELECT $1, n, ($2::uuid[])[1 + (n % cardinality($2::uuid[]))], 'sku', 'line', 1, 1000
         FROM generate_series(1, $3) AS n",
    )
    .bind(order_id)
    .bind(&variants)
    .bind(lines)
    .execute(pool)
    .await
    .unwrap();
    World {
        variants,
        locations,
        order_id,
    }
}

fn source(reference: &str) -> Source<'_> {
    Source {
        kind: "receipt",
        reference,
        reason: "",
        actor: None,
    }
}

async fn receive(pool: &PgPool, location: Uuid, variant: Uuid, quantity: i32) {
    let mut conn = pool.acquire().await.unwrap();
    stock::receive(
        &mut conn,
        location,
        &[(variant, quantity)],
        MovementKind::Receipt,
        source("GR-1"),
    )
    .await
    .unwrap();
}

async fn balance(pool: &PgPool, variant: Uuid, location: Uuid) -> (i32, i32) {
    sqlx::query_as(
        "SELECT on_hand, reserved FROM stock_balances WHERE variant_id = $1 AND location_id = $2",
    )
    .bind(variant)
    .bind(location)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn reservation<'a>(world: &World, location: Uuid, lines: &'a [ReservationLine]) -> Reservation<'a> {
    Reservation {
        order_id: world.order_id,
        location_id: location,
        lines,
        expires_at: None,
        reference: "T-1",
        actor: None,
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_thousand_racing_reservations_never_oversell(pool: PgPool) {
    let attempts = 1_200;
    let w = world(&pool, 1, attempts).await;
    let sku = w.variants[0];
    receive(&pool, w.locations[0], sku, 250).await;
    receive(&pool, w.locations[1], sku, 250).await;

    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let requests: Vec<(i32, usize, i32)> = (1..=attempts)
        .map(|line_no| (line_no, rng.random_range(0..2), rng.random_range(1..=3)))
        .collect();
    let outcomes: Vec<(usize, i32, Result<_, ReserveError>)> = futures::stream::iter(requests)
        .map(|(line_no, location, quantity)| {
            let pool = pool.clone();
            let order_id = w.order_id;
            let location_id = w.locations[location];
            async move {
                let lines = [ReservationLine {
                    line_no,
                    variant_id: sku,
                    quantity,
                }];
                let request = Reservation {
                    order_id,
                    location_id,
                    lines: &lines,
                    expires_at: None,
                    reference: "T-1",
                    actor: None,
                };
                (
                    location,
                    quantity,
                    reservations::reserve_now(&pool, &request).await,
                )
            }
        })
        .buffer_unordered(48)
        .collect()
        .await;

    let mut reserved = [0, 0];
    let mut refused = 0;
    for (location, quantity, outcome) in &outcomes {
        match outcome {
            Ok(_) => reserved[*location] += quantity,
            Err(ReserveError::Insufficient(shortages)) => {
                refused += 1;
                assert_eq!(shortages.len(), 1);
                assert_eq!(shortages[0].requested, *quantity);
                assert!(shortages[0].available < *quantity);
            }
            Err(other) => panic!("a failure must be a clean shortage, got {other:?}"),
        }
    }
    assert!(refused > 0, "there was more demand than stock");
    for (i, location) in w.locations.iter().enumerate() {
        let (on_hand, held) = balance(&pool, sku, *location).await;
        assert_eq!(on_hand, 250);
        assert_eq!(
            held, reserved[i],
            "the balance holds exactly the successful reservations"
        );
        assert!(held <= on_hand);
        assert!(
            on_hand - held <= 2,
            "stock was not refused while there was enough"
        );
    }
    assert!(reserved.iter().sum::<i32>() <= 500);
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_release_racing_a_shipment_counts_once(pool: PgPool) {
    let n = 150;
    let w = world(&pool, 1, n).await;
    let (sku, location) = (w.variants[0], w.locations[0]);
    receive(&pool, location, sku, 1_000).await;
    let mut ids = Vec::new();
    for line_no in 1..=n {
        let lines = [ReservationLine {
            line_no,
            variant_id: sku,
            quantity: 2,
        }];
        let made = reservations::reserve_now(&pool, &reservation(&w, location, &lines))
            .await
            .unwrap();
        ids.push(made[0].reservation_id);
    }
    assert_eq!(balance(&pool, sku, location).await, (1_000, 2 * n));

    let results: Vec<(bool, bool)> = futures::stream::iter(ids)
        .map(|id| {
            let pool = pool.clone();
            async move {
                let mut a = pool.acquire().await.unwrap();
                let mut b = pool.acquire().await.unwrap();
                let (released, shipped) = tokio::join!(
                    reservations::release(&mut a, id, Closing::Released, "cancel", None),
                    reservations::ship(&mut b, id, 2, "FR-1", None),
                );
                (released.unwrap(), shipped.unwrap())
            }
        })
        // Each race holds two connections; stay within the test pool.
        .buffer_unordered(4)
        .collect()
        .await;
    let shipped = results.iter().filter(|(_, s)| *s).count() as i32;
    for (released, shipped) in &results {
        assert!(
            released ^ shipped,
            "exactly one of release and shipment wins"
        );
    }
    assert_eq!(
        balance(&pool, sku, location).await,
        (1_000 - 2 * shipped, 0)
    );
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn reserving_several_lines_is_all_or_nothing(pool: PgPool) {
    let w = world(&pool, 3, 3).await;
    let location = w.locations[0];
    receive(&pool, location, w.variants[1], 5).await;
    receive(&pool, location, w.variants[2], 1).await;
    // Lines 1 and 2 order variants[1] and variants[2] (line n orders n % 3).
    let lines = [
        ReservationLine {
            line_no: 1,
            variant_id: w.variants[1],
            quantity: 2,
        },
        ReservationLine {
            line_no: 2,
            variant_id: w.variants[2],
            quantity: 3,
        },
    ];
    match reservations::reserve_now(&pool, &reservation(&w, location, &lines)).await {
        Err(ReserveError::Insufficient(shortages)) => {
            assert_eq!(shortages.len(), 1);
            assert_eq!(shortages[0].variant_id, w.variants[2]);
            assert_eq!((shortages[0].requested, shortages[0].available), (3, 1));
        }
        other => panic!("expected a shortage, got {other:?}"),
    }
    assert_eq!(
        balance(&pool, w.variants[1], location).await,
        (5, 0),
        "the line that fitted was not kept"
    );
    let active: i64 = sqlx::query_scalar("SELECT count(*) FROM reservations")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(active, 0);

    // A SKU never stocked at the location is simply short.
    let unknown = [ReservationLine {
        line_no: 3,
        variant_id: w.variants[0],
        quantity: 1,
    }];
    assert!(matches!(
        reservations::reserve_now(&pool, &reservation(&w, location, &unknown)).await,
        Err(ReserveError::Insufficient(_))
    ));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_same_line_cannot_be_reserved_twice_at_a_location(pool: PgPool) {
    let w = world(&pool, 1, 1).await;
    receive(&pool, w.locations[0], w.variants[0], 10).await;
    let lines = [ReservationLine {
        line_no: 1,
        variant_id: w.variants[0],
        quantity: 1,
    }];
    reservations::reserve_now(&pool, &reservation(&w, w.locations[0], &lines))
        .await
        .unwrap();
    assert!(matches!(
        reservations::reserve_now(&pool, &reservation(&w, w.locations[0], &lines)).await,
        Err(ReserveError::AlreadyReserved)
    ));
    assert_eq!(balance(&pool, w.variants[0], w.locations[0]).await, (10, 1));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn expired_reservations_give_their_stock_back_once(pool: PgPool) {
    let w = world(&pool, 1, 2).await;
    let (sku, location) = (w.variants[0], w.locations[0]);
    receive(&pool, location, sku, 10).await;
    for (line_no, minutes) in [(1, -5), (2, 30)] {
        let lines = [ReservationLine {
            line_no,
            variant_id: sku,
            quantity: 3,
        }];
        let mut request = reservation(&w, location, &lines);
        request.expires_at =
            Some(time::OffsetDateTime::now_utc() + time::Duration::minutes(minutes));
        reservations::reserve_now(&pool, &request).await.unwrap();
    }
    let (a, b) = tokio::join!(
        reservations::expire_due(&pool),
        reservations::expire_due(&pool)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1, "two workers expire it once");
    assert_eq!(balance(&pool, sku, location).await, (10, 3));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_short_pick_leaves_the_stock_and_the_rest_ships(pool: PgPool) {
    let w = world(&pool, 1, 1).await;
    let (sku, location) = (w.variants[0], w.locations[0]);
    receive(&pool, location, sku, 10).await;
    let lines = [ReservationLine {
        line_no: 1,
        variant_id: sku,
        quantity: 4,
    }];
    let id = reservations::reserve_now(&pool, &reservation(&w, location, &lines))
        .await
        .unwrap()[0]
        .reservation_id;
    let mut conn = pool.acquire().await.unwrap();
    assert!(
        reservations::record_short_pick(&mut conn, id, 1, "FR-1", None)
            .await
            .unwrap()
    );
    assert_eq!(balance(&pool, sku, location).await, (9, 3));
    assert!(
        !reservations::ship(&mut conn, id, 4, "FR-1", None)
            .await
            .unwrap(),
        "cannot ship what was not found"
    );
    assert!(
        reservations::ship(&mut conn, id, 3, "FR-1", None)
            .await
            .unwrap()
    );
    assert_eq!(balance(&pool, sku, location).await, (6, 0));
    assert!(
        !reservations::release(&mut conn, id, Closing::Released, "late cancel", None)
            .await
            .unwrap()
    );
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_database_refuses_negative_stock_whatever_the_code_does(pool: PgPool) {
    let w = world(&pool, 1, 1).await;
    receive(&pool, w.locations[0], w.variants[0], 2).await;
    for sql in [
        "UPDATE stock_balances SET on_hand = on_hand - 3",
        "UPDATE stock_balances SET reserved = on_hand + 1",
        "UPDATE stock_balances SET reserved = -1",
    ] {
        let error = sqlx::query(sql).execute(&pool).await.unwrap_err();
        assert!(
            error.to_string().contains("stock_balances_sane"),
            "{sql}: {error}"
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn counts_adjust_by_the_difference_and_respect_reservations(pool: PgPool) {
    let w = world(&pool, 1, 1).await;
    let (sku, location) = (w.variants[0], w.locations[0]);
    receive(&pool, location, sku, 10).await;
    let lines = [ReservationLine {
        line_no: 1,
        variant_id: sku,
        quantity: 4,
    }];
    reservations::reserve_now(&pool, &reservation(&w, location, &lines))
        .await
        .unwrap();
    let mut tx = pool.begin().await.unwrap();
    let counted = stock::count(&mut tx, location, sku, 7, "staff", source("COUNT"))
        .await
        .unwrap();
    assert_eq!((counted.expected, counted.difference), (10, -3));
    match stock::count(&mut tx, location, sku, 3, "staff", source("COUNT")).await {
        Err(CountFailure::Refused(error)) => {
            assert!(error.to_string().contains("4 units are reserved"))
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    tx.commit().await.unwrap();
    assert_eq!(balance(&pool, sku, location).await, (7, 4));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn transfers_move_stock_only_when_shipped_and_received(pool: PgPool) {
    let w = world(&pool, 1, 1).await;
    let (sku, from, to) = (w.variants[0], w.locations[0], w.locations[1]);
    receive(&pool, from, sku, 10).await;
    let mut tx = pool.begin().await.unwrap();
    let lines = [(sku, 6)];
    let (id, number) = transfers::create(
        &mut tx,
        &NewTransfer {
            from,
            to,
            expected_arrival: None,
            note: "",
            lines: &lines,
            actor: None,
        },
    )
    .await
    .unwrap();
    assert!(number.starts_with("TR-"));
    transfers::ship(&mut tx, id, None).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(balance(&pool, sku, from).await, (4, 0));

    let mut conn = pool.acquire().await.unwrap();
    assert!(matches!(
        transfers::ship(&mut conn, id, None).await,
        Err(TransferError::WrongStatus(_))
    ));
    transfers::receive(&mut conn, id, &[(sku, 5)], None)
        .await
        .unwrap();
    assert_eq!(
        balance(&pool, sku, to).await,
        (5, 0),
        "one unit was lost on the way"
    );
    assert!(matches!(
        transfers::receive(&mut conn, id, &[(sku, 5)], None).await,
        Err(TransferError::WrongStatus(_))
    ));

    // A transfer of more than is available moves nothing.
    let mut tx = pool.begin().await.unwrap();
    let too_many = [(sku, 50)];
    let (big, _) = transfers::create(
        &mut tx,
        &NewTransfer {
            from,
            to,
            expected_arrival: None,
            note: "",
            lines: &too_many,
            actor: None,
        },
    )
    .await
    .unwrap();
    assert!(matches!(
        transfers::ship(&mut tx, big, None).await,
        Err(TransferError::Insufficient(_))
    ));
    tx.rollback().await.unwrap();
    assert_eq!(balance(&pool, sku, from).await, (4, 0));
    assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn availability_adds_incoming_supply_by_date(pool: PgPool) {
    let w = world(&pool, 1, 1).await;
    let (sku, location) = (w.variants[0], w.locations[0]);
    receive(&pool, location, sku, 3).await;
    let supplier: Uuid = sqlx::query_scalar(
        "INSERT INTO suppliers (code, name, country, email, lead_time_days) VALUES ('S', 'S', 'IT', 's@x.example', 30)
         RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let po: Uuid = sqlx::query_scalar(
        "INSERT INTO purchase_orders (number, supplier_id, location_id, status, expected_date)
         VALUES ('PO-1', $1, $2, 'confirmed', $3) RETURNING id",
    )
    .bind(supplier)
    .bind(location)
    .bind(today + time::Duration::days(10))
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO purchase_order_lines (purchase_order_id, line_no, variant_id, quantity) VALUES ($1, 1, $2, 20)")
        .bind(po)
        .bind(sku)
        .execute(&pool)
        .await
        .unwrap();
    let availability = stock::availability(&pool, "ST-1-ECR-0", today)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(availability.available, 3);
    let a = &availability
        .locations
        .iter()
        .find(|l| l.code == "WH-A")
        .unwrap()
        .atp;
    assert_eq!(a.len(), 2);
    assert_eq!((a[0].date, a[0].quantity), (today, 3));
    assert_eq!(
        (a[1].date, a[1].quantity),
        (today + time::Duration::days(10), 23)
    );
    assert_eq!(availability.atp, *a, "the other location has nothing");
    assert!(
        stock::availability(&pool, "NO-SUCH-SKU", today)
            .await
            .unwrap()
            .is_none()
    );
}
