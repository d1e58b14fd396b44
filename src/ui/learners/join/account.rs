//! Joining by account application: the employee's details, checked by the join form's
//! rules, stored as a request that waits for the enterprise admin.

use leptos::prelude::*;

use crate::data::Collection;
use crate::data::learners::request_by_account;
use crate::domain::learning::learner::{JoinField, JoinForm};
use crate::i18n::*;
use crate::ui::components::form_state::FormState;
use crate::ui::components::{
    Busy, CheckField, Notice, StatusLine, TextField, error_message, focus_by_id,
};
use crate::ui::context::AppContext;
use crate::ui::learners::words::{join_label, join_problem};
use crate::ui::tr;

/// A text field of the form: its control's id and input kind.
type Binding = (&'static str, JoinField, &'static str);

const FIELDS: [Binding; 5] = [
    ("join-enterprise", JoinField::EnterpriseName, "text"),
    ("join-uin", JoinField::EnterpriseUin, "text"),
    ("join-name", JoinField::Name, "text"),
    ("join-account", JoinField::AccountId, "text"),
    ("join-mobile", JoinField::Mobile, "tel"),
];

/// The id of a field's control, to move focus to it.
fn field_id(field: JoinField) -> &'static str {
    FIELDS
        .iter()
        .find(|b| b.1 == field)
        .map_or("join-agree", |b| b.0)
}

/// The account path's card.
#[component]
pub(super) fn AccountJoin() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let account_id = ctx
        .session
        .with_untracked(|s| s.account_id.clone().unwrap_or_default());
    let form = RwSignal::new(JoinForm {
        account_id,
        ..JoinForm::default()
    });
    let fields = FormState::<JoinField>::new();
    let status = RwSignal::new(None::<Notice>);
    let error = move |f: JoinField| {
        fields.error(
            f,
            || false,
            move || {
                form.with(JoinForm::check)
                    .into_iter()
                    .find(|(g, _)| *g == f)
                    .map(|(_, p)| join_problem(i18n, f, &p))
            },
        )
    };
    let busy = Busy::new();
    let submit = move |_| {
        if let Some((first, _)) = form.with_untracked(JoinForm::check).first() {
            fields.attempted.set(true);
            focus_by_id(field_id(*first));
            return;
        }
        let sent = form.get_untracked();
        let backend = ctx.backend();
        busy.run(async move {
            match request_by_account(&*backend, &sent, chrono::Utc::now()).await {
                Ok(_) => {
                    status.set(Some(Notice::Done(
                        t_string!(i18n, learn.request_sent).to_string(),
                    )));
                    // Cleared for the next request — unless it is already being typed.
                    if form.try_with_untracked(|x| *x == sent) == Some(true) {
                        form.update(|x| *x = x.next_request());
                        fields.reset();
                    }
                    ctx.changed_in(&[Collection::Learners]);
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    let text = move |(id, f, kind): Binding| {
        view! {
            <TextField id kind label=Signal::derive(move || join_label(i18n, f))
                value=Signal::derive(move || form.with(|x| x.text(f).to_string()))
                on_input=Callback::new(move |v| form.update(|x| if let Some(slot) = x.text_mut(f) { *slot = v }))
                on_blur=Callback::new(move |_| fields.touch(f))
                error=error(f) required=true/>
        }
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-join-account-heading">
            <h2 id="pc-join-account-heading">{tr(i18n, |i| t_string!(i, learn.account_heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, learn.account_intro))}</p>
            {FIELDS.map(text).collect_view()}
            <CheckField id="join-agree" label=Signal::derive(move || join_label(i18n, JoinField::Agreement))
                checked=Signal::derive(move || form.with(|x| x.agreed))
                on_change=Callback::new(move |v| form.update(|x| x.agreed = v))
                error=error(JoinField::Agreement)/>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=submit disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr(i18n, |i| t_string!(i, learn.submit_request))}</button>
            </div>
            <StatusLine message=status/>
        </section>
    }
}
