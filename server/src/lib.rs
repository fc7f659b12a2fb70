//! The Atelier server: configuration, database (embedded or external),
//! demo data and the HTTP application around the Leptos app.

pub mod api;
pub mod config;
pub mod database;
pub mod demo;
pub mod http;
pub mod jobs;
pub mod telemetry;
pub mod testing;
pub mod webhooks;
