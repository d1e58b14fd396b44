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
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod policy;
pub mod transport;

pub use backend::RemoteBackend;
pub use policy::*;
