//! Catalog queries for the storefront. Only active products are shown.

use super::model::*;
use crate::listing::like_pattern;
use sqlx::{FromRow, PgExecutor};
use uuid::Uuid;

#[derive(FromRow)]
struct CardRow {
    slug: String,
    name: String,
    price_minor: i64,
    currency: String,
    image_id: Option<Uuid>,
    colours: Vec<String>,
}

impl From<CardRow> for ProductCard {
    fn from(row: CardRow) -> Self {
        ProductCard {
            slug: row.slug,
            name: row.name,
            price_minor: row.price_minor,
            currency: row.currency,
            image_url: row.image_id.map(media_url),
            colours: row.colours,
        }
    }
}

/// The columns of a product card, for `FROM products p`.
const CARD_COLUMNS: &str = "
    p.slug, p.name, p.price_minor, p.currency::text AS currency,
    (SELECT i.asset_id FROM product_images i WHERE i.product_id = p.id
     ORDER BY i.position LIMIT 1) AS image_id,
    ARRAY(SELECT v.colour_hex FROM variants v WHERE v.product_id = p.id
          GROUP BY v.colour_hex ORDER BY min(v.position)) AS colours";

/// The home page's hero picture, chosen in the content settings.
pub async fn hero_image(db: impl PgExecutor<'_>) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar::<_, Uuid>(
        "SELECT (value #>> '{}')::uuid FROM system_settings WHERE key = 'storefront.hero_image'",
    )
    .fetch_optional(db)
    .await
    .map(|id| id.map(media_url))
}

pub async fn nav_categories(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<CategoryLink>> {
    sqlx::query_as::<_, (String, String)>(
        "SELECT slug, name FROM categories ORDER BY position, name",
    )
    .fetch_all(db)
    .await
    .map(|rows| {
        rows.into_iter()
            .map(|(slug, name)| CategoryLink { slug, name })
            .collect()
    })
}

#[derive(FromRow)]
struct TileRow {
    slug: String,
    name: String,
    description: String,
    image_id: Option<Uuid>,
    product_count: i64,
}

impl From<TileRow> for CategoryTile {
    fn from(row: TileRow) -> Self {
        CategoryTile {
            slug: row.slug,
            name: row.name,
            description: row.description,
            image_url: row.image_id.map(media_url),
            product_count: row.product_count,
        }
    }
}

const TILE_SELECT: &str = "
    SELECT c.slug, c.name, c.description,
           coalesce(c.image_asset_id,
                    (SELECT (SELECT i.asset_id FROM product_images i WHERE i.product_id = p.id
                             ORDER BY i.position LIMIT 1)
                     FROM products p WHERE p.category_id = c.id AND p.lifecycle = 'active'
                     ORDER BY p.featured DESC, p.created_at DESC LIMIT 1)) AS image_id,
           (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.lifecycle = 'active') AS product_count
    FROM categories c";

pub async fn category_tiles(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<CategoryTile>> {
    sqlx::query_as::<_, TileRow>(&format!("{TILE_SELECT} ORDER BY c.position, c.name"))
        .fetch_all(db)
        .await
        .map(|rows| rows.into_iter().map(CategoryTile::from).collect())
}

pub async fn category_tile(
    db: impl PgExecutor<'_>,
    slug: &str,
) -> sqlx::Result<Option<CategoryTile>> {
    sqlx::query_as::<_, TileRow>(&format!("{TILE_SELECT} WHERE c.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
        .map(|row| row.map(CategoryTile::from))
}

pub async fn featured_products(
    db: impl PgExecutor<'_>,
    limit: i64,
) -> sqlx::Result<Vec<ProductCard>> {
    sqlx::query_as::<_, CardRow>(&format!(
        "SELECT {CARD_COLUMNS} FROM products p
         WHERE p.featured AND p.lifecycle = 'active'
         ORDER BY p.created_at DESC, p.slug LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await
    .map(|rows| rows.into_iter().map(ProductCard::from).collect())
}

pub async fn newest_products(
    db: impl PgExecutor<'_>,
    limit: i64,
) -> sqlx::Result<Vec<ProductCard>> {
    sqlx::query_as::<_, CardRow>(&format!(
        "SELECT {CARD_COLUMNS} FROM products p
         WHERE p.lifecycle = 'active' AND NOT p.featured
         ORDER BY p.created_at DESC, p.slug LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await
    .map(|rows| rows.into_iter().map(ProductCard::from).collect())
}

#[derive(FromRow)]
struct PagedCardRow {
    #[sqlx(flatten)]
    card: CardRow,
    total: i64,
}

fn into_page(rows: Vec<PagedCardRow>, page: u32) -> ProductPage {
    let total = rows.first().map_or(0, |r| r.total);
    ProductPage {
        products: rows.into_iter().map(|r| r.card.into()).collect(),
        total,
        page,
    }
}

fn offset(page: u32) -> i64 {
    i64::from(page.saturating_sub(1)) * i64::from(PAGE_SIZE)
}

pub async fn category_products(
    db: impl PgExecutor<'_>,
    slug: &str,
    page: u32,
) -> sqlx::Result<ProductPage> {
    sqlx::query_as::<_, PagedCardRow>(&format!(
        "SELECT {CARD_COLUMNS}, count(*) OVER () AS total
         FROM products p JOIN categories c ON c.id = p.category_id
         WHERE c.slug = $1 AND p.lifecycle = 'active'
         ORDER BY p.created_at DESC, p.slug LIMIT $2 OFFSET $3"
    ))
    .bind(slug)
    .bind(i64::from(PAGE_SIZE))
    .bind(offset(page))
    .fetch_all(db)
    .await
    .map(|rows| into_page(rows, page))
}

/// Name matches, tolerant of typos: trigram word similarity of at least 0.45
/// (the `<%` operator's default of 0.6 misses one-letter slips such as
/// "cashmire", which scores 0.56 against "Cashmere").
const NAME_MATCH: &str = "(p.name ILIKE $2 OR word_similarity($1, p.name) >= 0.45)";
/// Exact substring matches first, then the most similar names.
const NAME_RANK: &str = "(p.name ILIKE $2) DESC, word_similarity($1, p.name) DESC, p.name";

pub async fn search_products(
    db: impl PgExecutor<'_>,
    query: &str,
    page: u32,
) -> sqlx::Result<ProductPage> {
    sqlx::query_as::<_, PagedCardRow>(&format!(
        "SELECT {CARD_COLUMNS}, count(*) OVER () AS total
         FROM products p
         WHERE p.lifecycle = 'active' AND {NAME_MATCH}
         ORDER BY {NAME_RANK} LIMIT $3 OFFSET $4"
    ))
    .bind(query)
    .bind(like_pattern(query))
    .bind(i64::from(PAGE_SIZE))
    .bind(offset(page))
    .fetch_all(db)
    .await
    .map(|rows| into_page(rows, page))
}

pub async fn suggestions(
    db: impl PgExecutor<'_>,
    query: &str,
    limit: i64,
) -> sqlx::Result<Vec<Suggestion>> {
    sqlx::query_as::<_, (String, String, String, i64, String, Option<Uuid>)>(&format!(
        "SELECT p.slug, p.name, c.name, p.price_minor, p.currency::text,
                (SELECT i.asset_id FROM product_images i WHERE i.product_id = p.id
                 ORDER BY i.position LIMIT 1)
         FROM products p JOIN categories c ON c.id = p.category_id
         WHERE p.lifecycle = 'active' AND {NAME_MATCH}
         ORDER BY {NAME_RANK} LIMIT $3"
    ))
    .bind(query)
    .bind(like_pattern(query))
    .bind(limit)
    .fetch_all(db)
    .await
    .map(|rows| {
        rows.into_iter()
            .map(
                |(slug, name, category, price_minor, currency, image)| Suggestion {
                    slug,
                    name,
                    category,
                    price_minor,
                    currency,
                    image_url: image.map(media_url),
                },
            )
            .collect()
    })
}

#[derive(FromRow)]
struct ProductHead {
    id: Uuid,
    style_code: String,
    slug: String,
    name: String,
    description: String,
    material: String,
    care: String,
    price_minor: i64,
    currency: String,
    category_slug: String,
    category_name: String,
}

pub async fn product_detail(db: &sqlx::PgPool, slug: &str) -> sqlx::Result<Option<ProductDetail>> {
    let head = sqlx::query_as::<_, ProductHead>(
        "SELECT p.id, p.style_code, p.slug, p.name, p.description, p.material, p.care,
                p.price_minor, p.currency::text AS currency,
                c.slug AS category_slug, c.name AS category_name
         FROM products p JOIN categories c ON c.id = p.category_id
         WHERE p.slug = $1 AND p.lifecycle = 'active'",
    )
    .bind(slug)
    .fetch_optional(db)
    .await?;
    let Some(head) = head else {
        return Ok(None);
    };
    let id = head.id;
    let images = sqlx::query_as::<_, (Uuid, String, Option<String>)>(
        "SELECT asset_id, alt, colour FROM product_images WHERE product_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(asset, alt, colour)| ProductImage {
        url: media_url(asset),
        alt,
        colour,
    })
    .collect();
    let variants = sqlx::query_as::<_, (String, String, String)>(
        "SELECT colour, colour_hex, size FROM variants WHERE product_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    let mut colours: Vec<Colour> = Vec::new();
    let mut sizes: Vec<String> = Vec::new();
    for (colour, hex, size) in variants {
        if !colours.iter().any(|c| c.name == colour) {
            colours.push(Colour { name: colour, hex });
        }
        if !sizes.contains(&size) {
            sizes.push(size);
        }
    }
    Ok(Some(ProductDetail {
        style_code: head.style_code,
        slug: head.slug,
        name: head.name,
        description: head.description,
        material: head.material,
        care: head.care,
        price_minor: head.price_minor,
        currency: head.currency,
        category: CategoryLink {
            slug: head.category_slug,
            name: head.category_name,
        },
        images,
        colours,
        sizes,
    }))
}
