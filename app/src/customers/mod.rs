//! Customers' own data kept for them: their address book.

pub mod api;
pub mod model;
pub mod pages;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
