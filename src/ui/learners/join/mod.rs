//! `/join`: an employee joins the enterprise on the learning platform, by enterprise
//! email (active at once) or by account application (waits for the admin), and sees the
//! state and records of the requests made from this browser.

use leptos::prelude::*;

use super::words::{achievement_name, method_name, state_name};
use crate::data::Collection;
use crate::data::learners::all_learners;
use crate::domain::learning::learner::{Learner, LearnerState};
use crate::i18n::*;
use crate::ui::load::use_load;
use crate::ui::tr;

mod account;
mod email;

use account::AccountJoin;
use email::EmailJoin;

/// The join page.
#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-join-heading">
            <h1 id="pc-join-heading">{tr(i18n, |i| t_string!(i, learn.join_heading))}</h1>
            <crate::ui::components::HelpLink topic="learners"/>
            <p>{tr(i18n, |i| t_string!(i, learn.join_intro))}</p>
            <EmailJoin/>
            <AccountJoin/>
            <MyRequests/>
        </section>
    }
}

/// The state and records of the requests made from this browser (an employee sees only
/// their own).
#[component]
fn MyRequests() -> impl IntoView {
    let i18n = use_i18n();
    // `None` until the first read. A read that fails lists nothing (the form above
    // reports its own problems); the next change of the learners reads again.
    let mine = RwSignal::new(None::<Vec<Learner>>);
    use_load(
        &[Collection::Learners],
        RwSignal::new(None),
        |backend| async move {
            let ids = backend
                .settings()
                .await
                .map(|s| s.my_learners)
                .unwrap_or_default();
            let all = all_learners(&*backend).await.unwrap_or_default();
            Ok(all
                .into_iter()
                .filter(|l| ids.contains(&l.id))
                .collect::<Vec<_>>())
        },
        move |list| mine.set(Some(list)),
    );
    view! {
        <section class="pc-card" aria-labelledby="pc-mine-heading">
            <h2 id="pc-mine-heading">{tr(i18n, |i| t_string!(i, learn.mine_heading))}</h2>
            <p class="pc-hint" hidden=move || mine.with(|m| m.as_ref().is_none_or(|m| !m.is_empty()))>
                {tr(i18n, |i| t_string!(i, learn.mine_empty))}
            </p>
            <ul class="pc-mine" data-testid="my-requests">
                {move || mine.get().unwrap_or_default().into_iter().map(|l| {
                    let reason = match &l.state { LearnerState::Rejected { reason } => Some(reason.clone()), _ => None };
                    view! {
                        <li>
                            <strong>{l.name.clone()}</strong>" · "{method_name(i18n, l.method)}" · "{l.id.clone()}" · "
                            <span class="pc-state">{state_name(i18n, &l.state)}</span>
                            {reason.map(|r| view! { <span class="pc-reason">" — "{r}</span> })}
                            <ul>
                                {l.records.iter().map(|r| view! { <li>{achievement_name(i18n, r.achievement)}": "{r.title.clone()}" ("{r.date.to_string()}")"</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A random six-digit code. (A backend issues its own; this is local mode's mailbox.)
pub(super) fn new_code() -> String {
    format!(
        "{:06}",
        (js_sys::Math::random() * 1_000_000.0) as u32 % 1_000_000
    )
}
