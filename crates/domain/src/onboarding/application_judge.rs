//! An application write judged as one event. A client sends the whole record it wants
//! stored; this reads which change that is against the stored record — an edit of the
//! draft, or one move of the state machine — checks that the role may make it, and
//! replays it on the stored record with the judge's own actor and clock. What is stored
//! is what this computes, never the client's JSON: a forged state, a rewritten history or
//! a second event in one write is refused. The app and the reference server call the same
//! function.

use chrono::{DateTime, Utc};

use super::application::{Application, ApplicationEvent, ApplicationState};
use crate::Permission;
use crate::common::transition::{Actor, TransitionError};
use crate::records::refusal::{Refusal, one_new_entry, require};

/// Which role may make an event: the applicant submits and reopens, the channel manager
/// decides.
pub fn permission_for(event: &ApplicationEvent) -> Permission {
    match event {
        ApplicationEvent::Submit | ApplicationEvent::Reopen => Permission::Apply,
        ApplicationEvent::Approve | ApplicationEvent::Reject { .. } => Permission::Review,
    }
}

/// What a write of an application is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplicationChange {
    /// The draft's fields or open step changed; the state did not.
    Edit,
    /// One move of the state machine.
    Event(ApplicationEvent),
}

/// Reads the change from the stored record to the proposed one.
pub fn read_change(
    stored: &Application,
    proposed: &Application,
) -> Result<ApplicationChange, Refusal> {
    let added = one_new_entry(
        "status.history",
        &stored.status.history,
        &proposed.status.history,
    )?;
    let Some(entry) = added else {
        if proposed.status != stored.status {
            return Err(Refusal::field("status", "must-not-change"));
        }
        return Ok(ApplicationChange::Edit);
    };
    if entry.from != Some(stored.status.state) || proposed.status.state != entry.to {
        return Err(Refusal::field("status.state", "does-not-follow-history"));
    }
    use ApplicationState as S;
    let event = match (stored.status.state, entry.to) {
        (S::Draft, S::Submitted) => ApplicationEvent::Submit,
        (S::Submitted, S::Approved) => ApplicationEvent::Approve,
        (S::Submitted, S::Rejected) => {
            let step = proposed
                .status
                .rejection
                .as_ref()
                .map(|(_, step)| *step)
                .ok_or(Refusal::field("status.rejection", "required"))?;
            ApplicationEvent::Reject {
                reason: entry.reason.clone().unwrap_or_default(),
                step,
            }
        }
        (S::Rejected, S::Draft) => ApplicationEvent::Reopen,
        (from, to) => {
            return Err(Refusal::State(TransitionError::Illegal {
                state: from.name(),
                event: match to {
                    S::Submitted => "submit",
                    S::Approved => "approve",
                    S::Rejected => "reject",
                    S::Draft => "reopen",
                },
            }));
        }
    };
    Ok(ApplicationChange::Event(event))
}

/// The application to store when `actor` writes `proposed` over `stored` (`None`: there
/// is none yet) at `now`. `id` and `applicant` come from the caller (the URL and the
/// session), never from the record.
pub fn judge(
    stored: Option<&Application>,
    proposed: &Application,
    id: &str,
    applicant: &str,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<Application, Refusal> {
    let fresh = Application {
        id: id.to_string(),
        applicant: applicant.to_string(),
        ..Application::default()
    };
    let stored = stored.unwrap_or(&fresh);
    let change = read_change(stored, proposed)?;
    let mut next = stored.clone();
    match change {
        ApplicationChange::Edit => {
            require(actor.role, Permission::Apply)?;
            if !stored.status.state.is_editable() {
                // Only the form and step would change, and they are frozen.
                if proposed.form != stored.form || proposed.step != stored.step {
                    return Err(Refusal::field("form", "not-editable"));
                }
                return Ok(next);
            }
            next.form = proposed.form.clone();
            next.step = proposed.step;
            next.updated_at = Some(now);
        }
        ApplicationChange::Event(event) => {
            require(actor.role, permission_for(&event))?;
            if matches!(event, ApplicationEvent::Submit) {
                // The last edits travel with the submit; the whole form must then hold.
                next.form = proposed.form.clone();
                next.step = proposed.step;
                next.updated_at = Some(now);
                if let Some((_, problem)) = next.form.check_all().into_iter().next() {
                    return Err(Refusal::field(
                        problem.field.wire_name(),
                        problem.problem.code(),
                    ));
                }
            } else if proposed.form != stored.form {
                return Err(Refusal::field("form", "not-editable"));
            }
            next.status.record(event, actor, now)?;
        }
    }
    Ok(next)
}
