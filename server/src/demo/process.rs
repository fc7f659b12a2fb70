//! The order process's demo set-up: approval reasons per channel, a
//! marketplace's API key, and a few orders captured through the one
//! capture function, which the workers take through the process when the
//! server starts (one is big enough to need approval, one asks for more
//! than anyone has).

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

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut StdRng,
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
    let buyers = [
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
    for (i, (name, line1, postal_code, city, country)) in buyers.iter().enumerate() {
        let lines: Vec<CaptureLine> = match i {
            // Enough units of one SKU that no location has them.
            4 => vec![CaptureLine {
                sku: wearable[rng.random_range(0..wearable.len())].sku.clone(),
                quantity: 20,
                unit_price_minor: None,
            }],
            // A big order: above the approval threshold.
            3 => (0..6)
                .map(|_| CaptureLine {
                    sku: wearable[rng.random_range(0..wearable.len())].sku.clone(),
                    quantity: 4,
                    unit_price_minor: None,
                })
                .collect(),
            _ => (0..rng.random_range(1..=3))
                .map(|_| CaptureLine {
                    sku: wearable[rng.random_range(0..wearable.len())].sku.clone(),
                    quantity: rng.random_range(1..=2),
                    unit_price_minor: None,
                })
                .collect(),
        };
        let mut lines = lines;
        lines.sort_by(|a, b| a.sku.cmp(&b.sku));
        lines.dedup_by(|a, b| a.sku == b.sku);
        let request = CaptureRequest {
            channel: Channel::Marketplace,
            capture_key: None,
            external_reference: format!("MKT-{}", 88_100 + i),
            email: format!("buyer{}@marketplace.example", i + 1),
            customer_id: None,
            company_id: None,
            payment_method: PaymentMethod::Marketplace,
            currency: "EUR".into(),
            ship_to: Address {
                name: (*name).into(),
                line1: (*line1).into(),
                postal_code: (*postal_code).into(),
                city: (*city).into(),
                country: (*country).into(),
            },
            lines,
        };
        capture::capture(tx, &request, Actor::Api, None)
            .await
            .map_err(|e| match e {
                CaptureError::Database(e) => e,
                CaptureError::Invalid(problems) => {
                    sqlx::Error::Protocol(format!("demo order {i} is invalid: {problems:?}"))
                }
            })?;
    }
    Ok(())
}
