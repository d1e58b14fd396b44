//! Being a partner: the profile and its changes, the yearly certificate,
//! announcements, and the partnership's lifecycle up to its termination.

pub mod announcement;
pub mod certificate;
pub mod certificate_judge;
pub mod lifecycle;
pub mod lifecycle_judge;
pub mod profile;
pub mod profile_judge;
pub mod termination;
