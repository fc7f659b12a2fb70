//! Products, variants, categories and search as the storefront shows them.

pub mod api;
pub mod availability;
pub mod filters;
pub mod model;
pub mod pages;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod translate;
