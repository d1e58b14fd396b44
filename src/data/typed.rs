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

/// Reads one record as `T`. A record that does not read as `T` is set aside and
/// reported (see [`Backend::set_aside`]) and reads as absent: the user is told what was
/// set aside instead of meeting a parser's message.
pub async fn load<T: DeserializeOwned>(
    backend: &dyn Backend,
    collection: Collection,
    id: &str,
) -> Result<Option<Versioned<T>>, DataError> {
    match backend.get(collection, id).await? {
        Some(record) => match decode(&record) {
            Ok(value) => Ok(Some(Versioned {
                value,
                rev: record.rev,
            })),
            Err(e) => {
                backend.set_aside(collection, id, &e.to_string()).await;
                Ok(None)
            }
        },
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
/// longer fit the type: those are set aside and reported, and their ids returned.
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
            Err(e) => {
                backend
                    .set_aside(collection, &record.id, &e.to_string())
                    .await;
                bad.push(record.id)
            }
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

/// One record write of a use case that changes several records together.
pub struct Write {
    collection: Collection,
    id: String,
    data: serde_json::Value,
    expected_rev: Option<u64>,
}

impl Write {
    /// Writing `value` to `collection/id`, expecting revision `expected_rev` (see
    /// [`Backend::put`]).
    pub fn new<T: Serialize>(
        collection: Collection,
        id: &str,
        value: &T,
        expected_rev: Option<u64>,
    ) -> Result<Write, DataError> {
        Ok(Write {
            collection,
            id: id.to_string(),
            data: encode(value)?,
            expected_rev,
        })
    }
}

/// Makes every write or none: when one fails (a full quota, a conflict, the server), the
/// writes already made are undone — the previous data put back, or the new record
/// removed — and the first failure is returned, so a use case never stores half a
/// change (a profile without its history line). Returns the new revisions in order.
pub async fn save_all(backend: &dyn Backend, writes: Vec<Write>) -> Result<Vec<u64>, DataError> {
    let mut done: Vec<(Collection, String, Option<super::Record>, u64)> = Vec::new();
    for w in writes {
        let outcome = async {
            let before = backend.get(w.collection, &w.id).await?;
            let stored = backend
                .put(w.collection, &w.id, w.data, w.expected_rev)
                .await?;
            Ok::<_, DataError>((before, stored.rev))
        }
        .await;
        match outcome {
            Ok((before, rev)) => done.push((w.collection, w.id, before, rev)),
            Err(e) => {
                for (collection, id, before, rev) in done.into_iter().rev() {
                    // Best effort: the undo of a write that just succeeded rarely fails.
                    let _ = match before {
                        Some(old) => backend
                            .put(collection, &id, old.data, Some(rev))
                            .await
                            .map(|_| ()),
                        None => backend.delete(collection, &id).await,
                    };
                }
                return Err(e);
            }
        }
    }
    Ok(done.into_iter().map(|(_, _, _, rev)| rev).collect())
}
