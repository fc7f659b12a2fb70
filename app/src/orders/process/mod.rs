//! The order process: the workers that run each order's plan, the steps
//! they run, and what people and outside events do to an order.

pub mod actions;
pub mod engine;
pub mod returns;
pub mod routing_input;
pub mod steps;
