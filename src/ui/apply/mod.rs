//! `/apply` and `/apply/:step`: the application wizard (RULES §Application). The draft is saved as
//! it is typed and reopens where the applicant left it, files included.
//!
//! Steps ③ to ⑥ (the company's details, contact and bank with their uploads, the summary
//! and the result) are a module of their own (`split_later_steps`): an applicant starting
//! at ① or ② does not wait for them. It is fetched when step ② shows (so "next" finds it
//! there) or when the wizard opens at a later step.

pub mod labels;
mod nav;
mod review_step;
mod steps;
pub mod summary;
mod wizard;

pub use labels::{field_label, step_title};

use crate::ui::router::Router;
use leptos::prelude::*;
use std::collections::HashSet;

use self::nav::WizardNav;
use self::review_step::{PartnerStep, ReviewStep};
use self::steps::{StepBasic, StepContactBank, StepSupplier, StepVerification};
use self::wizard::Wizard;
use crate::data::applications::{load_mine, store};
use crate::domain::onboarding::application::{Application, ApplicationState, WizardStep};
use crate::i18n::*;
use crate::ui::arrival::{Arrival, FetchFailed, LoadingLine, OnDemand};
use crate::ui::components::autosave::{SaveState, use_autosave};
use crate::ui::components::{FormState, Stepper, error_message};
use crate::ui::context::AppContext;

/// Draws one of steps ③ to ⑥.
pub type DrawLaterStep = fn(WizardStep) -> AnyView;

fn draw_later_step(step: WizardStep) -> AnyView {
    match step {
        WizardStep::BasicInformation => view! { <StepBasic/> }.into_any(),
        WizardStep::ContactAndBank => view! { <StepContactBank/> }.into_any(),
        WizardStep::QualificationReview => view! { <ReviewStep/> }.into_any(),
        WizardStep::Partner => view! { <PartnerStep/> }.into_any(),
        WizardStep::SupplierDeclaration => view! { <StepSupplier/> }.into_any(),
        WizardStep::EnterpriseVerification => view! { <StepVerification/> }.into_any(),
    }
}

on_demand!(later_steps, load: DrawLaterStep = draw_later_step);

/// The step the wizard may show: the one asked for, but never past the first step with
/// problems while drafting, and the result steps once submitted.
fn allowed_step(app: &Application, asked: Option<WizardStep>) -> WizardStep {
    match app.status.state {
        ApplicationState::Approved => WizardStep::Partner,
        ApplicationState::Submitted | ApplicationState::Rejected => asked
            .filter(|s| *s <= WizardStep::QualificationReview)
            .unwrap_or(WizardStep::QualificationReview),
        ApplicationState::Draft => {
            let limit = app
                .form
                .first_incomplete_step()
                .unwrap_or(WizardStep::QualificationReview);
            asked
                .unwrap_or(app.step)
                .min(limit)
                .min(WizardStep::QualificationReview)
        }
    }
}

/// The wizard page.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let loaded = RwSignal::new(None::<Result<(), String>>);
    let app = RwSignal::new(Application::default());
    // True while a submission is being stored: a draft save then must not follow it
    // with the pre-submission state (over HTTP the later write would win).
    let submitting = RwSignal::new(false);

    leptos::task::spawn_local(async move {
        let backend = ctx.backend();
        let session = ctx.session.get_untracked();
        match load_mine(&*backend, &session).await {
            Ok(v) => {
                app.set(v.value);
                loaded.set(Some(Ok(())));
            }
            Err(e) => loaded.set(Some(Err(error_message(i18n, &e)))),
        }
    });

    // Save as the user types, once the stored draft is on screen.
    let save_state = use_autosave(
        app,
        move || matches!(loaded.get_untracked(), Some(Ok(()))),
        submitting,
        |backend, current: Application| async move { store(&*backend, &current).await },
    );

    view! {
        <section class="pc-page pc-apply" aria-labelledby="pc-apply-heading">
            <h1 id="pc-apply-heading">{crate::ui::tr(i18n, |i| t_string!(i, apply.heading))}</h1>
            <crate::ui::components::HelpLink topic="apply"/>
            {move || match loaded.get() {
                None => view! { <p class="pc-loading" role="status">{crate::ui::tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
                Some(Err(msg)) => view! { <p class="pc-alert pc-alert-error" role="alert">{msg}</p> }.into_any(),
                Some(Ok(())) => view! { <WizardBody app save_state submitting/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn WizardBody(
    app: RwSignal<Application>,
    save_state: RwSignal<SaveState>,
    submitting: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = Router::get();
    let wizard = Wizard {
        app,
        fields: FormState::new(),
        attempted: RwSignal::new(HashSet::new()),
        editable: Signal::derive(move || app.with(|a| a.status.state.is_editable())),
        uploading: RwSignal::new(0),
        submitting,
    };
    provide_context(wizard);

    let asked = Memo::new(move |_| {
        router
            .id()
            .and_then(|s| s.parse::<u8>().ok())
            .and_then(WizardStep::from_number)
    });
    let step = Memo::new(move |_| app.with(|a| allowed_step(a, asked.get())));
    // Keep the URL and the stored step in line with the step shown.
    Effect::new(move |_| {
        let s = step.get();
        if asked.get() != Some(s) {
            router.replace(&format!("/apply/{}", s.number()));
        }
        if app.with_untracked(|a| a.step != s && a.status.state.is_editable()) {
            app.update(|a| a.step = s);
        }
    });

    // Steps ③ to ⑥ arrive with their own module, asked for from step ② on (again after a
    // failure, when the applicant asks).
    let later = OnDemand::default();
    Effect::new(move |_| {
        if step.get() >= WizardStep::EnterpriseVerification {
            later.ask(load);
        }
    });

    let titles = Signal::derive(move || {
        WizardStep::ALL
            .iter()
            .map(|s| labels::step_title(i18n, *s))
            .collect::<Vec<_>>()
    });
    view! {
        <Stepper titles current=Signal::derive(move || step.get().number()) label=Signal::derive(move || t_string!(i18n, apply.progress).to_string())/>
        {move || app.with(|a| a.status.rejection.clone()).filter(|_| app.with(|a| a.status.state != ApplicationState::Approved)).map(|(reason, s)| view! {
            <div class="pc-alert pc-alert-error" role="alert" data-testid="rejection">
                {t!(i18n, apply.rejected_banner, step = labels::step_title(i18n, s), reason = reason.clone())}
            </div>
        })}
        <form class="pc-card pc-step-form" novalidate on:submit=|ev| ev.prevent_default()>
            <h2 id="pc-step-heading" tabindex="-1">{move || labels::step_title(i18n, step.get())}</h2>
            {move || match step.get() {
                WizardStep::SupplierDeclaration => view! { <StepSupplier/> }.into_any(),
                WizardStep::EnterpriseVerification => view! { <StepVerification/> }.into_any(),
                s => match later.get() {
                    Arrival::Quiet => ().into_any(),
                    Arrival::Slow => view! { <LoadingLine/> }.into_any(),
                    Arrival::Ready(draw) => draw(s),
                    Arrival::Failed => view! { <FetchFailed retry=Callback::new(move |_| later.ask(load))/> }.into_any(),
                },
            }}
            <WizardNav step=Signal::from(step) save_state/>
        </form>
    }
}
