//! The reconciliation in words: each difference with its figures, and the invoice kinds.

use crate::domain::workbench::reconciliation::Difference;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;

/// A difference as a sentence naming its reason and figures.
pub(super) fn difference_text(i18n: I18n, d: &Difference) -> String {
    match d {
        Difference::SheetDiffersFromStatement { sheet, statement } => t_string!(
            i18n,
            recon.d_sheet,
            sheet = money(*sheet),
            statement = money(*statement)
        )
        .to_string(),
        Difference::InvoiceDiffersFromSheet { invoice, sheet } => t_string!(
            i18n,
            recon.d_invoice,
            invoice = money(*invoice),
            sheet = money(*sheet)
        )
        .to_string(),
        Difference::PaidDiffersFromExpected { paid, expected } => t_string!(
            i18n,
            recon.d_paid,
            paid = money(*paid),
            expected = money(*expected)
        )
        .to_string(),
        Difference::NoSheet { statement } => {
            t_string!(i18n, recon.d_no_sheet, statement = money(*statement)).to_string()
        }
        Difference::PaidLate { paid_on, latest } => t_string!(
            i18n,
            recon.d_late,
            paid = paid_on.to_string(),
            latest = latest.to_string()
        )
        .to_string(),
    }
}
