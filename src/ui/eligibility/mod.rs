//! `/eligibility`: the self-check (RULES §Eligibility). Open to everyone; the inputs are kept, and
//! a type can be carried into the application wizard.

mod form;
mod results;
mod words;

pub use words::type_name;

use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Router;
use leptos::prelude::*;

use self::form::SelfCheckForm;
use self::results::Results;
use crate::data::Collection;
use crate::data::applications::start_application;
use crate::data::typed::{load, save};
use crate::domain::PartnerType;
use crate::domain::onboarding::eligibility_input::{CHECK_ID, EligibilityInput};
use crate::i18n::*;
use crate::ui::components::{StatusLine, error_message};
use crate::ui::context::AppContext;

/// The self-check page.
#[component]
pub fn EligibilityPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let input = RwSignal::new(EligibilityInput::default());
    let loaded = RwSignal::new(false);
    let status = RwSignal::new(None::<Notice>);
    // Learner counts come from the learner records once there are any (RULES §Eligibility).
    let from_records = RwSignal::new(None::<(u32, u32)>);
    // A role that may not read learners enters the counts by hand.
    use_load(
        &[Collection::Learners],
        status,
        |backend| async move {
            Ok(match crate::data::learners::all_learners(&*backend).await {
                Ok(list) if !list.is_empty() => {
                    Some(crate::domain::learning::learner::qualified_counts(&list))
                }
                _ => None,
            })
        },
        move |counts| from_records.set(counts),
    );

    // Restore what was entered last time.
    leptos::task::spawn_local(async move {
        let backend = ctx.backend();
        if let Ok(Some(saved)) =
            load::<EligibilityInput>(&*backend, Collection::EligibilityChecks, CHECK_ID).await
        {
            input.set(saved.value);
        }
        loaded.set(true);
    });
    // Keep it as it is typed (after the first load, so the empty form never overwrites).
    Effect::new(move |_| {
        let current = input.get();
        if !loaded.get_untracked() {
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            if let Err(e) = save(
                &*backend,
                Collection::EligibilityChecks,
                CHECK_ID,
                &current,
                None,
            )
            .await
            {
                status.set(Some(Notice::Problem(error_message(i18n, &e))));
            }
        });
    });

    let apply_as = Callback::new(move |t: PartnerType| {
        let backend = ctx.backend();
        let session = ctx.session.get_untracked();
        leptos::task::spawn_local(async move {
            match start_application(&*backend, &session, t).await {
                Ok(()) => router.go("/apply"),
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    });

    view! {
        <section class="pc-page" aria-labelledby="pc-elig-heading">
            <h1 id="pc-elig-heading">{crate::ui::tr(i18n, |i| t_string!(i, elig.heading))}</h1>
            <crate::ui::components::HelpLink topic="apply"/>
            <p>{crate::ui::tr(i18n, |i| t_string!(i, elig.intro))}</p>
            <StatusLine message=status/>
            <div class="pc-elig-layout">
                <SelfCheckForm input from_records/>
                <Results input=input from_records apply_as/>
            </div>
        </section>
    }
}
