use crate::cart::model::CartView;
use crate::cart::rules::{ShippingMethod, Totals};
use crate::fulfilment::model::Address;
use serde::{Deserialize, Serialize};
use time::Date;

/// A store where the whole bag can be collected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollectionStore {
    pub code: String,
    pub name: String,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShippingOption {
    pub method: ShippingMethod,
    pub fee_minor: i64,
}

/// Everything the checkout page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckoutPage {
    pub cart: CartView,
    /// Made when the page is rendered and sent back with the order: the
    /// same key never makes a second order (double click, refresh, back).
    pub key: String,
    /// The signed-in customer's email and last address, to start from.
    pub email: String,
    pub signed_in: bool,
    pub address: Address,
    pub options: Vec<ShippingOption>,
    pub stores: Vec<CollectionStore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfirmedLine {
    pub description: String,
    pub sku: String,
    pub quantity: i32,
    pub line_total_minor: i64,
    pub planned_ship_date: Option<Date>,
}

/// The "thank you" page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    pub number: String,
    pub email: String,
    pub status_label: String,
    pub currency: String,
    pub lines: Vec<ConfirmedLine>,
    pub totals: Totals,
    pub shipping_method: Option<ShippingMethod>,
    pub ship_to: Address,
    pub collect_at: Option<String>,
    pub signed_in: bool,
}
