//! In-memory storage for native tests, with an optional size limit that behaves like a
//! browser quota (so quota handling is tested natively too).

use async_trait::async_trait;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::traits::{BulkStore, KeyValue};
use crate::data::error::DataError;
use crate::data::model::Blob;

/// A string map with a quota: the part both memory stores share.
#[derive(Default)]
struct Strings {
    map: RefCell<BTreeMap<String, String>>,
    limit: Cell<Option<usize>>,
    /// Whether keys count against the quota (localStorage) or only values (IndexedDB).
    keys_count: bool,
}

impl Strings {
    fn size(&self, key: &str, value: &str) -> usize {
        value.len() + if self.keys_count { key.len() } else { 0 }
    }

    /// The size used now by every entry but `key`.
    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| self.size(k, v))
            .sum()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        if let Some(limit) = self.limit.get()
            && self.used_without(key) + self.size(key, value) > limit
        {
            return Err(DataError::QuotaExceeded);
        }
        self.raw_set(key, value);
        Ok(())
    }

    fn raw_set(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.into(), value.into());
    }

    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }

    fn entries(&self, prefix: &str) -> Vec<(String, String)> {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn keys(&self, prefix: &str) -> Vec<String> {
        self.entries(prefix).into_iter().map(|(k, _)| k).collect()
    }
}

/// A string map like localStorage; a limit caps the total characters of keys and values.
pub struct MemoryKv(Strings);

impl Default for MemoryKv {
    fn default() -> Self {
        MemoryKv(Strings {
            keys_count: true,
            ..Strings::default()
        })
    }
}

impl MemoryKv {
    /// An unlimited map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Caps the total size (characters of keys plus values), like a full quota.
    pub fn set_limit(&self, limit: Option<usize>) {
        self.0.limit.set(limit);
    }

    /// Writes without checks, to plant corrupt or old data in tests.
    pub fn raw_set(&self, key: &str, value: &str) {
        self.0.raw_set(key, value);
    }

    /// Reads without checks (for tests that inspect what was written).
    pub fn get_raw(&self, key: &str) -> String {
        self.0.get(key).unwrap_or_default()
    }

    /// The size used now (characters of keys plus values), to set a limit just above it.
    pub fn used(&self) -> usize {
        self.0.used_without("")
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, DataError> {
        Ok(self.0.get(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        self.0.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), DataError> {
        self.0.remove(key);
        Ok(())
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError> {
        Ok(self.0.keys(prefix))
    }
}

/// A string map and file store like IndexedDB; a limit caps the characters of its
/// string values, like a full quota.
#[derive(Default)]
pub struct MemoryBulk {
    values: Strings,
    blobs: RefCell<BTreeMap<String, Blob>>,
}

impl MemoryBulk {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Caps the total characters of stored values.
    pub fn set_limit(&self, limit: Option<usize>) {
        self.values.limit.set(limit);
    }

    /// Writes without checks, to plant corrupt or old data in tests.
    pub fn raw_set(&self, key: &str, value: &str) {
        self.values.raw_set(key, value);
    }
}

#[async_trait(?Send)]
impl BulkStore for MemoryBulk {
    async fn get(&self, key: &str) -> Result<Option<String>, DataError> {
        Ok(self.values.get(key))
    }

    async fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        self.values.set(key, value)
    }

    async fn set_many(&self, entries: &[(String, String)]) -> Result<(), DataError> {
        for (k, v) in entries {
            self.values.raw_set(k, v);
        }
        Ok(())
    }

    async fn remove(&self, key: &str) -> Result<(), DataError> {
        self.values.remove(key);
        Ok(())
    }

    async fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError> {
        Ok(self.values.keys(prefix))
    }

    async fn entries(&self, prefix: &str) -> Result<Vec<(String, String)>, DataError> {
        Ok(self.values.entries(prefix))
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
        self.values.map.borrow_mut().clear();
        self.blobs.borrow_mut().clear();
        Ok(())
    }
}
