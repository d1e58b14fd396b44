//! A learner write judged as one event: an employee asks to join (by account: waiting for
//! the enterprise admin; by enterprise email: active at once, once the address is
//! confirmed by a code the server sent and its domain is enabled), the admin approves,
//! rejects with a reason or removes, or imports learning records. Who the learner is never
//! changes after the request.

use chrono::{DateTime, Utc};

use super::learner::{EnabledDomains, JoinMethod, Learner, LearnerState};
use crate::common::contact::{Email, Mobile};
use crate::common::text::compact;
use crate::common::transition::TransitionError;
use crate::records::refusal::{Refusal, require};
use crate::{Permission, Role};

/// What the judge knows besides the two records: whether the address was confirmed by a
/// code, and which domains the enterprise enabled.
pub struct JoinFacts<'a> {
    /// The learner's address was confirmed with a code the server sent.
    pub email_confirmed: bool,
    /// The enterprise's enabled email domains.
    pub domains: &'a EnabledDomains,
    /// The account asking: an employee asks to join as itself, not as a colleague.
    pub requester: &'a str,
}

/// The learner to store when `role` writes `proposed` over `stored` at `now`, and the
/// event's name. `id` comes from the URL.
pub fn judge_learner(
    stored: Option<&Learner>,
    proposed: &Learner,
    id: &str,
    facts: &JoinFacts,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(Learner, &'static str), Refusal> {
    let Some(stored) = stored else {
        return request(proposed, id, facts, role, now);
    };
    let who = |l: &Learner| {
        (
            l.id.clone(),
            l.method,
            l.name.clone(),
            l.mobile.clone(),
            l.email.clone(),
            l.account_id.clone(),
            l.requested_at,
        )
    };
    if who(proposed) != who(stored) {
        return Err(Refusal::field("learner", "must-not-change"));
    }
    require(role, Permission::ManageLearners)?;
    let mut next = stored.clone();
    if proposed.state == stored.state {
        next.records = proposed.records.clone();
        let event = if next.records == stored.records {
            "unchanged"
        } else {
            "records"
        };
        return Ok((next, event));
    }
    if proposed.records != stored.records {
        return Err(Refusal::field("records", "one-event-per-write"));
    }
    next.state = match &proposed.state {
        LearnerState::Active => stored.state.approve()?,
        LearnerState::Rejected { reason } => stored.state.reject(reason)?,
        LearnerState::Removed => stored.state.remove()?,
        LearnerState::Pending => {
            return Err(Refusal::State(TransitionError::Illegal {
                state: stored.state.name(),
                event: "reopen",
            }));
        }
    };
    let event = next_event(&next.state);
    Ok((next, event))
}

fn next_event(state: &LearnerState) -> &'static str {
    match state {
        LearnerState::Active => "approve",
        LearnerState::Rejected { .. } => "reject",
        LearnerState::Removed => "remove",
        LearnerState::Pending => "request",
    }
}

/// A new learner: a join request by account or by confirmed enterprise email.
fn request(
    proposed: &Learner,
    id: &str,
    facts: &JoinFacts,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(Learner, &'static str), Refusal> {
    require(role, Permission::JoinLearning)?;
    match proposed.method {
        JoinMethod::EnterpriseEmail => {
            let email =
                Email::parse(&proposed.email).map_err(|_| Refusal::field("email", "contact"))?;
            if !facts.domains.allows(&email) {
                return Err(Refusal::field("email", "domain-not-enabled"));
            }
            if !facts.email_confirmed {
                return Err(Refusal::field("email", "not-confirmed"));
            }
            let learner = Learner::by_email(&email, now);
            if learner.id != id {
                return Err(Refusal::field("id", "must-be-the-address"));
            }
            Ok((learner, "join"))
        }
        JoinMethod::AccountApplication => {
            if proposed.name.trim().is_empty() {
                return Err(Refusal::field("name", "required"));
            }
            Mobile::parse(&proposed.mobile).map_err(|_| Refusal::field("mobile", "contact"))?;
            let account = compact(&proposed.account_id);
            if account.is_empty() {
                return Err(Refusal::field("account_id", "required"));
            }
            if account != id {
                return Err(Refusal::field("id", "must-be-the-account"));
            }
            // A request in a colleague's name would hold their place for good (learners
            // are never deleted): only the enterprise admin files for someone else.
            if !role.may(Permission::ManageLearners) && account != facts.requester {
                return Err(Refusal::field("account_id", "must-be-your-own"));
            }
            let mut learner = proposed.clone();
            learner.id = account.clone();
            learner.account_id = account;
            learner.name = proposed.name.trim().to_string();
            learner.mobile = compact(&proposed.mobile);
            learner.state = LearnerState::initial(JoinMethod::AccountApplication);
            learner.requested_at = now;
            learner.records.clear();
            Ok((learner, "request"))
        }
    }
}
