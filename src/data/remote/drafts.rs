//! Writes the server has not confirmed yet. A save in remote mode is first written here
//! (browser storage), then sent; the draft goes once the server stores it or refuses it
//! for good. Forms (the application wizard, the profile) restore a draft when they open,
//! so a failed save — server down, 500, field errors — loses nothing, not even across a
//! reload. Reads never show a draft as stored: a state change the server did not confirm
//! (a sheet marked paid, say) must not look done.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::rc::Rc;

use crate::data::error::DataError;
use crate::data::model::Collection;
use crate::data::store::traits::KeyValue;

/// Where drafts live in browser storage (next to local mode's keys, never clashing).
// Outside local mode's `pc/` keys, which its start-up scan reads as records.
const PREFIX: &str = "pc-remote/drafts/";

/// One unconfirmed write.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The revision the change was based on (`None`: written without a check).
    pub base_rev: Option<u64>,
    /// What the user wanted stored.
    pub data: Value,
}

/// The unconfirmed writes of this browser.
#[derive(Clone)]
pub struct Drafts {
    kv: Rc<dyn KeyValue>,
}

fn key(collection: Collection, id: &str) -> String {
    format!("{PREFIX}{}/{id}", collection.name())
}

impl Drafts {
    /// Drafts kept in this storage.
    pub fn new(kv: Rc<dyn KeyValue>) -> Self {
        Drafts { kv }
    }

    /// Keeps a write until the server confirms it. A full storage only means the draft
    /// is not kept across a reload; the form still holds it, so that is not an error.
    pub fn keep(&self, collection: Collection, id: &str, draft: &Draft) {
        if let Ok(text) = serde_json::to_string(draft) {
            let _ = self.kv.set(&key(collection, id), &text);
        }
    }

    /// Forgets a draft (confirmed, or refused for good).
    pub fn forget(&self, collection: Collection, id: &str) {
        let _ = self.kv.remove(&key(collection, id));
    }

    /// The draft of one record, if any (an unreadable one reads as none).
    pub fn get(&self, collection: Collection, id: &str) -> Option<Draft> {
        let text = self.kv.get(&key(collection, id)).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// The ids with drafts in a collection.
    pub fn ids(&self, collection: Collection) -> Vec<String> {
        let prefix = key(collection, "");
        self.kv
            .keys(&prefix)
            .unwrap_or_default()
            .into_iter()
            .map(|k| k[prefix.len()..].to_string())
            .collect()
    }

    /// How many writes wait for the server.
    pub fn count(&self) -> usize {
        self.kv.keys(PREFIX).map_or(0, |k| k.len())
    }

    /// Forgets every draft.
    pub fn clear(&self) {
        for k in self.kv.keys(PREFIX).unwrap_or_default() {
            let _ = self.kv.remove(&k);
        }
    }

    /// What the user last wrote to a record the server now holds at `server_rev`
    /// (0: absent), for a form to restore. A draft based on an older revision is stale —
    /// someone else's change won, exactly as a 409 would say — and is dropped.
    pub fn current(&self, collection: Collection, id: &str, server_rev: u64) -> Option<Value> {
        let draft = self.get(collection, id)?;
        if draft.base_rev.is_some_and(|base| base != server_rev) {
            self.forget(collection, id);
            return None;
        }
        Some(draft.data)
    }
}

/// Whether a failed save keeps its draft: yes when the server was not reached, failed,
/// refused a field, or wants a new sign-in — the user will try again; no when it refused
/// for good (not allowed, changed by someone else: the user reloads and re-applies).
pub fn keeps_draft(error: &DataError) -> bool {
    !matches!(
        error,
        DataError::Forbidden | DataError::NotAllowed(_) | DataError::Conflict { .. }
    )
}
