//! Local mode in the browser: localStorage for small JSON, IndexedDB for large tables and
//! files, and cross-tab change notices.

pub mod indexed_db;
pub mod js_error;
pub mod local_storage;
pub mod watch;

use std::rc::Rc;

use self::indexed_db::IdbBulk;
use self::local_storage::LocalStorageKv;
use super::error::DataError;
use super::store::StoreBackend;

/// The browser's local-mode backend.
pub type LocalBackend = StoreBackend;

/// The IndexedDB database name.
pub const DB_NAME: &str = "partner-console";

/// Opens browser storage. Fails only if the browser offers none at all.
pub async fn open_local(db_name: &str) -> Result<LocalBackend, DataError> {
    let kv = LocalStorageKv::open()?;
    let bulk = IdbBulk::open(db_name).await?;
    Ok(StoreBackend::new(Rc::new(kv), Rc::new(bulk)))
}
