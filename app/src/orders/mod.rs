//! Orders from every channel. The full lifecycle (routing, approval,
//! fulfilment) builds on this; for now: a customer's order history.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod db;
