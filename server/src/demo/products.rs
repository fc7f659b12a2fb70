//! Categories, products, variants (SKUs with EAN barcodes), translations
//! and generated pictures.

use super::catalog::{self, DemoProduct};
use super::images;
use sqlx::{Postgres, Transaction};
use std::collections::HashMap;
use uuid::Uuid;

/// A sellable SKU, for stock and orders.
pub struct Sku {
    pub id: Uuid,
    pub product_id: Uuid,
    pub sku: String,
    pub description: String,
    pub price_minor: i64,
    /// Home goods ship from the external drop-ship location only.
    pub home_goods: bool,
    /// The warehouse zone of its category (bins are "<zone>-<aisle>-<level>").
    pub zone: char,
}

pub async fn load(tx: &mut Transaction<'_, Postgres>) -> Result<Vec<Sku>, sqlx::Error> {
    let mut category_ids = HashMap::new();
    let mut zones = HashMap::new();
    for category in catalog::categories() {
        zones.insert(
            category.slug,
            char::from(b'A' + (category.position as u8 - 1) % 26),
        );
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO categories (slug, name, description, position) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(category.slug)
        .bind(category.name)
        .bind(category.description)
        .bind(category.position)
        .fetch_one(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO category_translations (category_id, locale, name) VALUES ($1, 'it', $2)",
        )
        .bind(id)
        .bind(category.name_it)
        .execute(&mut **tx)
        .await?;
        category_ids.insert(category.slug, id);
    }

    let hero = images::banner_svg(
        &[
            catalog::Silhouette::Coat,
            catalog::Silhouette::Knit,
            catalog::Silhouette::Bag,
        ],
        &["#b5651d", "#efe6d2", "#2f3a4a"],
        7,
    );
    let hero_id = insert_asset(tx, hero).await?;
    sqlx::query("INSERT INTO system_settings (key, value) VALUES ('storefront.hero_image', to_jsonb($1::text))")
        .bind(hero_id.to_string())
        .execute(&mut **tx)
        .await?;

    let mut skus = Vec::new();
    let mut ean_counter = 0u64;
    for product in catalog::products() {
        let category_id = category_ids[product.category_slug];
        let product_id = insert_product(tx, &product, category_id).await?;
        insert_pictures(tx, &product, product_id).await?;
        let codes = colour_codes(&product);
        let mut position = 0;
        for (colour, code) in product.colours.iter().zip(&codes) {
            for size in &product.sizes {
                ean_counter += 1;
                let sku = format!("{}-{code}-{}", product.style_code, size_code(size));
                let id: Uuid = sqlx::query_scalar(
                    "INSERT INTO variants (product_id, sku, ean, colour, colour_hex, size, position)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(product_id)
                .bind(&sku)
                .bind(ean13(ean_counter))
                .bind(&colour.name)
                .bind(colour.hex.to_lowercase())
                .bind(size)
                .bind(position)
                .fetch_one(&mut **tx)
                .await?;
                position += 1;
                skus.push(Sku {
                    id,
                    product_id,
                    sku,
                    description: format!("{}, {}, {}", product.name, colour.name, size),
                    price_minor: product.price_minor,
                    home_goods: product.category_slug == "home",
                    zone: zones[product.category_slug],
                });
            }
        }
    }
    Ok(skus)
}

async fn insert_product(
    tx: &mut Transaction<'_, Postgres>,
    p: &DemoProduct,
    category_id: Uuid,
) -> Result<Uuid, sqlx::Error> {
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO products (style_code, slug, name, description, category_id, material, care,
                               price_minor, season, featured, weight_grams, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() - make_interval(days => $12))
         RETURNING id",
    )
    .bind(&p.style_code)
    .bind(&p.slug)
    .bind(&p.name)
    .bind(&p.description)
    .bind(category_id)
    .bind(&p.material)
    .bind(&p.care)
    .bind(p.price_minor)
    .bind(p.season)
    .bind(p.featured)
    .bind(p.weight_grams)
    .bind(p.created_days_ago)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("INSERT INTO product_translations (product_id, locale, name, description) VALUES ($1, 'it', $2, $3)")
        .bind(id)
        .bind(&p.name_it)
        .bind(&p.description_it)
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

/// Two pictures per colour: a front view and a detail view.
async fn insert_pictures(
    tx: &mut Transaction<'_, Postgres>,
    p: &DemoProduct,
    product_id: Uuid,
) -> Result<(), sqlx::Error> {
    let mut position = 0;
    for colour in &p.colours {
        for (variant, view) in [(0, "front view"), (1, "detail")] {
            let asset =
                insert_asset(tx, images::product_svg(p.silhouette, &colour.hex, variant)).await?;
            sqlx::query(
                "INSERT INTO product_images (product_id, colour, asset_id, position, alt)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(product_id)
            .bind(&colour.name)
            .bind(asset)
            .bind(position)
            .bind(format!("{} in {}, {view}", p.name, colour.name))
            .execute(&mut **tx)
            .await?;
            position += 1;
        }
    }
    Ok(())
}

async fn insert_asset(
    tx: &mut Transaction<'_, Postgres>,
    svg: String,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO assets (content_type, bytes) VALUES ('image/svg+xml', $1) RETURNING id",
    )
    .bind(svg.into_bytes())
    .fetch_one(&mut **tx)
    .await
}

/// Short codes for a product's colours ("Powder Blue" → "PBL"), unique
/// within the product.
fn colour_codes(p: &DemoProduct) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for colour in &p.colours {
        let words: Vec<String> = colour
            .name
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_uppercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let base: String = match words.as_slice() {
            [one] => one.chars().take(3).collect(),
            [first, second, ..] => first
                .chars()
                .take(1)
                .chain(second.chars().take(2))
                .collect(),
            [] => "COL".to_owned(),
        };
        let mut code = base.clone();
        let mut n = 2;
        while codes.contains(&code) {
            code = format!("{base}{n}");
            n += 1;
        }
        codes.push(code);
    }
    codes
}

fn size_code(size: &str) -> String {
    if size.eq_ignore_ascii_case("one size") {
        "OS".to_owned()
    } else {
        size.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_uppercase()
    }
}

/// An EAN-13 in the Italian GS1 range with a correct check digit.
fn ean13(n: u64) -> String {
    let body = format!("80{:010}", n % 10_000_000_000);
    format!("{body}{}", check_digit(&body))
}

/// The GS1 check digit of the first 12 digits: weights 1, 3, 1, 3, …
fn check_digit(body: &str) -> u32 {
    let sum: u32 = body
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d } else { d * 3 })
        .sum();
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ean_check_digits_are_correct() {
        assert_eq!(check_digit("400638133393"), 1); // a published EAN: 4006381333931
        assert_eq!(ean13(1), "8000000000019");
        assert!(ean13(123_456).starts_with("800000123456"));
    }

    #[test]
    fn colour_codes_are_unique_within_a_product() {
        for product in catalog::products() {
            let codes = colour_codes(&product);
            let mut unique = codes.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), codes.len(), "{}", product.style_code);
        }
    }

    #[test]
    fn skus_are_unique_across_the_catalog() {
        let mut all = std::collections::HashSet::new();
        for product in catalog::products() {
            for code in colour_codes(&product) {
                for size in &product.sizes {
                    assert!(all.insert(format!(
                        "{}-{code}-{}",
                        product.style_code,
                        size_code(size)
                    )));
                }
            }
        }
        assert!(all.len() > 1000);
    }
}
