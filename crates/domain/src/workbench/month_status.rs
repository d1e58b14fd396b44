//! Where a settlement month stands — one answer, computed here once from the statement's
//! rebate, the sheet, its invoice and payment, the partner's arrears and the working-day
//! window, and said the same way on the home page, the to-dos, the reconciliation, its
//! CSV and its print. A month "agrees" only once it is paid and every figure matches.

use chrono::NaiveDate;

use crate::money::calendar::{PaymentWindow, WorkCalendar};
use crate::money::cny::Cny;
use crate::money::settlement::{PaymentHold, SettlementSheet, SettlementState};
use crate::money::statement::StatementBasis;

/// A figure that does not agree, with the figures that make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The provider paid something else than the invoice asks for.
    PaidDiffersFromExpected {
        /// What was paid.
        paid: Cny,
        /// What the invoice's kind says should be paid.
        expected: Cny,
    },
    /// The invoice amount is not the sheet amount (the guide forbids it).
    InvoiceDiffersFromSheet {
        /// The invoice's amount.
        invoice: Cny,
        /// The sheet's amount.
        sheet: Cny,
    },
    /// The sheet's rebate is not the statement's total on the settlement basis.
    SheetDiffersFromStatement {
        /// The sheet's rebate lines.
        sheet: Cny,
        /// The statement's total on `basis`.
        statement: Cny,
        /// The basis the sheet is held to (the settlement basis).
        basis: StatementBasis,
        /// The sheet agrees with the statement on the other basis: it was most likely
        /// made on that one.
        agrees_on_other: bool,
    },
    /// A month with rebate and, a month after it ended, no sheet.
    NoSheet {
        /// The statement's total on the settlement basis.
        statement: Cny,
    },
}

impl Difference {
    /// A stable name (test ids, the export).
    pub fn key(&self) -> &'static str {
        match self {
            Difference::PaidDiffersFromExpected { .. } => "paid-vs-expected",
            Difference::InvoiceDiffersFromSheet { .. } => "invoice-vs-sheet",
            Difference::SheetDiffersFromStatement { .. } => "sheet-vs-statement",
            Difference::NoSheet { .. } => "no-sheet",
        }
    }

    /// The gap, signed as what is there less what should be there: negative when the
    /// payment, invoice or sheet is short (少付, 少开), positive when it is over.
    pub fn gap(&self) -> Cny {
        match *self {
            Difference::PaidDiffersFromExpected { paid, expected } => paid - expected,
            Difference::InvoiceDiffersFromSheet { invoice, sheet } => invoice - sheet,
            Difference::SheetDiffersFromStatement {
                sheet, statement, ..
            } => sheet - statement,
            Difference::NoSheet { statement } => -statement,
        }
    }

    /// What the partner does about it.
    pub fn next_step(&self) -> NextStep {
        match self {
            Difference::PaidDiffersFromExpected { .. } | Difference::NoSheet { .. } => {
                NextStep::AskChannelManager
            }
            Difference::InvoiceDiffersFromSheet { .. } => NextStep::ReissueInvoice,
            Difference::SheetDiffersFromStatement {
                agrees_on_other: true,
                ..
            } => NextStep::CheckBasis,
            Difference::SheetDiffersFromStatement { .. } => NextStep::CheckBeforeSigning,
        }
    }
}

/// What someone does next about a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Print and stamp the sheet, issue the invoice for its amount, post both.
    SendDocuments,
    /// Correct the documents the provider flagged.
    CorrectDocuments,
    /// Ask the channel manager (a payment short, late or missing; no sheet).
    AskChannelManager,
    /// Issue the invoice again for the sheet's amount.
    ReissueInvoice,
    /// Check the sheet with the channel manager before signing it.
    CheckBeforeSigning,
    /// The sheet matches the other basis: confirm which basis the account settles on.
    CheckBasis,
    /// Pay the customers' arrears: payment resumes once they are paid.
    SettleArrears,
    /// Sign the partner agreement with the channel manager.
    SignAgreement,
    /// Nothing: wait for the provider.
    Wait,
}

/// Where a month stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthStatus {
    /// No rebate and no sheet: nothing to settle.
    NothingToSettle,
    /// Rebate, and its sheet is not due before the month after has ended.
    SheetNotYetDue,
    /// The sheet is issued: print, stamp, invoice and post.
    ToSend,
    /// The provider flagged the documents: correct them.
    ToCorrect,
    /// Posted; the provider has not received them yet.
    DocumentsSent,
    /// Received (or corrected, or verified): paid within this window.
    AwaitingPayment {
        /// The window payment is expected in.
        window: PaymentWindow,
    },
    /// Unpaid after the window's last day.
    Overdue {
        /// The window it was due in.
        window: PaymentWindow,
        /// Working days since the window's last day, today included.
        working_days: u32,
    },
    /// Payment held while the hold lasts (the amount still accrues).
    Held(PaymentHold),
    /// Paid, and the amount is what the invoice asked for.
    Paid {
        /// The day it was paid.
        on: NaiveDate,
        /// Working days after the window's last day it was paid (0: on time).
        late_by: u32,
    },
    /// Paid, but the amount paid or the invoice was never recorded (sheets stored before
    /// they were): there is nothing to hold the payment to.
    PaidUnchecked {
        /// The day it was paid.
        on: NaiveDate,
    },
    /// A figure does not agree: the most pressing difference.
    Differs(Difference),
}

impl MonthStatus {
    /// A stable name (test ids, the export).
    pub fn key(&self) -> &'static str {
        match self {
            MonthStatus::NothingToSettle => "nothing",
            MonthStatus::SheetNotYetDue => "not-yet-due",
            MonthStatus::ToSend => "to-send",
            MonthStatus::ToCorrect => "to-correct",
            MonthStatus::DocumentsSent => "documents-sent",
            MonthStatus::AwaitingPayment { .. } => "awaiting-payment",
            MonthStatus::Overdue { .. } => "overdue",
            MonthStatus::Held(_) => "held",
            MonthStatus::Paid { .. } => "paid",
            MonthStatus::PaidUnchecked { .. } => "paid-unchecked",
            MonthStatus::Differs(_) => "differs",
        }
    }

    /// Paid and every figure matches.
    pub fn agrees(&self) -> bool {
        matches!(self, MonthStatus::Paid { .. })
    }

    /// Settled: nothing is left to do (paid and matching, or nothing to settle).
    pub fn settled(&self) -> bool {
        matches!(
            self,
            MonthStatus::Paid { .. }
                | MonthStatus::PaidUnchecked { .. }
                | MonthStatus::NothingToSettle
        )
    }

    /// Something is wrong and someone must act: a difference, a late or held payment.
    pub fn needs_attention(&self) -> bool {
        matches!(
            self,
            MonthStatus::Differs(_) | MonthStatus::Overdue { .. } | MonthStatus::Held(_)
        )
    }

    /// What the partner does next.
    pub fn next_step(&self) -> NextStep {
        match self {
            MonthStatus::ToSend => NextStep::SendDocuments,
            MonthStatus::ToCorrect => NextStep::CorrectDocuments,
            MonthStatus::Overdue { .. } => NextStep::AskChannelManager,
            MonthStatus::Held(PaymentHold::Arrears) => NextStep::SettleArrears,
            MonthStatus::Held(_) => NextStep::SignAgreement,
            MonthStatus::Differs(d) => d.next_step(),
            _ => NextStep::Wait,
        }
    }
}

/// What a month's status is computed from.
#[derive(Clone, Copy, Debug)]
pub struct MonthFacts<'a> {
    /// The statement's total on the settlement basis and on the other one; `None` when
    /// the statement totals are not known (then the sheet is not held to them).
    pub statement: Option<(Cny, Cny)>,
    /// The basis the sheets are held to (the other basis is named when it agrees).
    pub basis: StatementBasis,
    /// The month's sheet.
    pub sheet: Option<&'a SettlementSheet>,
    /// Whether the sheet is due by now (the month after the month has ended).
    pub sheet_due: bool,
    /// Whether an associated customer owes arrears (which holds every payment).
    pub arrears: bool,
    /// Working days.
    pub calendar: &'a WorkCalendar,
    /// Today.
    pub today: NaiveDate,
}

/// Every difference of a month, most pressing first.
pub fn differences(f: &MonthFacts) -> Vec<Difference> {
    let statement = f.statement.map(|(on_basis, _)| on_basis);
    let Some(sheet) = f.sheet else {
        return match statement {
            Some(s) if f.sheet_due && !s.is_zero() => vec![Difference::NoSheet { statement: s }],
            _ => Vec::new(),
        };
    };
    let mut out = Vec::new();
    if sheet.state == SettlementState::Paid
        && let (Some(paid), Some(expected)) = (sheet.paid_amount, sheet.expected_net())
        && paid != expected
    {
        out.push(Difference::PaidDiffersFromExpected { paid, expected });
    }
    if let Some(invoice) = &sheet.invoice
        && invoice.amount != sheet.amount()
    {
        out.push(Difference::InvoiceDiffersFromSheet {
            invoice: invoice.amount,
            sheet: sheet.amount(),
        });
    }
    if let Some((on_basis, on_other)) = f.statement {
        let rebate = sheet.rebate();
        if rebate != on_basis {
            out.push(Difference::SheetDiffersFromStatement {
                sheet: rebate,
                statement: on_basis,
                basis: f.basis,
                agrees_on_other: rebate == on_other,
            });
        }
    }
    out
}

/// The basis that is not `basis`.
pub fn other(basis: StatementBasis) -> StatementBasis {
    match basis {
        StatementBasis::BillingPeriod => StatementBasis::DeductionPeriod,
        StatementBasis::DeductionPeriod => StatementBasis::BillingPeriod,
    }
}

/// Where the month stands. A difference comes first (someone must act on it whatever the
/// paperwork's stage); then the partner's own paperwork; then a hold; then the window.
pub fn month_status(f: &MonthFacts) -> MonthStatus {
    if let Some(d) = differences(f).into_iter().next() {
        return MonthStatus::Differs(d);
    }
    let Some(sheet) = f.sheet else {
        return match f.statement {
            Some((s, _)) if !s.is_zero() => MonthStatus::SheetNotYetDue,
            // Unknown totals and no sheet: nothing stored to settle.
            _ => MonthStatus::NothingToSettle,
        };
    };
    let window = sheet.payment_window(f.calendar);
    match sheet.state {
        SettlementState::Paid => {
            let on = sheet.paid_on.unwrap_or(f.today);
            if sheet.paid_amount.is_none() || sheet.invoice.is_none() {
                return MonthStatus::PaidUnchecked { on };
            }
            let late_by = window.map_or(0, |w| f.calendar.working_days_after(w.latest, on).value);
            MonthStatus::Paid { on, late_by }
        }
        SettlementState::Pending => MonthStatus::ToSend,
        SettlementState::Abnormal => MonthStatus::ToCorrect,
        _ => {
            let hold = crate::money::settlement::payment_hold(f.arrears, sheet.contract_on_file);
            if hold != PaymentHold::Normal {
                return MonthStatus::Held(hold);
            }
            match window {
                None => MonthStatus::DocumentsSent,
                Some(window) => {
                    let late = f.calendar.working_days_after(window.latest, f.today).value;
                    if late > 0 {
                        MonthStatus::Overdue {
                            window,
                            working_days: late,
                        }
                    } else {
                        MonthStatus::AwaitingPayment { window }
                    }
                }
            }
        }
    }
}
