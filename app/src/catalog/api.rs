//! Server functions of the catalog: public, read-only.

use super::model::*;
use crate::error::AppError;
use crate::i18n::Locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::{cache::catalog_cache, db},
    crate::server::pool,
};

#[server(output = crate::codec::Json)]
pub async fn get_storefront_nav(locale: Locale) -> Result<StorefrontNav, AppError> {
    catalog_cache()?.nav(&pool()?, locale).await
}

#[server(output = crate::codec::Json)]
pub async fn get_home_content(locale: Locale) -> Result<HomeContent, AppError> {
    catalog_cache()?.home(&pool()?, locale).await
}

/// A category's products under `filter` (read it from a URL with
/// [`ListingFilter::from_pairs`]; link to a view with
/// [`category_href`](super::model::category_href)). The answer's `filter` is
/// the one applied: normalised, unknown values left out.
#[server(output = crate::codec::Json)]
pub async fn get_category_listing(
    slug: String,
    filter: ListingFilter,
    #[server(default)] locale: Locale,
) -> Result<CategoryListing, AppError> {
    if !is_slug(&slug) {
        return Err(AppError::NotFound("Category".into()));
    }
    catalog_cache()?
        .category(&pool()?, &slug, filter, locale)
        .await?
        .ok_or_else(|| AppError::NotFound("Category".into()))
}

#[server(output = crate::codec::Json)]
pub async fn get_product_detail(
    slug: String,
    #[server(default)] locale: Locale,
) -> Result<ProductDetail, AppError> {
    if !is_slug(&slug) {
        return Err(AppError::NotFound("Product".into()));
    }
    catalog_cache()?
        .product(&pool()?, &slug, locale)
        .await?
        .ok_or_else(|| AppError::NotFound("Product".into()))
}

/// Products matching `query` under `filter`; when the words match nothing,
/// a "did you mean" and popular products.
#[server(output = crate::codec::Json)]
pub async fn search_products(
    query: String,
    filter: ListingFilter,
    #[server(default)] locale: Locale,
) -> Result<SearchResults, AppError> {
    let query = normalise_query(&query);
    if query.is_empty() {
        return Ok(SearchResults {
            query,
            listing: Listing {
                page: ProductPage {
                    products: Vec::new(),
                    total: 0,
                    page: 1,
                },
                facets: Default::default(),
                filter: filter.normalised(),
                unfiltered_total: 0,
            },
            did_you_mean: None,
            popular: Vec::new(),
        });
    }
    catalog_cache()?
        .search(&pool()?, &query, filter, locale)
        .await
}

/// Suggestions while typing in the search box (after two characters).
#[server(output = crate::codec::Json)]
pub async fn suggest_products(
    query: String,
    #[server(default)] locale: Locale,
) -> Result<Vec<Suggestion>, AppError> {
    let query = normalise_query(&query);
    if query.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let pool = pool()?;
    Ok(db::suggestions(&pool, &query, 6, locale).await?)
}
