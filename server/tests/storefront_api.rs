//! The bag, the checkout and the customer's order pages through the real
//! router and server functions: the guest cookie, the merge at sign-in,
//! bad checkout input (4xx, nothing written), and one customer never
//! reaching another's order.

mod common;

use app::auth::api::SignIn;
use app::auth::model::Role;
use app::cart::api::{AddToCart, GetCartUnits};
use app::checkout::api::PlaceOrder;
use app::orders::api::{CancelMyOrderLines, GetMyOrder};
use axum::http::StatusCode;
use common::{PASSWORD, call, create_account};
use server::testing as fixtures;
use sqlx::PgPool;

async fn shop(pool: &PgPool) {
    let skus = vec!["KN-1-M".to_owned(), "KN-1-L".to_owned()];
    let variants = fixtures::product(pool, "KN-1", "Merino crew neck", 6_100, &skus)
        .await
        .unwrap();
    // The fixture's variants are Ecru in sizes "1" and "2".
    let warehouse = fixtures::location(pool, "WH-A", "warehouse", 1, &["IT"])
        .await
        .unwrap();
    fixtures::stock_up(pool, warehouse, &variants, 5)
        .await
        .unwrap();
}

fn add(size: &'static str) -> [(&'static str, &'static str); 3] {
    [("style", "kn-1"), ("colour", "Ecru"), ("size", size)]
}

const CHECKOUT: [(&str, &str); 8] = [
    ("email", "ada@example.com"),
    ("name", "Ada Lovelace"),
    ("line1", "Via Roma 1"),
    ("postal_code", "20121"),
    ("city", "Milano"),
    ("country", "IT"),
    ("shipping", "standard"),
    ("card_holder", "Ada Lovelace"),
];

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_guest_bag_follows_its_cookie_into_the_account(pool: PgPool) {
    shop(&pool).await;
    let app = common::app(&pool);

    let added = call::<AddToCart>(&app, &add("1"), None).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let guest = added
        .cookie("atelier_cart")
        .expect("a guest gets a bag cookie");
    let set = added.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    call::<AddToCart>(&app, &add("2"), Some(&guest)).await;
    let units = call::<GetCartUnits>(&app, &[], Some(&guest)).await;
    assert_eq!(units.body, "2");
    // Without the cookie, nobody sees that bag.
    assert_eq!(call::<GetCartUnits>(&app, &[], None).await.body, "0");

    create_account(&pool, "ada@example.com", Role::Consumer).await;
    let signed_in = call::<SignIn>(
        &app,
        &[("email", "ada@example.com"), ("password", PASSWORD)],
        Some(&guest),
    )
    .await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.body);
    assert_eq!(
        signed_in.cookie("atelier_cart").as_deref(),
        Some("atelier_cart="),
        "the guest cookie is cleared"
    );
    let session = signed_in.session_cookie().unwrap();
    assert_eq!(
        call::<GetCartUnits>(&app, &[], Some(&session)).await.body,
        "2"
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM carts WHERE token IS NOT NULL").await,
        0
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn bad_checkout_input_is_a_4xx_and_writes_nothing(pool: PgPool) {
    shop(&pool).await;
    let app = common::app(&pool);
    let guest = call::<AddToCart>(&app, &add("1"), None)
        .await
        .cookie("atelier_cart")
        .unwrap();

    let mut form = CHECKOUT.to_vec();
    form.push(("key", "not-a-key"));
    form.push(("card_number", "4242424242424242"));
    let stale = call::<PlaceOrder>(&app, &form, Some(&guest)).await;
    assert_eq!(stale.status, StatusCode::BAD_REQUEST, "{}", stale.body);

    let key = uuid::Uuid::new_v4().to_string();
    let bad = call::<PlaceOrder>(
        &app,
        &[
            ("key", key.as_str()),
            ("email", "ada"),
            ("postal_code", "2012"),
            ("country", "IT"),
            ("shipping", "teleport"),
            ("card_number", "1234"),
        ],
        Some(&guest),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    for field in [
        "email",
        "ship_to.name",
        "ship_to.postal_code",
        "shipping",
        "card_number",
        "card_holder",
    ] {
        assert!(
            bad.body.contains(&format!("\"{field}\"")),
            "{field} in {}",
            bad.body
        );
    }
    assert!(!bad.body.contains("SQL") && !bad.body.contains("panick"));

    let mut declined = CHECKOUT.to_vec();
    declined.push(("key", key.as_str()));
    declined.push(("card_number", "4000000000000002"));
    let declined = call::<PlaceOrder>(&app, &declined, Some(&guest)).await;
    assert_eq!(declined.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(declined.body.contains("declined"), "{}", declined.body);

    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 0);
    assert_eq!(count(&pool, "SELECT count(*) FROM payments").await, 0);
    assert_eq!(
        count(&pool, "SELECT sum(reserved) FROM stock_balances").await,
        0
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_customer_never_reaches_another_customers_order(pool: PgPool) {
    shop(&pool).await;
    let app = common::app(&pool);
    let ada = common::signed_in(&pool, &app, Role::Consumer).await;
    let eve = common::signed_in(&pool, &app, Role::Consumer).await;

    call::<AddToCart>(&app, &add("1"), Some(&ada)).await;
    let key = uuid::Uuid::new_v4().to_string();
    let mut form = CHECKOUT.to_vec();
    form.push(("key", key.as_str()));
    form.push(("card_number", "4242424242424242"));
    let placed = call::<PlaceOrder>(&app, &form, Some(&ada)).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let number: String = sqlx::query_scalar("SELECT number FROM orders")
        .fetch_one(&pool)
        .await
        .unwrap();

    let mine = call::<GetMyOrder>(&app, &[("number", number.as_str())], Some(&ada)).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    assert!(mine.body.contains("Confirmed"), "{}", mine.body);

    let theirs = call::<GetMyOrder>(&app, &[("number", number.as_str())], Some(&eve)).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let cancel = call::<CancelMyOrderLines>(
        &app,
        &[("number", number.as_str()), ("lines[]", "1")],
        Some(&eve),
    )
    .await;
    assert_eq!(cancel.status, StatusCode::NOT_FOUND);
    let anonymous = call::<GetMyOrder>(&app, &[("number", number.as_str())], None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM returns").await,
        0,
        "nothing was cancelled"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_address_book_is_the_customers_own_and_fills_the_checkout(pool: PgPool) {
    use app::checkout::api::GetCheckout;
    use app::customers::api::{AddMyAddress, ChangeMyAddress, GetMyAddresses};
    shop(&pool).await;
    let app = common::app(&pool);
    let ada = common::signed_in(&pool, &app, Role::Consumer).await;
    let eve = common::signed_in(&pool, &app, Role::Consumer).await;

    let bad = call::<AddMyAddress>(
        &app,
        &[("name", "Ada"), ("postal_code", "1"), ("country", "IT")],
        Some(&ada),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("address.postal_code"), "{}", bad.body);
    let home = [
        ("name", "Ada Lovelace"),
        ("line1", "Via Roma 1"),
        ("postal_code", "20121"),
        ("city", "Milano"),
        ("country", "IT"),
    ];
    assert_eq!(
        call::<AddMyAddress>(&app, &home, Some(&ada)).await.status,
        StatusCode::OK
    );
    let id: String = sqlx::query_scalar("SELECT id::text FROM customer_addresses")
        .fetch_one(&pool)
        .await
        .unwrap();

    // Another customer can neither see nor change it.
    let list = call::<GetMyAddresses>(&app, &[], Some(&eve)).await;
    assert_eq!(list.body, "[]");
    let stolen = call::<ChangeMyAddress>(
        &app,
        &[("id", id.as_str()), ("action", "delete")],
        Some(&eve),
    )
    .await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);

    // The checkout starts from it; an order to the same address keeps one copy.
    let page = call::<GetCheckout>(&app, &[], Some(&ada)).await;
    assert!(page.body.contains("Via Roma 1"), "{}", page.body);
    call::<AddToCart>(&app, &add("1"), Some(&ada)).await;
    let key = uuid::Uuid::new_v4().to_string();
    let mut form = CHECKOUT.to_vec();
    form.push(("key", key.as_str()));
    form.push(("card_number", "4242424242424242"));
    assert_eq!(
        call::<PlaceOrder>(&app, &form, Some(&ada)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM customer_addresses").await,
        1
    );
    let default: bool = sqlx::query_scalar("SELECT is_default FROM customer_addresses")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(default, "the first address is the default");
}

/// A catalog page is rendered once for everyone and kept; each visitor gets
/// it with their own name and bag in the header, never another's.
#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_kept_catalog_page_shows_each_visitor_their_own_name_and_bag(pool: PgPool) {
    shop(&pool).await;
    let app = common::app(&pool);
    for (email, name) in [
        ("ada@example.com", "Ada Lovelace"),
        ("grace@example.com", "Grace Hopper"),
    ] {
        create_account(&pool, email, Role::Consumer).await;
        sqlx::query("UPDATE users SET name = $1 WHERE email = $2")
            .bind(name)
            .bind(email)
            .execute(&pool)
            .await
            .unwrap();
    }
    let ada = common::sign_in(&app, "ada@example.com").await;
    let grace = common::sign_in(&app, "grace@example.com").await;
    call::<AddToCart>(&app, &add("1"), Some(&ada)).await;
    let guest = call::<AddToCart>(&app, &add("1"), None)
        .await
        .cookie("atelier_cart")
        .unwrap();
    call::<AddToCart>(&app, &add("2"), Some(&guest)).await;

    let count = |n: u32| format!("class=\"cart-count\">{n}<");
    for path in ["/p/kn-1", "/it/p/kn-1"] {
        let anonymous = common::get(&app, path, None).await;
        assert_eq!(anonymous.status, StatusCode::OK);
        let signed_in =
            |page: &str, first: &str| page.contains(&format!("class=\"account-link\">{first}<"));
        assert!(!signed_in(&anonymous.body, "Ada") && !anonymous.body.contains("cart-count"));

        let as_ada = common::get(&app, path, Some(&ada)).await;
        assert!(signed_in(&as_ada.body, "Ada"), "{path}");
        assert!(as_ada.body.contains(&count(1)) && !as_ada.body.contains("Grace"));

        let as_grace = common::get(&app, path, Some(&grace)).await;
        assert!(signed_in(&as_grace.body, "Grace"));
        assert!(!as_grace.body.contains("cart-count") && !as_grace.body.contains("Ada"));

        let as_guest = common::get(&app, path, Some(&guest)).await;
        assert!(as_guest.body.contains(&count(2)));
        assert!(!as_guest.body.contains("Ada") && !as_guest.body.contains("Grace"));

        // The rest is the page kept for everyone, and it stays anonymous.
        let outside = |page: &str| {
            page.split("atelier-personal>")
                .step_by(2)
                .collect::<String>()
        };
        assert_eq!(outside(&as_ada.body), outside(&anonymous.body));
        let again = common::get(&app, path, None).await;
        assert_eq!(again.body, anonymous.body);
    }
}
