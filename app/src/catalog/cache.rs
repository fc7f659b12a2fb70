//! Storefront reads that are the same for every visitor (navigation, home
//! page, category lists and search results per filter) are kept for a few
//! seconds, so a busy storefront does not repeat the same queries on every
//! request. One cache per server (not a global): every database gets its own.

use super::db;
use super::model::{
    CategoryListing, HomeContent, ListingFilter, ProductCard, SearchResults, StorefrontNav,
};
use crate::error::AppError;
use moka::future::Cache;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;

/// How stale the storefront may be after a catalog change made elsewhere.
pub const FRESHNESS: Duration = Duration::from_secs(10);
/// Lists kept per kind (category or search): each is one page of cards and
/// its facets, a few kilobytes.
pub const LISTINGS: u64 = 2_000;
/// Popular products shown when a search finds nothing.
const POPULAR: i64 = 4;

#[derive(Clone)]
pub struct CatalogCache {
    nav: Cache<(), StorefrontNav>,
    home: Cache<(), HomeContent>,
    /// By slug and canonical filter; `None`: no such category.
    categories: Cache<(String, ListingFilter), Option<CategoryListing>>,
    /// By normalised query and canonical filter.
    searches: Cache<(String, ListingFilter), SearchResults>,
    popular: Cache<(), Vec<ProductCard>>,
}

impl CatalogCache {
    pub fn new(freshness: Duration) -> Self {
        Self {
            nav: single_value(freshness),
            home: single_value(freshness),
            categories: bounded(freshness),
            searches: bounded(freshness),
            popular: single_value(freshness),
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

    /// A category's page of products under `filter` (normalised here).
    pub async fn category(
        &self,
        pool: &PgPool,
        slug: &str,
        filter: ListingFilter,
    ) -> Result<Option<CategoryListing>, AppError> {
        let filter = filter.normalised();
        self.categories
            .try_get_with((slug.to_owned(), filter.clone()), async {
                Ok(db::category_listing(pool, slug, &filter).await?)
            })
            .await
            .map_err(unshare)
    }

    /// The results of a normalised, non-empty `query` under `filter`.
    pub async fn search(
        &self,
        pool: &PgPool,
        query: &str,
        filter: ListingFilter,
    ) -> Result<SearchResults, AppError> {
        let filter = filter.normalised();
        self.searches
            .try_get_with((query.to_owned(), filter.clone()), async {
                let mut results = db::search_results(pool, query, &filter).await?;
                if results.listing.unfiltered_total == 0 {
                    results.popular = self.popular(pool).await?;
                }
                Ok(results)
            })
            .await
            .map_err(unshare)
    }

    /// The few most popular products (for a search that found nothing).
    pub async fn popular(&self, pool: &PgPool) -> Result<Vec<ProductCard>, AppError> {
        self.popular
            .try_get_with((), async { Ok(db::popular_products(pool, POPULAR).await?) })
            .await
            .map_err(unshare)
    }

    /// After a catalog change: the next request reads the database again.
    pub fn invalidate(&self) {
        self.nav.invalidate_all();
        self.home.invalidate_all();
        self.categories.invalidate_all();
        self.searches.invalidate_all();
        self.popular.invalidate_all();
    }
}

fn single_value<V: Clone + Send + Sync + 'static>(freshness: Duration) -> Cache<(), V> {
    Cache::builder()
        .max_capacity(1)
        .time_to_live(freshness)
        .build()
}

fn bounded<K, V>(freshness: Duration) -> Cache<K, V>
where
    K: std::hash::Hash + Eq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    Cache::builder()
        .max_capacity(LISTINGS)
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
