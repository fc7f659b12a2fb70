//! Machine clients: API keys for `/api/v1` (stock now; orders and webhooks
//! with the order process).

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
