//! Pure wholesale rules, shared by the server and the browser's grid:
//! which price applies, prepack expansion, totals, minimums, and which
//! changes a campaign and a pre-order allow.

use super::model::{CampaignState, Minimums, PreOrderState, Price};
use serde::{Deserialize, Serialize};
use time::Date;

/// One entry of a price list: a style's price for every colour (`colour`
/// empty), for one colour (`size` empty), or for one SKU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceEntry {
    pub colour: String,
    pub size: String,
    pub price: Price,
}

/// The price of a SKU of one style: the most specific entry wins (SKU, then
/// colour, then the whole style); `None` when the list does not price it.
pub fn resolve_price(entries: &[PriceEntry], colour: &str, size: &str) -> Option<Price> {
    let specificity = |e: &PriceEntry| match (e.colour.as_str(), e.size.as_str()) {
        (c, s) if c == colour && s == size && !s.is_empty() => Some(3),
        (c, "") if c == colour && !c.is_empty() => Some(2),
        ("", "") => Some(1),
        _ => None,
    };
    entries
        .iter()
        .filter_map(|e| specificity(e).map(|rank| (rank, e.price)))
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, price)| price)
}

/// The retailer's margin on the suggested retail price, in whole percent
/// (rounded down): what a buyer compares styles by.
pub fn margin_percent(price: Price) -> i64 {
    if price.retail_minor <= 0 {
        return 0;
    }
    (price.retail_minor - price.wholesale_minor) * 100 / price.retail_minor
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrepackError {
    #[error("Write the ratio as whole numbers separated by dashes, e.g. 1-2-2-1.")]
    Unreadable,
    #[error("The ratio has {given} numbers but the row has {sizes} sizes.")]
    WrongLength { given: usize, sizes: usize },
    #[error("Choose between 1 and 999 packs.")]
    Packs,
}

/// Expands a prepack ratio (e.g. "1-2-2-1", one number per orderable size of
/// the row, left to right) times a number of packs into quantities per size.
pub fn expand_prepack(ratio: &str, sizes: usize, packs: i32) -> Result<Vec<i32>, PrepackError> {
    if !(1..=999).contains(&packs) {
        return Err(PrepackError::Packs);
    }
    let parts: Vec<i32> = ratio
        .split(['-', ' ', ','])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<i32>().ok().filter(|n| (0..=99).contains(n)))
        .collect::<Option<_>>()
        .ok_or(PrepackError::Unreadable)?;
    if parts.is_empty() || parts.iter().all(|n| *n == 0) {
        return Err(PrepackError::Unreadable);
    }
    if parts.len() != sizes {
        return Err(PrepackError::WrongLength {
            given: parts.len(),
            sizes,
        });
    }
    Ok(parts.into_iter().map(|n| n * packs).collect())
}

/// Units and value of some lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Totals {
    pub units: i64,
    pub value_minor: i64,
}

impl Totals {
    /// Quantities at one unit price (a row of the grid).
    pub fn of_row(quantities: &[i32], unit_price_minor: i64) -> Totals {
        let units: i64 = quantities.iter().map(|q| i64::from((*q).max(0))).sum();
        Totals {
            units,
            value_minor: units.saturating_mul(unit_price_minor),
        }
    }

    pub fn sum(all: impl IntoIterator<Item = Totals>) -> Totals {
        all.into_iter().fold(Totals::default(), |a, b| a + b)
    }
}

impl std::ops::Add for Totals {
    type Output = Totals;

    fn add(self, other: Totals) -> Totals {
        Totals {
            units: self.units + other.units,
            value_minor: self.value_minor.saturating_add(other.value_minor),
        }
    }
}

/// Reads a grid cell as typed: empty is 0; anything else must be a whole
/// number from 0 to 9,999.
pub fn parse_quantity(text: &str) -> Result<i32, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    match text.parse::<i32>() {
        Ok(n) if (0..=9_999).contains(&n) => Ok(n),
        _ => Err(format!(
            "\"{text}\" is not a quantity: type a whole number from 0 to 9999."
        )),
    }
}

/// The units ordered of one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleUnits {
    pub style_code: String,
    pub name: String,
    pub units: i64,
}

/// Why a pre-order cannot be submitted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shortfall {
    /// A style ordered, but less than the minimum per style.
    StyleUnits {
        style_code: String,
        name: String,
        units: i64,
        minimum: i64,
    },
    /// The whole pre-order is worth less than the minimum order value.
    OrderValue {
        value_minor: i64,
        minimum_minor: i64,
    },
    /// Nothing ordered.
    Empty,
}

impl Shortfall {
    /// The message a buyer reads, naming the style and what is missing.
    pub fn message(&self, currency: &str) -> String {
        match self {
            Shortfall::StyleUnits {
                style_code,
                name,
                units,
                minimum,
            } => format!(
                "{name} ({style_code}): {units} unit{} ordered, the minimum per style is {minimum}; add {} more or remove the style.",
                if *units == 1 { "" } else { "s" },
                minimum - units
            ),
            Shortfall::OrderValue {
                value_minor,
                minimum_minor,
            } => format!(
                "The pre-order is worth {}, the minimum order value is {}; add {} more.",
                crate::ui::money::format_money(*value_minor, currency),
                crate::ui::money::format_money(*minimum_minor, currency),
                crate::ui::money::format_money(minimum_minor - value_minor, currency),
            ),
            Shortfall::Empty => "The pre-order has no quantities yet.".to_owned(),
        }
    }
}

/// The campaign's minimums a pre-order misses: each style ordered below the
/// units per style (styles not ordered at all are fine), and the order value.
pub fn shortfalls(styles: &[StyleUnits], value_minor: i64, minimums: Minimums) -> Vec<Shortfall> {
    let ordered: Vec<&StyleUnits> = styles.iter().filter(|s| s.units > 0).collect();
    if ordered.is_empty() {
        return vec![Shortfall::Empty];
    }
    let minimum = i64::from(minimums.units_per_style);
    let mut found: Vec<Shortfall> = ordered
        .into_iter()
        .filter(|s| s.units < minimum)
        .map(|s| Shortfall::StyleUnits {
            style_code: s.style_code.clone(),
            name: s.name.clone(),
            units: s.units,
            minimum,
        })
        .collect();
    if value_minor < minimums.order_minor {
        found.push(Shortfall::OrderValue {
            value_minor,
            minimum_minor: minimums.order_minor,
        });
    }
    found
}

/// The states a campaign may move to from `from`: forward one step, or back
/// from closed to open (to reopen for latecomers) before confirming.
pub fn campaign_may_move(from: CampaignState, to: CampaignState) -> bool {
    use CampaignState::*;
    matches!(
        (from, to),
        (Draft, Open) | (Open, Closed) | (Closed, Open) | (Closed, Confirmed)
    )
}

/// Whether buyers may change pre-orders of a campaign on `today`: it is open
/// and its close date has not passed.
pub fn campaign_takes_orders(state: CampaignState, closes_on: Date, today: Date) -> bool {
    state == CampaignState::Open && today <= closes_on
}

/// Whether a pre-order may be edited (saved, submitted, withdrawn): the
/// campaign takes orders and the brand has not confirmed it.
pub fn pre_order_editable(
    campaign: CampaignState,
    closes_on: Date,
    today: Date,
    state: PreOrderState,
) -> bool {
    campaign_takes_orders(campaign, closes_on, today) && state != PreOrderState::Confirmed
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn entry(colour: &str, size: &str, wholesale: i64) -> PriceEntry {
        PriceEntry {
            colour: colour.into(),
            size: size.into(),
            price: Price {
                wholesale_minor: wholesale,
                retail_minor: wholesale * 2,
            },
        }
    }

    #[test]
    fn the_most_specific_price_wins() {
        let entries = [
            entry("", "", 100),
            entry("Navy", "", 120),
            entry("Navy", "XL", 130),
        ];
        let w = |c, s| resolve_price(&entries, c, s).map(|p| p.wholesale_minor);
        assert_eq!(w("Navy", "XL"), Some(130));
        assert_eq!(w("Navy", "M"), Some(120));
        assert_eq!(w("Ecru", "XL"), Some(100));
        assert_eq!(resolve_price(&[entry("Navy", "", 120)], "Ecru", "M"), None);
    }

    #[test]
    fn margin_is_on_the_retail_price() {
        let p = Price {
            wholesale_minor: 4_000,
            retail_minor: 10_000,
        };
        assert_eq!(margin_percent(p), 60);
        assert_eq!(
            margin_percent(Price {
                wholesale_minor: 1,
                retail_minor: 0
            }),
            0
        );
    }

    #[test]
    fn prepacks_expand_per_size() {
        assert_eq!(expand_prepack("1-2-2-1", 4, 3), Ok(vec![3, 6, 6, 3]));
        assert_eq!(expand_prepack(" 1 2 2 1 ", 4, 1), Ok(vec![1, 2, 2, 1]));
        assert_eq!(
            expand_prepack("1-2-2", 4, 1),
            Err(PrepackError::WrongLength { given: 3, sizes: 4 })
        );
        assert_eq!(expand_prepack("1-x", 2, 1), Err(PrepackError::Unreadable));
        assert_eq!(expand_prepack("0-0", 2, 1), Err(PrepackError::Unreadable));
        assert_eq!(expand_prepack("1-1", 2, 0), Err(PrepackError::Packs));
    }

    #[test]
    fn totals_add_up_rows() {
        let a = Totals::of_row(&[1, 2, 0, 3], 1_000);
        assert_eq!(
            a,
            Totals {
                units: 6,
                value_minor: 6_000
            }
        );
        let b = Totals::of_row(&[4], 2_500);
        assert_eq!(
            Totals::sum([a, b]),
            Totals {
                units: 10,
                value_minor: 16_000
            }
        );
    }

    #[test]
    fn quantities_are_whole_numbers() {
        assert_eq!(parse_quantity(""), Ok(0));
        assert_eq!(parse_quantity(" 12 "), Ok(12));
        assert!(parse_quantity("-1").is_err());
        assert!(parse_quantity("1.5").is_err());
        assert!(parse_quantity("10000").is_err());
    }

    fn units(code: &str, n: i64) -> StyleUnits {
        StyleUnits {
            style_code: code.into(),
            name: format!("Style {code}"),
            units: n,
        }
    }

    #[test]
    fn minimums_name_the_style_and_the_shortfall() {
        let minimums = Minimums {
            units_per_style: 12,
            order_minor: 100_000,
        };
        let found = shortfalls(
            &[units("KN-1", 8), units("KN-2", 12), units("KN-3", 0)],
            150_000,
            minimums,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message("EUR"),
            "Style KN-1 (KN-1): 8 units ordered, the minimum per style is 12; add 4 more or remove the style."
        );
        let found = shortfalls(&[units("KN-2", 12)], 99_000, minimums);
        assert!(matches!(
            found[..],
            [Shortfall::OrderValue {
                value_minor: 99_000,
                minimum_minor: 100_000
            }]
        ));
        assert_eq!(
            shortfalls(&[units("KN-2", 0)], 0, minimums),
            vec![Shortfall::Empty]
        );
        assert!(shortfalls(&[units("KN-2", 12)], 100_000, minimums).is_empty());
    }

    #[test]
    fn campaigns_move_forward_and_may_reopen_before_confirming() {
        use CampaignState::*;
        assert!(campaign_may_move(Draft, Open));
        assert!(campaign_may_move(Closed, Open));
        assert!(campaign_may_move(Closed, Confirmed));
        assert!(!campaign_may_move(Open, Confirmed));
        assert!(!campaign_may_move(Confirmed, Open));
        assert!(!campaign_may_move(Draft, Closed));
    }

    #[test]
    fn pre_orders_change_only_while_the_campaign_is_open() {
        let closes = date!(2027 - 02 - 28);
        let open = CampaignState::Open;
        assert!(pre_order_editable(
            open,
            closes,
            closes,
            PreOrderState::Submitted
        ));
        assert!(!pre_order_editable(
            open,
            closes,
            date!(2027 - 03 - 01),
            PreOrderState::Draft
        ));
        assert!(!pre_order_editable(
            CampaignState::Closed,
            closes,
            closes,
            PreOrderState::Draft
        ));
        assert!(!pre_order_editable(
            open,
            closes,
            closes,
            PreOrderState::Confirmed
        ));
    }
}
