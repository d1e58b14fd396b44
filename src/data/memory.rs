//! The in-memory backend for native tests: the store backend over memory storages.

use super::store::StoreBackend;
use super::store::memory::{MemoryBulk, MemoryKv};

/// Local-mode behaviour without a browser.
pub type MemoryBackend = StoreBackend<MemoryKv, MemoryBulk>;

/// A fresh, empty in-memory backend.
pub fn memory_backend() -> MemoryBackend {
    StoreBackend::new(MemoryKv::new(), MemoryBulk::new())
}
