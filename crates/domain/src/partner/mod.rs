//! Being a partner: the profile and its changes, the yearly certificate,
//! announcements, and the partnership's lifecycle up to its termination.

pub mod announcement;
pub mod certificate;
pub mod lifecycle;
pub mod profile;
pub mod termination;
