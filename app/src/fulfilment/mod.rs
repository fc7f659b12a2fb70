//! Fulfilment at a location: the work queue of fulfilment requests, pick,
//! pack, ship, deliver, and their documents.

pub mod pages;
