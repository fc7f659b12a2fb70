//! Server functions: `portal` for retailer buyers (the company always comes
//! from the session), `staff` for the brand's wholesale team.

pub mod portal;
pub mod staff;
