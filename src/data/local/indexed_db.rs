//! IndexedDB for large tables and files (local mode), through the `idb` crate.

use async_trait::async_trait;
use idb::builder::ObjectStoreBuilder;
use idb::{Database, KeyRange, ObjectStore, Query, TransactionMode, builder::DatabaseBuilder};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::data::error::DataError;
use crate::data::model::Blob;
use crate::data::store::traits::BulkStore;

const RECORDS: &str = "records";
const BLOBS: &str = "blobs";
const DB_VERSION: u32 = 1;

/// Large-value storage over one IndexedDB database.
pub struct IdbBulk {
    db: Database,
}

/// Turns a browser error into a data error, recognising a full quota.
fn map_err(e: impl Into<JsErr>) -> DataError {
    let JsErr(value) = e.into();
    let name = value
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        DataError::QuotaExceeded
    } else {
        DataError::Storage(super::js_error::js_message(&value))
    }
}

/// A browser-side error value.
struct JsErr(JsValue);

impl From<idb::Error> for JsErr {
    fn from(e: idb::Error) -> Self {
        // Every variant carries the browser's value; its Display names the step.
        let text = e.to_string();
        let inner = match &e {
            // A full quota shows on a write (`put` is an update) or when its transaction
            // aborts or commits.
            idb::Error::AddFailed(v)
            | idb::Error::UpdateFailed(v)
            | idb::Error::TransactionAbortError(v)
            | idb::Error::TransactionCommitError(v)
            | idb::Error::DeleteFailed(v)
            | idb::Error::GetFailed(v)
            | idb::Error::GetAllFailed(v)
            | idb::Error::GetAllKeysFailed(v)
            | idb::Error::ClearFailed(v)
            | idb::Error::IndexedDbOpenFailed(v) => v.clone(),
            idb::Error::DomException(d) => d.clone().into(),
            _ => JsValue::from_str(&text),
        };
        JsErr(inner)
    }
}

impl From<JsValue> for JsErr {
    fn from(v: JsValue) -> Self {
        JsErr(v)
    }
}

fn prefix_range(prefix: &str) -> Result<Query, DataError> {
    let upper = format!("{prefix}\u{ffff}");
    KeyRange::bound(
        &JsValue::from_str(prefix),
        &JsValue::from_str(&upper),
        None,
        None,
    )
    .map(Query::from)
    .map_err(map_err)
}

impl IdbBulk {
    /// Opens (creating or upgrading) the app's database.
    pub async fn open(name: &str) -> Result<IdbBulk, DataError> {
        let db = DatabaseBuilder::new(name)
            .version(DB_VERSION)
            .add_object_store(ObjectStoreBuilder::new(RECORDS))
            .add_object_store(ObjectStoreBuilder::new(BLOBS))
            .build()
            .await
            .map_err(|e| DataError::Unavailable(e.to_string()))?;
        Ok(IdbBulk { db })
    }

    /// Runs a write on one store and waits for the transaction to commit; an aborted
    /// transaction (a full quota) writes nothing.
    async fn write<F>(&self, store_name: &str, f: F) -> Result<(), DataError>
    where
        F: FnOnce(&ObjectStore) -> Result<(), DataError>,
    {
        let tx = self
            .db
            .transaction(&[store_name], TransactionMode::ReadWrite)
            .map_err(map_err)?;
        let store = tx.object_store(store_name).map_err(map_err)?;
        if let Err(e) = f(&store) {
            let _ = tx.abort();
            return Err(e);
        }
        // A second handle on the same transaction, to read its error after an abort.
        let error_probe: web_sys::IdbTransaction = store.transaction().into();
        match tx.await {
            Ok(r) if r.is_committed() => {
                super::watch::announce_change();
                Ok(())
            }
            Err(idb::Error::DomException(dom)) => Err(map_err(JsValue::from(dom))),
            Ok(_) | Err(_) => Err(match error_probe.error() {
                Some(dom) => map_err(JsValue::from(dom)),
                None => DataError::Storage("transaction aborted".into()),
            }),
        }
    }

    fn read_store(&self, store_name: &str) -> Result<ObjectStore, DataError> {
        let tx = self
            .db
            .transaction(&[store_name], TransactionMode::ReadOnly)
            .map_err(map_err)?;
        tx.object_store(store_name).map_err(map_err)
    }
}

#[async_trait(?Send)]
impl BulkStore for IdbBulk {
    async fn get(&self, key: &str) -> Result<Option<String>, DataError> {
        let store = self.read_store(RECORDS)?;
        let value = store
            .get(JsValue::from_str(key))
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        Ok(value.and_then(|v| v.as_string()))
    }

    async fn set(&self, key: &str, value: &str) -> Result<(), DataError> {
        self.write(RECORDS, |store| {
            store
                .put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))
                .map(|_| ())
                .map_err(map_err)
        })
        .await
    }

    async fn set_many(&self, entries: &[(String, String)]) -> Result<(), DataError> {
        if entries.is_empty() {
            return Ok(());
        }
        self.write(RECORDS, |store| {
            for (k, v) in entries {
                store
                    .put(&JsValue::from_str(v), Some(&JsValue::from_str(k)))
                    .map_err(map_err)?;
            }
            Ok(())
        })
        .await
    }

    async fn remove(&self, key: &str) -> Result<(), DataError> {
        self.write(RECORDS, |store| {
            store
                .delete(JsValue::from_str(key))
                .map(|_| ())
                .map_err(map_err)
        })
        .await
    }

    async fn keys(&self, prefix: &str) -> Result<Vec<String>, DataError> {
        let store = self.read_store(RECORDS)?;
        let keys = store
            .get_all_keys(Some(prefix_range(prefix)?), None)
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
    }

    async fn entries(&self, prefix: &str) -> Result<Vec<(String, String)>, DataError> {
        let store = self.read_store(RECORDS)?;
        // Keys and values of one range in one transaction come back in the same order.
        let keys = store
            .get_all_keys(Some(prefix_range(prefix)?), None)
            .map_err(map_err)?;
        let values = store
            .get_all(Some(prefix_range(prefix)?), None)
            .map_err(map_err)?;
        let keys = keys.await.map_err(map_err)?;
        let values = values.await.map_err(map_err)?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    async fn put_blob(&self, blob: &Blob) -> Result<(), DataError> {
        let obj = Object::new();
        let bytes = Uint8Array::from(blob.bytes.as_slice());
        Reflect::set(&obj, &"mime".into(), &JsValue::from_str(&blob.mime)).map_err(map_err)?;
        Reflect::set(&obj, &"bytes".into(), &bytes).map_err(map_err)?;
        self.write(BLOBS, |store| {
            store
                .put(&obj, Some(&JsValue::from_str(&blob.id)))
                .map(|_| ())
                .map_err(map_err)
        })
        .await
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Blob>, DataError> {
        let store = self.read_store(BLOBS)?;
        let Some(value) = store
            .get(JsValue::from_str(id))
            .map_err(map_err)?
            .await
            .map_err(map_err)?
        else {
            return Ok(None);
        };
        let mime = Reflect::get(&value, &"mime".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        let bytes = Reflect::get(&value, &"bytes".into())
            .ok()
            .and_then(|b| b.dyn_into::<Uint8Array>().ok())
            .map(|b| b.to_vec())
            .unwrap_or_default();
        Ok(Some(Blob {
            id: id.to_string(),
            mime,
            bytes,
        }))
    }

    async fn delete_blob(&self, id: &str) -> Result<(), DataError> {
        self.write(BLOBS, |store| {
            store
                .delete(JsValue::from_str(id))
                .map(|_| ())
                .map_err(map_err)
        })
        .await
    }

    async fn blob_ids(&self) -> Result<Vec<String>, DataError> {
        let store = self.read_store(BLOBS)?;
        let keys = store
            .get_all_keys(None, None)
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
    }

    async fn clear(&self) -> Result<(), DataError> {
        self.write(RECORDS, |s| s.clear().map(|_| ()).map_err(map_err))
            .await?;
        self.write(BLOBS, |s| s.clear().map(|_| ()).map_err(map_err))
            .await
    }
}
