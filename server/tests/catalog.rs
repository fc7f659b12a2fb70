//! The storefront's catalog reads: cached for a few seconds, refreshed on demand.

use app::catalog::cache::CatalogCache;
use sqlx::PgPool;
use std::time::Duration;

async fn add_category(pool: &PgPool, slug: &str) {
    sqlx::query("INSERT INTO categories (slug, name) VALUES ($1, $1)")
        .bind(slug)
        .execute(pool)
        .await
        .unwrap();
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn navigation_is_cached_until_invalidated(pool: PgPool) {
    let cache = CatalogCache::new(Duration::from_secs(600));
    add_category(&pool, "knitwear").await;
    assert_eq!(cache.nav(&pool).await.unwrap().categories.len(), 1);

    add_category(&pool, "shoes").await;
    assert_eq!(
        cache.nav(&pool).await.unwrap().categories.len(),
        1,
        "a repeated read does not query again"
    );

    cache.invalidate();
    assert_eq!(cache.nav(&pool).await.unwrap().categories.len(), 2);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn cached_reads_expire_by_themselves(pool: PgPool) {
    let cache = CatalogCache::new(Duration::from_millis(200));
    add_category(&pool, "knitwear").await;
    assert_eq!(cache.home(&pool).await.unwrap().categories.len(), 1);
    add_category(&pool, "shoes").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(cache.home(&pool).await.unwrap().categories.len(), 2);
}
