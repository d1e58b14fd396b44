//! `/profile`: the partner's information — contacts, mailing address, company name and
//! bank — edited with the wizard's field rules and the profile's own (a new name keeps
//! the USCC; new bank details need a new proof), and every saved change in a history.

mod history;

use crate::ui::components::Gated;
use crate::ui::load::use_load;
use leptos::prelude::*;
use std::collections::HashSet;

use crate::data::Collection;
use crate::data::partner::{PROFILE, load_history, load_profile, save_profile};
use crate::data::typed::load_draft;
use crate::domain::Permission;
use crate::domain::application_form::{FormField as F, canonical_value};
use crate::domain::profile::{ChangeRecord, PartnerProfile, ProfileError, check_change, diff};
use crate::i18n::*;
use crate::ui::apply::labels::{field_id, field_label, server_field_errors};
use crate::ui::components::validation_text::problem_message;
use crate::ui::components::{Busy, ImageUpload, StatusLine, TextField, error_message, focus_by_id};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;

/// A text field of the profile: how to read and write it, its input kind.
type Binding = (
    F,
    fn(&PartnerProfile) -> String,
    fn(&mut PartnerProfile, String),
    &'static str,
);

const COMPANY: [Binding; 3] = [
    (
        F::CompanyName,
        |p| p.company_name.clone(),
        |p, v| p.company_name = v,
        "text",
    ),
    (F::Uscc, |p| p.uscc.clone(), |p, v| p.uscc = v, "text"),
    (
        F::Website,
        |p| p.website.clone(),
        |p, v| p.website = v,
        "url",
    ),
];
const CONTACT: [Binding; 5] = [
    (
        F::ContactPerson,
        |p| p.contact_person.clone(),
        |p, v| p.contact_person = v,
        "text",
    ),
    (F::Phone, |p| p.phone.clone(), |p, v| p.phone = v, "tel"),
    (F::Email, |p| p.email.clone(), |p, v| p.email = v, "email"),
    (F::Qq, |p| p.qq.clone(), |p, v| p.qq = v, "text"),
    (
        F::MailingAddress,
        |p| p.mailing_address.clone(),
        |p, v| p.mailing_address = v,
        "text",
    ),
];
const BANK: [Binding; 5] = [
    (
        F::BankAccountName,
        |p| p.bank_account_name.clone(),
        |p, v| p.bank_account_name = v,
        "text",
    ),
    (F::Bank, |p| p.bank.clone(), |p, v| p.bank = v, "text"),
    (
        F::BankLocation,
        |p| p.bank_location.clone(),
        |p, v| p.bank_location = v,
        "text",
    ),
    (
        F::BankBranch,
        |p| p.bank_branch.clone(),
        |p, v| p.bank_branch = v,
        "text",
    ),
    (
        F::BankAccountNumber,
        |p| p.bank_account_number.clone(),
        |p, v| p.bank_account_number = v,
        "text",
    ),
];

/// The page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-profile-heading">
            <h1 id="pc-profile-heading">{tr(i18n, |i| t_string!(i, profile.heading))}</h1>
            <Gated page=Page::Profile><ProfileEditor/></Gated>
        </section>
    }
}

#[component]
fn ProfileEditor() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let stored = RwSignal::new(None::<(PartnerProfile, u64)>);
    let form = RwSignal::new(PartnerProfile::default());
    let history = RwSignal::new(Vec::<ChangeRecord>::new());
    let loaded = RwSignal::new(false);
    let status = RwSignal::new(None::<(bool, String)>);
    let touched = RwSignal::new(HashSet::<F>::new());
    let attempted = RwSignal::new(false);
    // A rule of the profile itself (new entity, proof needed), shown at its field.
    // Errors the field rules cannot see: the profile's own rules and a server's 422.
    let rule_error = RwSignal::new(Vec::<(F, String)>::new());
    let editable = ctx.may_any(&[Permission::EditCompanyData]);

    use_load(
        &[Collection::Profiles],
        status,
        |backend| async move {
            let found = load_profile(&*backend).await?;
            // A save the server never confirmed comes back into the form.
            let draft = match &found {
                Some(p) => {
                    load_draft::<PartnerProfile>(&*backend, Collection::Profiles, PROFILE, p.rev)
                        .await
                }
                None => None,
            };
            Ok((found, draft, load_history(&*backend).await.ok()))
        },
        move |(found, draft, changes)| {
            match found {
                // Keep what is being typed if the same revision is read again.
                Some(p)
                    if stored.with_untracked(|s| s.as_ref().map(|(_, r)| *r)) != Some(p.rev) =>
                {
                    if draft.is_some() {
                        status.set(Some((
                            false,
                            t_string!(i18n, conn.draft_restored).to_string(),
                        )));
                    }
                    form.set(draft.unwrap_or_else(|| p.value.clone()));
                    stored.set(Some((p.value, p.rev)));
                }
                Some(_) => {}
                None => stored.set(None),
            }
            if let Some(h) = changes {
                history.set(h);
            }
            loaded.set(true);
        },
    );

    let error_of = move |field: F| {
        Signal::derive(move || {
            if let Some(msg) =
                rule_error.with(|r| r.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
            {
                return Some(msg);
            }
            let shown = attempted.get() || touched.with(|t| t.contains(&field));
            if !shown {
                return None;
            }
            form.with(|p| {
                p.check().into_iter().find(|e| e.field == field).map(|e| {
                    problem_message(i18n, &field_label(i18n, field), &e.problem, |o| {
                        field_label(i18n, o)
                    })
                })
            })
        })
    };
    let text = move |(field, get, set, kind): Binding| {
        view! {
            <TextField id=field_id(field) kind label=Signal::derive(move || field_label(i18n, field))
                value=Signal::derive(move || form.with(get))
                on_input=Callback::new(move |v: String| { rule_error.set(Vec::new()); form.update(|p| set(p, v)); })
                on_blur=Callback::new(move |_| {
                    // The form shows what will be stored (the USCC's canonical form).
                    let typed = form.with_untracked(get);
                    if let Some(value) = canonical_value(field, &typed).filter(|v| *v != typed) {
                        form.update(|p| set(p, value));
                    }
                    touched.update(|t| { t.insert(field); });
                })
                error=error_of(field) required=true disabled=Signal::derive(move || !editable.get())
                mask=crate::ui::apply::labels::field_mask(field)/>
        }
    };
    let bank_changed = move || {
        stored.with(|s| {
            s.as_ref()
                .is_some_and(|(old, _)| form.with(|p| p.bank_differs(old)))
        })
    };

    let busy = Busy::new();
    let uploading = RwSignal::new(0u32);
    let save = move |_| {
        let Some((old, rev)) = stored.get_untracked() else {
            return;
        };
        if uploading.get_untracked() > 0 {
            status.set(Some((true, t_string!(i18n, upload.wait).to_string())));
            return;
        }
        let new = form.get_untracked().canonicalised();
        let old = old.canonicalised();
        attempted.set(true);
        let problems = new.check();
        if let Some(first) = problems.first() {
            status.set(Some((
                true,
                if problems.len() == 1 {
                    t_string!(i18n, valid.form_summary_one).to_string()
                } else {
                    t_string!(i18n, valid.form_summary, count = problems.len()).to_string()
                },
            )));
            focus_by_id(field_id(first.field));
            return;
        }
        if let Err(e) = check_change(&old, &new) {
            let (field, msg) = match e {
                ProfileError::NewLegalEntity { current, typed } => (
                    F::Uscc,
                    t_string!(i18n, profile.new_entity, current = current, typed = typed)
                        .to_string(),
                ),
                ProfileError::BankProofRequired => (
                    F::BankProof,
                    t_string!(i18n, profile.proof_required).to_string(),
                ),
            };
            rule_error.set(vec![(field, msg.clone())]);
            status.set(Some((true, msg)));
            focus_by_id(field_id(field));
            return;
        }
        let who = ctx.actor();
        let changes = diff(&old, &new, chrono::Utc::now(), &who);
        if changes.is_empty() {
            status.set(Some((
                false,
                t_string!(i18n, profile.nothing_changed).to_string(),
            )));
            return;
        }
        let bank = new.bank_differs(&old);
        // Undone to exactly what was read if the history line cannot be stored.
        let stored_old = stored.get_untracked().map(|(p, _)| p).unwrap_or_default();
        let backend = ctx.backend();
        busy.run(async move {
            match save_profile(&*backend, &stored_old, &new, rev, &changes).await {
                Ok(new_rev) => {
                    stored.set(Some((new.clone(), new_rev)));
                    form.set(new.clone());
                    let mut h = changes.clone();
                    h.reverse();
                    history.update(|all| {
                        h.append(all);
                        *all = h;
                    });
                    attempted.set(false);
                    touched.set(HashSet::new());
                    if old.company_name != new.company_name {
                        let mut s = ctx.session.get_untracked();
                        s.company_name = Some(new.company_name.clone());
                        if let Ok(s) = backend.save_session(&s).await {
                            ctx.session.set(s);
                        }
                    }
                    let msg = if bank {
                        t_string!(i18n, profile.saved_bank).to_string()
                    } else {
                        t_string!(i18n, profile.saved).to_string()
                    };
                    status.set(Some((false, msg)));
                }
                Err(e) => {
                    // A server's field errors are shown at their fields.
                    if let crate::data::DataError::Invalid(issues) = &e {
                        let shown = server_field_errors(i18n, issues);
                        if let Some((first, _)) = shown.first() {
                            focus_by_id(field_id(*first));
                        }
                        rule_error.set(shown);
                    }
                    status.set(Some((true, error_message(i18n, &e))));
                }
            }
        });
    };
    let reset = move |_| {
        if let Some((old, _)) = stored.get_untracked() {
            form.set(old);
        }
        rule_error.set(Vec::new());
        attempted.set(false);
        touched.set(HashSet::new());
        status.set(None);
    };

    view! {
        <StatusLine message=status/>
        <p class="pc-alert" role="status" hidden=move || !(loaded.get() && stored.with(Option::is_none))>
            {tr(i18n, |i| t_string!(i, profile.not_partner))}
        </p>
        <p class="pc-hint" hidden=move || editable.get() || stored.with(Option::is_none)>{tr(i18n, |i| t_string!(i, profile.read_only))}</p>
        <div hidden=move || stored.with(Option::is_none)>
            <section class="pc-card" aria-labelledby="pc-profile-company">
                <h2 id="pc-profile-company">{tr(i18n, |i| t_string!(i, profile.company))}</h2>
                <p class="pc-hint">{tr(i18n, |i| t_string!(i, profile.rename_hint))}</p>
                <div class="pc-form-grid">{COMPANY.map(text).collect_view()}</div>
            </section>
            <section class="pc-card" aria-labelledby="pc-profile-contact">
                <h2 id="pc-profile-contact">{tr(i18n, |i| t_string!(i, profile.contact))}</h2>
                <div class="pc-form-grid">{CONTACT.map(text).collect_view()}</div>
            </section>
            <section class="pc-card" aria-labelledby="pc-profile-bank">
                <h2 id="pc-profile-bank">{tr(i18n, |i| t_string!(i, profile.bank))}</h2>
                <p class="pc-alert pc-alert-warn" role="status" hidden=move || !bank_changed()>{tr(i18n, |i| t_string!(i, profile.bank_warning))}</p>
                <div class="pc-form-grid">
                {BANK.map(text).collect_view()}
                <ImageUpload id=field_id(F::BankProof) label=Signal::derive(move || field_label(i18n, F::BankProof))
                    value=Signal::derive(move || form.with(|p| p.bank_proof.clone()))
                    on_change=Callback::new(move |v: Option<String>| { rule_error.set(Vec::new()); form.update(|p| p.bank_proof = v); })
                    error=error_of(F::BankProof) prefix="profile-proof" required=true keep_previous=true
                    disabled=Signal::derive(move || !editable.get()) uploading/>
                </div>
            </section>
            <div class="pc-actions" hidden=move || !editable.get()>
                <button type="button" class="pc-button" on:click=save disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr(i18n, |i| t_string!(i, profile.save))}</button>
                <button type="button" class="pc-button pc-button-quiet" on:click=reset>{tr(i18n, |i| t_string!(i, profile.reset))}</button>
            </div>
            <history::History history/>
        </div>
    }
}
