//! Remote mode: the same [`Backend`](crate::data::Backend) over HTTP against any server
//! that speaks the contract in `public/openapi.yaml`.
//!
//! * [`policy`] — URLs, status → error, retries: pure, tested natively.
//! * [`transport`] — one request/response exchange; the browser's is [`fetch`], tests
//!   use an in-memory server.
//! * [`drafts`] — writes the server has not confirmed yet, kept in browser storage so
//!   nothing typed is lost when a save fails.
//! * [`backend`] — the [`RemoteBackend`] tying them together.

pub mod backend;
pub mod drafts;
pub mod fetch;
pub mod policy;
pub mod transport;

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
    RemoteBackend::new(config, transport, local, drafts::Drafts::new(kv))
}
