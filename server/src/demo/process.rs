//! The order process's demo set-up: approval reasons per channel, a
//! marketplace's API key, and a few orders captured through the one
//! capture function, which the workers take through the process when the
//! server starts: some go straight to the warehouses, one is split over
//! two, one waits for approval, one for a location decision, one for a
//! risk review.

use super::people::People;
use super::products::Sku;
use app::fulfilment::model::Address;
use app::integrations::db::{self as api_keys, KeyBinding};
use app::integrations::model::Scope;
use app::inventory::model::Channel;
use app::orders::approval::{Approver, Condition};
use app::orders::db::capture::{self, CaptureError};
use app::orders::db::timeline::Actor;
use app::orders::model::{CaptureLine, CaptureRequest, PaymentMethod};
use rand::Rng;
use rand::rngs::StdRng;
use sqlx::{Postgres, Transaction};

/// The demo marketplace's key (orders:read, orders:write; channel marketplace).
pub const DEMO_MARKETPLACE_KEY: &str = "atl_demo_marketplace_0123456789abcdef0123456789abcd";

struct Reason {
    channel: Channel,
    code: &'static str,
    name: &'static str,
    rank: i32,
    condition: Condition,
    approver: Approver,
    reroute_after: bool,
}

fn reasons() -> Vec<Reason> {
    vec![
        Reason {
            channel: Channel::Web,
            code: "high_value",
            name: "Order above €1,000",
            rank: 1,
            condition: Condition::TotalAbove { minor: 100_000 },
            approver: Approver::Staff,
            reroute_after: false,
        },
        Reason {
            channel: Channel::B2b,
            code: "invoice_terms",
            name: "Payment on invoice",
            rank: 1,
            condition: Condition::PaymentMethod {
                method: "invoice".into(),
            },
            approver: Approver::Staff,
            reroute_after: false,
        },
        Reason {
            channel: Channel::B2b,
            code: "credit_check",
            name: "Credit insurer's check",
            rank: 2,
            condition: Condition::TotalAbove { minor: 2_000_000 },
            approver: Approver::External,
            reroute_after: true,
        },
        Reason {
            channel: Channel::Marketplace,
            code: "large_marketplace_order",
            name: "Marketplace order above €2,500",
            rank: 1,
            condition: Condition::TotalAbove { minor: 250_000 },
            approver: Approver::Staff,
            reroute_after: false,
        },
    ]
}

const BUYERS: [(&str, &str, &str, &str, &str); 5] = [
    ("Marta Ferri", "Via Dante 12", "20121", "Milano", "IT"),
    ("Jonas Becker", "Schillerstraße 4", "10625", "Berlin", "DE"),
    ("Inès Laurent", "12 rue Oberkampf", "75011", "Paris", "FR"),
    (
        "Daan de Vries",
        "Witte de Withstraat 20",
        "3012 BR",
        "Rotterdam",
        "NL",
    ),
    ("Elena Conti", "Corso Vittorio 88", "10128", "Torino", "IT"),
];

fn order(
    channel: Channel,
    email: &str,
    (name, line1, postal_code, city, country): (&str, &str, &str, &str, &str),
    lines: Vec<CaptureLine>,
) -> CaptureRequest {
    CaptureRequest {
        channel,
        capture_key: None,
        external_reference: String::new(),
        email: email.to_owned(),
        customer_id: None,
        company_id: None,
        payment_method: PaymentMethod::Marketplace,
        currency: "EUR".into(),
        ship_to: Address {
            name: name.into(),
            line1: line1.into(),
            postal_code: postal_code.into(),
            city: city.into(),
            country: country.into(),
        },
        lines,
        payment: None,
        shipping: None,
        ship_not_before: None,
    }
}

async fn capture_demo(
    tx: &mut Transaction<'_, Postgres>,
    request: &CaptureRequest,
) -> Result<(), sqlx::Error> {
    capture::capture(tx, request, Actor::Api, None)
        .await
        .map(drop)
        .map_err(|e| match e {
            CaptureError::Database(e) => e,
            CaptureError::Invalid(problems) => {
                sqlx::Error::Protocol(format!("a demo order is invalid: {problems:?}"))
            }
        })
}

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
    people: &People,
    skus: &[Sku],
) -> Result<(), sqlx::Error> {
    for r in reasons() {
        sqlx::query(
            "INSERT INTO approval_reasons (channel, code, name, rank, condition, approver, reroute_after)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(r.channel.as_str())
        .bind(r.code)
        .bind(r.name)
        .bind(r.rank)
        .bind(serde_json::to_value(&r.condition).unwrap_or_default())
        .bind(r.approver.as_str())
        .bind(r.reroute_after)
        .execute(&mut **tx)
        .await?;
    }
    api_keys::insert(
        &mut **tx,
        "Marketplace (demo)",
        DEMO_MARKETPLACE_KEY,
        &[Scope::OrdersRead, Scope::OrdersWrite, Scope::StockRead],
        KeyBinding {
            location_id: None,
            channel: Some(Channel::Marketplace),
        },
        None,
    )
    .await?;

    let wearable: Vec<&Sku> = skus.iter().filter(|s| !s.home_goods).collect();
    let pick = |rng: &mut StdRng| wearable[rng.random_range(0..wearable.len())];
    let line = |sku: &Sku, quantity: i32| CaptureLine {
        sku: sku.sku.clone(),
        quantity,
        unit_price_minor: None,
    };
    // Two small marketplace orders that go straight through.
    for (i, buyer) in BUYERS.iter().take(2).enumerate() {
        let lines = vec![line(pick(rng), 1)];
        let mut request = order(
            Channel::Marketplace,
            &format!("buyer{}@marketplace.example", i + 1),
            *buyer,
            lines,
        );
        request.external_reference = format!("MKT-{}", 88_100 + i);
        capture_demo(tx, &request).await?;
    }
    // A regular customer's order above €1,000: waits for approval.
    if let Some((id, email, _, _, _)) = people.consumers.first() {
        let mut lines = Vec::new();
        let mut total = 0;
        while total <= 120_000 {
            let sku = pick(rng);
            if lines.iter().any(|l: &CaptureLine| l.sku == sku.sku) {
                continue;
            }
            total += sku.price_minor * 2;
            lines.push(line(sku, 2));
        }
        let mut request = order(Channel::Web, email, BUYERS[2], lines);
        request.customer_id = Some(*id);
        request.payment_method = PaymentMethod::Card;
        capture_demo(tx, &request).await?;
    }
    // More units of one SKU than either warehouse has alone: split in two.
    let split: Option<(String, i64)> = sqlx::query_as(
        "SELECT v.sku, (sum(b.on_hand - b.reserved) FILTER (WHERE l.code IN ('WH-MIL', 'WH-RTM')))::bigint
         FROM stock_balances b JOIN locations l ON l.id = b.location_id JOIN variants v ON v.id = b.variant_id
         JOIN products p ON p.id = v.product_id
         WHERE l.code IN ('WH-MIL', 'WH-RTM') AND p.price_minor < 8000
         GROUP BY v.sku
         HAVING count(*) = 2 AND min(b.on_hand - b.reserved) >= 2 AND max(b.on_hand - b.reserved) <= 12
         ORDER BY v.sku LIMIT 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let (Some((sku, units)), Some((id, email, _, _, _))) = (split, people.consumers.get(1)) {
        let known = skus.iter().find(|s| s.sku == sku);
        if let Some(known) = known {
            let mut request = order(
                Channel::Web,
                email,
                BUYERS[3],
                vec![line(known, units as i32 - 1)],
            );
            request.customer_id = Some(*id);
            request.payment_method = PaymentMethod::Card;
            capture_demo(tx, &request).await?;
        }
    }
    // A store order no location can serve: waits for staff to decide.
    let mut store = order(
        Channel::Store,
        "walk-in@atelier.example",
        BUYERS[4],
        vec![line(pick(rng), 1)],
    );
    store.payment_method = PaymentMethod::InStore;
    capture_demo(tx, &store).await?;
    // A guest's first, big order: stopped for a risk review.
    let lines = (0..4)
        .map(|_| pick(rng))
        .fold(Vec::<CaptureLine>::new(), |mut lines, sku| {
            if !lines.iter().any(|l| l.sku == sku.sku) {
                lines.push(line(sku, 3));
            }
            lines
        });
    let mut guest = order(Channel::Web, "first.time@example.com", BUYERS[0], lines);
    guest.payment_method = PaymentMethod::Card;
    capture_demo(tx, &guest).await?;
    Ok(())
}
