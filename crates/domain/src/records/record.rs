//! What is stored: the collections and the record every one of them holds. Shared by the
//! app's data layer and the reference server, which names the same collections in its URLs.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The kinds of records the app stores. Each feature adds its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Collection {
    /// Partner applications (wizard drafts and submissions).
    Applications,
    /// The partner profile and its change history.
    Profiles,
    /// Authorization certificates.
    Certificates,
    /// Associated customers.
    Customers,
    /// Rebate statement rows (large: kept in IndexedDB).
    Statements,
    /// Settlement sheets.
    Settlements,
    /// Special rebates.
    SpecialRebates,
    /// Announcements.
    Announcements,
    /// Learners and join requests.
    Learners,
    /// The eligibility self-check's inputs, kept so a reload loses nothing.
    EligibilityChecks,
    /// The learning platform's settings (enabled email domains).
    LearningSettings,
    /// Email confirmation codes waiting to be typed (local mode's simulated mail).
    EmailCodes,
}

impl Collection {
    /// Every collection.
    pub const ALL: [Collection; 12] = [
        Collection::Applications,
        Collection::Profiles,
        Collection::Certificates,
        Collection::Customers,
        Collection::Statements,
        Collection::Settlements,
        Collection::SpecialRebates,
        Collection::Announcements,
        Collection::Learners,
        Collection::EligibilityChecks,
        Collection::LearningSettings,
        Collection::EmailCodes,
    ];

    /// The name used in storage keys and URLs (`special-rebates`).
    pub fn name(self) -> &'static str {
        match self {
            Collection::Applications => "applications",
            Collection::Profiles => "profiles",
            Collection::Certificates => "certificates",
            Collection::Customers => "customers",
            Collection::Statements => "statements",
            Collection::Settlements => "settlements",
            Collection::SpecialRebates => "special-rebates",
            Collection::Announcements => "announcements",
            Collection::Learners => "learners",
            Collection::EligibilityChecks => "eligibility-checks",
            Collection::LearningSettings => "learning-settings",
            Collection::EmailCodes => "email-codes",
        }
    }

    /// The collection with that name.
    pub fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whose records these are on a server — and so where their URLs live. The scope
    /// always comes from the session and the URL, never from a record's data.
    pub fn scope(self) -> ScopeKind {
        use Collection::*;
        match self {
            Profiles | Certificates | Customers | Statements | Settlements | SpecialRebates
            | Learners | LearningSettings => ScopeKind::Partner,
            Applications => ScopeKind::Applicant,
            EligibilityChecks => ScopeKind::User,
            Announcements => ScopeKind::Global,
            EmailCodes => ScopeKind::ServerOnly,
        }
    }
}

/// Where a collection's records live on a server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// One partner's (`/partners/{partner}/…`): its accounts and its assigned manager.
    Partner,
    /// One applicant account's (`/applications/{id}`); every channel manager reads the
    /// queue.
    Applicant,
    /// One user's own (`/me/…`).
    User,
    /// Everyone's (`/announcements`).
    Global,
    /// The server's alone: no client reads or writes them (email codes).
    ServerOnly,
}

/// A stored record: an id, a revision that grows with every write, and the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Unique within its collection.
    pub id: String,
    /// 1 for the first write, then +1 per write; used to detect concurrent changes.
    pub rev: u64,
    /// The feature's own JSON.
    pub data: Value,
}
