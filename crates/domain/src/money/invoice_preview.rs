//! The tax effect of the invoice a partner issues for its rebate (RULES §Invoice preview).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::cny::Cny;

/// The invoice the partner will issue to the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InvoiceKind {
    /// 增值税专用发票: the rebate is paid in full.
    SpecialVat,
    /// 增值税普通发票: 6% of the settlement amount is deducted, and the partner must
    /// agree in writing to receive the reduced amount.
    GeneralVat,
}

impl InvoiceKind {
    /// Both kinds, in the order the preview shows them.
    pub const ALL: [InvoiceKind; 2] = [InvoiceKind::SpecialVat, InvoiceKind::GeneralVat];

    /// The share deducted from the settlement for this invoice kind.
    pub fn deduction_rate(self) -> Decimal {
        match self {
            InvoiceKind::SpecialVat => Decimal::ZERO,
            InvoiceKind::GeneralVat => Decimal::new(6, 2),
        }
    }

    /// Whether the partner must confirm in writing that it accepts the reduced amount.
    pub fn needs_written_consent(self) -> bool {
        matches!(self, InvoiceKind::GeneralVat)
    }
}

/// Amount, deduction and net for one invoice kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoicePreview {
    /// The invoice kind previewed.
    pub kind: InvoiceKind,
    /// The settlement total the invoice is for.
    pub amount: Cny,
    /// What the provider withholds: half-up(amount × rate), to the fen.
    pub deduction: Cny,
    /// What the partner receives: amount − deduction.
    pub net: Cny,
}

impl InvoicePreview {
    /// Previews one invoice kind for a settlement total. The deduction is computed once,
    /// on the total (never per line, which would round differently).
    pub fn new(kind: InvoiceKind, amount: Cny) -> Self {
        let deduction = amount.times(kind.deduction_rate());
        InvoicePreview {
            kind,
            amount,
            deduction,
            net: amount - deduction,
        }
    }

    /// Both kinds side by side.
    pub fn both(amount: Cny) -> [InvoicePreview; 2] {
        InvoiceKind::ALL.map(|k| InvoicePreview::new(k, amount))
    }
}
