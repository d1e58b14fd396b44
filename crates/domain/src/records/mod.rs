//! The stored records and who may read or write each collection.

pub mod access;
pub mod ids;
pub mod record;
pub mod refusal;
pub mod statements;

pub use record::{Collection, Record, ScopeKind};
pub use refusal::Refusal;
