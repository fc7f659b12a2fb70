//! Product and category content in the visitor's language. The catalog's
//! queries read the base (English) text; what they return is then given
//! the translations of the products and categories it names, in one query
//! per kind. A missing translation keeps the base text.

use super::model::*;
use crate::i18n::Locale;
use sqlx::PgPool;
use std::collections::HashMap;

/// What has translations: products or categories, found by slug.
#[derive(Clone, Copy)]
enum Of {
    Products,
    Categories,
}

/// Something shown by its name (and maybe a description), found by slug.
trait Named {
    const OF: Of;
    fn slug(&self) -> &str;
    fn name_mut(&mut self) -> &mut String;
    fn description_mut(&mut self) -> Option<&mut String> {
        None
    }
}

/// `Named` for a type with `slug` and `name` (and, with `describe`, `description`).
macro_rules! named {
    ($type:ty, $of:expr) => {
        impl Named for $type {
            const OF: Of = $of;
            fn slug(&self) -> &str {
                &self.slug
            }
            fn name_mut(&mut self) -> &mut String {
                &mut self.name
            }
        }
    };
    ($type:ty, $of:expr, describe) => {
        impl Named for $type {
            const OF: Of = $of;
            fn slug(&self) -> &str {
                &self.slug
            }
            fn name_mut(&mut self) -> &mut String {
                &mut self.name
            }
            fn description_mut(&mut self) -> Option<&mut String> {
                Some(&mut self.description)
            }
        }
    };
}

named!(ProductCard, Of::Products);
named!(ProductDetail, Of::Products, describe);
named!(CategoryLink, Of::Categories);
named!(CategoryTile, Of::Categories, describe);

/// Gives `items` their names (and descriptions) in `locale`.
async fn translate<T: Named>(db: &PgPool, locale: Locale, items: &mut [T]) -> sqlx::Result<()> {
    if locale == Locale::En || items.is_empty() {
        return Ok(());
    }
    let sql = match T::OF {
        Of::Products => {
            "SELECT p.slug, t.name, t.description FROM product_translations t
             JOIN products p ON p.id = t.product_id WHERE t.locale = $1 AND p.slug = ANY($2)"
        }
        Of::Categories => {
            "SELECT c.slug, t.name, t.description FROM category_translations t
             JOIN categories c ON c.id = t.category_id WHERE t.locale = $1 AND c.slug = ANY($2)"
        }
    };
    let slugs: Vec<&str> = items.iter().map(Named::slug).collect();
    let texts: HashMap<String, (String, String)> =
        sqlx::query_as::<_, (String, String, String)>(sql)
            .bind(locale.code())
            .bind(&slugs)
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|(slug, name, description)| (slug, (name, description)))
            .collect();
    for item in items {
        let Some((name, description)) = texts.get(item.slug()) else {
            continue;
        };
        item.name_mut().clone_from(name);
        if let Some(target) = item.description_mut().filter(|_| !description.is_empty()) {
            target.clone_from(description);
        }
    }
    Ok(())
}

pub async fn cards(db: &PgPool, locale: Locale, cards: &mut [ProductCard]) -> sqlx::Result<()> {
    translate(db, locale, cards).await
}

pub async fn tiles(db: &PgPool, locale: Locale, tiles: &mut [CategoryTile]) -> sqlx::Result<()> {
    translate(db, locale, tiles).await
}

pub async fn links(db: &PgPool, locale: Locale, links: &mut [CategoryLink]) -> sqlx::Result<()> {
    translate(db, locale, links).await
}

// The parts of a page are translated at the same time, each on its own connection.

pub async fn home(db: &PgPool, locale: Locale, home: &mut HomeContent) -> sqlx::Result<()> {
    futures::try_join!(
        tiles(db, locale, &mut home.categories),
        cards(db, locale, &mut home.featured),
        cards(db, locale, &mut home.newest),
    )
    .map(drop)
}

pub async fn detail(db: &PgPool, locale: Locale, product: &mut ProductDetail) -> sqlx::Result<()> {
    let ProductDetail {
        category, related, ..
    } = product;
    let (category, related) = (std::slice::from_mut(category), related.as_mut_slice());
    futures::try_join!(links(db, locale, category), cards(db, locale, related),)?;
    translate(db, locale, std::slice::from_mut(product)).await
}
