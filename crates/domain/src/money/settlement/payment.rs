//! Whether and when a sheet is paid: the guide's three cases (normal, arrears, a missing
//! contract) and the outlook a partner reads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{SettlementSheet, SettlementState};
use crate::money::calendar::{PaymentWindow, WorkCalendar};

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

/// When a sheet will be paid, as the partner should read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentOutlook {
    /// Paid on that day.
    Paid(NaiveDate),
    /// Not being paid while the hold lasts (arrears, a missing contract): no window is
    /// promised, whatever the documents' state.
    Held(PaymentHold),
    /// Expected within this window.
    Expected(PaymentWindow),
    /// The window starts once the provider has received the documents.
    AwaitingReceipt,
}

impl SettlementSheet {
    /// The payment outlook under `hold` (see [`payment_hold`]).
    pub fn outlook(&self, hold: PaymentHold, calendar: &WorkCalendar) -> PaymentOutlook {
        if let Some(day) = self.paid_on.filter(|_| self.state == SettlementState::Paid) {
            return PaymentOutlook::Paid(day);
        }
        if hold != PaymentHold::Normal {
            return PaymentOutlook::Held(hold);
        }
        self.expected_payment(calendar)
            .map_or(PaymentOutlook::AwaitingReceipt, PaymentOutlook::Expected)
    }
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
