pub mod area;
pub mod dashboard;
