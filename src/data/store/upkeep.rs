//! Upkeep of the store: setting unreadable values aside, clearing.

use super::StoreBackend;
use super::keys::{BULK_QUARANTINE, KV_PREFIX, KV_QUARANTINE};
use crate::data::error::DataError;
use crate::data::model::{QuarantineReason, Quarantined, Tier};

/// How a set-aside value is kept: the raw text and why it was set aside.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct QuarantineEntry {
    pub(super) original_key: String,
    pub(super) reason: QuarantineReason,
    pub(super) detail: String,
    pub(super) raw: String,
}

fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl StoreBackend {
    /// Moves an unreadable value aside (same tier) and tells the listener. If that fails
    /// the value stays where it is, still untouched, and the error is returned.
    pub(super) async fn quarantine(
        &self,
        tier: Tier,
        key: &str,
        raw: &str,
        reason: QuarantineReason,
        detail: String,
    ) -> Result<(), DataError> {
        let entry = QuarantineEntry {
            original_key: key.to_string(),
            reason,
            detail,
            raw: raw.to_string(),
        };
        let text = serde_json::to_string(&entry).map_err(|e| DataError::Storage(e.to_string()))?;
        let aside = match tier {
            Tier::Small => format!("{KV_QUARANTINE}{key}@{}", now_millis()),
            Tier::Large => format!("{BULK_QUARANTINE}{key}@{}", now_millis()),
        };
        self.raw_set(tier, &aside, &text).await?;
        self.raw_remove(tier, key).await?;
        self.withheld.changed();
        Ok(())
    }

    pub(super) fn parse_quarantine(key: &str, text: &str) -> Quarantined {
        match serde_json::from_str::<QuarantineEntry>(text) {
            Ok(e) => Quarantined {
                key: key.to_string(),
                original_key: e.original_key,
                reason: e.reason,
                detail: e.detail,
                size: e.raw.chars().count(),
                in_place: false,
            },
            Err(_) => Quarantined {
                key: key.to_string(),
                original_key: String::new(),
                reason: QuarantineReason::Unknown,
                detail: String::new(),
                size: text.chars().count(),
                in_place: false,
            },
        }
    }

    pub(super) async fn clear_records(&self) -> Result<(), DataError> {
        for key in self.kv.keys(KV_PREFIX)? {
            if !key.starts_with(KV_QUARANTINE) {
                self.kv.remove(&key)?;
            }
        }
        for key in self.bulk.keys("r/").await? {
            self.bulk.remove(&key).await?;
        }
        for id in self.bulk.blob_ids().await? {
            self.bulk.delete_blob(&id).await?;
        }
        Ok(())
    }
}
