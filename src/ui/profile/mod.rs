//! `/profile`: the partner's information — contacts, mailing address, company name and
//! bank — edited with the wizard's field rules and the profile's own (a new name keeps
//! the USCC; new bank details need a new proof), and every saved change in a history.

mod fields;
mod history;
mod save;

use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use leptos::prelude::*;

use crate::data::Collection;
use crate::data::partner::{PROFILE, load_history, load_profile};
use crate::data::typed::load_draft;
use crate::domain::Permission;
use crate::domain::onboarding::application_form::FormField as F;
use crate::domain::partner::profile::{ChangeRecord, PartnerProfile};
use crate::i18n::*;
use crate::ui::components::{Busy, FormState, Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;

/// The page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-profile-heading">
            <h1 id="pc-profile-heading">{tr(i18n, |i| t_string!(i, profile.heading))}</h1>
            <crate::ui::components::HelpLink topic="rename"/>
            <Gated page=Page::Profile><ProfileEditor/></Gated>
        </section>
    }
}

/// The profile being edited, as every part of the editor sees it.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    /// The profile as stored, with its revision (`None`: not a partner yet).
    stored: RwSignal<Option<(PartnerProfile, u64)>>,
    /// What the form shows.
    form: RwSignal<PartnerProfile>,
    /// Fields left, save tried, and the errors of the profile's own rules or a server's.
    fields: FormState<F>,
    /// Whether this role may change it.
    editable: Memo<bool>,
    history: RwSignal<Vec<ChangeRecord>>,
    status: Status,
}

#[component]
fn ProfileEditor() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let editor = Editor {
        stored: RwSignal::new(None),
        form: RwSignal::new(PartnerProfile::default()),
        fields: FormState::new(),
        editable: ctx.may_any(&[Permission::EditCompanyData]),
        history: RwSignal::new(Vec::new()),
        status: RwSignal::new(None),
    };
    let Editor {
        stored,
        form,
        editable,
        status,
        ..
    } = editor;
    let loaded = RwSignal::new(false);
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
                        status.set(Some(Notice::Done(
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
                editor.history.set(h);
            }
            loaded.set(true);
        },
    );

    let busy = Busy::new();
    let uploading = RwSignal::new(0u32);
    let save = move |_| save::save(editor, busy, uploading);
    let reset = move |_| {
        if let Some((old, _)) = stored.get_untracked() {
            form.set(old);
        }
        editor.fields.reset();
        status.set(None);
    };
    let not_partner = move || stored.with(Option::is_none);

    view! {
        <StatusLine message=status/>
        <p class="pc-alert" role="status" hidden=move || !(loaded.get() && not_partner())>
            {tr(i18n, |i| t_string!(i, profile.not_partner))}
        </p>
        <p class="pc-hint" hidden=move || editable.get() || not_partner()>{tr(i18n, |i| t_string!(i, profile.read_only))}</p>
        <div hidden=not_partner>
            <fields::CompanySection editor/>
            <fields::ContactSection editor/>
            <fields::BankSection editor uploading/>
            <div class="pc-actions" hidden=move || !editable.get()>
                <button type="button" class="pc-button" on:click=save disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr(i18n, |i| t_string!(i, profile.save))}</button>
                <button type="button" class="pc-button pc-button-quiet" on:click=reset>{tr(i18n, |i| t_string!(i, profile.reset))}</button>
            </div>
            <history::History history=editor.history/>
        </div>
    }
}
