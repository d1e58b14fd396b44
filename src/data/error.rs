//! Errors of the data layer. The UI turns each into a translated message; none of them
//! is a panic, whatever the storage or the network does.

use serde::{Deserialize, Serialize};

use crate::domain::Permission;

/// Why a read or write failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum DataError {
    /// The browser's storage quota is full: the write was refused and the previous value
    /// kept.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// The current role may not do this.
    #[error("not allowed: {0:?}")]
    NotAllowed(Permission),
    /// Nothing stored under that id.
    #[error("not found")]
    NotFound,
    /// Someone else changed the record since it was read.
    #[error("changed elsewhere (revision {current})")]
    Conflict {
        /// The revision now stored.
        current: u64,
    },
    /// The stored value was written by a newer version of the app; it is left untouched
    /// and this (older) page may neither read nor overwrite it. Reloading fetches the
    /// newer app.
    #[error("written by a newer version (schema {found})")]
    NewerVersion {
        /// The schema found.
        found: u32,
    },
    /// Browser storage is unavailable (private mode, disabled, blocked).
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// A backup file could not be used; nothing was changed.
    #[error("backup refused: {0}")]
    BadBackup(BackupProblem),
    /// Any other storage failure, with the browser's message.
    #[error("storage error: {0}")]
    Storage(String),
    /// The backend cannot be reached (offline, timed out); nothing was changed there.
    #[error("the server cannot be reached")]
    Offline,
    /// The backend says the session ended (401): sign in again.
    #[error("the session ended")]
    SessionEnded,
    /// The email address or the password was wrong (sign-in; which one is never said).
    #[error("wrong email or password")]
    SignInRefused,
    /// Too many failed sign-ins: the next try is accepted after this many seconds.
    #[error("too many attempts, try again in {0} s")]
    SlowDown(u64),
    /// The backend refused the operation for this account (403).
    #[error("not allowed by the server")]
    Forbidden,
    /// The backend refused field values (422), each named by its field.
    #[error("invalid fields: {0:?}")]
    Invalid(Vec<FieldIssue>),
    /// The backend failed (5xx) or answered with a status the contract does not name.
    #[error("server error {0}")]
    Server(u16),
}

/// One field problem reported by a backend (`422` body, see public/openapi.yaml).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldIssue {
    /// The form field, e.g. `phone`.
    pub field: String,
    /// The rule, e.g. `required`.
    pub code: String,
    /// The server's own words, if it sent any.
    #[serde(default)]
    pub message: Option<String>,
}

/// Why a backup file was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackupProblem {
    /// Not JSON, or not a Partner Console backup.
    NotABackup,
    /// Written by a newer version of the app.
    NewerVersion {
        /// The backup's schema version.
        found: u32,
        /// The newest this app reads.
        supported: u32,
    },
    /// A record inside is malformed (collection and id given).
    BadRecord(String),
}

impl std::fmt::Display for BackupProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupProblem::NotABackup => f.write_str("not a Partner Console backup"),
            BackupProblem::NewerVersion { found, supported } => {
                write!(f, "version {found} is newer than {supported}")
            }
            BackupProblem::BadRecord(what) => write!(f, "malformed record {what}"),
        }
    }
}
