//! The in-memory backend for native tests (and the fallback when a browser offers no
//! storage): the store backend over memory storages.

use std::rc::Rc;

use super::store::StoreBackend;
use super::store::memory::{MemoryBulk, MemoryKv};

/// Handles on a memory backend's storages, so tests can plant or inspect raw data.
pub struct MemoryStores {
    /// The localStorage stand-in.
    pub kv: Rc<MemoryKv>,
    /// The IndexedDB stand-in.
    pub bulk: Rc<MemoryBulk>,
}

/// A fresh, empty in-memory backend.
pub fn memory_backend() -> StoreBackend {
    memory_backend_with_stores().0
}

/// A fresh in-memory backend and handles on its storages.
pub fn memory_backend_with_stores() -> (StoreBackend, MemoryStores) {
    let kv = Rc::new(MemoryKv::new());
    let bulk = Rc::new(MemoryBulk::new());
    let backend = StoreBackend::new(kv.clone(), bulk.clone());
    (backend, MemoryStores { kv, bulk })
}
