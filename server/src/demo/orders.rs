//! Past orders of the last six months: the demo consumers' histories, guest
//! orders from the web shop, and one past wholesale order per retailer.
//! All are finished (completed or cancelled), so no stock is held for them.

use super::people::People;
use super::products::Sku;
use rand::Rng;
use rand::rngs::StdRng;
use serde_json::json;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

const GUEST_NAMES: [(&str, &str, &str); 8] = [
    ("Marta Ricci", "Firenze", "IT"),
    ("Tom Schneider", "Berlin", "DE"),
    ("Chloé Martin", "Bordeaux", "FR"),
    ("Pablo García", "Valencia", "ES"),
    ("Anna de Vries", "Utrecht", "NL"),
    ("Léa Bernard", "Bruxelles", "BE"),
    ("Matteo Colombo", "Verona", "IT"),
    ("Hanna Berg", "Wien", "AT"),
];

struct Buyer<'a> {
    customer_id: Option<Uuid>,
    company_id: Option<Uuid>,
    email: String,
    name: &'a str,
    city: &'a str,
    country: &'a str,
}

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
    people: &People,
    skus: &[Sku],
) -> Result<(), sqlx::Error> {
    let mut number = 100_000;
    for (id, email, name, city, country) in &people.consumers {
        for _ in 0..rng.random_range(2..6) {
            let buyer = Buyer {
                customer_id: Some(*id),
                company_id: None,
                email: email.clone(),
                name,
                city,
                country,
            };
            number += 1;
            insert_order(tx, rng, number, "web", &buyer, skus, 1..4, 1..3).await?;
        }
    }
    for i in 0..140 {
        let (name, city, country) = GUEST_NAMES[i % GUEST_NAMES.len()];
        let email = format!(
            "{}.{i}@guest.example",
            name.split(' ').next().unwrap_or("guest").to_lowercase()
        );
        let buyer = Buyer {
            customer_id: None,
            company_id: None,
            email,
            name,
            city,
            country,
        };
        number += 1;
        insert_order(tx, rng, number, "web", &buyer, skus, 1..4, 1..3).await?;
    }
    for (company_id, company, city, country) in &people.companies {
        let buyer = Buyer {
            customer_id: None,
            company_id: Some(*company_id),
            email: format!(
                "orders@{}.example",
                company.to_lowercase().replace(' ', "-")
            ),
            name: company,
            city,
            country,
        };
        number += 1;
        insert_order(tx, rng, number, "b2b", &buyer, skus, 6..14, 4..12).await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn insert_order(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
    number: u32,
    channel: &str,
    buyer: &Buyer<'_>,
    skus: &[Sku],
    lines: std::ops::Range<usize>,
    quantity: std::ops::Range<i32>,
) -> Result<(), sqlx::Error> {
    let days_ago = rng.random_range(8..180);
    let status = if rng.random_bool(0.08) {
        "cancelled"
    } else {
        "completed"
    };
    let chosen: Vec<(&Sku, i32)> = (0..rng.random_range(lines))
        .map(|_| {
            (
                &skus[rng.random_range(0..skus.len())],
                rng.random_range(quantity.clone()),
            )
        })
        .collect();
    // Wholesale is priced at roughly 45% of retail.
    let price = |sku: &Sku| {
        if channel == "b2b" {
            sku.price_minor * 45 / 100
        } else {
            sku.price_minor
        }
    };
    let total: i64 = chosen
        .iter()
        .map(|(sku, q)| price(sku) * i64::from(*q))
        .sum();
    let ship_to = json!({
        "name": buyer.name,
        "line1": format!("Via Example {}", rng.random_range(1..200)),
        "postal_code": format!("{:05}", rng.random_range(10000..99999)),
        "city": buyer.city,
        "country": buyer.country,
    });
    let order_id: Uuid = sqlx::query_scalar(
        "INSERT INTO orders (number, channel, customer_id, company_id, email, status, total_minor, ship_to, placed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 now() - make_interval(days => $9, mins => $10))
         RETURNING id",
    )
    .bind(format!("AT-{number}"))
    .bind(channel)
    .bind(buyer.customer_id)
    .bind(buyer.company_id)
    .bind(&buyer.email)
    .bind(status)
    .bind(total)
    .bind(ship_to)
    .bind(days_ago)
    .bind(rng.random_range(0..1440))
    .fetch_one(&mut **tx)
    .await?;
    for (line_no, (sku, quantity)) in chosen.iter().enumerate() {
        sqlx::query(
            "INSERT INTO order_lines (order_id, line_no, variant_id, sku, description, quantity, unit_price_minor)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(order_id)
        .bind(line_no as i32 + 1)
        .bind(sku.id)
        .bind(&sku.sku)
        .bind(&sku.description)
        .bind(quantity)
        .bind(price(sku))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
