//! The storefront's bag and checkout against a real database: merging a
//! guest's bag at sign-in, one order per checkout key under a race, the
//! last unit going to exactly one of two customers, and a declined card.

mod common;

use app::cart::db::{self as carts, CartOwner};
use app::cart::rules::ShippingMethod;
use app::checkout::db::place;
use app::checkout::rules::Checkout;
use app::error::AppError;
use app::fulfilment::model::Address;
use app::i18n::Locale;
use server::testing as fixtures;
use sqlx::PgPool;
use std::sync::Arc;
use time::OffsetDateTime;
use uuid::Uuid;

fn today() -> time::Date {
    OffsetDateTime::now_utc().date()
}

/// One style (€61.00) in sizes 1..=n, `units` of each at a web warehouse.
async fn shop(pool: &PgPool, skus: &[&str], units: i32) -> Vec<Uuid> {
    let skus: Vec<String> = skus.iter().map(|s| s.to_string()).collect();
    let variants = fixtures::product(pool, "KN-1", "Merino crew neck", 6_100, &skus)
        .await
        .unwrap();
    let warehouse = fixtures::location(pool, "WH-A", "warehouse", 1, &["IT", "DE"])
        .await
        .unwrap();
    fixtures::stock_up(pool, warehouse, &variants, units)
        .await
        .unwrap();
    variants
}

async fn customer(pool: &PgPool, email: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, role) VALUES ($1, 'Ada Lovelace', 'x', 'consumer')
         RETURNING id",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn bag(pool: &PgPool, owner: CartOwner, lines: &[(Uuid, i32)]) {
    let mut conn = pool.acquire().await.unwrap();
    let cart = carts::find_or_create(&mut *conn, owner).await.unwrap();
    for (variant, quantity) in lines {
        carts::add(&mut conn, cart, *variant, *quantity)
            .await
            .unwrap();
    }
}

async fn bag_lines(pool: &PgPool, owner: CartOwner) -> Vec<(String, i32)> {
    let mut conn = pool.acquire().await.unwrap();
    let Some(cart) = carts::find(&mut *conn, owner).await.unwrap() else {
        return Vec::new();
    };
    carts::view(&mut conn, cart, today(), Locale::En)
        .await
        .unwrap()
        .lines
        .into_iter()
        .map(|l| (l.sku, l.quantity))
        .collect()
}

fn checkout(card: &str) -> Checkout {
    Checkout {
        email: "ada@example.com".into(),
        address: Address {
            name: "Ada Lovelace".into(),
            line1: "Via Roma 1".into(),
            postal_code: "20121".into(),
            city: "Milano".into(),
            country: "IT".into(),
        },
        method: ShippingMethod::Standard,
        store: None,
        card_number: card.into(),
        card_holder: "Ada Lovelace".into(),
    }
}

const GOOD_CARD: &str = "4242424242424242";

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_guest_bag_joins_the_customers_bag_at_sign_in(pool: PgPool) {
    let v = shop(&pool, &["KN-1-S", "KN-1-M", "KN-1-L"], 20).await;
    let ada = customer(&pool, "ada@example.com").await;
    let guest = CartOwner::Guest(Uuid::new_v4());
    bag(&pool, CartOwner::Customer(ada), &[(v[0], 1), (v[2], 8)]).await;
    bag(&pool, guest, &[(v[0], 2), (v[1], 1), (v[2], 5)]).await;

    let mut tx = pool.begin().await.unwrap();
    let CartOwner::Guest(token) = guest else {
        unreachable!()
    };
    carts::merge(&mut tx, token, ada).await.unwrap();
    tx.commit().await.unwrap();

    let mut merged = bag_lines(&pool, CartOwner::Customer(ada)).await;
    merged.sort();
    assert_eq!(
        merged,
        [
            ("KN-1-L".to_owned(), 10),
            ("KN-1-M".to_owned(), 1),
            ("KN-1-S".to_owned(), 3)
        ],
        "same SKUs add up, to at most 10"
    );
    assert!(bag_lines(&pool, guest).await.is_empty());
    assert_eq!(count(&pool, "SELECT count(*) FROM carts").await, 1);

    // Merging again (a second sign-in with the old cookie) changes nothing.
    let mut tx = pool.begin().await.unwrap();
    carts::merge(&mut tx, token, ada).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(bag_lines(&pool, CartOwner::Customer(ada)).await.len(), 3);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn twenty_submissions_of_one_checkout_make_one_order_and_one_authorization(pool: PgPool) {
    let v = shop(&pool, &["KN-1-S", "KN-1-M"], 10).await;
    let guest = CartOwner::Guest(Uuid::new_v4());
    bag(&pool, guest, &[(v[0], 1), (v[1], 2)]).await;
    let key = Uuid::new_v4().to_string();
    let checkout = Arc::new(checkout(GOOD_CARD));

    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (pool, key, checkout) = (pool.clone(), key.clone(), checkout.clone());
            tokio::spawn(async move {
                place(&pool, guest, None, &key, &checkout, today(), Locale::En).await
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(
            task.await
                .unwrap()
                .expect("every submission gets the order"),
        );
    }
    numbers.dedup();
    assert_eq!(numbers.len(), 1, "all 20 answers name the same order");

    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 1);
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM payment_transactions WHERE kind = 'authorize'"
        )
        .await,
        1
    );
    let (provider, reference, authorized): (String, String, i64) =
        sqlx::query_as("SELECT provider, provider_reference, authorized_minor FROM payments")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(provider, "test_card");
    assert!(reference.starts_with("test_pay_"), "{reference}");
    // 3 × €61.00 + €0.00 shipping (over €150).
    assert_eq!(authorized, 18_300);
    // Reserved at placement: the order routed in the same transaction.
    assert_eq!(
        count(&pool, "SELECT sum(reserved) FROM stock_balances").await,
        3
    );
    assert!(
        bag_lines(&pool, guest).await.is_empty(),
        "the bag is emptied"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM customer_messages WHERE kind = 'order_confirmation'"
        )
        .await,
        1
    );
    let planned = count(
        &pool,
        "SELECT count(*) FROM order_lines WHERE planned_ship_date IS NOT NULL",
    )
    .await;
    assert_eq!(planned, 2, "every line has its planned ship date");
    common::assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_last_unit_goes_to_exactly_one_of_two_customers(pool: PgPool) {
    let v = shop(&pool, &["KN-1-M"], 1).await;
    let (first, second) = (
        CartOwner::Guest(Uuid::new_v4()),
        CartOwner::Guest(Uuid::new_v4()),
    );
    bag(&pool, first, &[(v[0], 1)]).await;
    bag(&pool, second, &[(v[0], 1)]).await;
    let checkout = Arc::new(checkout(GOOD_CARD));

    let race: Vec<_> = [first, second]
        .into_iter()
        .map(|owner| {
            let (pool, checkout) = (pool.clone(), checkout.clone());
            tokio::spawn(async move {
                let key = Uuid::new_v4().to_string();
                (
                    owner,
                    place(&pool, owner, None, &key, &checkout, today(), Locale::En).await,
                )
            })
        })
        .collect();
    let mut placed = 0;
    for task in race {
        let (owner, result) = task.await.unwrap();
        match result {
            Ok(_) => placed += 1,
            Err(AppError::Conflict(message)) => {
                assert!(message.contains("someone else"), "{message}");
                assert!(message.contains("nothing was charged"), "{message}");
                assert!(
                    bag_lines(&pool, owner).await.is_empty(),
                    "the loser's bag no longer offers the unit"
                );
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(placed, 1);
    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 1);
    assert_eq!(count(&pool, "SELECT count(*) FROM payments").await, 1);
    assert_eq!(
        count(&pool, "SELECT sum(reserved) FROM stock_balances").await,
        1
    );
    common::assert_stock_consistent(&pool).await;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_declined_card_makes_no_order_and_keeps_the_bag(pool: PgPool) {
    let v = shop(&pool, &["KN-1-M"], 5).await;
    let guest = CartOwner::Guest(Uuid::new_v4());
    bag(&pool, guest, &[(v[0], 2)]).await;
    let key = Uuid::new_v4().to_string();

    let declined = place(
        &pool,
        guest,
        None,
        &key,
        &checkout("4000000000000002"),
        today(),
        Locale::En,
    )
    .await;
    match declined {
        Err(AppError::Invalid(errors)) => {
            assert_eq!(errors[0].field, "card_number");
            assert!(errors[0].message.contains("declined"));
        }
        other => panic!("expected a declined card, got {other:?}"),
    }
    let failed = place(
        &pool,
        guest,
        None,
        &key,
        &checkout("4000000000000119"),
        today(),
        Locale::En,
    )
    .await;
    assert!(
        matches!(failed, Err(AppError::Unavailable(_))),
        "{failed:?}"
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 0);
    assert_eq!(count(&pool, "SELECT count(*) FROM payments").await, 0);
    assert_eq!(
        count(&pool, "SELECT sum(reserved) FROM stock_balances").await,
        0
    );
    assert_eq!(bag_lines(&pool, guest).await, [("KN-1-M".to_owned(), 2)]);

    // The same key with a good card then places the order.
    let number = place(
        &pool,
        guest,
        None,
        &key,
        &checkout(GOOD_CARD),
        today(),
        Locale::En,
    )
    .await
    .unwrap();
    assert!(number.starts_with("AT-"));
    // €122.00 + €5.90 standard shipping (under €150).
    assert_eq!(count(&pool, "SELECT total_minor FROM orders").await, 12_790);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn click_and_collect_reserves_at_the_chosen_store(pool: PgPool) {
    let v = shop(&pool, &["KN-1-M"], 5).await;
    let store = fixtures::location(&pool, "ST-MI", "store", 9, &[])
        .await
        .unwrap();
    fixtures::stock_up(&pool, store, &v, 2).await.unwrap();
    let guest = CartOwner::Guest(Uuid::new_v4());
    bag(&pool, guest, &[(v[0], 1)]).await;
    let mut collect = checkout(GOOD_CARD);
    collect.method = ShippingMethod::Collect;
    collect.store = Some("ST-MI".into());

    place(
        &pool,
        guest,
        None,
        &Uuid::new_v4().to_string(),
        &collect,
        today(),
        Locale::En,
    )
    .await
    .unwrap();
    let reserved_at: String = sqlx::query_scalar(
        "SELECT l.code FROM stock_balances b JOIN locations l ON l.id = b.location_id WHERE b.reserved > 0",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reserved_at, "ST-MI", "not the higher-priority warehouse");
    assert_eq!(count(&pool, "SELECT shipping_minor FROM orders").await, 0);
}
