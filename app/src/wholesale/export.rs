//! CSV downloads of wholesale data.
