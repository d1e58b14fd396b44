//! The versioned wrapper around every stored value, and the migrations between versions.
//!
//! Every value in storage is `{"v": <schema>, "rev": <revision>, "data": …}`. Version 0 is
//! what the first prototype wrote: the bare JSON with no wrapper. Reading a value runs
//! the migrations up to [`SCHEMA_VERSION`]; a value from a newer app is refused (not
//! rewritten), so an older tab can never damage a newer tab's data.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A stored value with its schema version and revision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Schema version.
    pub v: u32,
    /// Revision: 1 on first write, +1 per write.
    pub rev: u64,
    /// The value.
    pub data: Value,
}

/// Why a stored text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// Not JSON at all (truncated write, another program's data, manual edits).
    #[error("not valid JSON: {0}")]
    NotJson(String),
    /// Written by a newer version of the app.
    #[error("schema {found} is newer than {supported}")]
    Newer {
        /// Version found.
        found: u32,
        /// Newest version this app reads.
        supported: u32,
    },
    /// A migration step failed.
    #[error("migration from {from} failed: {reason}")]
    Migration {
        /// The version it started from.
        from: u32,
        /// Why.
        reason: String,
    },
}

impl EnvelopeError {
    /// The reason to report when a value is set aside for this error.
    pub fn reason(&self) -> super::model::QuarantineReason {
        use super::model::QuarantineReason as R;
        match self {
            EnvelopeError::NotJson(_) => R::NotJson,
            EnvelopeError::Newer { found, supported } => R::NewerSchema {
                found: *found,
                supported: *supported,
            },
            EnvelopeError::Migration { from, .. } => R::Migration { from: *from },
        }
    }
}

/// The outcome of reading: the current-version envelope, and whether a migration ran
/// (so the caller writes the upgraded value back).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The value at [`SCHEMA_VERSION`].
    pub envelope: Envelope,
    /// The version it was stored at.
    pub stored_version: u32,
}

impl Decoded {
    /// True when the stored text was older and should be rewritten.
    pub fn migrated(&self) -> bool {
        self.stored_version != SCHEMA_VERSION
    }
}

fn is_envelope(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.len() == 3 && o.get("v").is_some_and(Value::is_u64) && o.contains_key("data")
    })
}

/// One migration step: from version `from` to `from + 1`.
fn migrate_step(from: u32, value: Value) -> Result<Value, EnvelopeError> {
    match from {
        // v0 stored the bare value; v1 wraps it with a version and a revision.
        0 => Ok(serde_json::json!({ "v": 1, "rev": 1, "data": value })),
        other => Err(EnvelopeError::Migration {
            from: other,
            reason: "no migration defined".into(),
        }),
    }
}

/// Parses stored text and migrates it to the current schema.
pub fn decode(raw: &str) -> Result<Decoded, EnvelopeError> {
    let mut value: Value =
        serde_json::from_str(raw).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    let stored_version = if is_envelope(&value) {
        value["v"].as_u64().unwrap_or(0) as u32
    } else {
        0
    };
    if stored_version > SCHEMA_VERSION {
        return Err(EnvelopeError::Newer {
            found: stored_version,
            supported: SCHEMA_VERSION,
        });
    }
    for from in stored_version..SCHEMA_VERSION {
        value = migrate_step(from, value)?;
    }
    let envelope: Envelope =
        serde_json::from_value(value).map_err(|e| EnvelopeError::Migration {
            from: stored_version,
            reason: e.to_string(),
        })?;
    Ok(Decoded {
        envelope,
        stored_version,
    })
}

/// The text to store for a value at a revision.
pub fn encode(rev: u64, data: &Value) -> String {
    serde_json::json!({ "v": SCHEMA_VERSION, "rev": rev, "data": data }).to_string()
}
