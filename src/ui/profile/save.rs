//! Saving the profile: the field rules, then the profile's own (a new name keeps the
//! USCC; new bank details need a new proof), then the change and its history lines
//! together; the header's company name follows a rename.

use crate::ui::components::Notice;
use leptos::prelude::*;

use super::Editor;
use crate::data::DataError;
use crate::data::partner::save_profile;
use crate::domain::onboarding::application_form::FormField as F;
use crate::domain::partner::profile::{ProfileError, check_change, diff};
use crate::i18n::*;
use crate::ui::apply::labels::{field_id, server_field_errors};
use crate::ui::components::{Busy, error_message, focus_by_id};
use crate::ui::context::AppContext;

/// Checks and stores what the form shows; every refusal is said at its field and in the
/// status line, and nothing typed is lost.
pub(super) fn save(editor: Editor, busy: Busy, uploading: RwSignal<u32>) {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let Editor {
        stored,
        form,
        fields,
        status,
        history,
        ..
    } = editor;
    let Some((read, rev)) = stored.get_untracked() else {
        return;
    };
    if uploading.get_untracked() > 0 {
        status.set(Some(Notice::Problem(
            t_string!(i18n, upload.wait).to_string(),
        )));
        return;
    }
    let new = form.get_untracked().canonicalised();
    let old = read.canonicalised();
    fields.attempted.set(true);
    let problems = new.check();
    if let Some(first) = problems.first() {
        let summary = if problems.len() == 1 {
            t_string!(i18n, valid.form_summary_one).to_string()
        } else {
            t_string!(i18n, valid.form_summary, count = problems.len()).to_string()
        };
        status.set(Some(Notice::Problem(summary)));
        focus_by_id(field_id(first.field));
        return;
    }
    if let Err(e) = check_change(&old, &new) {
        let (field, msg) = match e {
            ProfileError::NewLegalEntity { current, typed } => (
                F::Uscc,
                t_string!(i18n, profile.new_entity, current = current, typed = typed).to_string(),
            ),
            ProfileError::BankProofRequired => (
                F::BankProof,
                t_string!(i18n, profile.proof_required).to_string(),
            ),
        };
        fields.outside.set(vec![(field, msg.clone())]);
        status.set(Some(Notice::Problem(msg)));
        focus_by_id(field_id(field));
        return;
    }
    let changes = diff(&old, &new, chrono::Utc::now(), &ctx.actor());
    if changes.is_empty() {
        let msg = t_string!(i18n, profile.nothing_changed).to_string();
        status.set(Some(Notice::Done(msg)));
        return;
    }
    let bank = new.contact_and_bank.bank_differs(&old.contact_and_bank);
    let backend = ctx.backend();
    busy.run(async move {
        // Undone to exactly what was read if the history line cannot be stored.
        match save_profile(&*backend, &read, &new, rev, &changes).await {
            Ok(new_rev) => {
                stored.set(Some((new.clone(), new_rev)));
                form.set(new.clone());
                history.update(|all| {
                    let mut h = changes;
                    h.reverse();
                    h.append(all);
                    *all = h;
                });
                fields.reset();
                if old.company_name != new.company_name {
                    let mut s = ctx.session.get_untracked();
                    s.company_name = Some(new.company_name.clone());
                    if let Ok(s) = backend.save_session(&s).await {
                        ctx.session.set(s);
                    }
                }
                let msg = if bank {
                    t_string!(i18n, profile.saved_bank)
                } else {
                    t_string!(i18n, profile.saved)
                };
                status.set(Some(Notice::Done(msg.to_string())));
            }
            Err(e) => {
                // A server's field errors are shown at their fields.
                if let DataError::Invalid(issues) = &e {
                    let shown = server_field_errors(i18n, issues);
                    if let Some((first, _)) = shown.first() {
                        focus_by_id(field_id(*first));
                    }
                    fields.outside.set(shown);
                }
                status.set(Some(Notice::Problem(error_message(i18n, &e))));
            }
        }
    });
}
