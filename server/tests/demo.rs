//! Demo data: what it contains, that stock agrees with its ledger, that it
//! loads exactly once even when several servers start together, and that
//! the storefront shows it.

mod common;

use server::demo::{self, Outcome};
use sqlx::PgPool;

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn demo_data_has_a_whole_business(pool: PgPool) {
    assert_eq!(demo::load(&pool).await.unwrap(), Outcome::Loaded);

    assert!(count(&pool, "SELECT count(*) FROM products").await >= 150);
    assert!(count(&pool, "SELECT count(*) FROM categories").await >= 8);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM categories c WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.category_id = c.id)").await,
        0,
        "every category has products"
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM products p WHERE (SELECT count(DISTINCT colour) FROM variants v WHERE v.product_id = p.id) < 2").await,
        0,
        "every product comes in several colours"
    );
    assert_eq!(
        count(&pool, "SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_images i WHERE i.product_id = p.id)").await,
        0,
        "every product has pictures"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM products WHERE currency <> 'EUR' OR price_minor <= 0"
        )
        .await,
        0
    );
    assert!(
        count(
            &pool,
            "SELECT count(*) FROM product_translations WHERE locale = 'it'"
        )
        .await
            >= 150
    );
    assert!(
        count(
            &pool,
            "SELECT count(*) FROM locations WHERE kind = 'warehouse'"
        )
        .await
            >= 3
    );
    assert!(count(&pool, "SELECT count(*) FROM locations WHERE kind = 'store'").await >= 2);
    assert!(count(&pool, "SELECT count(*) FROM suppliers").await >= 5);
    // Wholesale: an open campaign offering every style to every retailer at
    // its own prices, and a submitted pre-order that meets the minimums.
    assert_eq!(
        count(&pool, "SELECT count(*) FROM companies WHERE price_list_id IS NULL OR NOT EXISTS (SELECT 1 FROM company_stores s WHERE s.company_id = companies.id)").await,
        0,
        "every retailer has a price list and a store"
    );
    assert_eq!(
        count(&pool, "SELECT count(DISTINCT product_id) FROM campaign_styles s JOIN campaigns c ON c.id = s.campaign_id WHERE c.code = 'FW27' AND c.state = 'open'").await,
        count(&pool, "SELECT count(*) FROM products").await
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM pre_orders p JOIN campaigns c ON c.id = p.campaign_id
             WHERE p.state = 'submitted' AND c.min_order_minor <= (SELECT sum(quantity * unit_price_minor) FROM pre_order_lines l WHERE l.pre_order_id = p.id)
               AND c.min_units_per_style <= ALL (SELECT sum(quantity) FROM pre_order_lines l WHERE l.pre_order_id = p.id GROUP BY product_id)"
        )
        .await,
        1
    );
    assert!(
        count(
            &pool,
            "SELECT count(DISTINCT company_id) FROM users WHERE role IN ('buyer', 'company_admin')"
        )
        .await
            >= 3
    );
    for role in [
        "admin",
        "merchandiser",
        "content",
        "pricing",
        "warehouse",
        "customer_service",
        "finance",
    ] {
        let staff: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE role = $1")
            .bind(role)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(staff >= 1, "a {role} login");
    }
    assert!(
        count(&pool, "SELECT count(DISTINCT customer_id) FROM orders o JOIN users u ON u.id = o.customer_id WHERE u.role = 'consumer'").await >= 3,
        "consumers with past orders"
    );
    assert!(
        count(
            &pool,
            "SELECT count(*) FROM stock_balances WHERE on_hand > 0"
        )
        .await
            > 1000
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_stock_balance_equals_its_ledger(pool: PgPool) {
    demo::load(&pool).await.unwrap();
    let drift = count(
        &pool,
        "SELECT count(*) FROM stock_balances b
         LEFT JOIN (SELECT variant_id, location_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                    FROM stock_movements GROUP BY 1, 2) m USING (variant_id, location_id)
         WHERE b.on_hand <> coalesce(m.on_hand, 0) OR b.reserved <> coalesce(m.reserved, 0)",
    )
    .await;
    assert_eq!(drift, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn servers_starting_together_load_the_demo_once(pool: PgPool) {
    let (a, b, c) = tokio::join!(demo::load(&pool), demo::load(&pool), demo::load(&pool));
    let outcomes = [a.unwrap(), b.unwrap(), c.unwrap()];
    assert_eq!(
        outcomes.iter().filter(|o| **o == Outcome::Loaded).count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == Outcome::AlreadyLoaded)
            .count(),
        2
    );
    let products = count(&pool, "SELECT count(*) FROM products").await;
    assert_eq!(demo::load(&pool).await.unwrap(), Outcome::AlreadyLoaded);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM products").await,
        products
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn demo_data_never_mixes_into_a_database_in_use(pool: PgPool) {
    common::create_account(
        &pool,
        "real@customer.example",
        app::auth::model::Role::Consumer,
    )
    .await;
    assert_eq!(demo::load(&pool).await.unwrap(), Outcome::NotEmpty);
    assert_eq!(count(&pool, "SELECT count(*) FROM products").await, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_storefront_shows_the_catalog_from_the_database(pool: PgPool) {
    demo::load(&pool).await.unwrap();
    let app = common::app(&pool);
    let home = common::get(&app, "/", None).await;
    let categories: Vec<String> =
        sqlx::query_scalar("SELECT name FROM categories ORDER BY position")
            .fetch_all(&pool)
            .await
            .unwrap();
    for name in &categories {
        assert!(
            home.body.contains(&name.replace('&', "&amp;")),
            "home lists {name}"
        );
    }
    let featured: Vec<String> = sqlx::query_scalar("SELECT name FROM products WHERE featured")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(
        featured
            .iter()
            .filter(|name| home.body.contains(name.as_str()))
            .count()
            >= 8
    );

    let (slug, image): (String, uuid::Uuid) = sqlx::query_as(
        "SELECT p.slug, i.asset_id FROM products p JOIN product_images i ON i.product_id = p.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let product = common::get(&app, &format!("/p/{slug}"), None).await;
    assert_eq!(product.status, axum::http::StatusCode::OK);
    let picture = common::get(&app, &format!("/media/{image}"), None).await;
    assert_eq!(picture.status, axum::http::StatusCode::OK);
    assert_eq!(picture.headers["content-type"], "image/svg+xml");
    assert!(
        picture.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(picture.body.starts_with("<svg"));
}
