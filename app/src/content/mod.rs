//! Content and assets. For now: serving stored pictures.

#[cfg(feature = "ssr")]
pub mod media;
