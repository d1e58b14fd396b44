//! Typed access to records: features read and write their own types, the store keeps
//! JSON.

use serde::{Serialize, de::DeserializeOwned};

use super::backend::{Backend, decode, encode};
use super::error::DataError;
use super::model::Collection;

/// A typed value with the revision it was read at.
#[derive(Clone, Debug, PartialEq)]
pub struct Versioned<T> {
    /// The value.
    pub value: T,
    /// Its revision (pass back to `save` to detect concurrent changes).
    pub rev: u64,
}

/// Reads one record as `T`.
pub async fn load<T: DeserializeOwned>(
    backend: &dyn Backend,
    collection: Collection,
    id: &str,
) -> Result<Option<Versioned<T>>, DataError> {
    match backend.get(collection, id).await? {
        Some(record) => Ok(Some(Versioned {
            value: decode(&record)?,
            rev: record.rev,
        })),
        None => Ok(None),
    }
}

/// A failed save of this record kept in the browser (remote mode), as `T`; one that no
/// longer fits the type is ignored.
pub async fn load_draft<T: DeserializeOwned>(
    backend: &dyn Backend,
    collection: Collection,
    id: &str,
    current_rev: u64,
) -> Option<T> {
    let data = backend.draft(collection, id, current_rev).await?;
    serde_json::from_value(data).ok()
}

/// Reads every record of a collection as `T`, skipping (not failing on) records that no
/// longer fit the type; their ids are returned so the UI can say so.
pub async fn load_all<T: DeserializeOwned>(
    backend: &dyn Backend,
    collection: Collection,
) -> Result<(Vec<(String, Versioned<T>)>, Vec<String>), DataError> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for record in backend.list(collection).await? {
        match decode(&record) {
            Ok(value) => good.push((
                record.id.clone(),
                Versioned {
                    value,
                    rev: record.rev,
                },
            )),
            Err(_) => bad.push(record.id),
        }
    }
    Ok((good, bad))
}

/// Writes `value` as a record; returns its new revision.
pub async fn save<T: Serialize>(
    backend: &dyn Backend,
    collection: Collection,
    id: &str,
    value: &T,
    expected_rev: Option<u64>,
) -> Result<u64, DataError> {
    Ok(backend
        .put(collection, id, encode(value)?, expected_rev)
        .await?
        .rev)
}
