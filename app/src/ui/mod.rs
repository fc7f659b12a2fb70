//! Shared components: the three surfaces' layouts, form fields, money, status pages.

pub mod chart;
pub mod dates;
pub mod form;
pub mod island;
pub mod layout;
pub mod money;
pub mod status;
pub mod table;
pub mod texts;
