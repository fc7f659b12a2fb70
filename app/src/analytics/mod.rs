//! Key figures of the business for the back office.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
