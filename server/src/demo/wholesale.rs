//! Wholesale demo data: two euro price lists, the retailers' terms and
//! stores, the FW27 campaign open for pre-orders (every style, two delivery
//! windows, all retailers invited) with one retailer's pre-order submitted
//! and another's in draft, and the SS28 campaign in preparation.

use super::people::People;
use rand::Rng;
use rand::rngs::StdRng;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

/// (code, name, wholesale share of the retail price in percent)
const PRICE_LISTS: [(&str, &str, i64); 2] = [
    ("EU-STANDARD", "Europe, standard", 45),
    ("EU-KEY", "Europe, key accounts", 42),
];

/// Per company, in the order of `People::companies`: price list, payment
/// terms, credit limit (euros; 0: none set), street, postal code, stores.
type Terms = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static [&'static str],
);
const TERMS: [Terms; 4] = [
    (
        "EU-KEY",
        "net_60",
        60_000,
        "Via Solferino 12",
        "20121",
        &["Brera", "Navigli"],
    ),
    (
        "EU-STANDARD",
        "net_30",
        25_000,
        "Neuer Wall 41",
        "20354",
        &["Neuer Wall"],
    ),
    (
        "EU-STANDARD",
        "net_30",
        20_000,
        "Rue Victor Hugo 8",
        "69002",
        &["Bellecour"],
    ),
    (
        "EU-STANDARD",
        "prepaid",
        0,
        "Calle de Fuencarral 70",
        "28004",
        &["Malasaña"],
    ),
];

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
    people: &People,
) -> Result<(), sqlx::Error> {
    for (code, name, share) in PRICE_LISTS {
        // Style prices, rounded to half euros, as price lists usually are.
        sqlx::query(
            "WITH list AS (INSERT INTO price_lists (code, name, currency) VALUES ($1, $2, 'EUR') RETURNING id)
             INSERT INTO price_list_prices (price_list_id, product_id, wholesale_minor, retail_minor)
             SELECT list.id, p.id, greatest(50, round(p.price_minor * $3 / 100.0 / 50) * 50), p.price_minor
             FROM list, products p WHERE p.price_minor >= 100",
        )
        .bind(code)
        .bind(name)
        .bind(share)
        .execute(&mut **tx)
        .await?;
    }
    let sales_rep: Option<Uuid> =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'merchandiser@atelier.example'")
            .fetch_optional(&mut **tx)
            .await?;
    for ((company_id, name, city, country), (list, terms, credit, street, postal, stores)) in
        people.companies.iter().zip(TERMS)
    {
        let billing = serde_json::json!({
            "name": name, "line1": street, "postal_code": postal, "city": city, "country": country,
        });
        sqlx::query(
            "UPDATE companies SET billing_address = $2, payment_terms = $3,
                    credit_limit_minor = NULLIF($4, 0) * 100, sales_rep_id = $5,
                    price_list_id = (SELECT id FROM price_lists WHERE code = $6)
             WHERE id = $1",
        )
        .bind(company_id)
        .bind(&billing)
        .bind(terms)
        .bind(credit)
        .bind(sales_rep)
        .bind(list)
        .execute(&mut **tx)
        .await?;
        for store in stores {
            let address = serde_json::json!({
                "name": format!("{name} {store}"), "line1": street, "postal_code": postal,
                "city": city, "country": country,
            });
            sqlx::query(
                "INSERT INTO company_stores (company_id, name, address) VALUES ($1, $2, $3)",
            )
            .bind(company_id)
            .bind(store)
            .bind(&address)
            .execute(&mut **tx)
            .await?;
        }
    }

    let fw27: Uuid = sqlx::query_scalar(
        "INSERT INTO campaigns (code, name, season, opens_on, closes_on, state, min_units_per_style, min_order_minor)
         VALUES ('FW27', 'Autumn/Winter 2027', 'FW27', current_date - 7, current_date + 35, 'open', 6, 150000)
         RETURNING id",
    )
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO campaign_windows (campaign_id, name, ships_from, ships_until) VALUES
             ($1, 'Early delivery', current_date + 120, current_date + 150),
             ($1, 'Main delivery', current_date + 170, current_date + 200)",
    )
    .bind(fw27)
    .execute(&mut **tx)
    .await?;
    // Every style in every colour; this season's styles are new, the rest carry over.
    sqlx::query(
        "INSERT INTO campaign_styles (campaign_id, product_id, colour, carry_over, target_units)
         SELECT DISTINCT $1, p.id, v.colour, p.season <> 'FW27', 0
         FROM products p JOIN variants v ON v.product_id = p.id",
    )
    .bind(fw27)
    .execute(&mut **tx)
    .await?;
    let targets: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT product_id, colour FROM campaign_styles WHERE campaign_id = $1")
            .bind(fw27)
            .fetch_all(&mut **tx)
            .await?;
    let units: Vec<i32> = targets
        .iter()
        .map(|_| rng.random_range(4..=30) * 6)
        .collect();
    sqlx::query(
        "UPDATE campaign_styles s SET target_units = t.units
         FROM unnest($2::uuid[], $3::text[], $4::int[]) AS t(product_id, colour, units)
         WHERE s.campaign_id = $1 AND s.product_id = t.product_id AND s.colour = t.colour",
    )
    .bind(fw27)
    .bind(targets.iter().map(|t| t.0).collect::<Vec<_>>())
    .bind(targets.iter().map(|t| t.1.clone()).collect::<Vec<_>>())
    .bind(units)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO campaign_invitations (campaign_id, company_id) SELECT $1, id FROM companies",
    )
    .bind(fw27)
    .execute(&mut **tx)
    .await?;

    // Nordlicht submitted, Maison Lumière is still drafting.
    for (company, state, styles) in [(1usize, "submitted", 6i64), (2, "draft", 3)] {
        let Some((company_id, ..)) = people.companies.get(company) else {
            continue;
        };
        pre_order(tx, fw27, *company_id, state, styles).await?;
    }

    sqlx::query(
        "INSERT INTO campaigns (code, name, season, opens_on, closes_on, state, min_units_per_style, min_order_minor)
         VALUES ('SS28', 'Spring/Summer 2028', 'SS28', current_date + 150, current_date + 190, 'draft', 6, 150000)",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A pre-order of the first `styles` new styles, 2 per size of their first
/// colour, shipped to the company's first store in the early window.
async fn pre_order(
    tx: &mut Transaction<'_, Postgres>,
    campaign_id: Uuid,
    company_id: Uuid,
    state: &str,
    styles: i64,
) -> Result<(), sqlx::Error> {
    let (pre_order_id, buyer): (Uuid, Option<Uuid>) = sqlx::query_as(
        "INSERT INTO pre_orders (number, campaign_id, company_id, state, submitted_at)
         VALUES ('PO-' || nextval('pre_order_numbers'), $1, $2, $3,
                 CASE WHEN $3 = 'submitted' THEN now() - interval '2 days' END)
         RETURNING id, (SELECT id FROM users WHERE company_id = $2 ORDER BY created_at LIMIT 1)",
    )
    .bind(campaign_id)
    .bind(company_id)
    .bind(state)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO pre_order_styles (pre_order_id, company_id, product_id, store_id, window_id)
         SELECT $1, $2, s.product_id,
                (SELECT id FROM company_stores WHERE company_id = $2 ORDER BY name LIMIT 1),
                (SELECT id FROM campaign_windows WHERE campaign_id = $3 ORDER BY ships_from LIMIT 1)
         FROM (SELECT DISTINCT p.id AS product_id, p.style_code FROM campaign_styles cs
               JOIN products p ON p.id = cs.product_id
               WHERE cs.campaign_id = $3 AND NOT cs.carry_over
                 AND (SELECT count(DISTINCT size) FROM variants WHERE product_id = p.id) >= 3
               ORDER BY p.style_code LIMIT $4) s",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .bind(campaign_id)
    .bind(styles)
    .execute(&mut **tx)
    .await?;
    // The first colour of each style, every size, at the company's style price.
    sqlx::query(
        "INSERT INTO pre_order_lines (pre_order_id, company_id, product_id, variant_id, quantity, unit_price_minor)
         SELECT $1, $2, v.product_id, v.id, 2, pp.wholesale_minor
         FROM pre_order_styles s
         JOIN variants v ON v.product_id = s.product_id
              AND v.colour = (SELECT min(colour) FROM variants WHERE product_id = s.product_id)
         JOIN companies c ON c.id = $2
         JOIN price_list_prices pp ON pp.price_list_id = c.price_list_id AND pp.product_id = v.product_id
              AND pp.colour = '' AND pp.size = ''
         WHERE s.pre_order_id = $1",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO pre_order_events (pre_order_id, company_id, kind, detail, actor_id, at)
         SELECT $1, $2, k.kind, k.detail, $3, now() - k.ago
         FROM (VALUES ('saved', 'Draft started.', interval '5 days'),
                      ('submitted', 'Submitted.', interval '2 days')) AS k(kind, detail, ago)
         WHERE k.kind = 'saved' OR $4 = 'submitted'",
    )
    .bind(pre_order_id)
    .bind(company_id)
    .bind(buyer)
    .bind(state)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
