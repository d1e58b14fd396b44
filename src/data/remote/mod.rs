//! Remote mode: the same [`Backend`](crate::data::Backend) over HTTP against any server
//! that speaks the contract in `public/openapi.yaml`.
//!
//! * [`policy`] — URLs, status → error, retries: pure, tested natively.
//! * [`transport`] — one request/response exchange; the browser's is [`fetch`], tests
//!   use an in-memory server.
//! * [`drafts`] — writes the server has not confirmed yet, kept in browser storage so
//!   nothing typed is lost when a save fails.
//! * [`backend`] — the [`RemoteBackend`] tying them together; `scope` — where its
//!   requests go and which revision they name; `writes` — its writes as requests.

pub mod backend;
pub mod drafts;
pub mod fetch;
pub mod policy;
mod scope;
pub mod transport;
mod writes;

pub use backend::RemoteBackend;
pub use policy::*;

use std::rc::Rc;

use super::local::local_storage::LocalStorageKv;
use super::store::StoreBackend;
use super::store::memory::{MemoryBulk, MemoryKv};
use super::store::traits::KeyValue;

/// Opens remote mode in the browser: `fetch` to `base_url` with the token, preferences
/// and drafts in localStorage (in memory if the browser refuses it). `activity` hears of
/// every request's start (+1) and end (−1). Nothing is sent until the first call.
pub fn open_remote(
    base_url: &str,
    token: Option<String>,
    activity: Rc<dyn Fn(i32)>,
) -> RemoteBackend {
    let config = RemoteConfig::new(base_url);
    let kv: Rc<dyn KeyValue> = match LocalStorageKv::open() {
        Ok(kv) => Rc::new(kv),
        Err(_) => Rc::new(MemoryKv::new()),
    };
    // Files and large tables live on the server; the local store only keeps preferences.
    let local = StoreBackend::new(kv.clone(), Rc::new(MemoryBulk::new()));
    let fetch = Rc::new(fetch::FetchTransport::new(token, config.timeout_ms));
    let transport = Rc::new(transport::Observed::new(fetch, activity));
    RemoteBackend::new(
        config,
        transport,
        local,
        drafts::Drafts::new(kv.clone()),
        kv,
    )
}

/// Where the standalone app remembers its backend (the address only: the token is kept
/// in memory and asked for again after a reload).
const CONNECTION: &str = "pc-remote/connection";

#[derive(serde::Serialize, serde::Deserialize)]
struct SavedConnection {
    backend_url: String,
}

/// The backend the standalone app was last connected to, if any.
pub fn saved_connection(kv: &dyn KeyValue) -> Option<String> {
    let text = kv.get(CONNECTION).ok().flatten()?;
    let saved: SavedConnection = serde_json::from_str(&text).ok()?;
    check_base_url(&saved.backend_url).ok()
}

/// Remembers the backend's address (never the token).
pub fn save_connection(kv: &dyn KeyValue, backend_url: &str) -> Result<(), super::DataError> {
    let text = serde_json::to_string(&SavedConnection {
        backend_url: backend_url.to_string(),
    })
    .map_err(|e| super::DataError::Storage(e.to_string()))?;
    kv.set(CONNECTION, &text)
}

/// Back to local mode for good.
pub fn forget_connection(kv: &dyn KeyValue) -> Result<(), super::DataError> {
    kv.remove(CONNECTION)
}

/// Browser storage for the connection, if the browser offers it.
pub fn browser_kv() -> Option<LocalStorageKv> {
    LocalStorageKv::open().ok()
}
