//! The backend that keeps everything in storage (local mode), written once over the two
//! storage shapes of [`traits`]: in the browser over localStorage and IndexedDB, in
//! native tests over memory.

mod backup;
pub mod keys;
pub mod memory;
mod reading;
mod rules;
pub mod traits;
mod upkeep;

use self::upkeep::QuarantineEntry;
use super::model::QuarantineReason;
use super::withheld::{Notify, Withheld};

use async_trait::async_trait;
use serde_json::Value;
use std::rc::Rc;

use self::keys::*;
use self::traits::{BulkStore, KeyValue};
use super::access::may_read;
use super::backend::Backend;
use super::envelope;
use super::error::DataError;
use super::model::{Blob, Collection, Mode, Quarantined, Record, Session, Settings, Tier};
use crate::domain::Role;

/// Local mode over any pair of storages. The storages are trait objects rather than type
/// parameters so the backend's code exists once in the wasm, however many storage kinds
/// (browser, memory fallback) the app carries.
pub struct StoreBackend {
    kv: Rc<dyn KeyValue>,
    bulk: Rc<dyn BulkStore>,
    /// Values left in place but not shown (a newer version's records).
    withheld: Withheld,
}

impl StoreBackend {
    /// A backend over these storages. Call [`StoreBackend::scan`] once after creating it
    /// to set aside whatever cannot be read.
    pub fn new(kv: Rc<dyn KeyValue>, bulk: Rc<dyn BulkStore>) -> Self {
        StoreBackend {
            kv,
            bulk,
            withheld: Withheld::default(),
        }
    }

    /// The local store behind a backend, for what only local mode offers (backups);
    /// refused in remote mode, where the server keeps the record of truth.
    pub fn of(backend: &dyn Backend) -> Result<&StoreBackend, DataError> {
        backend.local_store().ok_or(DataError::Forbidden)
    }

    /// What this backend withholds (remote mode lists the server's ill-shaped records
    /// here too).
    pub fn withheld(&self) -> &Withheld {
        &self.withheld
    }

    /// Writes raw text into the large storage, bypassing every check (tests plant
    /// corrupt data with it).
    pub async fn bulk_raw_set(&self, key: &str, value: &str) {
        let _ = self.bulk.set(key, value).await;
    }

    /// Reads every stored value once, setting aside whatever cannot be read (not JSON, not
    /// in a known envelope), and returns what is now set aside or withheld (a newer app's
    /// values are left alone). Run at start-up. Whether a record reads as its type is
    /// checked where it is read (`typed`) and by [`crate::data::shapes::sweep`]: that check needs every
    /// record type's parser, which the start-up module should not carry.
    pub async fn scan(&self) -> Result<Vec<Quarantined>, DataError> {
        for key in self.kv.keys(KV_PREFIX)? {
            if !key.starts_with(KV_QUARANTINE) {
                Self::skip_newer(self.read(Tier::Small, &key).await)?;
            }
        }
        for key in self.bulk.keys("r/").await? {
            Self::skip_newer(self.read(Tier::Large, &key).await)?;
        }
        self.quarantined().await
    }

    /// In a list, a newer app's record is left out (and listed as withheld).
    fn skip_newer<T>(r: Result<Option<T>, DataError>) -> Result<Option<T>, DataError> {
        match r {
            Err(DataError::NewerVersion { .. }) => Ok(None),
            other => other,
        }
    }
}

#[async_trait(?Send)]
impl Backend for StoreBackend {
    fn local_store(&self) -> Option<&StoreBackend> {
        Some(self)
    }

    fn mode(&self) -> Mode {
        Mode::Local
    }

    async fn session(&self) -> Result<Session, DataError> {
        self.read_typed(SESSION).await
    }

    async fn switch_role(&self, role: Role) -> Result<Session, DataError> {
        let mut session: Session = self.read_typed(SESSION).await?;
        session.role = role;
        self.write_typed(SESSION, &session).await?;
        Ok(session)
    }

    async fn save_session(&self, session: &Session) -> Result<Session, DataError> {
        self.write_typed(SESSION, session).await?;
        Ok(session.clone())
    }

    async fn settings(&self) -> Result<Settings, DataError> {
        self.read_typed(SETTINGS).await
    }

    async fn save_settings(&self, settings: &Settings) -> Result<(), DataError> {
        self.write_typed(SETTINGS, settings).await
    }

    async fn list(&self, collection: Collection) -> Result<Vec<Record>, DataError> {
        may_read(self.role(), collection)?;
        let prefix = collection_prefix(collection);
        let mut out = Vec::new();
        match crate::data::model::tier(collection) {
            Tier::Small => {
                for key in self.kv.keys(&prefix)? {
                    // Only a newer version's record is withheld, not its collection.
                    if let Some(env) = Self::skip_newer(self.read(Tier::Small, &key).await)? {
                        out.push(Record {
                            id: key[prefix.len()..].to_string(),
                            rev: env.rev,
                            data: env.data,
                        });
                    }
                }
            }
            Tier::Large => {
                // One cursor pass; unreadable rows go through `read` to be set aside.
                for (key, raw) in self.bulk.entries(&prefix).await? {
                    let env = Self::skip_newer(self.accept(Tier::Large, &key, &raw).await)?;
                    if let Some(env) = env {
                        out.push(Record {
                            id: key[prefix.len()..].to_string(),
                            rev: env.rev,
                            data: env.data,
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Record>, DataError> {
        may_read(self.role(), collection)?;
        let (tier, key) = record_key(collection, id);
        Ok(self.read(tier, &key).await?.map(|env| Record {
            id: id.to_string(),
            rev: env.rev,
            data: env.data,
        }))
    }

    async fn put(
        &self,
        collection: Collection,
        id: &str,
        data: Value,
        expected_rev: Option<u64>,
    ) -> Result<Record, DataError> {
        self.may_write(collection)?;
        let (tier, key) = record_key(collection, id);
        let current = self.read(tier, &key).await?.map_or(0, |e| e.rev);
        if let Some(expected) = expected_rev
            && expected != current
        {
            return Err(DataError::Conflict { current });
        }
        let rev = current + 1;
        self.raw_set(tier, &key, &envelope::encode(rev, &data))
            .await?;
        Ok(Record {
            id: id.to_string(),
            rev,
            data,
        })
    }

    async fn delete(&self, collection: Collection, id: &str) -> Result<(), DataError> {
        self.may_write(collection)?;
        let (tier, key) = record_key(collection, id);
        self.raw_remove(tier, &key).await
    }

    async fn put_blob(&self, blob: &Blob) -> Result<(), DataError> {
        self.bulk.put_blob(blob).await
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Blob>, DataError> {
        self.bulk.get_blob(id).await
    }

    async fn delete_blob(&self, id: &str) -> Result<(), DataError> {
        self.bulk.delete_blob(id).await
    }

    async fn quarantined(&self) -> Result<Vec<Quarantined>, DataError> {
        let mut out = Vec::new();
        for key in self.kv.keys(KV_QUARANTINE)? {
            if let Some(text) = self.kv.get(&key)? {
                out.push(Self::parse_quarantine(&key, &text));
            }
        }
        for (key, text) in self.bulk.entries(BULK_QUARANTINE).await? {
            out.push(Self::parse_quarantine(&key, &text));
        }
        out.extend(self.withheld.list());
        Ok(out)
    }

    fn on_problem(&self, notify: Notify) {
        self.withheld.set_notify(notify);
    }

    async fn set_aside(&self, collection: Collection, id: &str, detail: &str) {
        let (tier, key) = record_key(collection, id);
        if let Ok(Some(raw)) = self.raw_get(tier, &key).await {
            // If even moving it fails, it stays where it is, untouched.
            let _ = self
                .quarantine(
                    tier,
                    &key,
                    &raw,
                    QuarantineReason::WrongShape,
                    detail.to_string(),
                )
                .await;
        }
    }

    async fn quarantined_raw(&self, key: &str) -> Result<Option<String>, DataError> {
        if let Some(raw) = self.withheld.raw(key) {
            return Ok(Some(raw));
        }
        let tier = if key.starts_with(KV_QUARANTINE) {
            Tier::Small
        } else {
            Tier::Large
        };
        Ok(self
            .raw_get(tier, key)
            .await?
            .map(|text| serde_json::from_str::<QuarantineEntry>(&text).map_or(text, |e| e.raw)))
    }

    async fn discard_quarantined(&self, key: &str) -> Result<(), DataError> {
        if key.starts_with(KV_QUARANTINE) {
            self.kv.remove(key)
        } else if key.starts_with(BULK_QUARANTINE) {
            self.bulk.remove(key).await
        } else {
            Err(DataError::NotFound)
        }
    }

    async fn clear_all(&self) -> Result<(), DataError> {
        self.clear_records().await
    }
}
