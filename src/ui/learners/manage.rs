//! `/learners`: the enterprise admin's learner management — enabled email domains, the
//! list of requests and learners (`list.rs`), and their records (`records.rs`).

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::components::Status;
use crate::ui::load::use_load;
use leptos::prelude::*;

use crate::ui::routes::Page;

use super::list::LearnerList;
use super::records::{RecordsEditor, RecordsImport};
use crate::data::learners::{all_learners, domains, put_domains};
use crate::domain::learning::learner::{EnabledDomains, Learner};
use crate::i18n::*;
use crate::ui::components::{StatusLine, TextField, error_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The admin page; other roles get the reason instead (the data layer refuses them too).
#[component]
pub fn LearnersPage() -> impl IntoView {
    view! {
        <Gated page=Page::Learners><LearnersManager/></Gated>
    }
}

#[component]
fn LearnersManager() -> impl IntoView {
    let _ctx = AppContext::get();
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Notice>);
    let learners = RwSignal::new(Vec::<Learner>::new());
    let enabled = RwSignal::new(EnabledDomains::default());
    use_load(
        &[Collection::Learners, Collection::LearningSettings],
        status,
        |backend| async move {
            let list = all_learners(&*backend).await?;
            Ok((list, domains(&*backend).await.ok()))
        },
        move |(list, d)| {
            learners.set(list);
            if let Some(d) = d {
                enabled.set(d);
            }
        },
    );

    let records_for = RwSignal::new(None::<String>);
    view! {
        <section class="pc-page" aria-labelledby="pc-learners-heading">
            <h1 id="pc-learners-heading">{tr(i18n, |i| t_string!(i, learn.manage_heading))}</h1>
            <crate::ui::components::HelpLink topic="learners"/>
            <StatusLine message=status/>
            <Domains enabled status/>
            <LearnerList learners records_for status/>
            <RecordsEditor learner_id=records_for learners status/>
            <RecordsImport learners status/>
        </section>
    }
}

/// The enabled email domains.
#[component]
fn Domains(enabled: RwSignal<EnabledDomains>, status: Status) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let store = move |next: EnabledDomains| {
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match put_domains(&*backend, &next).await {
                Ok(()) => enabled.set(next),
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    let add = move |_| match EnabledDomains::normalise(&typed.get_untracked()) {
        None => error.set(Some(
            t_string!(
                i18n,
                learn.bad_domain,
                field = t_string!(i18n, learn.domain).to_string()
            )
            .to_string(),
        )),
        Some(d) => {
            error.set(None);
            typed.set(String::new());
            let mut next = enabled.get_untracked();
            if !next.0.contains(&d) {
                next.0.push(d);
            }
            store(next);
        }
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-domains-heading">
            <h2 id="pc-domains-heading">{tr(i18n, |i| t_string!(i, learn.domains_heading))}</h2>
            <ul data-testid="enabled-domains">
                {move || enabled.get().0.into_iter().map(|d| {
                    let d2 = d.clone();
                    view! { <li>{d.clone()}" "
                        <button type="button" class="pc-button pc-button-quiet" on:click=move |_| { let mut n = enabled.get_untracked(); n.0.retain(|x| *x != d2); store(n); }>
                            {tr(i18n, |i| t_string!(i, learn.disable))}
                        </button></li> }
                }).collect_view()}
            </ul>
            <TextField id="learn-domain" label=Signal::derive(move || t_string!(i18n, learn.domain).to_string())
                value=typed on_input=Callback::new(move |v| typed.set(v)) error=error/>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=add>{tr(i18n, |i| t_string!(i, learn.enable))}</button>
            </div>
        </section>
    }
}
