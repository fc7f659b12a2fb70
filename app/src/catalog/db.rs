//! Catalog queries for the storefront. Only active products are shown.

use super::filters::{Facet, FacetOption, FilterSql, SqlArgs, SqlValue, VARIANTS, size_order};
use super::model::*;
use crate::i18n::Locale;
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

fn offset(page: u32) -> i64 {
    i64::from(page.saturating_sub(1)) * i64::from(PAGE_SIZE)
}

/// Name matches, tolerant of typos: trigram word similarity of at least 0.45
/// (the `<%` operator's default of 0.6 misses one-letter slips such as
/// "cashmire", which scores 0.56 against "Cashmere").
const NAME_MATCH: &str = "(p.name ILIKE $2 OR word_similarity($1, p.name) >= 0.45)";
/// Exact substring matches first, then the most similar names.
const NAME_RANK: &str = "(p.name ILIKE $2) DESC, word_similarity($1, p.name) DESC, p.name";

/// Where a product list comes from: a category, or a search.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// A category's slug.
    Category(&'a str),
    /// A normalised, non-empty query.
    Search(&'a str),
}

impl Scope<'_> {
    /// The products of the list before filtering, as `p`-columns the
    /// listing query orders and filters by; binds `$1` (and `$2`).
    fn products_sql(self, args: &mut SqlArgs) -> String {
        match self {
            Scope::Category(slug) => {
                let slug = args.push(SqlValue::Text(slug.to_owned()));
                format!(
                    "SELECT p.id, p.slug, p.name, p.price_minor, p.material_family, p.created_at, p.featured
                     FROM products p JOIN categories c ON c.id = p.category_id
                     WHERE c.slug = {slug} AND p.lifecycle = 'active'"
                )
            }
            // Every word (stemmed; `websearch` syntax: "quoted phrase", -not)
            // or a name like the query (typos). Ranked by the weighted
            // text-search rank (name > category > description and material >
            // colours), then substring and trigram similarity of the name, so
            // a typo still finds the product when no word does. The rank
            // counts each word on its own (`|`): with `&`, ts_rank scores how
            // close the words stand, and "navy coat" would rank a cardigan
            // whose description mentions a coat above a coat in navy.
            Scope::Search(query) => {
                args.push(SqlValue::Text(query.to_owned()));
                args.push(SqlValue::Text(like_pattern(query)));
                format!(
                    "SELECT p.id, p.slug, p.name, p.price_minor, p.material_family, p.created_at, p.featured,
                            ts_rank('{{0.1, 0.2, 0.4, 1.0}}', p.search_vector, q.each) AS rank,
                            p.name ILIKE $2 AS substring,
                            word_similarity($1, p.name) AS similarity
                     FROM products p,
                          (SELECT websearch_to_tsquery('english', $1) AS words,
                                  replace(plainto_tsquery('english', $1)::text, ' & ', ' | ')::tsquery AS each) q
                     WHERE p.lifecycle = 'active' AND (p.search_vector @@ q.words OR {NAME_MATCH})"
                )
            }
        }
    }

    /// The order of [`SortOrder::Recommended`].
    fn recommended(self) -> &'static str {
        match self {
            Scope::Category(_) => "p.featured DESC, p.created_at DESC",
            Scope::Search(_) => "p.rank DESC, p.substring DESC, p.similarity DESC, p.name",
        }
    }
}

/// Orders that count towards popularity.
const COUNTED_ORDERS: &str = "o.status NOT IN ('cancelled', 'invalid', 'declined')";

/// The one-row answer of [`listing_sql`]: counts, the page's product ids in
/// order, and each facet as parallel arrays.
#[derive(FromRow)]
struct ListingRow {
    unfiltered_total: i64,
    total: i64,
    page_ids: Vec<Uuid>,
    size_values: Vec<String>,
    size_counts: Vec<i64>,
    colour_values: Vec<String>,
    colour_hexes: Vec<String>,
    colour_counts: Vec<i64>,
    material_values: Vec<String>,
    material_counts: Vec<i64>,
    price_min: Option<i64>,
    price_max: Option<i64>,
    in_stock: i64,
}

/// One statement for a list's page, totals and facets. The list's products
/// and their SKUs (with web availability) are read once, into CTEs; every
/// facet counts over them with all filters but its own.
fn listing_sql(scope: Scope<'_>, filter: &ListingFilter, args: &mut SqlArgs) -> String {
    let products = scope.products_sql(args);
    let f = FilterSql::bind(filter, args);
    let stocked = f.in_stock();
    let page_size = i64::from(PAGE_SIZE);
    let limit = args.push(SqlValue::Int(page_size));
    let offset = args.push(SqlValue::Int(offset(filter.page)));
    let order = filter.sort.order_by(scope.recommended());
    let popularity = if filter.sort == SortOrder::Popular {
        format!(
            "LEFT JOIN (SELECT sv.product_id, sum(ol.quantity - ol.cancelled_quantity) AS units
                        FROM {VARIANTS} sv
                        JOIN order_lines ol ON ol.variant_id = sv.id
                        JOIN orders o ON o.id = ol.order_id
                        WHERE o.placed_at >= now() - interval '90 days' AND {COUNTED_ORDERS}
                        GROUP BY sv.product_id) pop ON pop.product_id = p.id"
        )
    } else {
        String::new()
    };
    let all = f.matches(None);
    format!(
        "WITH scope AS MATERIALIZED ({products}),
         {VARIANTS} AS MATERIALIZED (
             SELECT v.id, v.product_id, v.size, v.colour, v.colour_hex,
                    coalesce((SELECT sum(b.on_hand - b.reserved) FROM stock_balances b
                              JOIN locations l ON l.id = b.location_id
                              WHERE b.variant_id = v.id AND l.active AND 'web' = ANY (l.channels)), 0) > 0
                        AS in_stock
             FROM variants v WHERE v.product_id IN (SELECT id FROM scope)
         ),
         matched AS MATERIALIZED (SELECT p.* FROM scope p WHERE {all}),
         page AS (
             SELECT p.id, row_number() OVER (ORDER BY {order}) AS n
             FROM matched p {popularity}
             ORDER BY {order}
             LIMIT {limit}
             -- Past the last page: the last page.
             OFFSET least({offset}, greatest((SELECT count(*) FROM matched) - 1, 0) / {page_size} * {page_size})
         )
         SELECT (SELECT count(*) FROM scope) AS unfiltered_total,
                (SELECT count(*) FROM matched) AS total,
                ARRAY(SELECT id FROM page ORDER BY n) AS page_ids,
                sizes.*, colours.*, materials.*, prices.*,
                (SELECT count(*) FROM scope p WHERE {stocked_all}) AS in_stock
         FROM (SELECT coalesce(array_agg(size), '{{}}') AS size_values,
                      coalesce(array_agg(n), '{{}}') AS size_counts
               FROM (SELECT v.size, count(DISTINCT v.product_id) FILTER (WHERE {size_p} AND {size_v}) AS n
                     FROM {VARIANTS} v JOIN scope p ON p.id = v.product_id
                     GROUP BY v.size) s) sizes,
              (SELECT coalesce(array_agg(colour ORDER BY colour), '{{}}') AS colour_values,
                      coalesce(array_agg(hex ORDER BY colour), '{{}}') AS colour_hexes,
                      coalesce(array_agg(n ORDER BY colour), '{{}}') AS colour_counts
               FROM (SELECT v.colour, min(v.colour_hex) AS hex,
                            count(DISTINCT v.product_id) FILTER (WHERE {colour_p} AND {colour_v}) AS n
                     FROM {VARIANTS} v JOIN scope p ON p.id = v.product_id
                     GROUP BY v.colour) c) colours,
              (SELECT coalesce(array_agg(material ORDER BY material), '{{}}') AS material_values,
                      coalesce(array_agg(n ORDER BY material), '{{}}') AS material_counts
               FROM (SELECT p.material_family AS material, count(*) FILTER (WHERE {material}) AS n
                     FROM scope p WHERE p.material_family <> ''
                     GROUP BY p.material_family) m) materials,
              (SELECT min(p.price_minor) AS price_min, max(p.price_minor) AS price_max
               FROM scope p WHERE {price}) prices",
        stocked_all = stocked.matches(None),
        size_p = f.product_where(Some(Facet::Size)),
        size_v = f.variant_where("v", Some(Facet::Size)),
        colour_p = f.product_where(Some(Facet::Colour)),
        colour_v = f.variant_where("v", Some(Facet::Colour)),
        material = f.matches(Some(Facet::Material)),
        price = f.matches(Some(Facet::Price)),
    )
}

fn bind_all<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Postgres, O, sqlx::postgres::PgArguments>,
    args: SqlArgs,
) -> sqlx::query::QueryAs<'q, sqlx::Postgres, O, sqlx::postgres::PgArguments> {
    for value in args.values {
        query = match value {
            SqlValue::Text(text) => query.bind(text),
            SqlValue::Texts(texts) => query.bind(texts),
            SqlValue::Int(n) => query.bind(n),
        };
    }
    query
}

fn options(values: Vec<String>, counts: Vec<i64>, hexes: Option<Vec<String>>) -> Vec<FacetOption> {
    let hexes = hexes.map(|h| h.into_iter().map(Some).collect::<Vec<_>>());
    values
        .into_iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (value, count))| FacetOption {
            value,
            count,
            hex: hexes.as_ref().and_then(|h| h.get(i).cloned().flatten()),
        })
        .collect()
}

/// The cards of `ids`, in that order.
async fn cards(db: impl PgExecutor<'_>, ids: &[Uuid]) -> sqlx::Result<Vec<ProductCard>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query_as::<_, IdCardRow>(&format!(
        "SELECT p.id, {CARD_COLUMNS} FROM products p WHERE p.id = ANY($1)"
    ))
    .bind(ids)
    .fetch_all(db)
    .await?;
    let mut rows: Vec<(usize, ProductCard)> = rows
        .into_iter()
        .map(|r| {
            (
                ids.iter().position(|id| *id == r.id).unwrap_or(usize::MAX),
                r.card.into(),
            )
        })
        .collect();
    rows.sort_by_key(|(i, _)| *i);
    Ok(rows.into_iter().map(|(_, card)| card).collect())
}

#[derive(FromRow)]
struct IdCardRow {
    id: Uuid,
    #[sqlx(flatten)]
    card: CardRow,
}

/// A page of a list with its facets: two round trips (the list, then the
/// page's cards). Filter values no product of the list has are dropped
/// (then the list is read once more), so a stale link still shows products.
pub async fn listing(
    pool: &sqlx::PgPool,
    scope: Scope<'_>,
    filter: &ListingFilter,
) -> sqlx::Result<Listing> {
    let mut filter = filter.clone().normalised();
    loop {
        let mut args = SqlArgs::default();
        let sql = listing_sql(scope, &filter, &mut args);
        let row = bind_all(sqlx::query_as::<_, ListingRow>(&sql), args)
            .fetch_one(pool)
            .await?;
        let mut sizes = options(row.size_values, row.size_counts, None);
        sizes.sort_by(|a, b| size_order(&a.value, &b.value));
        let facets = Facets {
            sizes,
            colours: options(row.colour_values, row.colour_counts, Some(row.colour_hexes)),
            materials: options(row.material_values, row.material_counts, None),
            price_min: row.price_min,
            price_max: row.price_max,
            in_stock: row.in_stock,
        };
        let known = facets.known(&filter);
        if known != filter {
            filter = known;
            continue;
        }
        let page_count = (row.total.max(0) as u32).div_ceil(PAGE_SIZE).max(1);
        filter.page = filter.page.min(page_count);
        return Ok(Listing {
            page: ProductPage {
                products: cards(pool, &row.page_ids).await?,
                total: row.total,
                page: filter.page,
            },
            facets,
            filter,
            unfiltered_total: row.unfiltered_total,
        });
    }
}

/// A category's tile and filtered list; `None` when there is no such category.
pub async fn category_listing(
    pool: &sqlx::PgPool,
    slug: &str,
    filter: &ListingFilter,
) -> sqlx::Result<Option<CategoryListing>> {
    let (category, listing) = tokio::try_join!(
        category_tile(pool, slug),
        listing(pool, Scope::Category(slug), filter),
    )?;
    Ok(category.map(|category| CategoryListing { category, listing }))
}

/// A search's results; when its words match nothing, the closest name
/// instead (the caller adds popular products: [`popular_products`]).
pub async fn search_results(
    pool: &sqlx::PgPool,
    query: &str,
    filter: &ListingFilter,
) -> sqlx::Result<SearchResults> {
    let listing = listing(pool, Scope::Search(query), filter).await?;
    let did_you_mean = if listing.unfiltered_total == 0 {
        did_you_mean(pool, query).await?
    } else {
        None
    };
    Ok(SearchResults {
        query: query.to_owned(),
        listing,
        did_you_mean,
        popular: Vec::new(),
    })
}

/// The product or category name closest to a query that found nothing.
pub async fn did_you_mean(
    db: impl PgExecutor<'_>,
    query: &str,
) -> sqlx::Result<Option<DidYouMean>> {
    let row = sqlx::query_as::<_, (bool, String, String)>(
        "SELECT is_category, slug, name FROM (
             SELECT true AS is_category, c.slug, c.name,
                    greatest(similarity($1, c.name), word_similarity($1, c.name)) AS score
             FROM categories c
             UNION ALL
             SELECT false, p.slug, p.name, greatest(similarity($1, p.name), word_similarity($1, p.name))
             FROM products p WHERE p.lifecycle = 'active'
         ) names
         WHERE score >= 0.3 AND lower(name) <> lower($1)
         ORDER BY score DESC, is_category DESC, name LIMIT 1",
    )
    .bind(query)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(is_category, slug, name)| DidYouMean {
        href: if is_category {
            format!("/c/{slug}")
        } else {
            search_base(&name)
        },
        text: name,
    }))
}

/// The products with the most units ordered in the last 90 days (then the
/// featured and newest, while few orders exist).
pub async fn popular_products(
    db: impl PgExecutor<'_>,
    limit: i64,
) -> sqlx::Result<Vec<ProductCard>> {
    sqlx::query_as::<_, CardRow>(&format!(
        "WITH recent AS (
             SELECT v.product_id, sum(ol.quantity - ol.cancelled_quantity) AS units
             FROM orders o
             JOIN order_lines ol ON ol.order_id = o.id
             JOIN variants v ON v.id = ol.variant_id
             WHERE o.placed_at >= now() - interval '90 days' AND {COUNTED_ORDERS}
             GROUP BY v.product_id
         )
         SELECT {CARD_COLUMNS} FROM products p LEFT JOIN recent r ON r.product_id = p.id
         WHERE p.lifecycle = 'active'
         ORDER BY coalesce(r.units, 0) DESC, p.featured DESC, p.created_at DESC, p.slug
         LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db)
    .await
    .map(|rows| rows.into_iter().map(ProductCard::from).collect())
}

/// Products whose names match what is being typed, with the product's and
/// its category's names in `locale` (the base text where none is given).
pub async fn suggestions(
    db: impl PgExecutor<'_>,
    query: &str,
    limit: i64,
    locale: Locale,
) -> sqlx::Result<Vec<Suggestion>> {
    sqlx::query_as::<_, (String, String, String, i64, String, Option<Uuid>)>(&format!(
        "SELECT p.slug, COALESCE(pt.name, p.name), COALESCE(ct.name, c.name), p.price_minor, p.currency::text,
                (SELECT i.asset_id FROM product_images i WHERE i.product_id = p.id
                 ORDER BY i.position LIMIT 1)
         FROM products p JOIN categories c ON c.id = p.category_id
         LEFT JOIN product_translations pt ON pt.product_id = p.id AND pt.locale = $4
         LEFT JOIN category_translations ct ON ct.category_id = c.id AND ct.locale = $4
         WHERE p.lifecycle = 'active' AND {NAME_MATCH}
         ORDER BY {NAME_RANK} LIMIT $3"
    ))
    .bind(query)
    .bind(like_pattern(query))
    .bind(limit)
    .bind(locale.code())
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
    let variants = sqlx::query_as::<_, (Uuid, String, String, String, String)>(
        "SELECT id, sku, colour, colour_hex, size FROM variants WHERE product_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    let ids: Vec<Uuid> = variants.iter().map(|v| v.0).collect();
    let stock = super::availability::web_stock(
        &mut *db.acquire().await?,
        &ids,
        time::OffsetDateTime::now_utc().date(),
    )
    .await?;
    let mut colours: Vec<Colour> = Vec::new();
    let mut sizes: Vec<String> = Vec::new();
    let mut offers = Vec::with_capacity(variants.len());
    for (variant, sku, colour, hex, size) in variants {
        if !colours.iter().any(|c| c.name == colour) {
            colours.push(Colour {
                name: colour.clone(),
                hex,
            });
        }
        if !sizes.contains(&size) {
            sizes.push(size.clone());
        }
        offers.push(VariantOffer {
            sku,
            colour,
            size,
            availability: stock
                .get(&variant)
                .copied()
                .unwrap_or_default()
                .availability(),
        });
    }
    let related = sqlx::query_as::<_, CardRow>(&format!(
        "SELECT {CARD_COLUMNS} FROM products p
         WHERE p.lifecycle = 'active' AND p.id <> $1
           AND p.category_id = (SELECT category_id FROM products WHERE id = $1)
         ORDER BY p.featured DESC, p.created_at DESC, p.slug LIMIT 4"
    ))
    .bind(id)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(ProductCard::from)
    .collect();
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
        variants: offers,
        related,
    }))
}
