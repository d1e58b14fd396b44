//! Reading and writing one stored value: either storage by its tier, and every value read
//! checked — migrated and written back, or set aside when it cannot be read, or withheld
//! when a newer app wrote it.

use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use super::StoreBackend;
use super::keys::{SESSION, SETTINGS};
use crate::data::envelope;
use crate::data::error::DataError;
use crate::data::model::{QuarantineReason, Tier};
use crate::data::shapes;

impl StoreBackend {
    pub(super) async fn raw_get(&self, tier: Tier, key: &str) -> Result<Option<String>, DataError> {
        match tier {
            Tier::Small => self.kv.get(key),
            Tier::Large => self.bulk.get(key).await,
        }
    }

    pub(super) async fn raw_set(
        &self,
        tier: Tier,
        key: &str,
        value: &str,
    ) -> Result<(), DataError> {
        match tier {
            Tier::Small => self.kv.set(key, value),
            Tier::Large => self.bulk.set(key, value).await,
        }
    }

    pub(super) async fn raw_remove(&self, tier: Tier, key: &str) -> Result<(), DataError> {
        match tier {
            Tier::Small => self.kv.remove(key),
            Tier::Large => self.bulk.remove(key).await,
        }
    }

    /// Reads and migrates one stored value; an unreadable one — not JSON, or a session or
    /// preferences that are not one — is set aside and reads as absent. (Records are
    /// JSON to this layer: `typed` sets aside one that does not read as its type, and the
    /// start-up scan checks them all.) A migrated value is written back in the current
    /// schema (best effort).
    pub(super) async fn read(
        &self,
        tier: Tier,
        key: &str,
    ) -> Result<Option<envelope::Envelope>, DataError> {
        let Some(raw) = self.raw_get(tier, key).await? else {
            return Ok(None);
        };
        self.accept(tier, key, &raw).await
    }

    /// The checks of [`StoreBackend::read`] on a value already fetched.
    pub(super) async fn accept(
        &self,
        tier: Tier,
        key: &str,
        raw: &str,
    ) -> Result<Option<envelope::Envelope>, DataError> {
        match envelope::decode(raw) {
            Ok(decoded) => {
                if let Err(detail) = Self::preferences_shape(key, &decoded.envelope.data) {
                    self.quarantine(tier, key, raw, QuarantineReason::WrongShape, detail)
                        .await?;
                    return Ok(None);
                }
                if decoded.migrated() {
                    let text = envelope::encode(decoded.envelope.rev, &decoded.envelope.data);
                    // A full quota only means the migration runs again next time.
                    let _ = self.raw_set(tier, key, &text).await;
                }
                Ok(Some(decoded.envelope))
            }
            // A newer app's data is neither read nor moved nor overwritten by this one;
            // it is listed as withheld so the user knows why it is missing.
            Err(e @ envelope::EnvelopeError::Newer { found, .. }) => {
                self.withheld
                    .add(key, e.reason(), e.to_string(), raw.to_string());
                Err(DataError::NewerVersion { found })
            }
            Err(e) => {
                self.quarantine(tier, key, raw, e.reason(), e.to_string())
                    .await?;
                Ok(None)
            }
        }
    }

    /// Whether the session and the preferences read as such (other keys pass).
    fn preferences_shape(key: &str, data: &Value) -> Result<(), String> {
        match key {
            SESSION => shapes::check_session(data),
            SETTINGS => shapes::check_settings(data),
            _ => Ok(()),
        }
    }

    pub(super) async fn read_typed<T: DeserializeOwned + Default>(
        &self,
        key: &str,
    ) -> Result<T, DataError> {
        // `read` has checked the shape: what is left reads as `T`.
        match self.read(Tier::Small, key).await? {
            Some(env) => Ok(serde_json::from_value(env.data).unwrap_or_default()),
            None => Ok(T::default()),
        }
    }

    pub(super) async fn write_typed<T: Serialize>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), DataError> {
        let rev = self.read(Tier::Small, key).await?.map_or(0, |e| e.rev);
        let data = serde_json::to_value(value).map_err(|e| DataError::Storage(e.to_string()))?;
        self.kv.set(key, &envelope::encode(rev + 1, &data))
    }
}
