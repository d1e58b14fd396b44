//! In-memory storage for native tests, with an optional size limit that behaves like a
//! browser quota (so quota handling is tested natively too).

use async_trait::async_trait;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::traits::{BulkStore, KeyValue};
use crate::data::error::DataError;
use crate::data::model::Blob;

/// A string map like localStorage; `limit` caps the total characters of keys and values.
#[derive(Default)]
pub struct MemoryKv {
    map: RefCell<BTreeMap<String, String>>,
    limit: Cell<Option<usize>>,
}

impl MemoryKv {
    /// An unlimited map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Caps the total size (characters of keys plus values), like a full quota.
    pub fn set_limit(&self, limit: Option<usize>) {
        self.limit.set(limit);
    }

    /// Writes without checks, to plant corrupt or old data in tests.
    pub fn raw_set(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.into(), value.into());
    }

    /// Reads without checks (for tests that inspect what was written).
    pub fn get_raw(&self, key: &str) -> String {
        self.map.borrow().get(key).cloned().unwrap_or_default()
    }

    /// The size used now (characters of keys plus values), to set a limit just above it.
    pub fn used(&self) -> usize {
        self.used_without("")
    }

    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, DataError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        if let Some(limit) = self.limit.get()
            && self.used_without(key) + key.len() + value.len() > limit
        {
            return Err(DataError::QuotaExceeded);
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), DataError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError> {
        Ok(self
            .map
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }
}

/// A string map and file store like IndexedDB; `limit` caps the characters of its
/// string values, like a full quota.
#[derive(Default)]
pub struct MemoryBulk {
    map: RefCell<BTreeMap<String, String>>,
    blobs: RefCell<BTreeMap<String, Blob>>,
    limit: Cell<Option<usize>>,
}

impl MemoryBulk {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Caps the total characters of stored values.
    pub fn set_limit(&self, limit: Option<usize>) {
        self.limit.set(limit);
    }

    fn check(&self, key: &str, value: &str) -> Result<(), DataError> {
        let used: usize = self
            .map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(_, v)| v.len())
            .sum();
        match self.limit.get() {
            Some(limit) if used + value.len() > limit => Err(DataError::QuotaExceeded),
            _ => Ok(()),
        }
    }

    /// Writes without checks, to plant corrupt or old data in tests.
    pub fn raw_set(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.into(), value.into());
    }
}

#[async_trait(?Send)]
impl BulkStore for MemoryBulk {
    async fn get(&self, key: &str) -> Result<Option<String>, DataError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    async fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        self.check(key, value)?;
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    async fn set_many(&self, entries: &[(String, String)]) -> Result<(), DataError> {
        let mut map = self.map.borrow_mut();
        for (k, v) in entries {
            map.insert(k.clone(), v.clone());
        }
        Ok(())
    }

    async fn remove(&self, key: &str) -> Result<(), DataError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    async fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError> {
        Ok(self
            .map
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }

    async fn entries(&self, prefix: &str) -> Result<Vec<(String, String)>, DataError> {
        Ok(self
            .map
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    async fn put_blob(&self, blob: &Blob) -> Result<(), DataError> {
        self.blobs
            .borrow_mut()
            .insert(blob.id.clone(), blob.clone());
        Ok(())
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Blob>, DataError> {
        Ok(self.blobs.borrow().get(id).cloned())
    }

    async fn delete_blob(&self, id: &str) -> Result<(), DataError> {
        self.blobs.borrow_mut().remove(id);
        Ok(())
    }

    async fn blob_ids(&self) -> Result<Vec<String>, DataError> {
        Ok(self.blobs.borrow().keys().cloned().collect())
    }

    async fn clear(&self) -> Result<(), DataError> {
        self.map.borrow_mut().clear();
        self.blobs.borrow_mut().clear();
        Ok(())
    }
}
