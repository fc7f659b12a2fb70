pub mod category;
pub mod components;
pub mod facets;
pub mod home;
pub mod product;
pub mod search;
pub mod search_box;
