//! Payments: one per order, through a payment provider. Authorized when the
//! order is placed, captured per shipment, the rest voided when the order
//! ends, refunded per return. The amounts and the status they imply are
//! pure rules; the providers and the database are server-only.

pub mod model;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod provider;
