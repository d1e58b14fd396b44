//! What the invoice must carry (with copy buttons) and the paperwork checklist.

use leptos::prelude::*;

use super::save::SheetSaver;
use super::words::checklist_text;
use crate::domain::Permission;
use crate::domain::common::keyed::Keyed;
use crate::domain::money::invoice_details::PROVIDER_INVOICE;
use crate::domain::money::settlement::{ChecklistItem, SettlementSheet};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::copy::CopyButton;
use crate::ui::context::AppContext;
use crate::ui::tr;

/// One value with a copy button.
#[component]
fn Copyable(label: fn(I18n) -> &'static str, value: String, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let text = value.clone();
    view! {
        <dt id=format!("{id}-label")>{tr(i18n, label)}</dt>
        <dd class="pc-copy-row">
            <span id=id data-testid=id>{value}</span>
            <CopyButton text=Signal::derive(move || text.clone()) what=Signal::derive(move || label(i18n).to_string())/>
        </dd>
    }
}

/// The provider's invoicing details and where to post the paperwork.
#[component]
pub(super) fn InvoiceDetails() -> impl IntoView {
    let i18n = use_i18n();
    let d = PROVIDER_INVOICE;
    view! {
        <section class="pc-card pc-no-print" aria-labelledby="pc-invoice-heading">
            <h2 id="pc-invoice-heading">{tr(i18n, |i| t_string!(i, settle.invoice_heading))}</h2>
            <dl class="pc-pairs" data-testid="invoice-details">
                <Copyable label=|i| t_string!(i, settle.inv_title) value=d.title.to_string() id="inv-title"/>
                <dt>{tr(i18n, |i| t_string!(i, settle.inv_subjects))}</dt>
                <dd>
                    <ul class="pc-inline-list">{d.subjects.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                    <span class="pc-hint">{tr(i18n, |i| t_string!(i, settle.inv_subjects_hint))}</span>
                </dd>
                <Copyable label=|i| t_string!(i, settle.inv_taxpayer) value=d.taxpayer_number.to_string() id="inv-taxpayer"/>
                <Copyable label=|i| t_string!(i, settle.inv_address) value=d.address_phone.to_string() id="inv-address"/>
                <Copyable label=|i| t_string!(i, settle.inv_bank) value=d.bank_account.to_string() id="inv-bank"/>
                <dt>{tr(i18n, |i| t_string!(i, settle.inv_amount))}</dt>
                <dd>{tr(i18n, |i| t_string!(i, settle.inv_amount_rule))}</dd>
                <Copyable label=|i| t_string!(i, settle.mail_to) value=format!("{}，{}", d.mail_to, d.postcode) id="inv-mail"/>
                <Copyable label=|i| t_string!(i, settle.recipient) value=d.recipient.to_string() id="inv-recipient"/>
            </dl>
        </section>
    }
}

/// The paperwork checklist; the main account ticks items, which are kept on the sheet.
#[component]
pub(super) fn Checklist(sheet: SettlementSheet, saver: SheetSaver) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let may_tick = ctx
        .session
        .with_untracked(|s| s.role.may(Permission::EditCompanyData));
    let sheet = StoredValue::new(sheet);
    let toggle = move |item: ChecklistItem, on: bool| {
        let mut next = sheet.get_value();
        next.checked.retain(|i| *i != item);
        if on {
            next.checked.push(item);
        }
        leptos::task::spawn_local(saver.save(ctx.backend(), next, None));
    };
    view! {
        <section class="pc-card pc-no-print" aria-labelledby="pc-checklist-heading">
            <h2 id="pc-checklist-heading">{tr(i18n, |i| t_string!(i, settle.checklist))}</h2>
            <ul class="pc-checklist" data-testid="checklist">
                {ChecklistItem::ALL.into_iter().map(|item| {
                    let id = format!("check-{}", item.key());
                    let checked = sheet.with_value(|s| s.checked.contains(&item));
                    view! {
                        <li>
                            <input type="checkbox" id=id.clone() prop:checked=checked disabled=!may_tick
                                on:change=move |ev| toggle(item, event_target_checked(&ev))/>
                            <label for=id>{checklist_text(i18n, item)}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
