//! The storefront's shopping bag: stored in PostgreSQL for guests (found by
//! a cookie) and customers (merged at sign-in). It keeps only what was
//! chosen; prices and stock are read fresh whenever it is shown or ordered.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod db;
