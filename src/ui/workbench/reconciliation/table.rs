//! The months side by side: statement, sheet, invoice, payment, differences.

use leptos::prelude::*;

use super::words::difference_text;
use crate::domain::Cny;
use crate::domain::workbench::reconciliation::{MonthLine, Reconciliation};
use crate::i18n::*;
use crate::ui::components::money::invoice_kind_name as kind_name;
use crate::ui::components::money::money;
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::tr;

fn amount(value: Option<Cny>) -> String {
    value.map_or_else(|| "—".to_string(), money)
}

/// The table, newest month first, with the totals below.
#[component]
pub(super) fn LedgerTable(#[prop(into)] ledger: Signal<Reconciliation>) -> impl IntoView {
    let i18n = use_i18n();
    let base = AppContext::get().config.with_value(|c| c.route_base());
    let row = move |m: MonthLine| {
        let differs = !m.differences.is_empty();
        let sheet = m.sheet.clone();
        let month = m.month.to_string();
        let text = month.clone();
        let month_cell = match &sheet {
            Some(s) => {
                view! { <Link href=format!("{base}/settlements/{}", s.id)>{text}</Link> }.into_any()
            }
            None => month.clone().into_any(),
        };
        let invoice = sheet.as_ref().and_then(|s| s.invoice.clone());
        let differences = m
            .differences
            .iter()
            .map(|d| view! { <li data-difference=d.key()>{difference_text(i18n, d)}</li> })
            .collect_view();
        view! {
            <tr data-month=month class:pc-differs=differs>
                <th scope="row">{month_cell}</th>
                <td>{m.company.clone()}</td>
                <td class="pc-num" data-testid="recon-billing">{money(m.statement.billing)}</td>
                <td class="pc-num" data-testid="recon-deduction">{money(m.statement.deduction)}</td>
                <td class="pc-num" data-testid="recon-sheet">{amount(sheet.as_ref().map(|s| s.amount))}</td>
                <td class="pc-num" class:pc-negative=sheet.as_ref().is_some_and(|s| s.clawbacks.is_negative())>
                    {amount(sheet.as_ref().map(|s| s.clawbacks))}
                </td>
                <td data-testid="recon-invoice">
                    {match invoice {
                        Some(inv) => view! {
                            <span class="pc-line">{inv.number.clone()}</span>
                            <span class="pc-line pc-muted">{format!("{} · {}", inv.date, kind_name(i18n, inv.kind))}</span>
                            <span class="pc-line">{money(inv.amount)}</span>
                        }.into_any(),
                        None => "—".into_any(),
                    }}
                </td>
                <td class="pc-num" data-testid="recon-expected">{amount(sheet.as_ref().and_then(|s| s.expected_net))}</td>
                <td class="pc-num" data-testid="recon-paid">{amount(sheet.as_ref().and_then(|s| s.paid_amount))}</td>
                <td>{sheet.as_ref().and_then(|s| s.paid_on).map_or_else(|| "—".to_string(), |d| d.to_string())}</td>
                <td data-testid="recon-differences">
                    {if differs {
                        view! { <ul class="pc-differences">{differences}</ul> }.into_any()
                    } else {
                        view! { <span class="pc-met">{tr(i18n, |i| t_string!(i, recon.agrees))}</span> }.into_any()
                    }}
                </td>
            </tr>
        }
    };
    view! {
        // Focusable, so the keyboard can scroll it when it is wider than the screen.
        <div class="pc-recon-wrap" tabindex="0" role="region" aria-labelledby="pc-recon-heading">
        <table class="pc-table pc-recon-table" data-testid="recon-table">
            <caption class="pc-visually-hidden">{tr(i18n, |i| t_string!(i, recon.caption))}</caption>
            <thead><tr>
                <th scope="col">{tr(i18n, |i| t_string!(i, recon.c_month))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, recon.c_company))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, recon.c_billing))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, recon.c_deduction))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, recon.c_sheet))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, recon.c_clawbacks))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, recon.c_invoice))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, recon.c_expected))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, recon.c_paid))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, recon.c_paid_on))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, recon.c_differences))}</th>
            </tr></thead>
            <tbody>{move || ledger.get().months.into_iter().map(&row).collect_view()}</tbody>
            <tfoot>{move || {
                let t = ledger.get().totals;
                view! {
                    <tr>
                        <th scope="row" colspan="2">{tr(i18n, |i| t_string!(i, recon.total))}</th>
                        <td class="pc-num" data-testid="recon-total-billing">{money(t.statement.billing)}</td>
                        <td class="pc-num">{money(t.statement.deduction)}</td>
                        <td class="pc-num" data-testid="recon-total-sheets">{money(t.sheets)}</td>
                        <td class="pc-num">{money(t.clawbacks)}</td>
                        <td></td>
                        <td></td>
                        <td class="pc-num">{money(t.paid)}</td>
                        <td></td>
                        <td></td>
                    </tr>
                }
            }}</tfoot>
        </table>
        </div>
    }
}
