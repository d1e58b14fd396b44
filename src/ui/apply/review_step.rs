//! Step ⑤ (check everything, submit, follow the review) and step ⑥ (partner).

use crate::data::Collection;
use crate::ui::router::Link;
use crate::ui::router::Router;
use leptos::prelude::*;

use super::labels::{field_label, server_field_errors, step_title};
use super::summary::{FormSummary, History, state_name};
use super::wizard::Wizard;
use crate::data::DataError;
use crate::data::applications::store;
use crate::domain::onboarding::application::{ApplicationEvent, ApplicationState};
use crate::i18n::*;
use crate::ui::components::{error_message, transition_message};
use crate::ui::context::AppContext;

/// ⑤ Qualification review.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let ctx = AppContext::get();
    let w = Wizard::get();
    let i18n = use_i18n();
    let router = Router::get();
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let state = Signal::derive(move || w.app.with(|a| a.status.state));

    let submit = move |_| {
        if busy.get_untracked() {
            return;
        }
        let problems = w.app.with_untracked(|a| a.form.check_all());
        if let Some((step, e)) = problems.first() {
            message.set(Some(
                t_string!(
                    i18n,
                    apply.incomplete,
                    step = step_title(i18n, *step),
                    field = field_label(i18n, e.field)
                )
                .to_string(),
            ));
            return;
        }
        let mut next = w.app.get_untracked();
        next.form = next.form.canonicalised();
        if let Err(e) =
            next.status
                .record(ApplicationEvent::Submit, ctx.actor(), chrono::Utc::now())
        {
            message.set(Some(transition_message(i18n, &e)));
            return;
        }
        busy.set(true);
        w.submitting.set(true);
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            // Frozen only once storage has it: a failed save leaves the draft editable.
            match store(&*backend, &next).await {
                Ok(_) => {
                    w.app.set(next);
                    message.set(None);
                    ctx.changed_in(&[Collection::Applications]);
                }
                Err(e) => {
                    // A server's field errors: shown at their fields, on their step.
                    if let DataError::Invalid(issues) = &e {
                        let shown = server_field_errors(i18n, issues);
                        if let Some(step) = shown.first().map(|(f, _)| f.step()) {
                            w.fields.outside.set(shown);
                            router.go(&format!("/apply/{}", step.number()));
                        }
                    }
                    message.set(Some(error_message(i18n, &e)));
                }
            }
            w.submitting.set(false);
            busy.set(false);
        });
    };

    let reopen = move |_| {
        let mut next = w.app.get_untracked();
        let Some((_, step)) = next.status.rejection.clone() else {
            return;
        };
        if next
            .status
            .record(ApplicationEvent::Reopen, ctx.actor(), chrono::Utc::now())
            .is_err()
        {
            return;
        }
        next.step = step;
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match store(&*backend, &next).await {
                Ok(_) => {
                    w.app.set(next);
                    router.go(&format!("/apply/{}", step.number()));
                }
                Err(e) => message.set(Some(error_message(i18n, &e))),
            }
        });
    };

    view! {
        <p class="pc-state" data-testid="application-state">
            {crate::ui::tr(i18n, |i| t_string!(i, apply.state_label))}": "<strong>{move || state_name(i18n, state.get())}</strong>
        </p>
        {move || match state.get() {
            ApplicationState::Draft => view! { <p>{crate::ui::tr(i18n, |i| t_string!(i, apply.review_intro))}</p> }.into_any(),
            ApplicationState::Submitted => view! { <p class="pc-alert pc-alert-ok" role="status">{crate::ui::tr(i18n, |i| t_string!(i, apply.waiting))}</p> }.into_any(),
            ApplicationState::Rejected => view! {
                <div class="pc-actions">
                    <button type="button" class="pc-button" on:click=reopen>{crate::ui::tr(i18n, |i| t_string!(i, apply.fix))}</button>
                </div>
            }.into_any(),
            ApplicationState::Approved => ().into_any(),
        }}
        <FormSummary app=w.app/>
        {move || (state.get() == ApplicationState::Draft).then(|| view! {
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=submit disabled=move || busy.get()>
                    {move || if busy.get() { t_string!(i18n, apply.submitting).to_string() } else { t_string!(i18n, apply.submit).to_string() }}
                </button>
            </div>
        })}
        <p class="pc-alert pc-alert-error" role="alert" hidden=move || message.with(Option::is_none)>{move || message.get()}</p>
        <History history=Signal::derive(move || w.app.with(|a| a.status.history.clone()))/>
    }
}

/// ⑥ Partner: the application was approved.
#[component]
pub fn PartnerStep() -> impl IntoView {
    let ctx = AppContext::get();
    let w = Wizard::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    view! {
        <p class="pc-alert pc-alert-ok" role="status" data-testid="application-approved">
            {move || t!(i18n, apply.approved, company = w.app.with(|a| a.form.company_name.clone()))}
        </p>
        <p><Link href=format!("{base}/")>{crate::ui::tr(i18n, |i| t_string!(i, apply.to_home))}</Link></p>
        <History history=Signal::derive(move || w.app.with(|a| a.status.history.clone()))/>
    }
}
