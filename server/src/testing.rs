//! Small catalog and stock fixtures for the tests and benchmarks: a
//! product with SKUs, a location, opening stock (with its ledger rows).

use app::inventory::db::stock::{self, Source};
use app::inventory::model::MovementKind;
use sqlx::migrate::MigrateDatabase;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres};
use uuid::Uuid;

/// A product (in a category of its own) with one SKU per code, all at
/// `price_minor`; returns the SKUs' ids in the order given.
pub async fn product(
    pool: &PgPool,
    style: &str,
    name: &str,
    price_minor: i64,
    skus: &[String],
) -> sqlx::Result<Vec<Uuid>> {
    let slug = style.to_lowercase();
    let category: Uuid =
        sqlx::query_scalar("INSERT INTO categories (slug, name) VALUES ($1, $2) RETURNING id")
            .bind(&slug)
            .bind(style)
            .fetch_one(pool)
            .await?;
    let product: Uuid = sqlx::query_scalar(
        "INSERT INTO products (style_code, slug, name, category_id, price_minor, season)
         VALUES ($1, $2, $3, $4, $5, 'FW26') RETURNING id",
    )
    .bind(style)
    .bind(&slug)
    .bind(name)
    .bind(category)
    .bind(price_minor)
    .fetch_one(pool)
    .await?;
    sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, colour, colour_hex, size)
         SELECT $1, sku, 'Ecru', '#eeeeee', n::text FROM unnest($2::text[]) WITH ORDINALITY AS s(sku, n)
         ORDER BY n RETURNING id",
    )
    .bind(product)
    .bind(skus)
    .fetch_all(pool)
    .await
}

/// A location in Milan shipping to `ships_to`, working every day until
/// 23:59 (so tests do not depend on the clock).
pub async fn location(
    pool: &PgPool,
    code: &str,
    kind: &str,
    priority: i32,
    ships_to: &[&str],
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO locations (code, name, kind, country, city, priority, ships_to, cutoff_time, working_days)
         VALUES ($1, $1, $2, 'IT', 'Milano', $3, $4, '23:59', '{1,2,3,4,5,6,7}') RETURNING id",
    )
    .bind(code)
    .bind(kind)
    .bind(priority)
    .bind(ships_to)
    .fetch_one(pool)
    .await
}

/// `units` of every SKU in stock at `location`, received through the ledger.
pub async fn stock_up(
    pool: &PgPool,
    location: Uuid,
    variants: &[Uuid],
    units: i32,
) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    let lines: Vec<(Uuid, i32)> = variants.iter().map(|v| (*v, units)).collect();
    let source = Source {
        kind: "receipt",
        reference: "OPENING",
        reason: "",
        actor: None,
    };
    stock::receive(&mut conn, location, &lines, MovementKind::Receipt, source).await
}

/// A new, migrated database `name` beside the one in DATABASE_URL (an old
/// one of that name is dropped first): for benchmarks.
pub async fn fresh_database(
    name: &str,
    connections: u32,
) -> Result<PgPool, Box<dyn std::error::Error>> {
    let base =
        std::env::var("DATABASE_URL").map_err(|_| "set DATABASE_URL to a PostgreSQL server")?;
    let url = crate::database::sibling_url(&base, name);
    if Postgres::database_exists(&url).await? {
        Postgres::drop_database(&url).await?;
    }
    Postgres::create_database(&url).await?;
    let pool = PgPoolOptions::new()
        .max_connections(connections)
        .connect(&url)
        .await?;
    crate::database::MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// A benchmark's arguments after `cargo bench -- …`.
pub fn bench_args() -> Vec<String> {
    std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect()
}
