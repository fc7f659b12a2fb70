//! Pages: the portal (`/b2b`) and the staff's wholesale desk (`/admin/wholesale`).

pub mod admin;
pub mod portal;
