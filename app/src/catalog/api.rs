//! Server functions of the catalog: public, read-only.

use super::model::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::{cache::catalog_cache, db},
    crate::server::pool,
};

#[server]
pub async fn get_storefront_nav() -> Result<StorefrontNav, AppError> {
    catalog_cache()?.nav(&pool()?).await
}

#[server]
pub async fn get_home_content() -> Result<HomeContent, AppError> {
    catalog_cache()?.home(&pool()?).await
}

#[server]
pub async fn get_category_listing(slug: String, page: u32) -> Result<CategoryListing, AppError> {
    if !is_slug(&slug) {
        return Err(AppError::NotFound("Category".into()));
    }
    let pool = pool()?;
    let (category, page) = tokio::try_join!(
        db::category_tile(&pool, &slug),
        db::category_products(&pool, &slug, page.max(1)),
    )?;
    let category = category.ok_or_else(|| AppError::NotFound("Category".into()))?;
    Ok(CategoryListing { category, page })
}

#[server]
pub async fn get_product_detail(slug: String) -> Result<ProductDetail, AppError> {
    if !is_slug(&slug) {
        return Err(AppError::NotFound("Product".into()));
    }
    db::product_detail(&pool()?, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound("Product".into()))
}

#[server]
pub async fn search_products(query: String, page: u32) -> Result<ProductPage, AppError> {
    let query = normalise_query(&query);
    if query.is_empty() {
        return Ok(ProductPage {
            products: Vec::new(),
            total: 0,
            page: 1,
        });
    }
    Ok(db::search_products(&pool()?, &query, page.max(1)).await?)
}

/// Suggestions while typing in the search box (after two characters).
#[server]
pub async fn suggest_products(query: String) -> Result<Vec<Suggestion>, AppError> {
    let query = normalise_query(&query);
    if query.chars().count() < 2 {
        return Ok(Vec::new());
    }
    Ok(db::suggestions(&pool()?, &query, 6).await?)
}
