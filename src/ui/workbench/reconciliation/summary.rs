//! The line above the table: how many months stand where — never "all agree" while a
//! month is unpaid — and, when months differ only because their sheets match the other
//! basis, that the basis is to be checked.

use leptos::prelude::*;

use crate::domain::money::statement::StatementBasis;
use crate::domain::workbench::month_status::other;
use crate::domain::workbench::reconciliation::LedgerTotals;
use crate::i18n::*;
use crate::ui::components::list;
use crate::ui::workbench::month_words::basis_name;

/// The summary of the months, toned by the worst of them.
#[component]
pub(super) fn Summary(totals: LedgerTotals, basis: StatementBasis) -> impl IntoView {
    let i18n = use_i18n();
    let t = totals;
    let months = t.months_agreeing
        + t.months_in_progress
        + t.months_late_or_held
        + t.months_with_differences
        + t.months_other;
    let text = if t.months_agreeing == months {
        t_string!(i18n, recon.summary_all_agree, months = months).to_string()
    } else {
        // The worst first; a kind with no month is left out.
        let parts = [
            (
                t.months_with_differences,
                t_string!(i18n, recon.p_differ, count = t.months_with_differences).to_string(),
            ),
            (
                t.months_late_or_held,
                t_string!(i18n, recon.p_late, count = t.months_late_or_held).to_string(),
            ),
            (
                t.months_in_progress,
                t_string!(i18n, recon.p_progress, count = t.months_in_progress).to_string(),
            ),
            (
                t.months_agreeing,
                t_string!(i18n, recon.p_agree, count = t.months_agreeing).to_string(),
            ),
            (
                t.months_other,
                t_string!(i18n, recon.p_other, count = t.months_other).to_string(),
            ),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(_, text)| text);
        t_string!(
            i18n,
            recon.summary_parts,
            months = months,
            parts = list(i18n, parts)
        )
        .to_string()
    };
    let other_basis = (t.months_agreeing_on_other_basis > 0).then(|| {
        t_string!(
            i18n,
            recon.summary_other_basis,
            count = t.months_agreeing_on_other_basis,
            basis = basis_name(i18n, other(basis))
        )
        .to_string()
    });
    let tone = if t.months_with_differences + t.months_late_or_held > 0 {
        "pc-alert pc-alert-warn"
    } else if t.months_agreeing == months {
        "pc-alert pc-alert-ok"
    } else {
        "pc-alert"
    };
    view! {
        <div class=format!("{tone} pc-print-keep") role="status" data-testid="recon-summary">
            <p>{text}</p>
            {other_basis.map(|o| view! { <p data-testid="recon-other-basis">{o}</p> })}
        </div>
    }
}
