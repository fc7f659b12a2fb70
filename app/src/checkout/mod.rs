//! The storefront's checkout: from the bag to an order in the order
//! process (#4's capture, never a second path), with the stock reserved and
//! the card authorized before the customer sees "thank you".

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
