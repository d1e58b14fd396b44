//! What the data layer stores and returns.

use serde::{Deserialize, Serialize};

use crate::domain::common::transition::Actor;
use crate::domain::{Lang, Role};

/// Whether the app keeps its data in the browser or talks to a backend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Browser storage only (the default).
    #[default]
    Local,
    /// An HTTP backend.
    Remote,
}

/// Who is signed in and as what.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The role the UI and the data layer go by.
    pub role: Role,
    /// The account's id (UIN), when known.
    pub account_id: Option<String>,
    /// The partner company's name, once it is a partner.
    pub company_name: Option<String>,
    /// Remote mode: the partner whose records the pages read — the account's own, or the
    /// one a channel manager picked from [`Session::partners`]. Local mode keeps one
    /// partner and leaves this empty.
    #[serde(default)]
    pub partner_id: Option<String>,
    /// Remote mode, a channel manager: the partners assigned to them.
    #[serde(default)]
    pub partners: Vec<PartnerChoice>,
    /// Remote mode: the server applies the domain's effects itself (the reference
    /// server); a plain record store leaves them to the app (see
    /// `Backend::applies_effects`).
    #[serde(default)]
    pub applies_effects: bool,
}

/// A partner a channel manager may work on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerChoice {
    /// The partner's id (its main account's UIN).
    pub id: String,
    /// Its company name.
    pub company_name: String,
}

/// Who is acting, for histories: the session's role, and its account id when known.
impl From<&Session> for Actor {
    fn from(session: &Session) -> Self {
        Actor {
            role: session.role,
            name: session.account_id.clone().unwrap_or_default(),
        }
    }
}

/// Per-browser preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The chosen language; `None` until the user picks one.
    pub lang: Option<Lang>,
    /// Learning-platform requests made from this browser (their learner ids), so the
    /// join page can show their state.
    pub my_learners: Vec<String>,
    /// Announcements read in this browser (their ids), so unread ones stand out.
    pub read_announcements: Vec<String>,
}

pub use crate::domain::records::{Collection, Record};

/// Where a collection lives in local mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Small JSON in localStorage.
    Small,
    /// Large tables in IndexedDB.
    Large,
}

/// Where a collection is kept in local mode: statements can reach 100,000 rows.
pub fn tier(collection: Collection) -> Tier {
    match collection {
        Collection::Statements => Tier::Large,
        _ => Tier::Small,
    }
}

/// A stored file (an uploaded image).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blob {
    /// Unique id.
    pub id: String,
    /// MIME type, detected from content.
    pub mime: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Something in storage that could not be read and was set aside, not deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarantined {
    /// The key it was set aside under.
    pub key: String,
    /// The key it came from.
    pub original_key: String,
    /// Why it could not be read.
    pub reason: QuarantineReason,
    /// The technical detail (parser message), for support.
    pub detail: String,
    /// Its size in characters.
    pub size: usize,
    /// Left where it is rather than moved aside (a newer version's record, a record a
    /// server sent in the wrong shape): it cannot be discarded from here.
    #[serde(default)]
    pub in_place: bool,
}

/// Why a stored value was set aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuarantineReason {
    /// Not JSON (truncated write, edited by hand, another program's data).
    NotJson,
    /// Written by a newer version of the app.
    NewerSchema {
        /// The schema found.
        found: u32,
        /// The newest this app reads.
        supported: u32,
    },
    /// An upgrade from an older schema failed.
    Migration {
        /// The schema it started from.
        from: u32,
    },
    /// Valid JSON, but not the record it should be (a field missing or of the wrong
    /// type: edited by hand, written by a faulty backend or a doctored backup).
    WrongShape,
    /// The set-aside entry itself could not be read.
    Unknown,
}
