//! The months side by side. On a laptop the month and its status stay on the left while
//! the figures scroll under them (inside a box no taller than the window, so its
//! scrollbar is in view); on a phone each month is a card of labelled figures (CSS,
//! from each cell's `data-label`); on paper every column fits an A4 landscape page.

use leptos::prelude::*;

use crate::domain::Cny;
use crate::domain::workbench::reconciliation::{MonthLine, Reconciliation};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::invoice_kind_name as kind_name;
use crate::ui::components::money::money;
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::tr;
use crate::ui::workbench::month_words::{
    MonthStatusView, Side, difference_figures, difference_sentence,
};

fn amount(value: Option<Cny>) -> String {
    value.map_or_else(|| "—".to_string(), money)
}

/// What was paid less what was due, once both are known.
fn gap(line: &MonthLine) -> Option<Cny> {
    let s = line.sheet.as_ref()?;
    Some(s.paid_amount? - s.expected_net?)
}

/// A column's heading text, also each cell's label on a phone.
type Label = fn(I18n) -> &'static str;

const BILLING: Label = |i| t_string!(i, recon.c_billing);
const DEDUCTION: Label = |i| t_string!(i, recon.c_deduction);
const SHEET: Label = |i| t_string!(i, recon.c_sheet);
const CLAWBACKS: Label = |i| t_string!(i, recon.c_clawbacks);
const INVOICE: Label = |i| t_string!(i, recon.c_invoice);
const INVOICE_AMOUNT: Label = |i| t_string!(i, recon.c_invoice_amount);
const EXPECTED: Label = |i| t_string!(i, recon.c_expected);
const PAID: Label = |i| t_string!(i, recon.c_paid);
const PAID_ON: Label = |i| t_string!(i, recon.c_paid_on);
const GAP: Label = |i| t_string!(i, recon.c_gap);
const COMPANY: Label = |i| t_string!(i, recon.c_company);

/// A figure's cell: right-aligned, labelled for the phone's card.
#[component]
fn Num(
    label: Label,
    value: String,
    #[prop(optional)] id: &'static str,
    #[prop(optional)] negative: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let none = value == "—";
    view! {
        <td class="pc-num" class:pc-negative=negative class:pc-recon-none=none data-label=move || label(i18n) data-testid=id>{value}</td>
    }
}

/// The table, newest month first, with the totals below. `names_vary`: a rename made
/// months carry different company names, so each month shows its own.
#[component]
pub(super) fn LedgerTable(ledger: Reconciliation, names_vary: bool) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = AppContext::get();
    let base = ctx.config.with_value(|c| c.route_base());
    let side = Side::of(ctx.session.with_untracked(|s| s.role));
    let row = move |m: MonthLine| {
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
        // The first difference is the status itself: its figures alone; the others
        // each with their gap.
        let figures = m
            .differences
            .iter()
            .enumerate()
            .map(|(k, d)| {
                let text = if k == 0 {
                    difference_figures(i18n, d)
                } else {
                    difference_sentence(i18n, d)
                };
                view! { <li data-difference=d.key()>{text}</li> }
            })
            .collect_view();
        let gap = gap(&m);
        let s = sheet.as_ref();
        view! {
            <tr data-month=month class:pc-differs=!m.differences.is_empty() data-status=m.status.key()>
                <th scope="row" class="pc-recon-month">{month_cell}</th>
                <td class="pc-recon-status" data-testid="recon-status">
                    <MonthStatusView status=m.status.clone() side sheet=s.map(|s| s.state)/>
                    {(!m.differences.is_empty()).then(|| view! { <ul class="pc-differences">{figures}</ul> })}
                </td>
                {names_vary.then(|| view! { <td data-label=move || COMPANY(i18n)>{m.company.clone()}</td> })}
                <Num label=BILLING id="recon-billing" value=amount(m.statement.map(|r| r.billing))/>
                <Num label=DEDUCTION id="recon-deduction" value=amount(m.statement.map(|r| r.deduction))/>
                <Num label=SHEET id="recon-sheet" value=amount(s.map(|s| s.amount))/>
                <Num label=CLAWBACKS value=amount(s.map(|s| s.clawbacks)) negative=s.is_some_and(|s| s.clawbacks.is_negative())/>
                <td data-testid="recon-invoice" class:pc-recon-none=invoice.is_none() data-label=move || INVOICE(i18n)>
                    {match &invoice {
                        Some(inv) => view! {
                            <span class="pc-line">{inv.number.clone()}</span>
                            <span class="pc-line pc-muted">{format!("{} · {}", inv.date, kind_name(i18n, inv.kind))}</span>
                        }.into_any(),
                        None => "—".into_any(),
                    }}
                </td>
                <Num label=INVOICE_AMOUNT id="recon-invoice-amount" value=amount(invoice.as_ref().map(|i| i.amount))/>
                <Num label=EXPECTED id="recon-expected" value=amount(s.and_then(|s| s.expected_net))/>
                <Num label=PAID id="recon-paid" value=amount(s.and_then(|s| s.paid_amount))/>
                <td data-label=move || PAID_ON(i18n) class:pc-recon-none=s.and_then(|s| s.paid_on).is_none()>{s.and_then(|s| s.paid_on).map_or_else(|| "—".to_string(), |d| d.to_string())}</td>
                <Num label=GAP id="recon-gap" value=amount(gap) negative=gap.is_some_and(Cny::is_negative)/>
            </tr>
        }
    };
    let t = ledger.totals;
    let rows = ledger.months.into_iter().map(row).collect_view();
    let head = |label: Label, num: bool| {
        view! { <th scope="col" class:pc-num=num>{tr(i18n, label)}</th> }
    };
    view! {
        // Focusable, so the keyboard can scroll it when it is wider than the screen.
        <div class="pc-recon-wrap" tabindex="0" role="region" aria-labelledby="pc-recon-heading">
        <table class="pc-table pc-recon-table" data-testid="recon-table">
            <caption class="pc-visually-hidden">{tr(i18n, |i| t_string!(i, recon.caption))}</caption>
            <thead><tr>
                <th scope="col" class="pc-recon-month">{tr(i18n, |i| t_string!(i, recon.c_month))}</th>
                <th scope="col" class="pc-recon-status">{tr(i18n, |i| t_string!(i, recon.c_status))}</th>
                {names_vary.then(|| head(COMPANY, false))}
                {head(BILLING, true)}
                {head(DEDUCTION, true)}
                {head(SHEET, true)}
                {head(CLAWBACKS, true)}
                {head(INVOICE, false)}
                {head(INVOICE_AMOUNT, true)}
                {head(EXPECTED, true)}
                {head(PAID, true)}
                {head(PAID_ON, false)}
                {head(GAP, true)}
            </tr></thead>
            <tbody>{rows}</tbody>
            <tfoot>
                <tr data-testid="recon-totals">
                    <th scope="row" class="pc-recon-month">{tr(i18n, |i| t_string!(i, recon.total))}</th>
                    <td class="pc-recon-status"></td>
                    {names_vary.then(|| view! { <td></td> })}
                    <Num label=BILLING id="recon-total-billing" value=money(t.statement.billing)/>
                    <Num label=DEDUCTION value=money(t.statement.deduction)/>
                    <Num label=SHEET id="recon-total-sheets" value=money(t.sheets)/>
                    <Num label=CLAWBACKS value=money(t.clawbacks) negative=t.clawbacks.is_negative()/>
                    <td class="pc-recon-empty"></td>
                    <Num label=INVOICE_AMOUNT value=money(t.invoiced)/>
                    <Num label=EXPECTED id="recon-total-expected" value=money(t.expected)/>
                    <Num label=PAID id="recon-total-paid" value=money(t.paid)/>
                    <td class="pc-recon-empty"></td>
                    <td class="pc-recon-empty"></td>
                </tr>
            </tfoot>
        </table>
        </div>
    }
}
