//! Inventory: locations, the stock ledger, reservations that never
//! oversell, availability to promise, transfers, counts, reorder points.
//! The order process and the storefront read and reserve stock only here.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
