//! The learning platform (RULES §Learners): `/join` for employees, `/learners` for the
//! enterprise admin.

mod join;
mod list;
mod manage;
mod records;
mod records_reader;
mod words;

pub use join::JoinPage;
pub use manage::LearnersPage;
