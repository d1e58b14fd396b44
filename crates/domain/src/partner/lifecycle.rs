//! The partner's lifecycle after admission (RULES §Termination):
//! Active → TerminationRequested → Settling → Deregistered.

use serde::{Deserialize, Serialize};

use crate::common::transition::{TransitionError, record_move};
use crate::money::cny::Cny;

/// Where the partnership stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerState {
    /// A partner in good standing.
    #[default]
    Active,
    /// The partner has sent the termination email.
    TerminationRequested,
    /// The provider is settling rebates, arrears and the deposit.
    Settling,
    /// Deregistered: the console is read-only.
    Deregistered,
}

/// Where the company stands with the provider: not (yet) a partner, or a partner at a
/// point of its lifecycle. One answer for the header, the home page and the to-dos: a
/// company is a partner once its partner profile exists (written at admission).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Partnership {
    /// No partner profile: an applicant, or a company that never applied.
    #[default]
    NotPartner,
    /// Admitted; where the partnership stands.
    Partner(PartnerState),
}

impl Partnership {
    /// From whether the partner profile exists and the stored lifecycle state.
    pub fn of(admitted: bool, state: PartnerState) -> Partnership {
        if admitted {
            Partnership::Partner(state)
        } else {
            Partnership::NotPartner
        }
    }

    /// The lifecycle state of a partner.
    pub fn state(self) -> Option<PartnerState> {
        match self {
            Partnership::NotPartner => None,
            Partnership::Partner(state) => Some(state),
        }
    }

    /// A partner in good standing (it may request its certificate, end the partnership).
    pub fn is_active(self) -> bool {
        self == Partnership::Partner(PartnerState::Active)
    }

    /// A deregistered partner's console is read-only.
    pub fn is_read_only(self) -> bool {
        self.state().is_some_and(PartnerState::is_read_only)
    }
}

/// The two preconditions of termination, with the figures behind them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminationPreconditions {
    /// Arrears still owed.
    pub arrears: Cny,
    /// Associated customers neither unbound nor flagged for the provider's help.
    pub customers_remaining: usize,
}

impl TerminationPreconditions {
    /// The preconditions as the customers stand: their arrears, and those still associated
    /// and not flagged for the provider's help.
    pub fn of(customers: &[crate::money::customer::Customer]) -> TerminationPreconditions {
        use crate::money::customer::UnbindState;
        TerminationPreconditions {
            arrears: crate::money::customer::total_arrears(customers),
            customers_remaining: customers
                .iter()
                .filter(|c| matches!(c.unbind, UnbindState::NotRequested | UnbindState::Requested))
                .count(),
        }
    }

    /// No arrears (zero or less).
    pub fn no_arrears(&self) -> bool {
        self.arrears <= Cny::ZERO
    }

    /// No associated customer left to unbind.
    pub fn no_customers(&self) -> bool {
        self.customers_remaining == 0
    }

    /// Both hold: the application may be sent.
    pub fn hold(&self) -> bool {
        self.no_arrears() && self.no_customers()
    }
}

/// What can happen to a partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartnerEvent {
    /// The partner records that it sent the termination email.
    RequestTermination(TerminationPreconditions),
    /// The provider starts settling.
    StartSettling,
    /// The provider deregisters the partner.
    Deregister,
}

/// Why termination could not be requested.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    /// A precondition does not hold.
    #[error("preconditions not met: arrears {arrears}, {customers} customers")]
    Preconditions {
        /// Arrears owed.
        arrears: Cny,
        /// Customers still associated.
        customers: usize,
    },
    /// An illegal move.
    #[error(transparent)]
    Transition(#[from] TransitionError),
}

impl PartnerState {
    /// A stable name for messages.
    pub fn name(self) -> &'static str {
        match self {
            PartnerState::Active => "active",
            PartnerState::TerminationRequested => "termination-requested",
            PartnerState::Settling => "settling",
            PartnerState::Deregistered => "deregistered",
        }
    }

    /// Whether the partner's console is read-only.
    pub fn is_read_only(self) -> bool {
        matches!(self, PartnerState::Deregistered)
    }

    /// The state after `event`, or why not.
    pub fn apply(self, event: PartnerEvent) -> Result<PartnerState, LifecycleError> {
        use PartnerEvent as E;
        use PartnerState as S;
        match (self, event) {
            (S::Active, E::RequestTermination(pre)) if pre.hold() => Ok(S::TerminationRequested),
            (S::Active, E::RequestTermination(pre)) => Err(LifecycleError::Preconditions {
                arrears: pre.arrears,
                customers: pre.customers_remaining,
            }),
            (S::TerminationRequested, E::StartSettling) => Ok(S::Settling),
            (S::Settling, E::Deregister) => Ok(S::Deregistered),
            (state, event) => Err(TransitionError::Illegal {
                state: state.name(),
                event: match event {
                    E::RequestTermination(_) => "request termination",
                    E::StartSettling => "start settling",
                    E::Deregister => "deregister",
                },
            }
            .into()),
        }
    }
}

/// The partnership's state with its history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    /// Where it stands.
    pub state: PartnerState,
    /// Every move.
    #[serde(default)]
    pub history: Vec<crate::common::transition::StateChange<PartnerState>>,
}

/// A lifecycle record read for its state alone, its history skipped unread: what the
/// shell and the write rule need (not parsing the history's timestamps keeps chrono's
/// parser out of the app's start-up module).
#[derive(Clone, Copy, Debug, Deserialize)]
pub struct LifecycleState {
    /// Where it stands.
    pub state: PartnerState,
}

impl Lifecycle {
    /// Applies an event and records who did it and when.
    pub fn apply(
        &mut self,
        event: PartnerEvent,
        at: chrono::DateTime<chrono::Utc>,
        actor: crate::common::transition::Actor,
        reason: Option<String>,
    ) -> Result<(), LifecycleError> {
        let next = self.state.apply(event)?;
        record_move(&mut self.state, &mut self.history, next, at, actor, reason);
        Ok(())
    }
}
