//! Settlement sheets and their payment (RULES §Settlement): the states a sheet moves through, who
//! may make which move and on which days; the sheet in `sheet.rs`, payment in `payment.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::common::role::Role;
use crate::common::transition::TransitionError;

mod invoice;
pub mod judge;
mod payment;
mod sheet;

pub use invoice::{InvoiceField, InvoiceProblem, InvoiceRecord, invoice_number_ok};
pub use payment::{PaymentHold, PaymentOutlook, payment_hold};
pub use sheet::{ChecklistItem, LineKind, SettlementLine, SettlementSheet};

/// Where a settlement sheet stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SettlementState {
    /// Issued; the partner has not sent the documents yet.
    Pending,
    /// The stamped sheet and invoice are in the post.
    DocumentsSent,
    /// The provider has received the documents.
    Received,
    /// Something in the documents is wrong.
    Abnormal,
    /// The partner has corrected the documents.
    Corrected,
    /// Checked and correct; payment is scheduled.
    Verified,
    /// Paid.
    Paid,
}

impl SettlementState {
    /// Every state, in timeline order.
    pub const ALL: [SettlementState; 7] = [
        SettlementState::Pending,
        SettlementState::DocumentsSent,
        SettlementState::Received,
        SettlementState::Abnormal,
        SettlementState::Corrected,
        SettlementState::Verified,
        SettlementState::Paid,
    ];

    /// A stable name for messages.
    pub fn name(self) -> &'static str {
        match self {
            SettlementState::Pending => "pending",
            SettlementState::DocumentsSent => "documents-sent",
            SettlementState::Received => "received",
            SettlementState::Abnormal => "abnormal",
            SettlementState::Corrected => "corrected",
            SettlementState::Verified => "verified",
            SettlementState::Paid => "paid",
        }
    }

    /// The states this one may move to.
    pub fn next_states(self) -> &'static [SettlementState] {
        use SettlementState::*;
        match self {
            Pending => &[DocumentsSent],
            DocumentsSent => &[Received],
            Received => &[Verified, Abnormal],
            Abnormal => &[Corrected],
            Corrected => &[Verified],
            Verified => &[Paid],
            Paid => &[],
        }
    }

    /// Whether the partner makes the move into this state (sending and correcting the
    /// documents); the provider makes the others (receiving, verifying, flagging, paying).
    pub fn is_partners_move(self) -> bool {
        matches!(
            self,
            SettlementState::DocumentsSent | SettlementState::Corrected
        )
    }

    /// Whether `role` makes the move into this state: the partner's moves need the right to
    /// edit the company's data, the provider's the right to review (the channel manager
    /// acts for the provider).
    pub fn moved_by(self, role: Role) -> bool {
        role.may(judge::mover(self))
    }

    /// Moves to `to` if allowed.
    pub fn advance(self, to: SettlementState) -> Result<SettlementState, TransitionError> {
        if self.next_states().contains(&to) {
            Ok(to)
        } else {
            Err(TransitionError::Illegal {
                state: self.name(),
                event: to.name(),
            })
        }
    }
}

impl SettlementState {
    /// The provider has the documents in hand and must receive or verify them.
    pub fn awaits_provider_check(self) -> bool {
        matches!(
            self,
            SettlementState::DocumentsSent | SettlementState::Received | SettlementState::Corrected
        )
    }
}

/// Which sheets a list shows (the settlements page's filter, also named in its address).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SheetFilter {
    /// Every sheet.
    #[default]
    All,
    /// Sheets the provider must receive or verify (the channel manager's queue).
    ToCheck,
    /// Sheets the partner must send or correct.
    PartnersTurn,
    /// Every sheet not paid yet.
    Unpaid,
    /// Paid sheets.
    Paid,
}

crate::common::keyed::keyed!(SheetFilter {
    All => "all",
    ToCheck => "to-check",
    PartnersTurn => "partners-turn",
    Unpaid => "unpaid",
    Paid => "paid",
});

impl SheetFilter {
    /// Whether the list shows a sheet in this state.
    pub fn shows(self, state: SettlementState) -> bool {
        match self {
            SheetFilter::All => true,
            SheetFilter::ToCheck => state.awaits_provider_check(),
            SheetFilter::PartnersTurn => {
                matches!(state, SettlementState::Pending | SettlementState::Abnormal)
            }
            SheetFilter::Unpaid => state != SettlementState::Paid,
            SheetFilter::Paid => state == SettlementState::Paid,
        }
    }
}

/// A move a person asks for: the state, the day it took effect (received, found abnormal,
/// corrected, paid) and the reason (needed for an abnormal sheet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettlementMove {
    /// The state to move to.
    pub to: SettlementState,
    /// The day the move took effect.
    pub on: NaiveDate,
    /// Why (an abnormal sheet's reason).
    pub reason: Option<String>,
    /// The amount paid: required for the move to paid.
    pub paid: Option<crate::money::cny::Cny>,
}

/// Why a move a person asked for is refused, in the order the checks run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefused {
    /// The role does not make this move (see `SettlementState::moved_by`).
    #[error("{role:?} does not make the move to {to}")]
    NotTheirs {
        /// The role that asked.
        role: Role,
        /// The state's name.
        to: &'static str,
    },
    /// A move cannot be dated after today.
    #[error("the date is after today")]
    InFuture,
    /// A move cannot be dated before the first day of the sheet's month.
    #[error("the date is before {earliest}")]
    BeforeMonth {
        /// The first day of the sheet's month.
        earliest: NaiveDate,
    },
    /// The move to paid says how much was paid.
    #[error("the amount paid is required")]
    PaidAmountRequired,
    /// The state machine's refusal: not a next state, or no reason for an abnormal sheet.
    #[error(transparent)]
    Transition(#[from] TransitionError),
}
