//! Where the remote backend's requests go and which revision they name: the partner the
//! pages work on (the session's own, or the one a channel manager picked), each
//! collection's address in that scope, and the revision this browser last saw of each
//! record. Apart from `backend.rs`, which turns each operation into its requests.

use crate::data::backend::Backend;
use crate::data::error::DataError;
use crate::data::model::{Collection, Session};
use crate::domain::Role;

use super::backend::RemoteBackend;

/// Where this browser remembers which partner a channel manager last worked on (an id,
/// nothing secret).
pub(super) const PICKED_PARTNER: &str = "pc-remote/partner";

impl RemoteBackend {
    /// Remembers the revision a record was read or written at (`None`: it is not there).
    pub(super) fn saw(&self, collection: Collection, id: &str, rev: Option<u64>) {
        let key = (collection, id.to_string());
        let mut seen = self.seen.borrow_mut();
        match rev {
            Some(rev) => seen.insert(key, rev),
            None => seen.remove(&key),
        };
    }

    /// The revision a save names: the caller's, else the one this browser last saw.
    pub(super) fn expected(
        &self,
        collection: Collection,
        id: &str,
        named: Option<u64>,
    ) -> Option<u64> {
        named.or_else(|| {
            self.seen
                .borrow()
                .get(&(collection, id.to_string()))
                .copied()
        })
    }

    /// The partner the pages work on, reading the session first if it was not yet.
    pub(super) async fn partner(&self) -> Result<Option<String>, DataError> {
        if let Some(s) = self.session.borrow().as_ref() {
            return Ok(s.partner_id.clone());
        }
        Ok(self.session().await?.partner_id)
    }

    pub(super) async fn collection_url(
        &self,
        collection: Collection,
    ) -> Result<Option<String>, DataError> {
        let partner = self.partner().await?;
        Ok(self.config.collection_url(collection, partner.as_deref()))
    }

    pub(super) async fn record_url(
        &self,
        collection: Collection,
        id: &str,
    ) -> Result<Option<String>, DataError> {
        let partner = self.partner().await?;
        Ok(self.config.record_url(collection, partner.as_deref(), id))
    }

    /// The session the server sent, working on the account's own partner — or, for a
    /// channel manager, on the one last picked in this browser if still theirs, else the
    /// first of their partners.
    pub(super) fn working_session(&self, mut session: Session) -> Session {
        if session.role == Role::ChannelManager {
            let picked = self.kv.get(PICKED_PARTNER).ok().flatten();
            let choice = session
                .partners
                .iter()
                .find(|p| Some(&p.id) == picked.as_ref())
                .or(session.partners.first())
                .cloned();
            session.partner_id = choice.as_ref().map(|p| p.id.clone());
            session.company_name = choice.map(|p| p.company_name);
        }
        *self.session.borrow_mut() = Some(session.clone());
        session
    }
}
