//! The storefront's shopping bag.

pub mod pages;
