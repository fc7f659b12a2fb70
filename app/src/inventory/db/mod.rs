//! Inventory in PostgreSQL. Constraints make negative stock impossible;
//! every change to a balance writes its ledger row in the same statement.

pub mod locations;
pub mod reservations;
pub mod stock;
pub mod transfers;
