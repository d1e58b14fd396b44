//! Typed access to records: features read and write their own types, the store keeps
//! JSON.

use serde::{Serialize, de::DeserializeOwned};

use super::backend::{Backend, PutRecord, decode, encode};
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
    /// What to put back if a later write fails: `Some(None)` when the record did not
    /// exist, `None` when the caller does not know (then it is read first).
    previous: Option<Option<serde_json::Value>>,
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
            previous: None,
        })
    }

    /// The value this write replaces, as the caller read it (`None`: there was none), so
    /// that undoing it needs no extra read — and a write that cannot reach the server
    /// fails as itself (keeping its draft), not on a read before it.
    pub fn replacing<T: Serialize>(mut self, previous: Option<&T>) -> Result<Write, DataError> {
        self.previous = Some(previous.map(encode).transpose()?);
        Ok(self)
    }
}

/// Puts a record back as it was before a write that stored revision `rev` (best effort:
/// the undo of a write that just succeeded rarely fails).
pub async fn undo(
    backend: &dyn Backend,
    collection: Collection,
    id: &str,
    previous: Option<serde_json::Value>,
    rev: u64,
) {
    let _ = match previous {
        Some(old) => backend
            .put(collection, id, old, Some(rev))
            .await
            .map(|_| ()),
        None => backend.delete(collection, id).await,
    };
}

/// Makes every write or none: when one fails (a full quota, a conflict, the server), the
/// writes already made are undone — the previous data put back, or the new record
/// removed — and the first failure is returned, so a use case never stores half a
/// change. Returns the new revisions in order.
pub async fn save_all(backend: &dyn Backend, writes: Vec<Write>) -> Result<Vec<u64>, DataError> {
    let puts: Vec<PutRecord> = writes
        .iter()
        .map(|w| PutRecord {
            collection: w.collection,
            id: w.id.clone(),
            data: w.data.clone(),
            expected_rev: w.expected_rev,
        })
        .collect();
    // A server's batch is all or nothing by itself (and undoing there would be an event
    // of its own, judged like any other).
    if let Some(together) = backend.put_together(&puts).await {
        return together.map(|stored| stored.into_iter().map(|r| r.rev).collect());
    }
    let last = writes.len().saturating_sub(1);
    let mut done: Vec<(Collection, String, Option<serde_json::Value>, u64)> = Vec::new();
    for (k, w) in writes.into_iter().enumerate() {
        let outcome = async {
            // The last write is never undone: what it replaces need not be known.
            let previous = match w.previous {
                Some(known) => known,
                None if k == last => None,
                None => backend.get(w.collection, &w.id).await?.map(|r| r.data),
            };
            let stored = backend
                .put(w.collection, &w.id, w.data, w.expected_rev)
                .await?;
            Ok::<_, DataError>((previous, stored.rev))
        }
        .await;
        match outcome {
            Ok((previous, rev)) => done.push((w.collection, w.id, previous, rev)),
            Err(e) => {
                for (collection, id, previous, rev) in done.into_iter().rev() {
                    undo(backend, collection, &id, previous, rev).await;
                }
                return Err(e);
            }
        }
    }
    Ok(done.into_iter().map(|(_, _, _, rev)| rev).collect())
}
