//! The storefront's catalog reads: cached for a few seconds, refreshed on demand.

use app::catalog::cache::CatalogCache;
use app::i18n::Locale;
use sqlx::PgPool;
use std::time::Duration;

async fn add_category(pool: &PgPool, slug: &str) {
    sqlx::query("INSERT INTO categories (slug, name) VALUES ($1, $1)")
        .bind(slug)
        .execute(pool)
        .await
        .unwrap();
}

async fn home_categories(cache: &CatalogCache, pool: &PgPool) -> usize {
    let home = cache.home(pool, Locale::En).await.unwrap();
    home.categories.len()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn navigation_is_cached_until_invalidated(pool: PgPool) {
    let cache = CatalogCache::new(Duration::from_secs(600));
    add_category(&pool, "knitwear").await;
    assert_eq!(
        cache.nav(&pool, Locale::En).await.unwrap().categories.len(),
        1
    );

    add_category(&pool, "shoes").await;
    assert_eq!(
        cache.nav(&pool, Locale::En).await.unwrap().categories.len(),
        1,
        "a repeated read does not query again"
    );

    cache.invalidate();
    assert_eq!(
        cache.nav(&pool, Locale::En).await.unwrap().categories.len(),
        2
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cached_reads_expire_by_themselves(pool: PgPool) {
    let cache = CatalogCache::new(Duration::from_millis(200));
    add_category(&pool, "knitwear").await;
    assert_eq!(home_categories(&cache, &pool).await, 1);
    add_category(&pool, "shoes").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(home_categories(&cache, &pool).await, 2);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn italian_visitors_read_italian_names_and_fall_back_to_english(pool: PgPool) {
    let cache = CatalogCache::new(Duration::from_secs(600));
    let skus = vec!["KN-1-M".to_owned()];
    server::testing::product(&pool, "KN-1", "Merino crew neck", 6_100, &skus)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO product_translations (product_id, locale, name, description)
         SELECT id, 'it', 'Girocollo in merino', 'Morbido e caldo.' FROM products",
    )
    .execute(&pool)
    .await
    .unwrap();

    let italian = cache
        .product(&pool, "kn-1", Locale::It)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(italian.name, "Girocollo in merino");
    assert_eq!(italian.description, "Morbido e caldo.");
    // The category has no Italian name: its English one stays.
    assert_eq!(italian.category.name, "KN-1");
    let english = cache
        .product(&pool, "kn-1", Locale::En)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(english.name, "Merino crew neck");
    let nav = cache.nav(&pool, Locale::It).await.unwrap();
    assert_eq!(nav.categories[0].name, "KN-1");
}
