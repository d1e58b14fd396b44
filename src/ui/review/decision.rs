//! Approve, or reject with a required reason and the step to return to.

use crate::ui::components::Notice;
use crate::ui::components::Status;
use leptos::prelude::*;

use crate::data::applications::{DecisionError, decide};
use crate::data::typed::Versioned;
use crate::domain::onboarding::application::{
    Application, ApplicationEvent, ApplicationState, WizardStep,
};
use crate::i18n::*;
use crate::ui::apply::step_title;
use crate::ui::components::{
    Busy, ChoiceField, ChoiceLook, StatusLine, error_message, focus_by_id, transition_message,
};
use crate::ui::context::AppContext;

/// The decision card, shown while the application waits for review.
#[component]
pub fn Decision(
    app: RwSignal<Application>,
    rev: RwSignal<u64>,
    /// The outcome, kept by the page: it must outlive this card, which disappears once
    /// the application is decided.
    status: Status,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let step = RwSignal::new(format!("{}", WizardStep::ContactAndBank.number()));
    let busy = Busy::new();

    let decide = move |event: ApplicationEvent| {
        let approving = matches!(event, ApplicationEvent::Approve);
        let before = Versioned {
            value: app.get_untracked(),
            rev: rev.get_untracked(),
        };
        let backend = ctx.backend();
        busy.run(async move {
            match decide(&*backend, &before, event, ctx.actor(), chrono::Utc::now()).await {
                Ok(decided) => {
                    rev.set(decided.rev);
                    app.set(decided.value);
                    let msg = if approving {
                        t_string!(i18n, review.approved_done)
                    } else {
                        t_string!(i18n, review.rejected_done)
                    };
                    status.set(Some(Notice::Done(msg.to_string())));
                    ctx.refresh();
                }
                Err(DecisionError::Refused(e)) => {
                    status.set(Some(Notice::Problem(transition_message(i18n, &e))))
                }
                Err(DecisionError::Data(e)) => {
                    status.set(Some(Notice::Problem(error_message(i18n, &e))))
                }
            }
        });
    };

    let approve = move |_| decide(ApplicationEvent::Approve);
    let reject = move |_| {
        let text = reason.get_untracked();
        if text.trim().is_empty() {
            reason_error.set(Some(
                t_string!(
                    i18n,
                    valid.required,
                    field = t_string!(i18n, review.reason).to_string()
                )
                .to_string(),
            ));
            focus_by_id("review-reason");
            return;
        }
        reason_error.set(None);
        let s = step
            .get_untracked()
            .parse()
            .ok()
            .and_then(WizardStep::from_number)
            .unwrap_or(WizardStep::BasicInformation);
        decide(ApplicationEvent::Reject {
            reason: text,
            step: s,
        });
    };

    let pending =
        Signal::derive(move || app.with(|a| a.status.state == ApplicationState::Submitted));
    view! {
        <StatusLine message=status/>
        {move || pending.get().then(|| view! {
            <section class="pc-card" aria-labelledby="pc-decision-heading">
                <h2 id="pc-decision-heading">{crate::ui::tr(i18n, |i| t_string!(i, review.decision))}</h2>
                <div class="pc-actions">
                    <button type="button" class="pc-button" on:click=approve disabled=move || busy.get()>{crate::ui::tr(i18n, |i| t_string!(i, review.approve))}</button>
                </div>
                <div class="pc-field">
                    <label for="review-reason" class="pc-label">{crate::ui::tr(i18n, |i| t_string!(i, review.reason))}<span class="pc-required" aria-hidden="true">" *"</span></label>
                    <textarea
                        id="review-reason"
                        rows="3"
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                        aria-invalid=move || if reason_error.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby="review-reason-error"
                        aria-required="true"
                    ></textarea>
                    <p id="review-reason-error" class="pc-field-error">{move || reason_error.get()}</p>
                </div>
                <ChoiceField
                    id="review-step"
                    label=Signal::derive(move || t_string!(i18n, review.return_to).to_string())
                    options=Signal::derive(move || WizardStep::ALL[..4].iter().map(|s| (s.number().to_string(), step_title(i18n, *s))).collect::<Vec<_>>())
                    value=step
                    on_change=Callback::new(move |v| step.set(v))
                    look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, common.choose).to_string()))
                />
                <div class="pc-actions">
                    <button type="button" class="pc-button pc-button-danger" on:click=reject disabled=move || busy.get()>{crate::ui::tr(i18n, |i| t_string!(i, review.reject))}</button>
                </div>
            </section>
        })}
    }
}
