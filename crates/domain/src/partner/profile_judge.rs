//! A profile change judged: the main account changes its company's profile by the
//! wizard's rules and the change rules (the same USCC, a new bank proof with new bank
//! details); the profile itself is made only by admission; the change history is the
//! judge's to write, one line per changed field, never the client's.

use chrono::{DateTime, Utc};

use super::profile::{ChangeRecord, PartnerProfile, ProfileError, check_change, diff};
use crate::Permission;
use crate::common::transition::Actor;
use crate::records::refusal::{Refusal, require};

/// The profile to store and the history lines to append when `actor` writes `proposed`
/// over `stored` at `now`.
pub fn judge_profile(
    stored: Option<&PartnerProfile>,
    proposed: &PartnerProfile,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<(PartnerProfile, Vec<ChangeRecord>), Refusal> {
    require(actor.role, Permission::EditCompanyData)?;
    // A partner exists from its approval on, with the profile it applied with.
    let stored = stored.ok_or(Refusal::field("profile", "made-by-admission"))?;
    let next = proposed.canonicalised();
    if next.account_id != stored.account_id {
        return Err(Refusal::field("account_id", "must-not-change"));
    }
    if let Some(problem) = next.check().into_iter().next() {
        return Err(Refusal::field(
            problem.field.wire_name(),
            problem.problem.code(),
        ));
    }
    check_change(stored, &next).map_err(|e| match e {
        ProfileError::NewLegalEntity { .. } => Refusal::field("uscc", "new-legal-entity"),
        ProfileError::BankProofRequired => Refusal::field("bank_proof", "new-proof-required"),
    })?;
    let changes = diff(stored, &next, now, &actor);
    Ok((next, changes))
}
