//! The two storage shapes the store backend is built on: a small synchronous string
//! map (localStorage) and a large asynchronous one with files (IndexedDB). Each has a
//! browser implementation and an in-memory one, so the same backend code runs in the
//! browser and in native tests.

use async_trait::async_trait;

use crate::data::error::DataError;
use crate::data::model::Blob;

/// A small synchronous string map; `set` must leave the old value intact when it fails.
pub trait KeyValue {
    /// Reads a key.
    fn get(&self, key: &str) -> Result<Option<String>, DataError>;
    /// Writes a key; a full quota gives [`DataError::QuotaExceeded`] and changes nothing.
    fn set(&self, key: &str, value: &str) -> Result<(), DataError>;
    /// Removes a key.
    fn remove(&self, key: &str) -> Result<(), DataError>;
    /// Every key starting with `prefix`, sorted.
    fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError>;
}

/// A large asynchronous string map plus file storage.
#[async_trait(?Send)]
pub trait BulkStore {
    /// Reads a key.
    async fn get(&self, key: &str) -> Result<Option<String>, DataError>;
    /// Writes a key; on failure nothing changes.
    async fn set(&self, key: &str, value: &str) -> Result<(), DataError>;
    /// Writes many keys in one transaction: all or nothing.
    async fn set_many(&self, entries: &[(String, String)]) -> Result<(), DataError>;
    /// Removes a key.
    async fn remove(&self, key: &str) -> Result<(), DataError>;
    /// Every key starting with `prefix`, sorted.
    async fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError>;
    /// Every (key, value) starting with `prefix`, sorted by key.
    async fn entries(&self, prefix: &str) -> Result<Vec<(String, String)>, DataError>;
    /// Stores a file.
    async fn put_blob(&self, blob: &Blob) -> Result<(), DataError>;
    /// Reads a file.
    async fn get_blob(&self, id: &str) -> Result<Option<Blob>, DataError>;
    /// Removes a file.
    async fn delete_blob(&self, id: &str) -> Result<(), DataError>;
    /// Every file id.
    async fn blob_ids(&self) -> Result<Vec<String>, DataError>;
    /// Removes everything.
    async fn clear(&self) -> Result<(), DataError>;
}
