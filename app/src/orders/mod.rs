//! Orders from every channel, and the one process each goes through:
//! capture → validation → routing → approval → response → documents →
//! submission → fulfilment → completion. The pure rules (state machine,
//! validation, routing, approval, ship dates) are separate from the
//! database and the workers that execute each order's plan.

pub mod api;
pub mod approval;
pub mod channels;
pub mod lifecycle;
pub mod model;
pub mod pages;
pub mod returns;
pub mod routing;
pub mod texts;
pub mod validation;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod labels;
#[cfg(feature = "ssr")]
pub mod process;
#[cfg(feature = "ssr")]
pub mod schedule;
pub mod tracking;
