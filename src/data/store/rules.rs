//! Who may write what in local mode: the role's rule (`data::access`), plus the
//! read-only rule of a deregistered partner, read from what is stored.

use super::StoreBackend;
use super::keys::{SESSION, record_key};
use crate::data::access;
use crate::data::envelope;
use crate::data::error::DataError;
use crate::data::model::{Collection, Session};
use crate::domain::Role;
use crate::domain::partner::lifecycle::LifecycleState;

impl StoreBackend {
    /// The role of the stored session (a visitor when there is none).
    pub(super) fn role(&self) -> Role {
        self.kv
            .get(SESSION)
            .ok()
            .flatten()
            .and_then(|raw| envelope::decode(&raw).ok())
            .and_then(|d| serde_json::from_value::<Session>(d.envelope.data).ok())
            .map(|s| s.role)
            .unwrap_or_default()
    }

    /// Whether the partnership is deregistered (`profiles/lifecycle`): the partner's own
    /// accounts may then read but no longer write; the provider still may.
    fn deregistered(&self) -> bool {
        let (_, key) = record_key(Collection::Profiles, "lifecycle");
        self.kv
            .get(&key)
            .ok()
            .flatten()
            .and_then(|raw| envelope::decode(&raw).ok())
            .and_then(|d| serde_json::from_value::<LifecycleState>(d.envelope.data).ok())
            .is_some_and(|l| l.state.is_read_only())
    }

    /// The role check of a write, plus the read-only rule of a deregistered partner.
    pub(super) fn may_write(&self, collection: Collection) -> Result<(), DataError> {
        let role = self.role();
        access::may_write(role, collection)?;
        if matches!(role, Role::MainAccount | Role::SubAccount) && self.deregistered() {
            return Err(DataError::NotAllowed(
                crate::domain::Permission::EditCompanyData,
            ));
        }
        Ok(())
    }
}
