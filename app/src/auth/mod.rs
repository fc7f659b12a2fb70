//! Accounts: people, roles, sessions and the guard every page and server
//! function goes through.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;
pub mod texts;

#[cfg(feature = "ssr")]
pub mod accounts;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
