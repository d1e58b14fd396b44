//! A lifecycle write judged as one event: the main account requests termination — only
//! when the preconditions hold as the stored customers stand, not as the body says — and
//! the channel manager starts the settling and deregisters.

use chrono::{DateTime, Utc};

use super::lifecycle::{
    Lifecycle, LifecycleError, PartnerEvent, PartnerState, TerminationPreconditions,
};
use crate::Permission;
use crate::common::transition::Actor;
use crate::money::customer::Customer;
use crate::records::refusal::{Refusal, one_new_entry, require};

/// Which role may make a lifecycle event.
pub fn permission_for(event: PartnerEvent) -> Permission {
    match event {
        PartnerEvent::RequestTermination(_) => Permission::EditCompanyData,
        PartnerEvent::StartSettling | PartnerEvent::Deregister => Permission::Review,
    }
}

/// The lifecycle to store when `actor` writes `proposed` over `stored` at `now`, and the
/// event's name. `customers` are the partner's stored customers.
pub fn judge_lifecycle(
    stored: Option<&Lifecycle>,
    proposed: &Lifecycle,
    customers: &[Customer],
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<(Lifecycle, &'static str), Refusal> {
    let fresh = Lifecycle::default();
    let stored = stored.unwrap_or(&fresh);
    let Some(entry) = one_new_entry("history", &stored.history, &proposed.history)? else {
        return if proposed == stored {
            Ok((stored.clone(), "unchanged"))
        } else {
            Err(Refusal::field("state", "must-not-change"))
        };
    };
    let event = match entry.to {
        PartnerState::TerminationRequested => {
            PartnerEvent::RequestTermination(TerminationPreconditions::of(customers))
        }
        PartnerState::Settling => PartnerEvent::StartSettling,
        PartnerState::Deregistered => PartnerEvent::Deregister,
        PartnerState::Active => return Err(Refusal::field("state", "no-such-move")),
    };
    require(actor.role, permission_for(event))?;
    let mut next = stored.clone();
    next.apply(event, now, actor, entry.reason.clone())
        .map_err(|e| match e {
            LifecycleError::Preconditions { arrears, .. } if arrears > crate::Cny::ZERO => {
                Refusal::field("customers.arrears", "termination-needs-no-arrears")
            }
            LifecycleError::Preconditions { .. } => {
                Refusal::field("customers.unbind", "termination-needs-customers-unbound")
            }
            LifecycleError::Transition(t) => Refusal::State(t),
        })?;
    Ok((next, entry.to.name()))
}
