//! Storefront reads that are the same for every visitor (navigation, home
//! page, category lists and search results per filter) are kept for a few
//! seconds, so a busy storefront does not repeat the same queries on every
//! request. One cache per server (not a global): every database gets its own.

use super::model::{
    CategoryListing, HomeContent, ListingFilter, ProductCard, ProductDetail, SearchResults,
    StorefrontNav,
};
use super::{db, translate};
use crate::error::AppError;
use crate::i18n::Locale;
use moka::future::Cache;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;

/// How stale the storefront may be after a catalog change made elsewhere.
pub const FRESHNESS: Duration = Duration::from_secs(10);
/// Lists kept per kind (category or search): each is one page of cards and
/// its facets, a few kilobytes.
pub const LISTINGS: u64 = 2_000;
/// Product pages show stock ("Only 2 left"), so they are kept for less long;
/// the bag and the checkout always read the stock afresh.
pub const PRODUCT_FRESHNESS: Duration = Duration::from_secs(3);
/// Popular products shown when a search finds nothing.
const POPULAR: i64 = 4;

#[derive(Clone)]
pub struct CatalogCache {
    nav: Cache<Locale, StorefrontNav>,
    home: Cache<Locale, HomeContent>,
    /// By slug and canonical filter; `None`: no such category.
    categories: Cache<(String, ListingFilter, Locale), Option<CategoryListing>>,
    /// By normalised query and canonical filter.
    searches: Cache<(String, ListingFilter, Locale), SearchResults>,
    popular: Cache<Locale, Vec<ProductCard>>,
    /// By slug; `None`: no such product (or not for sale).
    products: Cache<(String, Locale), Option<ProductDetail>>,
}

impl CatalogCache {
    pub fn new(freshness: Duration) -> Self {
        Self {
            nav: per_locale(freshness),
            home: per_locale(freshness),
            categories: bounded(freshness),
            searches: bounded(freshness),
            popular: per_locale(freshness),
            products: bounded(freshness.min(PRODUCT_FRESHNESS)),
        }
    }

    pub async fn nav(&self, pool: &PgPool, locale: Locale) -> Result<StorefrontNav, AppError> {
        self.nav
            .try_get_with(locale, async {
                let mut categories = db::nav_categories(pool).await?;
                translate::links(pool, locale, &mut categories).await?;
                Ok(StorefrontNav { categories })
            })
            .await
            .map_err(unshare)
    }

    pub async fn home(&self, pool: &PgPool, locale: Locale) -> Result<HomeContent, AppError> {
        self.home
            .try_get_with(locale, async {
                let (hero_image_url, categories, featured, newest) = tokio::try_join!(
                    db::hero_image(pool),
                    db::category_tiles(pool),
                    db::featured_products(pool, 8),
                    db::newest_products(pool, 8),
                )?;
                let mut home = HomeContent {
                    hero_image_url,
                    categories,
                    featured,
                    newest,
                };
                translate::home(pool, locale, &mut home).await?;
                Ok(home)
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
        locale: Locale,
    ) -> Result<Option<CategoryListing>, AppError> {
        let filter = filter.normalised();
        self.categories
            .try_get_with((slug.to_owned(), filter.clone(), locale), async {
                let mut listing = db::category_listing(pool, slug, &filter).await?;
                if let Some(listing) = listing.as_mut() {
                    translate::tiles(pool, locale, std::slice::from_mut(&mut listing.category))
                        .await?;
                    translate::cards(pool, locale, &mut listing.listing.page.products).await?;
                }
                Ok(listing)
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
        locale: Locale,
    ) -> Result<SearchResults, AppError> {
        let filter = filter.normalised();
        self.searches
            .try_get_with((query.to_owned(), filter.clone(), locale), async {
                let mut results = db::search_results(pool, query, &filter).await?;
                translate::cards(pool, locale, &mut results.listing.page.products).await?;
                if results.listing.unfiltered_total == 0 {
                    results.popular = self.popular(pool, locale).await?;
                }
                Ok(results)
            })
            .await
            .map_err(unshare)
    }

    /// The few most popular products (for a search that found nothing).
    pub async fn popular(
        &self,
        pool: &PgPool,
        locale: Locale,
    ) -> Result<Vec<ProductCard>, AppError> {
        self.popular
            .try_get_with(locale, async {
                let mut cards = db::popular_products(pool, POPULAR).await?;
                translate::cards(pool, locale, &mut cards).await?;
                Ok(cards)
            })
            .await
            .map_err(unshare)
    }

    /// A product page's content, with its availability a few seconds old at most.
    pub async fn product(
        &self,
        pool: &PgPool,
        slug: &str,
        locale: Locale,
    ) -> Result<Option<ProductDetail>, AppError> {
        self.products
            .try_get_with((slug.to_owned(), locale), async {
                let mut product = db::product_detail(pool, slug).await?;
                if let Some(product) = product.as_mut() {
                    translate::detail(pool, locale, product).await?;
                }
                Ok(product)
            })
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
        self.products.invalidate_all();
    }
}

fn per_locale<V: Clone + Send + Sync + 'static>(freshness: Duration) -> Cache<Locale, V> {
    Cache::builder()
        .max_capacity(Locale::ALL.len() as u64)
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
