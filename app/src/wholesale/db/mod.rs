//! Wholesale queries. Every query of a company's data takes the company id
//! and filters by it, so one company never reads another's rows.

pub mod confirm;
pub mod portal;
pub mod pre_orders;
pub mod staff;
