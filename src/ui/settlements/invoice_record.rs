//! The invoice recorded for a sheet (for self-reconciliation), and the way to record or
//! replace it while the sheet is open: the form is a module of its own, fetched when
//! it is opened (`invoice_form.rs`) — most visits to a sheet only read it.

use leptos::prelude::*;

use super::invoice_form::load;
use super::save::SheetSaver;
use crate::domain::Permission;
use crate::domain::money::settlement::SettlementSheet;
use crate::i18n::*;
use crate::ui::arrival::{Arrival, FetchFailed, LoadingLine, OnDemand};
use crate::ui::components::money::{invoice_kind_name, money};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The recorded invoice, and the button that opens the form.
#[component]
pub(super) fn InvoiceRecordCard(sheet: SettlementSheet, saver: SheetSaver) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let may_edit = ctx.may_any(&[Permission::EditCompanyData]);
    let recorded = sheet.invoice.clone().map(|inv| {
        t_string!(
            i18n,
            settle.inv_recorded,
            number = inv.number.clone(),
            date = inv.date.to_string(),
            kind = invoice_kind_name(i18n, inv.kind),
            amount = money(inv.amount)
        )
        .to_string()
    });
    let none = recorded.is_none();
    let open = sheet.invoice_open();
    let form = OnDemand::default();
    let sheet = StoredValue::new(sheet);
    view! {
        <section class="pc-card pc-no-print" aria-labelledby="pc-inv-record">
            <h2 id="pc-inv-record">{tr(i18n, |i| t_string!(i, settle.inv_record_heading))}</h2>
            {match recorded {
                Some(r) => view! { <p class="pc-alert pc-alert-ok" data-testid="invoice-recorded">{r}</p> }.into_any(),
                None => view! { <p class="pc-muted">{tr(i18n, |i| t_string!(i, settle.inv_none))}</p> }.into_any(),
            }}
            {move || (open && may_edit.get()).then(|| match form.get() {
                Arrival::Quiet if !form.asked() => view! {
                    <div class="pc-actions">
                        <button type="button" class="pc-button pc-button-secondary" on:click=move |_| form.ask(load)>
                            {if none { tr(i18n, |i| t_string!(i, settle.inv_open)).into_any() } else { tr(i18n, |i| t_string!(i, settle.inv_replace)).into_any() }}
                        </button>
                    </div>
                }.into_any(),
                Arrival::Quiet => ().into_any(),
                Arrival::Slow => view! { <LoadingLine/> }.into_any(),
                Arrival::Ready(draw) => draw(sheet.get_value(), saver),
                Arrival::Failed => view! { <FetchFailed retry=Callback::new(move |_| form.ask(load))/> }.into_any(),
            })}
        </section>
    }
}
