//! Storefront reads that are the same for every visitor (navigation, home
//! page) are kept for a few seconds, so a busy storefront does not repeat
//! the same queries on every request. One cache per server (not a global):
//! every database gets its own.

use super::db;
use super::model::{HomeContent, StorefrontNav};
use crate::error::AppError;
use moka::future::Cache;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;

/// How stale the storefront may be after a catalog change made elsewhere.
pub const FRESHNESS: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct CatalogCache {
    nav: Cache<(), StorefrontNav>,
    home: Cache<(), HomeContent>,
}

impl CatalogCache {
    pub fn new(freshness: Duration) -> Self {
        Self {
            nav: single_value(freshness),
            home: single_value(freshness),
        }
    }

    pub async fn nav(&self, pool: &PgPool) -> Result<StorefrontNav, AppError> {
        self.nav
            .try_get_with((), async {
                Ok(StorefrontNav {
                    categories: db::nav_categories(pool).await?,
                })
            })
            .await
            .map_err(unshare)
    }

    pub async fn home(&self, pool: &PgPool) -> Result<HomeContent, AppError> {
        self.home
            .try_get_with((), async {
                let (hero_image_url, categories, featured, newest) = tokio::try_join!(
                    db::hero_image(pool),
                    db::category_tiles(pool),
                    db::featured_products(pool, 8),
                    db::newest_products(pool, 8),
                )?;
                Ok(HomeContent {
                    hero_image_url,
                    categories,
                    featured,
                    newest,
                })
            })
            .await
            .map_err(unshare)
    }

    /// After a catalog change: the next request reads the database again.
    pub fn invalidate(&self) {
        self.nav.invalidate_all();
        self.home.invalidate_all();
    }
}

fn single_value<V: Clone + Send + Sync + 'static>(freshness: Duration) -> Cache<(), V> {
    Cache::builder()
        .max_capacity(1)
        .time_to_live(freshness)
        .build()
}

/// Concurrent callers share one load, and so its error.
fn unshare(error: Arc<AppError>) -> AppError {
    Arc::unwrap_or_clone(error)
}

/// The cache of the running server, provided as context.
pub fn catalog_cache() -> Result<CatalogCache, AppError> {
    leptos::prelude::use_context::<CatalogCache>()
        .ok_or("no catalog cache in the server function context")
        .map_err(AppError::internal("finding the catalog cache"))
}
