//! One settlement sheet.

use crate::ui::router::Link;
use crate::ui::router::Router;
use leptos::prelude::*;

use super::actions::SheetActions;
use super::invoice::{Checklist, InvoiceDetails};
use super::invoice_record::InvoiceRecordCard;
use super::save::SheetSaver;
use super::words::{hold_text, line_name, state_name, state_tone};
use super::{SettlementData, outlook_text, use_settlement_data};
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::money::settlement::{PaymentHold, SettlementSheet};
use crate::i18n::*;
use crate::ui::components::StatusLine;
use crate::ui::components::money::{TaxPreview, money};
use crate::ui::components::time::local_minute;
use crate::ui::components::{Gated, HelpLink};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;

/// `/settlements/:id`.
#[component]
pub fn SettlementDetailPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    view! {
        <section class="pc-page" aria-labelledby="pc-sheet-heading">
            <p class="pc-no-print"><Link href=format!("{base}/settlements")>{tr(i18n, |i| t_string!(i, settle.back))}</Link></p>
            <Gated page=Page::SettlementDetail><SheetById/></Gated>
        </section>
    }
}

/// The sheet the path names, once loaded (or why there is none).
#[component]
fn SheetById() -> impl IntoView {
    let i18n = use_i18n();
    let router = Router::get();
    let id = move || router.id().unwrap_or_default();
    let (data, status) = use_settlement_data();
    let sheet = move || {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.sheets.iter().find(|s| s.id == id()).cloned())
        })
    };
    // A saved sheet replaces the one shown.
    let on_saved = Callback::new(move |next: SettlementSheet| {
        data.update(|d| {
            if let Some(d) = d
                && let Some(s) = d.sheets.iter_mut().find(|s| s.id == next.id)
            {
                *s = next;
            }
        })
    });
    view! {
            <StatusLine message=status/>
            {move || {
                let loaded = data.with(Option::is_some);
                match (sheet(), loaded) {
                    (Some(s), _) => {
                        let d = data.get_untracked().unwrap_or_default();
                        let saver = SheetSaver { on_saved, status, i18n, ctx: AppContext::get() };
                        Some(view! { <Sheet sheet=s data=d saver/> }.into_any())
                    }
                    (None, true) => Some(view! {
                        <h1 id="pc-sheet-heading">{tr(i18n, |i| t_string!(i, settle.heading))}</h1>
                        <p class="pc-alert" role="status">{t_string!(i18n, settle.not_found, id = id()).to_string()}</p>
                    }.into_any()),
                    (None, false) => None,
                }
            }}
    }
}

#[component]
fn Sheet(sheet: SettlementSheet, data: SettlementData, saver: SheetSaver) -> impl IntoView {
    let i18n = use_i18n();
    let calendar = WorkCalendar::mainland();
    let name = data.name_for(&sheet);
    let amount = sheet.amount();
    let hold = data.hold(&sheet);
    let outlook = sheet.outlook(hold.unwrap_or(PaymentHold::Normal), &calendar);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let lines = sheet
        .lines
        .iter()
        .map(|l| {
            let clawback = l.amount.is_negative();
            view! {
                <tr class:pc-negative=clawback>
                    <td>{line_name(i18n, &l.kind)}{clawback.then(|| view! { <span class="pc-hint">" "{tr(i18n, |i| t_string!(i, settle.clawback_note))}</span> })}</td>
                    <td class="pc-num">{money(l.amount)}</td>
                </tr>
            }
        })
        .collect_view();
    let month = sheet.month.to_string();
    view! {
        <h1 id="pc-sheet-heading">{t_string!(i18n, settle.sheet_heading, month = month.clone()).to_string()}</h1>
        <HelpLink topic="invoice"/>
        <div class="pc-card">
            <dl class="pc-pairs" data-testid="sheet-facts">
                <dt>{tr(i18n, |i| t_string!(i, settle.company))}</dt><dd data-testid="sheet-company">{name.clone()}</dd>
                <dt>{tr(i18n, |i| t_string!(i, settle.month))}</dt><dd>{month.clone()}</dd>
                <dt>{tr(i18n, |i| t_string!(i, money.amount))}</dt><dd class="pc-num" data-testid="sheet-amount">{money(amount)}</dd>
                <dt>{tr(i18n, |i| t_string!(i, settle.state))}</dt><dd><span class=state_tone(sheet.state) data-testid="sheet-state">{state_name(i18n, sheet.state)}</span></dd>
                <dt>{tr(i18n, |i| t_string!(i, settle.expected))}</dt>
                <dd data-testid="payment-window">{outlook_text(i18n, &outlook)}</dd>
                <dt>{tr(i18n, |i| t_string!(i, settle.hold))}</dt>
                <dd data-testid="payment-hold">{hold.map(|h| hold_text(i18n, h))}</dd>
            </dl>
            {(hold == Some(PaymentHold::Arrears)).then(|| view! {
                <p class="pc-alert pc-alert-warn">{t_string!(i18n, settle.arrears_banner, amount = money(data.arrears)).to_string()}</p>
            })}
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, settle.window_rule))}</p>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=print>{tr(i18n, |i| t_string!(i, settle.print))}</button>
            </div>
        </div>
        <section class="pc-card pc-no-print" aria-labelledby="pc-timeline-heading">
            <h2 id="pc-timeline-heading">{tr(i18n, |i| t_string!(i, settle.timeline))}</h2>
            <ol class="pc-timeline" data-testid="timeline">
                {sheet.history.iter().map(|c| {
                    // The day it took effect (received, abnormal, corrected, paid) comes
                    // first; when it was recorded, and by whom, after it.
                    let effective = c.on.map(|d| t_string!(i18n, settle.effective_on, date = d.to_string()).to_string());
                    let recorded = t_string!(i18n, settle.recorded_at, at = local_minute(c.at), who = crate::ui::components::actor_text(i18n, &c.actor)).to_string();
                    view! {
                        <li>
                            <strong>{state_name(i18n, c.to)}</strong>
                            {effective.map(|e| view! { " · "<span data-testid="effective-on">{e}</span> })}
                            <div class="pc-hint">{recorded}</div>
                            {c.reason.clone().map(|r| view! { <div class="pc-hint">{r}</div> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="pc-hint">
                {sheet.received_on.map(|d| t_string!(i18n, settle.received_on, date = d.to_string()).to_string())}" "
                {sheet.corrected_on.map(|d| t_string!(i18n, settle.corrected_on, date = d.to_string()).to_string())}
            </p>
        </section>
        <InvoiceRecordCard sheet=sheet.clone() saver/>
        <SheetActions sheet=sheet.clone() saver/>
        <section class="pc-card pc-sheet-print" aria-labelledby="pc-lines-heading">
            <h2 id="pc-lines-heading">{tr(i18n, |i| t_string!(i, settle.lines))}</h2>
            <p class="pc-print-only">{t_string!(i18n, settle.print_title, company = name.clone(), month = month.clone()).to_string()}</p>
            <table class="pc-table pc-table-fit" data-testid="sheet-lines">
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settle.line))}</th>
                    <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, money.amount))}</th>
                </tr></thead>
                <tbody>{lines}</tbody>
                <tfoot><tr>
                    <th scope="row">{tr(i18n, |i| t_string!(i, settle.total))}</th>
                    <td class="pc-num"><strong>{money(amount)}</strong></td>
                </tr></tfoot>
            </table>
            <div class="pc-print-only pc-stamp">
                <p>{tr(i18n, |i| t_string!(i, settle.print_confirm))}</p>
                <p>{tr(i18n, |i| t_string!(i, settle.print_stamp))}</p>
                <p>{tr(i18n, |i| t_string!(i, settle.print_date))}</p>
            </div>
        </section>
        <div class="pc-no-print">
            <TaxPreview amount=Signal::derive(move || amount) subject=Signal::derive(move || t_string!(i18n, settle.sheet_heading, month = month.clone()).to_string())/>
        </div>
        <InvoiceDetails/>
        <Checklist sheet saver/>
    }
}
