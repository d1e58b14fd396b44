//! Back / next, refusing to go forward while the step has errors, and the save indicator.

use crate::ui::router::Router;
use leptos::prelude::*;
use std::time::Duration;

use super::labels::field_id;
use super::wizard::Wizard;
use crate::domain::onboarding::application::WizardStep;
use crate::i18n::*;
use crate::ui::components::autosave::SaveState;
use crate::ui::components::focus_by_id;

/// Focus moves to the new step's heading once it is drawn.
fn focus_heading_soon() {
    set_timeout(|| focus_by_id("pc-step-heading"), Duration::from_millis(0));
}

/// The buttons under each step.
#[component]
pub fn WizardNav(step: Signal<WizardStep>, save_state: RwSignal<SaveState>) -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    let router = Router::get();
    let summary = RwSignal::new(None::<String>);

    let go = move |s: WizardStep| {
        summary.set(None);
        router.go(&format!("/apply/{}", s.number()));
        focus_heading_soon();
    };
    let back = move |_| {
        if let Some(prev) = WizardStep::from_number(step.get_untracked().number() - 1) {
            go(prev);
        }
    };
    // "Next" pressed while a file is still uploading: go on once it is stored, rather
    // than calling the file missing.
    let queued = RwSignal::new(false);
    let next = move || {
        let s = step.get_untracked();
        if w.uploading.get_untracked() > 0 {
            queued.set(true);
            summary.set(Some(t_string!(i18n, upload.wait_next).to_string()));
            return;
        }
        let errors = if w.editable.get_untracked() {
            w.app.with_untracked(|a| a.form.check_step(s))
        } else {
            Vec::new()
        };
        if let Some(first) = errors.first() {
            w.attempted.update(|a| {
                a.insert(s);
            });
            summary.set(Some(if errors.len() == 1 {
                t_string!(i18n, valid.summary_one).to_string()
            } else {
                t_string!(i18n, valid.summary, count = errors.len()).to_string()
            }));
            focus_by_id(field_id(first.field));
        } else if let Some(following) = WizardStep::from_number(s.number() + 1) {
            go(following);
        }
    };

    Effect::new(move || {
        if queued.get() && w.uploading.get() == 0 {
            queued.set(false);
            next();
        }
    });
    let next = move |_| next();

    let has_back = move || (2..=5).contains(&step.get().number());
    let has_next = move || step.get().number() <= 4;
    view! {
        <p class="pc-alert pc-alert-error" role="alert" hidden=move || summary.with(Option::is_none)>
            {move || summary.get()}
        </p>
        <div class="pc-actions pc-wizard-nav">
            <button type="button" class="pc-button pc-button-secondary" on:click=back hidden=move || !has_back()>
                {crate::ui::tr(i18n, |i| t_string!(i, apply.back))}
            </button>
            <button type="button" class="pc-button" on:click=next hidden=move || !has_next()>
                {crate::ui::tr(i18n, |i| t_string!(i, apply.next))}
            </button>
            <span class="pc-save-state pc-muted" role="status">
                {move || match save_state.get() {
                    SaveState::Idle => String::new(),
                    SaveState::Saving => t_string!(i18n, apply.saving).to_string(),
                    SaveState::Saved => t_string!(i18n, apply.saved).to_string(),
                    SaveState::Failed(msg) => msg,
                }}
            </span>
        </div>
    }
}
