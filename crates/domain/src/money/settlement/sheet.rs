//! A settlement sheet: its lines (clawbacks included), the paperwork checklist, and the
//! moves that take it from issued to paid.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{InvoiceRecord, MoveRefused, SettlementMove, SettlementState};
use crate::common::transition::{
    Actor, StateChange, TransitionError, record_move, required_reason,
};
use crate::money::calendar::{PaymentWindow, WorkCalendar};
use crate::money::cny::Cny;
use crate::money::month::YearMonth;

/// What a line of a settlement sheet is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineKind {
    /// The rebate of a statement month.
    Rebate(YearMonth),
    /// A clawback (a customer's refund of an earlier month): a negative line that
    /// reduces this settlement.
    Clawback {
        /// The customer whose refund it is.
        customer_uin: String,
        /// The month the refunded rebate was paid for.
        month: YearMonth,
    },
}

/// One line of a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementLine {
    /// What it is for.
    pub kind: LineKind,
    /// Its amount (negative for a clawback).
    pub amount: Cny,
}

/// The paperwork the guide asks for, as a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChecklistItem {
    /// The sheet printed on A4 and stamped with the company or finance seal.
    PrintedAndStamped,
    /// The invoice amount exactly equals the sheet.
    AmountMatches,
    /// The invoice stapled to the sheet.
    Stapled,
    /// A special invoice carries the invoice seal.
    InvoiceSealed,
    /// An electronic special invoice printed twice.
    ElectronicPrintedTwice,
}

crate::common::keyed::keyed!(ChecklistItem {
    PrintedAndStamped => "printed-and-stamped",
    AmountMatches => "amount-matches",
    Stapled => "stapled",
    InvoiceSealed => "invoice-sealed",
    ElectronicPrintedTwice => "electronic-printed-twice",
});

impl ChecklistItem {
    /// Every item, in the order to do them.
    pub const ALL: [ChecklistItem; 5] = [
        ChecklistItem::PrintedAndStamped,
        ChecklistItem::AmountMatches,
        ChecklistItem::Stapled,
        ChecklistItem::InvoiceSealed,
        ChecklistItem::ElectronicPrintedTwice,
    ];
}

/// A settlement sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementSheet {
    /// Unique id (`2026-03`).
    pub id: String,
    /// The settlement month.
    pub month: YearMonth,
    /// Its lines; the amount is their sum.
    pub lines: Vec<SettlementLine>,
    /// Where it stands.
    pub state: SettlementState,
    /// Every state change.
    pub history: Vec<StateChange<SettlementState>>,
    /// When the provider received the documents.
    #[serde(default, deserialize_with = "crate::common::iso::opt_date")]
    pub received_on: Option<NaiveDate>,
    /// When an abnormal sheet was corrected.
    #[serde(default, deserialize_with = "crate::common::iso::opt_date")]
    pub corrected_on: Option<NaiveDate>,
    /// When it was paid.
    #[serde(default, deserialize_with = "crate::common::iso::opt_date")]
    pub paid_on: Option<NaiveDate>,
    /// Whether the partner agreement is on file.
    pub contract_on_file: bool,
    /// The checklist items the partner has ticked.
    #[serde(default)]
    pub checked: Vec<ChecklistItem>,
    /// The invoice the partner recorded for the sheet (absent on sheets stored before
    /// invoices were recorded).
    #[serde(default)]
    pub invoice: Option<InvoiceRecord>,
    /// The amount the provider paid, recorded with the paid day.
    #[serde(default)]
    pub paid_amount: Option<Cny>,
}

impl SettlementSheet {
    /// The settlement amount: the sum of the lines, clawbacks included.
    pub fn amount(&self) -> Cny {
        self.lines.iter().map(|l| l.amount).sum()
    }

    /// The sum of the rebate lines (what the statement's month total is held to).
    pub fn rebate(&self) -> Cny {
        self.lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Rebate(_)))
            .map(|l| l.amount)
            .sum()
    }

    /// The sum of the negative lines.
    pub fn clawbacks(&self) -> Cny {
        self.lines
            .iter()
            .map(|l| l.amount)
            .filter(|a| a.is_negative())
            .sum()
    }

    /// When payment is expected: 7 working days after a correction, else 10–15 after
    /// the documents were received; nothing before they are received or once paid.
    pub fn expected_payment(&self, calendar: &WorkCalendar) -> Option<PaymentWindow> {
        if self.state == SettlementState::Paid {
            return None;
        }
        self.payment_window(calendar)
    }

    /// The window payment was due in, paid or not (whether a paid sheet was paid late).
    pub fn payment_window(&self, calendar: &WorkCalendar) -> Option<PaymentWindow> {
        match (self.corrected_on, self.received_on) {
            (Some(corrected), _) => Some(calendar.payment_after_correction(corrected)),
            (None, Some(received)) => Some(calendar.payment_window(received)),
            _ => None,
        }
    }

    /// Makes a move a person asked for on `today`: their role makes it, its date is
    /// neither after today nor before the sheet's month, and the state machine allows it.
    /// Nothing changes when it is refused.
    pub fn make_move(
        &mut self,
        today: NaiveDate,
        actor: Actor,
        mv: SettlementMove,
        at: DateTime<Utc>,
    ) -> Result<(), MoveRefused> {
        if !mv.to.moved_by(actor.role) {
            return Err(MoveRefused::NotTheirs {
                role: actor.role,
                to: mv.to.name(),
            });
        }
        if mv.on > today {
            return Err(MoveRefused::InFuture);
        }
        let earliest = self.month.first_day();
        if mv.on < earliest {
            return Err(MoveRefused::BeforeMonth { earliest });
        }
        let paid = match (mv.to, mv.paid) {
            (SettlementState::Paid, None) => return Err(MoveRefused::PaidAmountRequired),
            (SettlementState::Paid, paid) => paid,
            _ => None,
        };
        self.advance(mv.to, mv.on, at, actor, mv.reason)?;
        if paid.is_some() {
            self.paid_amount = paid;
        }
        Ok(())
    }

    /// Moves the sheet on, dating the move `on` (the received, corrected or paid day)
    /// and recording who did it. An abnormal sheet needs a reason. The state machine
    /// alone: a person's move goes through `make_move`, which checks role and date first.
    pub fn advance(
        &mut self,
        to: SettlementState,
        on: NaiveDate,
        at: DateTime<Utc>,
        actor: Actor,
        reason: Option<String>,
    ) -> Result<(), TransitionError> {
        let next = self.state.advance(to)?;
        let reason = match (to, reason) {
            (SettlementState::Abnormal, r) => Some(required_reason(r.as_deref().unwrap_or(""))?),
            (_, r) => r.filter(|r| !r.trim().is_empty()),
        };
        match next {
            SettlementState::Received => self.received_on = Some(on),
            SettlementState::Corrected => self.corrected_on = Some(on),
            SettlementState::Paid => self.paid_on = Some(on),
            _ => {}
        }
        record_move(&mut self.state, &mut self.history, next, at, actor, reason);
        if let Some(change) = self.history.last_mut() {
            change.on = Some(on);
        }
        Ok(())
    }
}
