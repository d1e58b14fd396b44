//! The invoice the partner records for a settlement sheet, and the payment the provider
//! records when it pays (RULES §Settlement). The guide's rule: the invoice amount must
//! equal the rebate amount the provider notified — the sheet's amount — to the fen.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{SettlementSheet, SettlementState};
use crate::money::cny::Cny;
use crate::money::invoice_preview::{InvoiceKind, InvoicePreview};

/// An invoice the partner issued for a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceRecord {
    /// 发票号码: 8 digits on a paper invoice, 20 on a fully digital (数电) one.
    pub number: String,
    /// 开票日期.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub date: NaiveDate,
    /// Special or general VAT invoice.
    pub kind: InvoiceKind,
    /// 发票金额.
    pub amount: Cny,
}

/// The invoice's fields, for messages shown at the field they concern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceField {
    /// 发票号码.
    Number,
    /// 开票日期.
    Date,
    /// 发票金额.
    Amount,
}

/// Why an invoice is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvoiceProblem {
    /// The number is not 8 or 20 digits.
    NumberFormat,
    /// Dated after today.
    DateInFuture,
    /// Dated before the sheet's month began.
    DateBeforeMonth {
        /// The first day allowed.
        earliest: NaiveDate,
    },
    /// The amount is not the sheet's amount, which the guide forbids.
    AmountDiffers {
        /// The sheet's amount, the only one allowed.
        sheet: Cny,
    },
    /// The sheet is past the point where its paperwork changes (verified or paid).
    Locked {
        /// Where the sheet stands.
        state: SettlementState,
    },
}

impl InvoiceProblem {
    /// The field the problem concerns (`None`: the sheet as a whole).
    pub fn field(&self) -> Option<InvoiceField> {
        match self {
            InvoiceProblem::NumberFormat => Some(InvoiceField::Number),
            InvoiceProblem::DateInFuture | InvoiceProblem::DateBeforeMonth { .. } => {
                Some(InvoiceField::Date)
            }
            InvoiceProblem::AmountDiffers { .. } => Some(InvoiceField::Amount),
            InvoiceProblem::Locked { .. } => None,
        }
    }
}

/// Whether an invoice number has a shape an invoice can carry.
pub fn invoice_number_ok(number: &str) -> bool {
    matches!(number.len(), 8 | 20) && number.bytes().all(|b| b.is_ascii_digit())
}

impl SettlementSheet {
    /// Whether the partner may still record (or replace) the sheet's invoice: until the
    /// provider has verified it.
    pub fn invoice_open(&self) -> bool {
        !matches!(
            self.state,
            SettlementState::Verified | SettlementState::Paid
        )
    }

    /// Every problem with recording `invoice` on this sheet on `today` (empty: none).
    pub fn check_invoice(&self, invoice: &InvoiceRecord, today: NaiveDate) -> Vec<InvoiceProblem> {
        let mut problems = Vec::new();
        if !self.invoice_open() {
            problems.push(InvoiceProblem::Locked { state: self.state });
        }
        if !invoice_number_ok(invoice.number.trim()) {
            problems.push(InvoiceProblem::NumberFormat);
        }
        let earliest = self.month.first_day();
        if invoice.date > today {
            problems.push(InvoiceProblem::DateInFuture);
        } else if invoice.date < earliest {
            problems.push(InvoiceProblem::DateBeforeMonth { earliest });
        }
        if invoice.amount != self.amount() {
            problems.push(InvoiceProblem::AmountDiffers {
                sheet: self.amount(),
            });
        }
        problems
    }

    /// Records the invoice, or refuses it with every problem and changes nothing.
    pub fn record_invoice(
        &mut self,
        mut invoice: InvoiceRecord,
        today: NaiveDate,
    ) -> Result<(), Vec<InvoiceProblem>> {
        let problems = self.check_invoice(&invoice, today);
        if !problems.is_empty() {
            return Err(problems);
        }
        invoice.number = invoice.number.trim().to_string();
        self.invoice = Some(invoice);
        Ok(())
    }

    /// What the provider is expected to pay for this sheet given its invoice: the whole
    /// amount on a special VAT invoice, less 6 % on a general one. `None` until an invoice
    /// is recorded (the kind decides).
    pub fn expected_net(&self) -> Option<Cny> {
        self.invoice
            .as_ref()
            .map(|inv| InvoicePreview::new(inv.kind, self.amount()).net)
    }
}
