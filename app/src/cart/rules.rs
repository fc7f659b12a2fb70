//! The storefront's arithmetic: line totals, shipping and the VAT contained
//! in consumer prices. Prices are shown and charged including VAT; the VAT
//! shown is the destination country's rate on the whole total (EU
//! distance selling), and outside the EU nothing is charged as VAT.

use serde::{Deserialize, Serialize};

/// The most units of one SKU in a bag (the database checks it too).
pub const MAX_QUANTITY: i32 = 10;
/// Standard shipping is free from this subtotal (€150.00).
pub const FREE_SHIPPING_FROM_MINOR: i64 = 15_000;
pub const STANDARD_FEE_MINOR: i64 = 590;
pub const EXPRESS_FEE_MINOR: i64 = 1_500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShippingMethod {
    Standard,
    Express,
    /// Click-and-collect at one of our stores.
    Collect,
}

impl ShippingMethod {
    pub const ALL: [ShippingMethod; 3] = [
        ShippingMethod::Standard,
        ShippingMethod::Express,
        ShippingMethod::Collect,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ShippingMethod::Standard => "standard",
            ShippingMethod::Express => "express",
            ShippingMethod::Collect => "collect",
        }
    }

    pub fn parse(text: &str) -> Option<ShippingMethod> {
        Self::ALL.into_iter().find(|m| m.as_str() == text.trim())
    }

    /// What it costs for a bag worth `subtotal_minor`.
    pub fn fee_minor(self, subtotal_minor: i64) -> i64 {
        match self {
            ShippingMethod::Standard if subtotal_minor >= FREE_SHIPPING_FROM_MINOR => 0,
            ShippingMethod::Standard => STANDARD_FEE_MINOR,
            ShippingMethod::Express => EXPRESS_FEE_MINOR,
            ShippingMethod::Collect => 0,
        }
    }
}

/// VAT rates of the countries we deliver to, in basis points (2200 = 22 %).
const VAT_RATES: [(&str, i64); 16] = [
    ("AT", 2000),
    ("BE", 2100),
    ("DE", 1900),
    ("DK", 2500),
    ("ES", 2100),
    ("FI", 2550),
    ("FR", 2000),
    ("GR", 2400),
    ("IE", 2300),
    ("IT", 2200),
    ("LU", 1700),
    ("NL", 2100),
    ("PL", 2300),
    ("PT", 2300),
    ("SE", 2500),
    ("SI", 2200),
];

/// The VAT rate for a destination; 0 outside the EU (an export).
pub fn vat_rate_bp(country: &str) -> i64 {
    VAT_RATES
        .iter()
        .find(|(code, _)| *code == country)
        .map_or(0, |(_, rate)| *rate)
}

/// The VAT contained in a price that includes it, rounded half up:
/// `gross × rate / (1 + rate)`.
pub fn vat_included(gross_minor: i64, rate_bp: i64) -> i64 {
    if rate_bp <= 0 || gross_minor <= 0 {
        return 0;
    }
    let denominator = 10_000 + rate_bp;
    (gross_minor * rate_bp + denominator / 2) / denominator
}

/// A bag's or an order's sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub total_minor: i64,
    /// Contained in the total.
    pub vat_minor: i64,
    pub vat_rate_bp: i64,
}

pub fn line_total(unit_price_minor: i64, quantity: i32) -> i64 {
    unit_price_minor * i64::from(quantity.max(0))
}

pub fn totals(subtotal_minor: i64, method: ShippingMethod, country: &str) -> Totals {
    let shipping_minor = method.fee_minor(subtotal_minor);
    let total_minor = subtotal_minor + shipping_minor;
    let vat_rate_bp = vat_rate_bp(country);
    Totals {
        subtotal_minor,
        shipping_minor,
        total_minor,
        vat_minor: vat_included(total_minor, vat_rate_bp),
        vat_rate_bp,
    }
}

/// "22%" or "25.5%".
pub fn rate_text(rate_bp: i64) -> String {
    if rate_bp % 100 == 0 {
        format!("{}%", rate_bp / 100)
    } else {
        format!("{}.{}%", rate_bp / 100, (rate_bp % 100) / 10)
    }
}

/// A quantity typed in a form: 0 (remove) to [`MAX_QUANTITY`].
pub fn parse_quantity(text: &str) -> Option<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|q| (0..=MAX_QUANTITY).contains(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_is_taken_out_of_gross_prices() {
        // €122.00 at 22 % contains €22.00.
        assert_eq!(vat_included(12_200, 2200), 2_200);
        // €100.00 at 19 %: 15.966… → €15.97 (half up).
        assert_eq!(vat_included(10_000, 1900), 1_597);
        // €0.01 at 22 %: 0.0018 → 0.
        assert_eq!(vat_included(1, 2200), 0);
        assert_eq!(vat_included(10_000, 0), 0);
        assert_eq!(vat_included(-5, 2200), 0);
    }

    #[test]
    fn rates_follow_the_destination() {
        assert_eq!(vat_rate_bp("IT"), 2200);
        assert_eq!(vat_rate_bp("DE"), 1900);
        assert_eq!(vat_rate_bp("CH"), 0);
        assert_eq!(rate_text(2200), "22%");
        assert_eq!(rate_text(2550), "25.5%");
    }

    #[test]
    fn shipping_is_free_over_the_threshold_and_for_collection() {
        assert_eq!(ShippingMethod::Standard.fee_minor(14_999), 590);
        assert_eq!(ShippingMethod::Standard.fee_minor(15_000), 0);
        assert_eq!(ShippingMethod::Express.fee_minor(90_000), 1_500);
        assert_eq!(ShippingMethod::Collect.fee_minor(100), 0);
        assert_eq!(
            ShippingMethod::parse(" express "),
            Some(ShippingMethod::Express)
        );
        assert_eq!(ShippingMethod::parse("drone"), None);
    }

    #[test]
    fn totals_add_shipping_and_contain_vat() {
        let t = totals(2 * 6_100, ShippingMethod::Standard, "IT");
        assert_eq!(t.subtotal_minor, 12_200);
        assert_eq!(t.shipping_minor, 590);
        assert_eq!(t.total_minor, 12_790);
        // 12,790 × 22 / 122 = 2,306.39… → 2,306.
        assert_eq!(t.vat_minor, 2_306);
        assert_eq!(line_total(6_100, 2), 12_200);
        assert_eq!(line_total(6_100, -1), 0);
        let export = totals(20_000, ShippingMethod::Express, "CH");
        assert_eq!((export.total_minor, export.vat_minor), (21_500, 0));
    }

    #[test]
    fn quantities_are_bounded() {
        assert_eq!(parse_quantity("3"), Some(3));
        assert_eq!(parse_quantity(" 0 "), Some(0));
        assert_eq!(parse_quantity("11"), None);
        assert_eq!(parse_quantity("-1"), None);
        assert_eq!(parse_quantity("two"), None);
    }
}
