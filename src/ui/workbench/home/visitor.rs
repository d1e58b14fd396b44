//! The visitor's home: the eligibility check, and where the application stands.

use leptos::prelude::*;

use super::href;
use crate::data::workbench::Standing;
use crate::domain::onboarding::application::ApplicationState;
use crate::i18n::*;
use crate::ui::router::Link;
use crate::ui::tr;

/// The visitor: the eligibility check, and where the application stands.
#[component]
pub(super) fn VisitorHome(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let (state, action, to) = match &standing.application {
        None => (
            t_string!(i18n, work.app_none).to_string(),
            t_string!(i18n, work.app_start).to_string(),
            "apply".to_string(),
        ),
        Some(app) => match app.status.state {
            ApplicationState::Draft => (
                t_string!(i18n, work.app_draft, step = app.step.number()).to_string(),
                t_string!(i18n, work.app_continue).to_string(),
                format!("apply/{}", app.step.number()),
            ),
            ApplicationState::Submitted => (
                t_string!(i18n, work.app_submitted).to_string(),
                t_string!(i18n, work.app_view).to_string(),
                "apply".to_string(),
            ),
            ApplicationState::Approved => (
                t_string!(i18n, work.app_approved).to_string(),
                t_string!(i18n, work.app_view).to_string(),
                "apply".to_string(),
            ),
            ApplicationState::Rejected => {
                let (reason, step) = app.returned();
                (
                    t_string!(
                        i18n,
                        work.app_returned,
                        step = step.number(),
                        reason = reason
                    )
                    .to_string(),
                    t_string!(i18n, work.app_fix).to_string(),
                    format!("apply/{}", step.number()),
                )
            }
        },
    };
    view! {
        <p>{tr(i18n, |i| t_string!(i, work.visitor_intro))}</p>
        <div class="pc-work-grid">
            <section class="pc-card" aria-labelledby="pc-home-check">
                <h2 id="pc-home-check">{tr(i18n, |i| t_string!(i, work.check_heading))}</h2>
                <p>{tr(i18n, |i| t_string!(i, work.check_text))}</p>
                <p><Link href=href("eligibility")>{tr(i18n, |i| t_string!(i, work.check_link))}</Link></p>
            </section>
            <section class="pc-card" aria-labelledby="pc-home-app">
                <h2 id="pc-home-app">{tr(i18n, |i| t_string!(i, work.app_heading))}</h2>
                <p data-testid="application-progress">{state}</p>
                <p><Link href=href(&to)>{action}</Link></p>
            </section>
        </div>
    }
}
