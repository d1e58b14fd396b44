//! The stored records and who may read or write each collection.

pub mod access;
pub mod ids;
pub mod record;
pub mod refusal;

pub use record::{Collection, Record};
pub use refusal::Refusal;
