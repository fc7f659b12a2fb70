//! Wholesale (B2B pre-sales): retailer companies and their price lists,
//! seasonal campaigns, the portal's line sheets and size-run grids, the
//! pre-orders, and the sales desk that closes and confirms them.

pub mod api;
pub mod forms;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod import;
