//! A customer write judged: customers and their figures (name, association date, arrears,
//! special rebates) are the provider's data — written by the channel manager or a server
//! command; the partner moves only the unbinding (RULES §Termination), one legal step at
//! a time: it asks for the unbinding or for the provider's help, and the provider records
//! the customer as unbound.

use super::customer::{Customer, UnbindState};
use crate::Permission;
use crate::Role;
use crate::common::transition::TransitionError;
use crate::records::refusal::{Refusal, require};

impl UnbindState {
    /// The states the unbinding may move to from this one.
    pub fn next_states(self) -> &'static [UnbindState] {
        use UnbindState::*;
        match self {
            NotRequested => &[Requested, ProviderHelpNeeded],
            Requested => &[ProviderHelpNeeded, Unbound],
            ProviderHelpNeeded => &[Unbound],
            Unbound => &[],
        }
    }

    /// Who makes the move into this state: the partner asks, the provider confirms.
    pub fn mover(self) -> Permission {
        match self {
            UnbindState::Requested | UnbindState::ProviderHelpNeeded => Permission::EditCompanyData,
            UnbindState::NotRequested | UnbindState::Unbound => Permission::Review,
        }
    }
}

/// The customer to store when `role` writes `proposed` over `stored`, and the event's
/// name. `uin` comes from the URL.
pub fn judge_customer(
    stored: Option<&Customer>,
    proposed: &Customer,
    uin: &str,
    role: Role,
) -> Result<(Customer, &'static str), Refusal> {
    let Some(stored) = stored else {
        require(role, Permission::Review)?;
        let mut next = proposed.clone();
        next.uin = uin.to_string();
        return Ok((next, "associate"));
    };
    let mut figures = proposed.clone();
    figures.unbind = stored.unbind;
    figures.uin = stored.uin.clone();
    let figures_changed = figures != *stored;
    if figures_changed {
        // Arrears, name, dates: the provider's figures.
        require(role, Permission::Review)?;
    }
    if proposed.unbind == stored.unbind {
        return Ok((
            figures,
            if figures_changed {
                "figures"
            } else {
                "unchanged"
            },
        ));
    }
    if figures_changed {
        return Err(Refusal::field("unbind", "one-event-per-write"));
    }
    require(role, proposed.unbind.mover())?;
    if !stored.unbind.next_states().contains(&proposed.unbind) {
        return Err(Refusal::State(TransitionError::Illegal {
            state: stored.unbind.name(),
            event: proposed.unbind.name(),
        }));
    }
    let mut next = stored.clone();
    next.unbind = proposed.unbind;
    Ok((next, proposed.unbind.name()))
}
