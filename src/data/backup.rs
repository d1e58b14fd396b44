//! The backup file: everything in local mode as one JSON document, validated completely
//! before a restore touches anything.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::envelope::SCHEMA_VERSION;
use super::error::{BackupProblem, DataError};
use super::model::{Blob, Collection, Session, Settings};
use super::shapes::RecordCheck;
use crate::domain::common::file::{FileKind, check_image};

/// The `format` field that marks a Partner Console backup.
pub const BACKUP_FORMAT: &str = "partner-console-backup";

/// One record in a backup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupRecord {
    /// Its collection.
    pub collection: Collection,
    /// Its id.
    pub id: String,
    /// Its revision.
    pub rev: u64,
    /// Its data.
    pub data: Value,
}

/// One file in a backup, base64-encoded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupBlob {
    /// Its id.
    pub id: String,
    /// Its MIME type.
    pub mime: String,
    /// The bytes, base64 (standard alphabet, padded).
    pub base64: String,
}

impl BackupBlob {
    /// Encodes a stored file.
    pub fn from_blob(blob: &Blob) -> BackupBlob {
        BackupBlob {
            id: blob.id.clone(),
            mime: blob.mime.clone(),
            base64: STANDARD.encode(&blob.bytes),
        }
    }

    /// Decodes back to a file. Its type is what its bytes are, never the type the file
    /// declares (a backup or a server could call an HTML page `image/png`).
    pub fn to_blob(&self) -> Result<Blob, DataError> {
        let bytes = STANDARD.decode(self.base64.as_bytes()).map_err(|_| {
            DataError::BadBackup(BackupProblem::BadRecord(format!("file {}", self.id)))
        })?;
        Ok(Blob {
            id: self.id.clone(),
            mime: FileKind::sniff(&bytes).mime().to_string(),
            bytes,
        })
    }
}

/// A whole backup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`BACKUP_FORMAT`].
    pub format: String,
    /// The schema version of the records.
    pub schema: u32,
    /// When it was made (ISO-8601).
    pub exported_at: String,
    /// The session (role) at the time.
    pub session: Session,
    /// Preferences.
    pub settings: Settings,
    /// Every record.
    pub records: Vec<BackupRecord>,
    /// Every file.
    pub blobs: Vec<BackupBlob>,
}

impl Backup {
    /// Reads and checks a backup file completely: format, version, every record and
    /// file. Nothing is restored from a file that fails any check.
    pub fn parse(text: &str) -> Result<Backup, DataError> {
        Self::parse_checked(text, super::shapes::check)
    }

    /// [`Backup::parse`] with the record check given by the caller (the UI fetches it
    /// with its own module, see [`super::shapes::RecordCheck`]).
    pub fn parse_checked(text: &str, check: RecordCheck) -> Result<Backup, DataError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|_| DataError::BadBackup(BackupProblem::NotABackup))?;
        if value.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
            return Err(DataError::BadBackup(BackupProblem::NotABackup));
        }
        let schema = value.get("schema").and_then(Value::as_u64).unwrap_or(0) as u32;
        if schema > SCHEMA_VERSION {
            return Err(DataError::BadBackup(BackupProblem::NewerVersion {
                found: schema,
                supported: SCHEMA_VERSION,
            }));
        }
        let backup: Backup = serde_json::from_value(value)
            .map_err(|e| DataError::BadBackup(BackupProblem::BadRecord(e.to_string())))?;
        if let Some(r) = backup.records.iter().find(|r| r.id.trim().is_empty()) {
            return Err(DataError::BadBackup(BackupProblem::BadRecord(format!(
                "{}/<empty id>",
                r.collection.name()
            ))));
        }
        // Every record must read as its type, or the restored console would meet it as
        // an error on some page later: refuse the file now, with the first bad record.
        for r in &backup.records {
            if let Err(detail) = check(r.collection, &r.id, &r.data) {
                return Err(DataError::BadBackup(BackupProblem::BadRecord(format!(
                    "{}/{}: {detail}",
                    r.collection.name(),
                    r.id
                ))));
            }
        }
        // Files are the app's images only: a PNG or JPEG by signature within the upload
        // limit, whatever the backup says (the browser decodes them before the restore).
        for blob in &backup.blobs {
            let file = blob.to_blob()?;
            if let Err(e) = check_image(&file.bytes) {
                return Err(DataError::BadBackup(BackupProblem::BadRecord(format!(
                    "file {}: {e}",
                    blob.id
                ))));
            }
        }
        Ok(backup)
    }

    /// The JSON text of the file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
