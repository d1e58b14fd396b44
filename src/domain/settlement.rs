//! Settlement sheets and their payment (SPEC §3.9).

use serde::{Deserialize, Serialize};

use super::transition::TransitionError;

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

/// Why a settlement is (not) being paid, in the guide's three cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentHold {
    /// Nothing holds payment.
    Normal,
    /// The partner has arrears (欠费): payment is held, the amount still accrues.
    Arrears,
    /// The partner agreement is missing.
    ContractMissing,
}

/// The hold that applies: arrears first, then a missing contract.
pub fn payment_hold(has_arrears: bool, contract_on_file: bool) -> PaymentHold {
    if has_arrears {
        PaymentHold::Arrears
    } else if !contract_on_file {
        PaymentHold::ContractMissing
    } else {
        PaymentHold::Normal
    }
}
