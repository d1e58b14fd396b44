//! Which role may read or write which collection: the domain's tables
//! ([`crate::domain::records::access`]), refused as a [`DataError`].

use super::error::DataError;
use super::model::Collection;
use crate::domain::Role;
use crate::domain::records::access;

pub use access::{read_permissions, write_permissions};

/// Refuses a read the role may not make.
pub fn may_read(role: Role, collection: Collection) -> Result<(), DataError> {
    access::may_read(role, collection).map_err(DataError::NotAllowed)
}

/// Refuses a write the role may not make.
pub fn may_write(role: Role, collection: Collection) -> Result<(), DataError> {
    access::may_write(role, collection).map_err(DataError::NotAllowed)
}
