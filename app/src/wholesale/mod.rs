//! The B2B portal for retailer buyers: their company, campaigns, pre-orders.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod db;
