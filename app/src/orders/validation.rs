//! The synchronous validation of an order, as pure functions: the shape of
//! the request (capture refuses it with every problem at once, nothing is
//! written), then the rules that need the catalog (SKUs sellable, prices as
//! the channel's, quantity limits). The order process runs the catalog
//! rules again before routing, because the catalog may change in between.

use super::model::{CaptureLine, CaptureRequest};
use crate::auth::rules::Email;
use crate::error::FieldError;
use crate::fulfilment::model::Address;
use crate::inventory::model::Channel;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// More lines than this is not an order but a data feed.
pub const MAX_LINES: usize = 200;

/// Countries we deliver to, with their postal code rule.
const COUNTRIES: [(&str, PostalCode); 20] = [
    ("AT", PostalCode::Digits(4)),
    ("BE", PostalCode::Digits(4)),
    ("CH", PostalCode::Digits(4)),
    ("DE", PostalCode::Digits(5)),
    ("DK", PostalCode::Digits(4)),
    ("ES", PostalCode::Digits(5)),
    ("FI", PostalCode::Digits(5)),
    ("FR", PostalCode::Digits(5)),
    ("GB", PostalCode::Free),
    ("GR", PostalCode::Digits(5)),
    ("IE", PostalCode::Free),
    ("IT", PostalCode::Digits(5)),
    ("LU", PostalCode::Digits(4)),
    ("NL", PostalCode::Dutch),
    ("NO", PostalCode::Digits(4)),
    ("PL", PostalCode::Polish),
    ("PT", PostalCode::Portuguese),
    ("SE", PostalCode::Digits(5)),
    ("SI", PostalCode::Digits(4)),
    ("US", PostalCode::Zip),
];

#[derive(Clone, Copy)]
enum PostalCode {
    Digits(usize),
    /// "1234 AB"
    Dutch,
    /// "00-950"
    Polish,
    /// "1000-001"
    Portuguese,
    /// "12345" or "12345-6789"
    Zip,
    /// Checked only for length.
    Free,
}

impl PostalCode {
    fn accepts(self, code: &str) -> bool {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        match self {
            PostalCode::Digits(n) => digits(code, n),
            PostalCode::Dutch => {
                let compact: String = code.chars().filter(|c| *c != ' ').collect();
                compact.len() == 6
                    && digits(&compact[..4], 4)
                    && compact[4..].bytes().all(|b| b.is_ascii_alphabetic())
            }
            PostalCode::Polish => {
                code.len() == 6
                    && code.as_bytes()[2] == b'-'
                    && digits(&code[..2], 2)
                    && digits(&code[3..], 3)
            }
            PostalCode::Portuguese => {
                code.len() == 8
                    && code.as_bytes()[4] == b'-'
                    && digits(&code[..4], 4)
                    && digits(&code[5..], 3)
            }
            PostalCode::Zip => {
                digits(code, 5)
                    || (code.len() == 10
                        && code.as_bytes()[5] == b'-'
                        && digits(&code[..5], 5)
                        && digits(&code[6..], 4))
            }
            PostalCode::Free => (2..=10).contains(&code.len()),
        }
    }

    fn example(self) -> &'static str {
        match self {
            PostalCode::Digits(4) => "4 digits, e.g. 1010",
            PostalCode::Digits(_) => "5 digits, e.g. 20121",
            PostalCode::Dutch => "4 digits and 2 letters, e.g. 3011 AB",
            PostalCode::Polish => "like 00-950",
            PostalCode::Portuguese => "like 1000-001",
            PostalCode::Zip => "like 10001 or 10001-1234",
            PostalCode::Free => "2 to 10 characters",
        }
    }
}

/// The ISO codes of the countries we deliver to.
pub fn countries() -> impl Iterator<Item = &'static str> {
    COUNTRIES.iter().map(|(code, _)| *code)
}

/// Whether we deliver to this ISO country code.
pub fn delivers_to(country: &str) -> bool {
    COUNTRIES.iter().any(|(code, _)| *code == country)
}

/// The address problems, with fields named under `prefix` (e.g. "ship_to").
pub fn check_address(address: &Address, prefix: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |name: &str| format!("{prefix}.{name}");
    let required = [
        ("name", &address.name, "Enter the recipient's name."),
        ("line1", &address.line1, "Enter the street and number."),
        ("city", &address.city, "Enter the city."),
    ];
    for (name, value, message) in required {
        if value.trim().is_empty() {
            errors.push(FieldError::new(&field(name), "required", message));
        } else if value.len() > 200 {
            errors.push(FieldError::new(
                &field(name),
                "too_long",
                "Use at most 200 characters.",
            ));
        }
    }
    let country = address.country.trim();
    match COUNTRIES.iter().find(|(code, _)| *code == country) {
        None if country.is_empty() => {
            errors.push(FieldError::new(&field("country"), "required", "Choose the country."))
        }
        None => errors.push(FieldError::new(
            &field("country"),
            "not_delivered",
            format!("We do not deliver to \"{country}\". Use a two-letter country code we deliver to, e.g. IT."),
        )),
        Some((code, rule)) => {
            let postal = address.postal_code.trim();
            if postal.is_empty() {
                errors.push(FieldError::new(&field("postal_code"), "required", "Enter the postal code."));
            } else if !rule.accepts(postal) {
                errors.push(FieldError::new(
                    &field("postal_code"),
                    "invalid",
                    format!("A postal code in {code} is {}.", rule.example()),
                ));
            }
        }
    }
    errors
}

/// The shape of a capture request: everything that can be checked without
/// the database. Every problem is reported, not just the first.
pub fn check_request(request: &CaptureRequest, max_line_quantity: i32) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Err(error) = Email::parse(&request.email) {
        errors.push(error);
    }
    if request.currency != "EUR" {
        errors.push(FieldError::new(
            "currency",
            "unsupported",
            "Orders are taken in EUR.",
        ));
    }
    if request.external_reference.len() > 100 {
        errors.push(FieldError::new(
            "external_reference",
            "too_long",
            "Use at most 100 characters.",
        ));
    }
    errors.extend(check_address(&request.ship_to, "ship_to"));
    if request.lines.is_empty() {
        errors.push(FieldError::new(
            "lines",
            "required",
            "An order needs at least one line.",
        ));
    } else if request.lines.len() > MAX_LINES {
        errors.push(FieldError::new(
            "lines",
            "too_many",
            format!("An order has at most {MAX_LINES} lines."),
        ));
    }
    let mut seen = HashSet::new();
    for (i, line) in request.lines.iter().enumerate() {
        errors.extend(check_line(i, line, max_line_quantity));
        if !seen.insert(line.sku.trim()) {
            errors.push(FieldError::new(
                &format!("lines[{i}].sku"),
                "duplicate",
                format!(
                    "{} is on more than one line: put the whole quantity on one line.",
                    line.sku.trim()
                ),
            ));
        }
    }
    errors
}

fn check_line(i: usize, line: &CaptureLine, max_quantity: i32) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |name: &str| format!("lines[{i}].{name}");
    if line.sku.trim().is_empty() {
        errors.push(FieldError::new(&field("sku"), "required", "Enter a SKU."));
    }
    if line.quantity < 1 {
        errors.push(FieldError::new(
            &field("quantity"),
            "too_small",
            "The quantity must be at least 1.",
        ));
    } else if line.quantity > max_quantity {
        errors.push(FieldError::new(
            &field("quantity"),
            "too_large",
            format!("At most {max_quantity} units per line in this channel."),
        ));
    }
    if line.unit_price_minor.is_some_and(|p| p < 0) {
        errors.push(FieldError::new(
            &field("unit_price_minor"),
            "too_small",
            "A price cannot be negative.",
        ));
    }
    errors
}

/// A SKU as the catalog knows it.
#[derive(Debug, Clone)]
pub struct CatalogSku {
    pub variant_id: Uuid,
    pub description: String,
    /// Only active products are sold.
    pub sellable: bool,
    /// The channel's price (gross, minor units).
    pub price_minor: i64,
}

/// A line ready to be stored: the catalog's identity and the price charged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedLine {
    pub line_no: i32,
    pub variant_id: Uuid,
    pub sku: String,
    pub description: String,
    pub quantity: i32,
    pub unit_price_minor: i64,
}

/// The catalog rules: every SKU exists and is sellable, and a price sent by
/// the channel equals the channel's price (the web shop's own checkout sends
/// none: it charges what the catalog says).
pub fn check_against_catalog(
    request: &CaptureRequest,
    catalog: &HashMap<String, CatalogSku>,
) -> Result<Vec<PricedLine>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut lines = Vec::with_capacity(request.lines.len());
    for (i, line) in request.lines.iter().enumerate() {
        let sku = line.sku.trim();
        let Some(known) = catalog.get(sku) else {
            errors.push(FieldError::new(
                &format!("lines[{i}].sku"),
                "unknown",
                format!("There is no SKU {sku}."),
            ));
            continue;
        };
        if !known.sellable {
            errors.push(FieldError::new(
                &format!("lines[{i}].sku"),
                "not_sellable",
                format!("{sku} is not for sale."),
            ));
        }
        let price_checked = request.channel != Channel::B2b;
        if let Some(sent) = line.unit_price_minor
            && price_checked
            && sent != known.price_minor
        {
            errors.push(FieldError::new(
                &format!("lines[{i}].unit_price_minor"),
                "price_mismatch",
                format!(
                    "The price of {sku} is {} (minor units), not {sent}.",
                    known.price_minor
                ),
            ));
        }
        lines.push(PricedLine {
            line_no: i as i32 + 1,
            variant_id: known.variant_id,
            sku: sku.to_owned(),
            description: known.description.clone(),
            quantity: line.quantity,
            unit_price_minor: if price_checked {
                known.price_minor
            } else {
                line.unit_price_minor.unwrap_or(known.price_minor)
            },
        });
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

/// The order total in minor units.
pub fn total_minor(lines: &[PricedLine]) -> i64 {
    lines
        .iter()
        .map(|l| l.unit_price_minor.saturating_mul(i64::from(l.quantity)))
        .fold(0i64, i64::saturating_add)
}

/// Orders scoring this much or more wait for a person to clear them.
pub const RISK_REVIEW_AT: u8 = 70;

/// A simple, explainable risk score from 0 to 100: a high value, no earlier
/// orders, and no account each add to it. (The scoring step is where a
/// provider's fraud or credit score would plug in.)
pub fn risk_score(total_minor: i64, earlier_orders: i64, guest: bool) -> u8 {
    let value = match total_minor {
        500_000.. => 50,
        150_000.. => 30,
        50_000.. => 10,
        _ => 0,
    };
    let history = if earlier_orders == 0 { 25 } else { 0 };
    let account = if guest { 15 } else { 0 };
    (value + history + account).min(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::model::PaymentMethod;

    fn address() -> Address {
        Address {
            name: "Giulia Rossi".into(),
            line1: "Via Roma 1".into(),
            postal_code: "20121".into(),
            city: "Milano".into(),
            country: "IT".into(),
        }
    }

    fn request(lines: Vec<CaptureLine>) -> CaptureRequest {
        CaptureRequest {
            channel: Channel::Marketplace,
            capture_key: None,
            external_reference: "MP-1".into(),
            email: "giulia@example.com".into(),
            customer_id: None,
            company_id: None,
            payment_method: PaymentMethod::Marketplace,
            currency: "EUR".into(),
            ship_to: address(),
            lines,
            payment: None,
            shipping: None,
            ship_not_before: None,
        }
    }

    fn line(sku: &str, quantity: i32, price: Option<i64>) -> CaptureLine {
        CaptureLine {
            sku: sku.into(),
            quantity,
            unit_price_minor: price,
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn a_complete_request_has_no_problems() {
        assert!(check_request(&request(vec![line("A-1", 2, Some(100))]), 20).is_empty());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut bad = request(vec![
            line("", 0, Some(-1)),
            line("B", 21, None),
            line("B", 1, None),
        ]);
        bad.email = "not an email".into();
        bad.ship_to.postal_code = "2012".into();
        let errors = check_request(&bad, 20);
        assert_eq!(
            fields(&errors),
            vec![
                ("email", "invalid"),
                ("ship_to.postal_code", "invalid"),
                ("lines[0].sku", "required"),
                ("lines[0].quantity", "too_small"),
                ("lines[0].unit_price_minor", "too_small"),
                ("lines[1].quantity", "too_large"),
                ("lines[2].sku", "duplicate"),
            ]
        );
    }

    #[test]
    fn an_empty_order_and_an_unknown_country_are_refused() {
        let mut bad = request(vec![]);
        bad.ship_to.country = "XX".into();
        assert_eq!(
            fields(&check_request(&bad, 20)),
            vec![("ship_to.country", "not_delivered"), ("lines", "required")]
        );
    }

    #[test]
    fn postal_codes_follow_the_country() {
        let ok = [
            ("NL", "3011 AB"),
            ("NL", "3011AB"),
            ("PL", "00-950"),
            ("PT", "1000-001"),
            ("US", "10001-1234"),
            ("BE", "1000"),
            ("GB", "SW1A 1AA"),
        ];
        for (country, code) in ok {
            let a = Address {
                country: country.into(),
                postal_code: code.into(),
                ..address()
            };
            assert!(check_address(&a, "a").is_empty(), "{country} {code}");
        }
        let bad = [
            ("NL", "30111"),
            ("IT", "2012A"),
            ("DE", "123456"),
            ("PL", "00950"),
            ("BE", "10000"),
        ];
        for (country, code) in bad {
            let a = Address {
                country: country.into(),
                postal_code: code.into(),
                ..address()
            };
            assert_eq!(
                fields(&check_address(&a, "a")),
                vec![("a.postal_code", "invalid")],
                "{country} {code}"
            );
        }
    }

    fn catalog() -> HashMap<String, CatalogSku> {
        let sku = |price, sellable| CatalogSku {
            variant_id: Uuid::new_v4(),
            description: "Knit".into(),
            sellable,
            price_minor: price,
        };
        HashMap::from([
            ("A-1".to_owned(), sku(12_900, true)),
            ("OLD".to_owned(), sku(5_000, false)),
        ])
    }

    #[test]
    fn catalog_rules_name_the_sku_and_the_price() {
        let errors = check_against_catalog(
            &request(vec![
                line("A-1", 1, Some(12_000)),
                line("NOPE", 1, None),
                line("OLD", 1, None),
            ]),
            &catalog(),
        )
        .unwrap_err();
        assert_eq!(
            fields(&errors),
            vec![
                ("lines[0].unit_price_minor", "price_mismatch"),
                ("lines[1].sku", "unknown"),
                ("lines[2].sku", "not_sellable")
            ]
        );
        assert!(errors[0].message.contains("12900"));
    }

    #[test]
    fn the_catalog_price_is_charged_and_totals_add_up() {
        let lines =
            check_against_catalog(&request(vec![line("A-1", 3, None)]), &catalog()).unwrap();
        assert_eq!(lines[0].unit_price_minor, 12_900);
        assert_eq!(lines[0].line_no, 1);
        assert_eq!(total_minor(&lines), 38_700);
    }

    #[test]
    fn wholesale_prices_come_from_the_request() {
        let mut b2b = request(vec![line("A-1", 10, Some(5_800))]);
        b2b.channel = Channel::B2b;
        let lines = check_against_catalog(&b2b, &catalog()).unwrap();
        assert_eq!(lines[0].unit_price_minor, 5_800);
    }

    #[test]
    fn risk_grows_with_value_and_without_history() {
        assert_eq!(risk_score(10_000, 3, false), 0);
        assert!(risk_score(200_000, 0, true) >= RISK_REVIEW_AT);
        assert!(risk_score(200_000, 0, false) < RISK_REVIEW_AT);
        assert!(risk_score(600_000, 0, false) >= RISK_REVIEW_AT);
        assert!(risk_score(i64::MAX, 0, true) <= 100);
    }
}
