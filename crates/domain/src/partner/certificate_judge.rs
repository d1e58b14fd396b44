//! A certificate write judged as one event: the partner requests (when `may_request_new`
//! allows), the channel manager approves — the holder taken from the partner's stored
//! profile, never from the body, the number from the count of earlier certificates — or
//! rejects with a reason.

use chrono::{DateTime, Utc};

use super::certificate::{CertificateHolder, CertificateRecord};
use super::profile::PartnerProfile;
use crate::Permission;
use crate::common::transition::{Actor, TransitionError};
use crate::money::calendar::business_date;
use crate::records::refusal::{Refusal, one_new_entry, require};

impl CertificateHolder {
    /// Who a certificate names: the company as its profile stands.
    pub fn of(profile: &PartnerProfile) -> CertificateHolder {
        CertificateHolder {
            name: profile.company_name.clone(),
            uscc: crate::common::uscc::canonical(&profile.uscc),
            partner_type: profile.partner_type,
        }
    }
}

/// The certificate to store when `actor` writes `proposed` over `stored` at `now`, and
/// the event's name. `profile` is the partner's stored profile.
pub fn judge_certificate(
    stored: Option<&CertificateRecord>,
    proposed: &CertificateRecord,
    profile: Option<&PartnerProfile>,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<(CertificateRecord, &'static str), Refusal> {
    let today = business_date(now);
    let before = stored.map_or(&[][..], |s| &s.history[..]);
    let Some(entry) = one_new_entry("history", before, &proposed.history)? else {
        return match stored {
            Some(s) if s == proposed => Ok((s.clone(), "unchanged")),
            _ => Err(Refusal::field("state", "must-not-change")),
        };
    };
    match entry.to.as_str() {
        "requested" => {
            require(actor.role, Permission::EditCompanyData)?;
            if profile.is_none() {
                return Err(Refusal::field("profile", "required"));
            }
            let next = CertificateRecord::request(stored, today, now, actor)?;
            Ok((next, "request"))
        }
        "approved" | "rejected" => {
            require(actor.role, Permission::Review)?;
            let mut next = stored.cloned().ok_or(TransitionError::Illegal {
                state: "none",
                event: "decide",
            })?;
            if entry.to == "approved" {
                let profile = profile.ok_or(Refusal::field("profile", "required"))?;
                next.approve(CertificateHolder::of(profile), today, now, actor)?;
                Ok((next, "approve"))
            } else {
                next.reject(entry.reason.as_deref().unwrap_or(""), now, actor)?;
                Ok((next, "reject"))
            }
        }
        _ => Err(Refusal::field("history", "no-such-move")),
    }
}
