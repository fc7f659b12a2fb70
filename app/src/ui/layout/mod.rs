//! The frame of each surface: storefront, B2B portal, back office.

mod admin;
mod b2b;
mod storefront;

pub use admin::AdminLayout;
pub use b2b::B2bLayout;
pub use storefront::{
    PERSONAL_CLOSE, PERSONAL_HEADER_PATH, PERSONAL_OPEN, PersonalHeaderPage, StorefrontFrame,
    StorefrontLayout,
};
