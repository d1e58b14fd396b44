//! Sums of what the filters show: overall, per month (with the invoice preview of a
//! month) and per customer.

use leptos::prelude::*;

use super::Statements;
use crate::domain::{Cny, YearMonth};
use crate::i18n::*;
use crate::ui::components::money::{TaxPreview, money};
use crate::ui::tr;

/// How many customers the per-customer table shows at first (and adds per "more").
const CUSTOMERS_STEP: usize = 20;

/// The overall totals.
#[component]
pub(super) fn Summary(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || st.view.with(|v| v.total);
    view! {
        <dl class="pc-figures" data-testid="statement-summary">
            <div><dt>{tr(i18n, |i| t_string!(i, stmt.total_rows))}</dt><dd data-testid="total-rows">{move || total().rows}</dd></div>
            <div><dt>{tr(i18n, |i| t_string!(i, stmt.total_consumption))}</dt><dd class="pc-num" data-testid="total-consumption">{move || money(total().consumption)}</dd></div>
            <div><dt>{tr(i18n, |i| t_string!(i, stmt.total_rebate))}</dt><dd class="pc-num" data-testid="total-rebate">{move || money(total().rebate)}</dd></div>
        </dl>
    }
}

/// Totals per statement month, each with its invoice preview.
#[component]
pub(super) fn MonthTotals(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(None::<YearMonth>);
    // The preview follows the chosen month, else the latest month shown.
    let preview_month = move || {
        st.view.with(|v| {
            chosen
                .get()
                .filter(|m| v.by_month.iter().any(|(x, _)| x == m))
                .or_else(|| v.by_month.last().map(|(m, _)| *m))
        })
    };
    let preview_amount = Signal::derive(move || {
        let m = preview_month();
        st.view.with(|v| {
            v.by_month
                .iter()
                .find(|(x, _)| Some(*x) == m)
                .map_or(Cny::ZERO, |(_, t)| t.rebate)
        })
    });
    view! {
        <section class="pc-card" aria-labelledby="pc-month-totals">
            <h2 id="pc-month-totals">{tr(i18n, |i| t_string!(i, stmt.by_month))}</h2>
            <table class="pc-table pc-table-middle" data-testid="month-totals">
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, stmt.col_month))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.total_rows))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.col_consumption))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.col_rebate))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, stmt.preview))}</th>
                </tr></thead>
                <tbody>
                    {move || st.view.with(|v| v.by_month.iter().rev().map(|(m, t)| {
                        let m = *m;
                        view! {
                            <tr data-month=m.to_string()>
                                <th scope="row">{m.to_string()}</th>
                                <td class="pc-num">{t.rows}</td>
                                <td class="pc-num">{money(t.consumption)}</td>
                                <td class="pc-num" data-testid="month-rebate">{money(t.rebate)}</td>
                                <td><button type="button" class="pc-button pc-button-quiet"
                                    aria-pressed=move || if preview_month() == Some(m) { "true" } else { "false" }
                                    on:click=move |_| chosen.set(Some(m))>
                                    // The month is in the name for screen readers; the row shows it.
                                    {tr(i18n, |i| t_string!(i, stmt.preview_short))}<span class="pc-visually-hidden">" "{m.to_string()}</span>
                                </button></td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
            {move || preview_month().map(|m| view! {
                <TaxPreview amount=preview_amount subject=Signal::derive(move || m.to_string())/>
            })}
        </section>
    }
}

/// Totals per customer, largest rebate first.
#[component]
pub(super) fn CustomerTotals(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let base = crate::ui::context::AppContext::get()
        .config
        .with_value(|c| c.route_base());
    let shown = RwSignal::new(CUSTOMERS_STEP);
    let count = move || st.view.with(|v| v.by_customer.len());
    view! {
        <section class="pc-card" aria-labelledby="pc-customer-totals">
            <h2 id="pc-customer-totals">{tr(i18n, |i| t_string!(i, stmt.by_customer))}</h2>
            <table class="pc-table" data-testid="customer-totals">
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, stmt.col_uin))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, stmt.col_name))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.total_rows))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.col_consumption))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.col_rebate))}</th>
                </tr></thead>
                <tbody>
                    {move || st.view.with(|v| v.by_customer.iter().take(shown.get()).map(|c| {
                        let href = format!("{base}/customers/{}", percent_encoding::utf8_percent_encode(&c.uin, percent_encoding::NON_ALPHANUMERIC));
                        let uin = c.uin.to_string();
                        view! {
                        <tr data-uin=c.uin.to_string()>
                            // The customer's page (arrears, special rebates); also what a
                            // keyboard reaches when the table scrolls sideways on a phone.
                            <td><crate::ui::router::Link href=href>{uin}</crate::ui::router::Link></td>
                            <td>{c.name.to_string()}</td>
                            <td class="pc-num">{c.totals.rows}</td>
                            <td class="pc-num">{money(c.totals.consumption)}</td>
                            <td class="pc-num" data-testid="customer-rebate">{money(c.totals.rebate)}</td>
                        </tr>
                    }}).collect_view())}
                </tbody>
            </table>
            <div class="pc-actions">
                <span class="pc-hint">{move || t_string!(i18n, stmt.customers_shown, shown = shown.get().min(count()), total = count()).to_string()}</span>
                <button type="button" class="pc-button pc-button-quiet" hidden=move || { shown.get() >= count() }
                    on:click=move |_| shown.update(|n| *n += CUSTOMERS_STEP)>{tr(i18n, |i| t_string!(i, stmt.more))}</button>
            </div>
        </section>
    }
}
