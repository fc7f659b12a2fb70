//! Fulfilment at a location: the work queue of fulfilment requests, pick,
//! pack, ship, deliver, and their documents.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
