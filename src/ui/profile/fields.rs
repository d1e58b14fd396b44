//! The profile's fields by section — company, contact, bank (with the proof) — each
//! bound to the profile being edited, with the wizard's field rules.

use leptos::prelude::*;

use super::Editor;
use crate::domain::onboarding::application_form::{FormField as F, canonical_value};
use crate::domain::partner::profile::PartnerProfile;
use crate::i18n::*;
use crate::ui::apply::labels::{field_id, field_label, field_mask};
use crate::ui::components::validation_text::problem_message;
use crate::ui::components::{ImageUpload, TextField};
use crate::ui::tr;

/// A text field of the profile and its input kind.
type Binding = (F, &'static str);

const COMPANY: [Binding; 3] = [
    (F::CompanyName, "text"),
    (F::Uscc, "text"),
    (F::Website, "url"),
];
const CONTACT: [Binding; 5] = [
    (F::ContactPerson, "text"),
    (F::Phone, "tel"),
    (F::Email, "email"),
    (F::Qq, "text"),
    (F::MailingAddress, "text"),
];
const BANK: [Binding; 5] = [
    (F::BankAccountName, "text"),
    (F::Bank, "text"),
    (F::BankLocation, "text"),
    (F::BankBranch, "text"),
    (F::BankAccountNumber, "text"),
];

/// The company: its name (a new name keeps the USCC), USCC and website.
#[component]
pub(super) fn CompanySection(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-card" aria-labelledby="pc-profile-company">
            <h2 id="pc-profile-company">{tr(i18n, |i| t_string!(i, profile.company))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, profile.rename_hint))}</p>
            <div class="pc-form-grid">{COMPANY.map(|b| view! { <ProfileText editor binding=b/> }).collect_view()}</div>
        </section>
    }
}

/// Who to contact, and where to send mail.
#[component]
pub(super) fn ContactSection(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-card" aria-labelledby="pc-profile-contact">
            <h2 id="pc-profile-contact">{tr(i18n, |i| t_string!(i, profile.contact))}</h2>
            <div class="pc-form-grid">{CONTACT.map(|b| view! { <ProfileText editor binding=b/> }).collect_view()}</div>
        </section>
    }
}

/// The bank account rebates are paid to; new details need a new proof.
#[component]
pub(super) fn BankSection(editor: Editor, uploading: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let form = editor.form;
    let changed = move || {
        editor.stored.with(|s| {
            s.as_ref().is_some_and(|(old, _)| {
                form.with(|p| p.contact_and_bank.bank_differs(&old.contact_and_bank))
            })
        })
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-profile-bank">
            <h2 id="pc-profile-bank">{tr(i18n, |i| t_string!(i, profile.bank))}</h2>
            <p class="pc-alert pc-alert-warn" role="status" hidden=move || !changed()>{tr(i18n, |i| t_string!(i, profile.bank_warning))}</p>
            <div class="pc-form-grid">
            {BANK.map(|b| view! { <ProfileText editor binding=b/> }).collect_view()}
            <ImageUpload id=field_id(F::BankProof) label=Signal::derive(move || field_label(i18n, F::BankProof))
                value=Signal::derive(move || form.with(|p| p.contact_and_bank.bank_proof.clone()))
                on_change=Callback::new(move |v: Option<String>| { editor.fields.edited(); form.update(|p| p.contact_and_bank.bank_proof = v); })
                error=error_of(editor, F::BankProof) prefix="profile-proof" required=true keep_previous=true
                disabled=Signal::derive(move || !editor.editable.get()) uploading/>
            </div>
        </section>
    }
}

/// The message at a field: the profile's field rules, shown by the form's rule.
fn error_of(editor: Editor, field: F) -> Signal<Option<String>> {
    let i18n = use_i18n();
    editor.fields.error(
        field,
        || false,
        move || {
            editor.form.with(|p| {
                p.check().into_iter().find(|e| e.field == field).map(|e| {
                    problem_message(i18n, &field_label(i18n, field), &e.problem, |o| {
                        field_label(i18n, o)
                    })
                })
            })
        },
    )
}

/// One text field of the profile.
#[component]
fn ProfileText(editor: Editor, binding: Binding) -> impl IntoView {
    let i18n = use_i18n();
    let (field, kind) = binding;
    let form = editor.form;
    let get = move |p: &PartnerProfile| p.text(field);
    let input = move |v: String| {
        editor.fields.edited();
        form.update(|p| p.set_text(field, v));
    };
    let leave = move |_| {
        // The form shows what will be stored (the USCC's canonical form).
        let typed = form.with_untracked(get);
        if let Some(value) = canonical_value(field, &typed).filter(|v| *v != typed) {
            form.update(|p| p.set_text(field, value));
        }
        editor.fields.touch(field);
    };
    view! {
        <TextField id=field_id(field) kind label=Signal::derive(move || field_label(i18n, field))
            value=Signal::derive(move || form.with(get))
            on_input=Callback::new(input) on_blur=Callback::new(leave)
            error=error_of(editor, field) required=true disabled=Signal::derive(move || !editor.editable.get())
            mask=field_mask(field)/>
    }
}
