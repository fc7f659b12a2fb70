use crate::catalog::availability::{Availability, LineProblem};
use serde::{Deserialize, Serialize};

/// A line of the bag, priced and checked against the stock now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CartLine {
    pub sku: String,
    pub product: String,
    pub slug: String,
    pub colour: String,
    pub size: String,
    pub image_url: Option<String>,
    pub quantity: i32,
    pub unit_price_minor: i64,
    pub line_total_minor: i64,
    pub availability: Availability,
    pub problem: Option<LineProblem>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CartView {
    pub lines: Vec<CartLine>,
    pub subtotal_minor: i64,
    pub currency: String,
    /// Units in the bag (the header's count).
    pub units: i32,
}

impl CartView {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Whether every line can be ordered as it is.
    pub fn can_check_out(&self) -> bool {
        !self.lines.is_empty() && self.lines.iter().all(|l| l.problem.is_none())
    }
}

/// The answer to "add to bag".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Added {
    pub product: String,
    pub colour: String,
    pub size: String,
    pub units: i32,
}
