//! localStorage for small JSON values (local mode).

use wasm_bindgen::JsCast;

use crate::data::error::DataError;
use crate::data::store::traits::KeyValue;

/// The browser's localStorage. `setItem` is atomic: when it throws, the old value stays.
pub struct LocalStorageKv {
    storage: web_sys::Storage,
}

impl LocalStorageKv {
    /// The window's localStorage, or why it is not available (blocked, private mode).
    pub fn open() -> Result<LocalStorageKv, DataError> {
        let storage = web_sys::window()
            .ok_or_else(|| DataError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|e| DataError::Unavailable(super::js_error::js_message(&e)))?
            .ok_or_else(|| DataError::Unavailable("localStorage disabled".into()))?;
        Ok(LocalStorageKv { storage })
    }
}

fn map_err(e: wasm_bindgen::JsValue) -> DataError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => DataError::QuotaExceeded,
        Some(d) => DataError::Storage(d.message()),
        None => DataError::Storage(super::js_error::js_message(&e)),
    }
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, DataError> {
        self.storage.get_item(key).map_err(map_err)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        self.storage.set_item(key, value).map_err(map_err)
    }

    fn remove(&self, key: &str) -> Result<(), DataError> {
        self.storage.remove_item(key).map_err(map_err)
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError> {
        let len = self.storage.length().map_err(map_err)?;
        let mut keys: Vec<String> = (0..len)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect();
        crate::domain::common::order::sort_by(&mut keys, |a, b| a.cmp(b));
        Ok(keys)
    }
}
