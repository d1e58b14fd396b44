//! The reconciliation as a CSV file a spreadsheet opens as it is: a UTF-8 byte-order mark
//! (Excel reads a file without one in the system's code page, and Chinese turns to
//! mojibake), the company, basis and date first, then one line per month with its status,
//! next step and every amount with two decimals, and a totals line.

use leptos::prelude::*;

use crate::domain::Cny;
use crate::domain::common::csv::line;
use crate::domain::workbench::reconciliation::Reconciliation;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::invoice_kind_name as kind_name;
use crate::ui::components::time::today;
use crate::ui::workbench::month_words::{Side, difference_sentence, status_label, step_text};

/// Excel's sign that a CSV file is UTF-8.
const BOM: char = '\u{feff}';

/// The file, in the reader's language, for `company` on `basis`.
pub(super) fn csv(i18n: I18n, r: &Reconciliation, company: &str, basis: &str) -> String {
    let side = Side::of(
        crate::ui::context::AppContext::get()
            .session
            .with_untracked(|s| s.role),
    );
    let mut out = String::from(BOM);
    out.push_str(&line(&[t_string!(i18n, recon.x_company), company]));
    out.push_str(&line(&[t_string!(i18n, recon.x_basis), basis]));
    out.push_str(&line(&[
        t_string!(i18n, recon.x_exported).to_string(),
        today().to_string(),
    ]));
    out.push('\n');
    out.push_str(&line(&[
        t_string!(i18n, recon.c_month),
        t_string!(i18n, recon.c_company),
        t_string!(i18n, recon.x_status),
        t_string!(i18n, recon.x_next_step),
        t_string!(i18n, recon.c_billing),
        t_string!(i18n, recon.c_deduction),
        t_string!(i18n, recon.c_sheet),
        t_string!(i18n, recon.c_clawbacks),
        t_string!(i18n, recon.x_invoice_number),
        t_string!(i18n, recon.x_invoice_date),
        t_string!(i18n, recon.x_invoice_kind),
        t_string!(i18n, recon.c_invoice_amount),
        t_string!(i18n, recon.c_expected),
        t_string!(i18n, recon.c_paid),
        t_string!(i18n, recon.c_paid_on),
        t_string!(i18n, recon.c_gap),
        t_string!(i18n, recon.x_figures),
    ]));
    // Always two decimals (`Cny`'s plain form); empty where there is no figure.
    let plain = |v: Option<Cny>| v.map(|c| c.to_string()).unwrap_or_default();
    for m in &r.months {
        let s = m.sheet.as_ref();
        let inv = s.and_then(|s| s.invoice.as_ref());
        let gap = s.and_then(|s| Some(s.paid_amount? - s.expected_net?));
        let figures: Vec<String> = m
            .differences
            .iter()
            .map(|d| difference_sentence(i18n, d))
            .collect();
        out.push_str(&line(&[
            m.month.to_string(),
            m.company.clone(),
            status_label(i18n, side, &m.status, s.map(|s| s.state)),
            step_text(i18n, side, &m.status, s.map(|s| s.state)).unwrap_or_default(),
            plain(m.statement.map(|r| r.billing)),
            plain(m.statement.map(|r| r.deduction)),
            plain(s.map(|s| s.amount)),
            plain(s.map(|s| s.clawbacks)),
            inv.map(|i| i.number.clone()).unwrap_or_default(),
            inv.map(|i| i.date.to_string()).unwrap_or_default(),
            inv.map(|i| kind_name(i18n, i.kind)).unwrap_or_default(),
            plain(inv.map(|i| i.amount)),
            plain(s.and_then(|s| s.expected_net)),
            plain(s.and_then(|s| s.paid_amount)),
            s.and_then(|s| s.paid_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            plain(gap),
            figures.join(t_string!(i18n, common.item_sep)),
        ]));
    }
    let t = r.totals;
    let total = |c: Cny| c.to_string();
    out.push_str(&line(&[
        t_string!(i18n, recon.total).to_string(),
        String::new(),
        String::new(),
        String::new(),
        total(t.statement.billing),
        total(t.statement.deduction),
        total(t.sheets),
        total(t.clawbacks),
        String::new(),
        String::new(),
        String::new(),
        total(t.invoiced),
        total(t.expected),
        total(t.paid),
        String::new(),
        String::new(),
        String::new(),
    ]));
    out
}
