//! Storage of the partner's own records over the one [`Backend`] interface: the profile
//! and its change history, the lifecycle, the certificate and announcements.

use super::backend::Backend;
use super::backend::encode;
use super::error::DataError;
use super::model::Collection;
use super::money::PROFILE_HISTORY;
use super::typed::{Versioned, load, load_all, save, undo};
use crate::domain::partner::announcement::{Announcement, newest_first};
use crate::domain::partner::certificate::CertificateRecord;
use crate::domain::partner::lifecycle::{Lifecycle, LifecycleState, PartnerState, Partnership};
use crate::domain::partner::profile::{ChangeRecord, PartnerProfile};

use crate::domain::records::ids::CERTIFICATE;
/// Where the partnership's lifecycle is kept.
pub use crate::domain::records::ids::LIFECYCLE;
/// Where the profile is kept (`profiles/partner`, written on approval).
pub use crate::domain::records::ids::PROFILE;

/// The profile with its revision, if the company is a partner.
pub async fn load_profile(
    backend: &dyn Backend,
) -> Result<Option<Versioned<PartnerProfile>>, DataError> {
    load(backend, Collection::Profiles, PROFILE).await
}

/// The profile's identity alone: what the certificate, the termination email and the
/// settlement sheets show. Reading the whole `PartnerProfile` there would bring its
/// parser — and serde's buffering one, for its flattened contact and bank fields — into
/// those pages' modules; the profile page reads (and checks) the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ProfileIdentity {
    /// 公司名称.
    pub company_name: String,
    /// 统一社会信用代码, as stored.
    pub uscc: String,
    /// The cooperation type the partner was admitted as.
    pub partner_type: Option<crate::domain::onboarding::partner_type::PartnerType>,
    /// 公司网站.
    pub website: String,
    /// The partner account's id (合作伙伴 UIN).
    pub account_id: String,
}

/// The profile's identity with its revision, if the company is a partner.
pub async fn load_identity(
    backend: &dyn Backend,
) -> Result<Option<Versioned<ProfileIdentity>>, DataError> {
    load(backend, Collection::Profiles, PROFILE).await
}

/// The change history, newest first.
pub async fn load_history(backend: &dyn Backend) -> Result<Vec<ChangeRecord>, DataError> {
    let mut history = load::<Vec<ChangeRecord>>(backend, Collection::Profiles, PROFILE_HISTORY)
        .await?
        .map(|h| h.value)
        .unwrap_or_default();
    crate::domain::common::order::sort_by_key(&mut history, |c| std::cmp::Reverse(c.at));
    Ok(history)
}

/// Saves a changed profile (guarded by the revision it was read at) together with its
/// change records: both or neither (a change without its history line would be a change
/// nobody can trace). `old` is the profile as read at `rev`. Returns the profile's new
/// revision.
pub async fn save_profile(
    backend: &dyn Backend,
    old: &PartnerProfile,
    profile: &PartnerProfile,
    rev: u64,
    changes: &[ChangeRecord],
) -> Result<u64, DataError> {
    // The profile first: a server that cannot be reached refuses it as itself, and its
    // draft is kept for the form.
    let new_rev = save(backend, Collection::Profiles, PROFILE, profile, Some(rev)).await?;
    // A server that applies the effects writes the history line itself, from the stored
    // profile and this one.
    if backend.applies_effects() {
        return Ok(new_rev);
    }
    let history = async {
        let stored =
            load::<Vec<ChangeRecord>>(backend, Collection::Profiles, PROFILE_HISTORY).await?;
        let history_rev = stored.as_ref().map_or(0, |h| h.rev);
        let mut history = stored.map(|h| h.value).unwrap_or_default();
        history.extend_from_slice(changes);
        save(
            backend,
            Collection::Profiles,
            PROFILE_HISTORY,
            &history,
            Some(history_rev),
        )
        .await
    }
    .await;
    if let Err(e) = history {
        undo(
            backend,
            Collection::Profiles,
            PROFILE,
            Some(encode(old)?),
            new_rev,
        )
        .await;
        return Err(e);
    }
    Ok(new_rev)
}

/// The partnership's lifecycle (Active when nothing is stored).
pub async fn load_lifecycle(backend: &dyn Backend) -> Result<Lifecycle, DataError> {
    Ok(load::<Lifecycle>(backend, Collection::Profiles, LIFECYCLE)
        .await?
        .map(|l| l.value)
        .unwrap_or_default())
}

/// Where the partnership stands (Active when nothing is stored), without its history
/// (see [`LifecycleState`]); a page that reads the whole lifecycle still sets aside a
/// record whose history is damaged.
pub async fn load_partner_state(backend: &dyn Backend) -> Result<PartnerState, DataError> {
    Ok(
        load::<LifecycleState>(backend, Collection::Profiles, LIFECYCLE)
            .await?
            .map(|l| l.value.state)
            .unwrap_or_default(),
    )
}

/// Whether the company is a partner, where the partnership stands, and its name: what
/// the header, the home page and the to-dos all read (`domain::partner::lifecycle::Partnership`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerStanding {
    /// Partner or not, and the lifecycle state.
    pub partnership: Partnership,
    /// The company's current name, once a partner.
    pub company_name: Option<String>,
}

/// Reads the [`PartnerStanding`]: a partner once the profile exists (written at
/// admission), in the stored lifecycle state.
///
/// The profile is read as JSON, its name alone: the header reads this at start-up, and a
/// typed reader of the profile would sit in the start-up module for one field (the
/// profile's own pages check the whole record).
pub async fn load_partnership(backend: &dyn Backend) -> Result<PartnerStanding, DataError> {
    let profile = backend.get(Collection::Profiles, PROFILE).await?;
    let state = load_partner_state(backend).await?;
    Ok(PartnerStanding {
        partnership: Partnership::of(profile.is_some(), state),
        company_name: profile
            .as_ref()
            .and_then(|p| p.data.get("company_name")?.as_str().map(str::trim))
            .filter(|n| !n.is_empty())
            .map(str::to_string),
    })
}

/// Saves the lifecycle.
pub async fn save_lifecycle(backend: &dyn Backend, lifecycle: &Lifecycle) -> Result<(), DataError> {
    save(backend, Collection::Profiles, LIFECYCLE, lifecycle, None)
        .await
        .map(|_| ())
}

/// The current certificate request or certificate.
pub async fn load_certificate(
    backend: &dyn Backend,
) -> Result<Option<CertificateRecord>, DataError> {
    Ok(
        load::<CertificateRecord>(backend, Collection::Certificates, CERTIFICATE)
            .await?
            .map(|c| c.value),
    )
}

/// Saves the certificate record.
pub async fn save_certificate(
    backend: &dyn Backend,
    record: &CertificateRecord,
) -> Result<(), DataError> {
    save(backend, Collection::Certificates, CERTIFICATE, record, None)
        .await
        .map(|_| ())
}

/// Every announcement, newest first.
pub async fn load_announcements(backend: &dyn Backend) -> Result<Vec<Announcement>, DataError> {
    let mut list: Vec<Announcement> = load_all(backend, Collection::Announcements)
        .await?
        .0
        .into_iter()
        .map(|(_, v)| v.value)
        .collect();
    newest_first(&mut list);
    Ok(list)
}

/// Publishes an announcement.
pub async fn save_announcement(
    backend: &dyn Backend,
    announcement: &Announcement,
) -> Result<(), DataError> {
    save(
        backend,
        Collection::Announcements,
        &announcement.id,
        announcement,
        Some(0),
    )
    .await
    .map(|_| ())
}
