//! The one interface between the UI and wherever the data lives.

use async_trait::async_trait;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use super::error::DataError;
use super::model::{Blob, Collection, Mode, Quarantined, Record, Session, Settings};
use crate::domain::Role;

/// One write of [`Backend::put_together`], as [`Backend::put`] takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct PutRecord {
    /// The collection.
    pub collection: Collection,
    /// The record's id.
    pub id: String,
    /// What to store.
    pub data: Value,
    /// The revision read (`Some(0)`: must not exist yet).
    pub expected_rev: Option<u64>,
}

/// Everything the UI reads and writes. Futures are `!Send` because the browser backends
/// hold JS values; the UI drives them with `spawn_local` / `LocalResource`.
#[async_trait(?Send)]
pub trait Backend {
    /// Local or remote.
    fn mode(&self) -> Mode;

    /// The browser store behind a local backend, for what only local mode offers:
    /// backups (`StoreBackend::export_all`). Reaching them this way rather than through
    /// this trait keeps their code out of the start-up module (every trait method is
    /// reached from wherever the backend is created). `None` for any other backend.
    fn local_store(&self) -> Option<&crate::data::store::StoreBackend> {
        None
    }

    /// The current session (role, account, company).
    async fn session(&self) -> Result<Session, DataError>;

    /// Switches role. Only local mode allows it (a demo convenience); a backend decides
    /// the role itself and refuses.
    async fn switch_role(&self, role: Role) -> Result<Session, DataError>;

    /// Records who the partner is after admission (company name, account id). Local mode
    /// only; a backend derives the session itself and refuses.
    async fn save_session(&self, session: &Session) -> Result<Session, DataError>;

    /// Several writes as one step that stands or falls whole, if the backend has such a
    /// step (a server's batch); `None` when it has not, and `typed::save_all` writes
    /// them one by one, undoing the done ones on a failure.
    async fn put_together(&self, _writes: &[PutRecord]) -> Option<Result<Vec<Record>, DataError>> {
        None
    }

    /// Whether the backend applies the domain's effects itself — approval makes the
    /// partner, a profile change writes its history line, email codes are made and
    /// checked there — so the app only sends the event's record.
    fn applies_effects(&self) -> bool {
        false
    }

    /// Signs in with an email address and password (a server's own accounts); the
    /// session that follows. Only a backend with accounts offers it.
    async fn sign_in(&self, _email: &str, _password: &str) -> Result<Session, DataError> {
        Err(DataError::Forbidden)
    }

    /// Ends the session (a backend with accounts; elsewhere nothing to end).
    async fn sign_out(&self) -> Result<(), DataError> {
        Ok(())
    }

    /// A channel manager works on another of their partners: the pages then read its
    /// records. Only a backend with many partners offers it.
    async fn work_on(&self, _partner: &str) -> Result<Session, DataError> {
        Err(DataError::Forbidden)
    }

    /// Has the backend send a confirmation code to an address (see
    /// [`Backend::applies_effects`]).
    async fn send_email_code(&self, _email: &str) -> Result<(), DataError> {
        Err(DataError::Forbidden)
    }

    /// Has the backend check a typed code; a refusal names the `code` field with
    /// `CodeError::code`.
    async fn confirm_email_code(&self, _email: &str, _code: &str) -> Result<(), DataError> {
        Err(DataError::Forbidden)
    }

    /// Per-browser preferences.
    async fn settings(&self) -> Result<Settings, DataError>;

    /// Saves preferences.
    async fn save_settings(&self, settings: &Settings) -> Result<(), DataError>;

    /// Every record of a collection, in id order.
    async fn list(&self, collection: Collection) -> Result<Vec<Record>, DataError>;

    /// One record.
    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Record>, DataError>;

    /// Creates or replaces a record. `expected_rev` guards against lost updates:
    /// `Some(0)` means "must not exist yet", `Some(n)` "must be at revision n",
    /// `None` skips the check. Returns the stored record with its new revision.
    async fn put(
        &self,
        collection: Collection,
        id: &str,
        data: serde_json::Value,
        expected_rev: Option<u64>,
    ) -> Result<Record, DataError>;

    /// A save of this record that failed and was kept in this browser (remote mode), for
    /// a form to restore; `current_rev` is the revision the form read (0: none). Local
    /// mode's saves never wait for anyone, so it has none.
    async fn draft(&self, _collection: Collection, _id: &str, _current_rev: u64) -> Option<Value> {
        None
    }

    /// Removes a record (no error if it was not there).
    async fn delete(&self, collection: Collection, id: &str) -> Result<(), DataError>;

    /// Stores a file.
    async fn put_blob(&self, blob: &Blob) -> Result<(), DataError>;

    /// Reads a file.
    async fn get_blob(&self, id: &str) -> Result<Option<Blob>, DataError>;

    /// Removes a file.
    async fn delete_blob(&self, id: &str) -> Result<(), DataError>;

    /// What was set aside as unreadable, and what is withheld in place.
    async fn quarantined(&self) -> Result<Vec<Quarantined>, DataError>;

    /// Who to tell when something new is set aside or withheld (the app's problem
    /// banner), so a bad record found while a page reads is reported at once.
    fn on_problem(&self, notify: super::withheld::Notify);

    /// Sets aside (or, when it cannot be moved, withholds) a record that does not read as
    /// the type its reader needs; it then reads as absent. See [`super::typed::load`].
    async fn set_aside(&self, collection: Collection, id: &str, detail: &str);

    /// The raw text of a set-aside entry, for export.
    async fn quarantined_raw(&self, key: &str) -> Result<Option<String>, DataError>;

    /// Deletes a set-aside entry for good (the user chose to discard it).
    async fn discard_quarantined(&self, key: &str) -> Result<(), DataError>;

    /// Deletes all local data (records, files, session, preferences).
    async fn clear_all(&self) -> Result<(), DataError>;
}

/// Reads a record's data as a typed value; a record that no longer fits the type is
/// reported as a storage error rather than a panic.
pub fn decode<T: DeserializeOwned>(record: &Record) -> Result<T, DataError> {
    serde_json::from_value(record.data.clone())
        .map_err(|e| DataError::Storage(format!("{}: {e}", record.id)))
}

/// Writes a typed value as a record's data.
pub fn encode<T: Serialize>(value: &T) -> Result<serde_json::Value, DataError> {
    serde_json::to_value(value).map_err(|e| DataError::Storage(e.to_string()))
}
