//! The data layer: one async interface ([`Backend`]) for everything the UI reads and
//! writes, and its backends — browser storage (local mode) and memory (tests).

pub mod access;
pub mod applications;
pub mod backend;
pub mod backup;
pub mod envelope;
pub mod error;
pub mod learners;
pub mod local;
pub mod memory;
pub mod model;
pub mod money;
pub mod partner;
pub mod remote;
pub mod shapes;
pub mod store;
pub mod turn;
pub mod typed;
pub mod withheld;
pub mod workbench;

pub use backend::Backend;
pub use error::DataError;
pub use model::{Blob, Collection, Mode, Quarantined, Record, Session, Settings};
