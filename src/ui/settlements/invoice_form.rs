//! The form that records the invoice issued for a sheet — a module of its own, fetched
//! when the form is opened (`invoice_record.rs`). The domain refuses an invoice whose
//! amount is not the sheet's — the guide's rule — and every problem shows at its field,
//! naming the field and the rule; nothing typed is lost.

use leptos::prelude::*;

use super::save::SheetSaver;
use crate::domain::common::text::parse_date;
use crate::domain::money::invoice_preview::InvoiceKind;
use crate::domain::money::settlement::{
    InvoiceField, InvoiceProblem, InvoiceRecord, SettlementSheet,
};
use crate::domain::{Cny, YearMonth};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::form_state::FormState;
use crate::ui::components::money::invoice_kind_name as kind_name;
use crate::ui::components::money::money;
use crate::ui::components::time::today;
use crate::ui::components::{
    Busy, ChoiceField, ChoiceLook, Notice, TextField, focus_by_id, money_message,
};
use crate::ui::context::AppContext;
use crate::ui::tr;

fn field_id(field: InvoiceField) -> &'static str {
    match field {
        InvoiceField::Number => "inv-number",
        InvoiceField::Date => "inv-date",
        InvoiceField::Amount => "inv-amount",
    }
}

fn label(i18n: I18n, field: InvoiceField) -> String {
    match field {
        InvoiceField::Number => t_string!(i18n, settle.inv_number),
        InvoiceField::Date => t_string!(i18n, settle.inv_date),
        InvoiceField::Amount => t_string!(i18n, settle.inv_amount),
    }
    .to_string()
}

/// A refusal in words, at its field.
fn problem_text(i18n: I18n, p: &InvoiceProblem) -> String {
    let field = p.field().map(|f| label(i18n, f)).unwrap_or_default();
    match p {
        InvoiceProblem::NumberFormat => {
            t_string!(i18n, settle.inv_bad_number, field = field).to_string()
        }
        InvoiceProblem::DateInFuture => {
            t_string!(i18n, settle.date_future, field = field).to_string()
        }
        InvoiceProblem::DateBeforeMonth { earliest } => {
            let month = YearMonth::of(*earliest).to_string();
            t_string!(i18n, settle.date_before, field = field, month = month).to_string()
        }
        InvoiceProblem::AmountDiffers { sheet } => t_string!(
            i18n,
            settle.inv_amount_differs,
            field = field,
            amount = money(*sheet)
        )
        .to_string(),
        InvoiceProblem::Locked { .. } => t_string!(i18n, settle.inv_locked).to_string(),
    }
}

/// Draws the form for a sheet.
pub type DrawInvoiceForm = fn(SettlementSheet, SheetSaver) -> AnyView;

on_demand!(invoice_form, load: DrawInvoiceForm = draw_form);

fn draw_form(sheet: SettlementSheet, saver: SheetSaver) -> AnyView {
    view! { <InvoiceForm sheet saver/> }.into_any()
}

/// The form, filled with the recorded invoice when there is one.
#[component]
fn InvoiceForm(sheet: SettlementSheet, saver: SheetSaver) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let amount = sheet.amount();
    let start = sheet.invoice.clone();
    let number = RwSignal::new(start.as_ref().map(|i| i.number.clone()).unwrap_or_default());
    let date = RwSignal::new(
        start
            .as_ref()
            .map_or_else(|| today().to_string(), |i| i.date.to_string()),
    );
    let kind = RwSignal::new(match start.as_ref().map(|i| i.kind) {
        Some(InvoiceKind::GeneralVat) => "general".to_string(),
        _ => "special".to_string(),
    });
    let typed_amount = RwSignal::new(
        start
            .as_ref()
            .map(|i| i.amount.amount().to_string())
            .unwrap_or_default(),
    );
    let fields = FormState::<InvoiceField>::new();
    let error = move |field: InvoiceField| fields.error(field, || false, || None);
    let edit = move |signal: RwSignal<String>| {
        Callback::new(move |v| {
            signal.set(v);
            fields.edited();
        })
    };
    let sheet = StoredValue::new(sheet);
    let busy = Busy::new();
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // What does not parse is said first; the domain's rules judge the rest (a field
        // that did not parse stands in with a value its rule accepts).
        let mut problems: Vec<(InvoiceField, String)> = Vec::new();
        let day = parse_date(&date.get_untracked());
        if day.is_none() {
            let field = label(i18n, InvoiceField::Date);
            problems.push((
                InvoiceField::Date,
                t_string!(i18n, srebate.bad_date, field = field).to_string(),
            ));
        }
        let typed = Cny::parse(&typed_amount.get_untracked());
        if let Err(e) = &typed {
            problems.push((
                InvoiceField::Amount,
                money_message(i18n, e, label(i18n, InvoiceField::Amount)),
            ));
        }
        let mut next = sheet.get_value();
        let invoice = InvoiceRecord {
            number: number.get_untracked(),
            date: day.unwrap_or_else(today),
            kind: if kind.get_untracked() == "general" {
                InvoiceKind::GeneralVat
            } else {
                InvoiceKind::SpecialVat
            },
            amount: typed.unwrap_or(amount),
        };
        for p in next.check_invoice(&invoice, today()) {
            match p.field() {
                Some(f) if !problems.iter().any(|(g, _)| *g == f) => {
                    problems.push((f, problem_text(i18n, &p)))
                }
                Some(_) => {}
                None => {
                    return saver
                        .status
                        .set(Some(Notice::Problem(problem_text(i18n, &p))));
                }
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|(f, _)| *f as u8);
            let first = problems[0].0;
            fields.outside.set(problems);
            return focus_by_id(field_id(first));
        }
        if next.record_invoice(invoice, today()).is_err() {
            return;
        }
        fields.reset();
        let done = t_string!(i18n, settle.inv_saved).to_string();
        busy.run(saver.save(ctx.backend(), next, Some(done)));
    };
    let kinds = Signal::derive(move || {
        vec![
            (
                "special".to_string(),
                kind_name(i18n, InvoiceKind::SpecialVat),
            ),
            (
                "general".to_string(),
                kind_name(i18n, InvoiceKind::GeneralVat),
            ),
        ]
    });
    view! {
        <p class="pc-hint">{t_string!(i18n, settle.inv_record_intro, amount = money(amount)).to_string()}</p>
        <form novalidate on:submit=record data-testid="invoice-form">
            <div class="pc-filters">
                <TextField id="inv-number" label=Signal::derive(move || label(i18n, InvoiceField::Number))
                    value=number on_input=edit(number) error=error(InvoiceField::Number) required=true
                    hint=Signal::derive(move || t_string!(i18n, settle.inv_number_hint).to_string())/>
                <TextField id="inv-date" kind="date" label=Signal::derive(move || label(i18n, InvoiceField::Date))
                    value=date on_input=edit(date) error=error(InvoiceField::Date) required=true/>
                <TextField id="inv-amount" label=Signal::derive(move || label(i18n, InvoiceField::Amount))
                    value=typed_amount on_input=edit(typed_amount) error=error(InvoiceField::Amount) required=true/>
            </div>
            <ChoiceField id="inv-kind" label=Signal::derive(move || t_string!(i18n, settle.inv_kind).to_string())
                options=kinds value=kind on_change=Callback::new(move |v| { kind.set(v); fields.edited(); })
                look=ChoiceLook::Radios/>
            <div class="pc-actions">
                <button type="submit" class="pc-button pc-button-primary" disabled=move || busy.get()>
                    {tr(i18n, |i| t_string!(i, settle.inv_save))}
                </button>
            </div>
        </form>
    }
}
