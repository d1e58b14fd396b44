//! `/learners`: the enterprise admin's learner management — enabled email domains,
//! requests and learners with search, filters, sorting and paging, decisions one or many
//! at once, removal, records, CSV export.

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::load::use_load;
use leptos::prelude::*;

use crate::ui::routes::Page;
use std::collections::HashSet;

use super::records::RecordsEditor;
use super::words::{method_name, state_name};
use crate::data::learners::{all_learners, domains, put_domains, put_learner, put_learners};
use crate::domain::keyed::Keyed;
use crate::domain::learner::{EnabledDomains, JoinMethod, Learner, LearnerState};
use crate::domain::learner_list::{LearnerQuery, LearnerSort, learners_csv};
use crate::i18n::*;
use crate::ui::components::time::local_minute;
use crate::ui::components::{
    Busy, SelectField, StatusLine, TextField, download_text, error_message, transition_message,
};
use crate::ui::context::AppContext;
use crate::ui::tr;

const PAGE: usize = 20;

/// The admin page; other roles get the reason instead (the data layer refuses them too).
#[component]
pub fn LearnersPage() -> impl IntoView {
    view! {
        <Gated page=Page::Learners><LearnersManager/></Gated>
    }
}

#[component]
fn LearnersManager() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let status = RwSignal::new(None::<(bool, String)>);
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

    let search = RwSignal::new(String::new());
    let state_filter = RwSignal::new(String::new());
    let method_filter = RwSignal::new(String::new());
    let sort = RwSignal::new(LearnerSort::Newest.key().to_string());
    let page = RwSignal::new(0usize);
    let selected = RwSignal::new(HashSet::<String>::new());
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let records_for = RwSignal::new(None::<String>);

    let filtered = Memo::new(move |_| {
        let state = state_filter.get();
        LearnerQuery {
            text: search.get(),
            state: (!state.is_empty()).then_some(state),
            method: JoinMethod::from_key(&method_filter.get()),
            sort: LearnerSort::from_key(&sort.get()).unwrap_or_default(),
        }
        .apply(learners.get())
    });
    let pages = move || filtered.with(|f| f.len().div_ceil(PAGE).max(1));
    Effect::new(move |_| {
        if page.get() >= pages() {
            page.set(pages() - 1);
        }
    });

    // Applies a decision to every selected learner it fits; the rest are reported.
    let busy = Busy::new();
    let decide = move |approve: bool| {
        let ids = selected.get_untracked();
        if ids.is_empty() {
            status.set(Some((
                true,
                t_string!(i18n, learn.none_selected).to_string(),
            )));
            return;
        }
        let why = reason.get_untracked();
        if !approve && why.trim().is_empty() {
            reason_error.set(Some(
                t_string!(
                    i18n,
                    valid.required,
                    field = t_string!(i18n, learn.reject_reason).to_string()
                )
                .to_string(),
            ));
            crate::ui::components::focus_by_id("learn-reason");
            return;
        }
        reason_error.set(None);
        let backend = ctx.backend();
        // The decision is made for the whole selection or not at all.
        let mut changed = Vec::new();
        let mut skipped = 0;
        for l in learners
            .get_untracked()
            .into_iter()
            .filter(|l| ids.contains(&l.id))
        {
            let next = if approve {
                l.state.approve()
            } else {
                l.state.reject(&why)
            };
            match next {
                Ok(s) => {
                    let mut after = l.clone();
                    after.state = s;
                    changed.push((l, after));
                }
                Err(_) => skipped += 1,
            }
        }
        busy.run(async move {
            if let Err(e) = put_learners(&*backend, &changed).await {
                status.set(Some((true, error_message(i18n, &e))));
                return;
            }
            let done = changed.len();
            selected.set(HashSet::new());
            reason.set(String::new());
            status.set(Some((
                false,
                t_string!(i18n, learn.decided, done = done, skipped = skipped).to_string(),
            )));
            ctx.changed_in(&[Collection::Learners]);
        });
    };

    let busy = Busy::new();
    let remove = move |id: String, name: String| {
        let ok = crate::ui::components::browser::confirm(
            &t_string!(i18n, learn.remove_confirm, name = name).to_string(),
        );
        if !ok {
            return;
        }
        let backend = ctx.backend();
        busy.run(async move {
            if let Some(mut l) = learners.get_untracked().into_iter().find(|l| l.id == id) {
                match l.state.remove() {
                    Ok(s) => {
                        l.state = s;
                        match put_learner(&*backend, &l).await {
                            Ok(()) => ctx.changed_in(&[Collection::Learners]),
                            Err(e) => status.set(Some((true, error_message(i18n, &e)))),
                        }
                    }
                    Err(e) => status.set(Some((true, transition_message(i18n, &e)))),
                }
            }
        });
    };

    let export = move |_| {
        let out = filtered.with_untracked(|list| learners_csv(list));
        if let Err(e) = download_text("learners.csv", "text/csv;charset=utf-8", &out) {
            status.set(Some((true, e)));
        }
    };

    let state_options = move || {
        [
            LearnerState::Pending,
            LearnerState::Active,
            LearnerState::Rejected {
                reason: String::new(),
            },
            LearnerState::Removed,
        ]
        .iter()
        .map(|s| (s.name().to_string(), state_name(i18n, s)))
        .collect::<Vec<_>>()
    };
    let method_options = move || {
        JoinMethod::CHOICES
            .iter()
            .map(|m| (m.key().to_string(), method_name(i18n, *m)))
            .collect::<Vec<_>>()
    };

    view! {
        <section class="pc-page" aria-labelledby="pc-learners-heading">
            <h1 id="pc-learners-heading">{tr(i18n, |i| t_string!(i, learn.manage_heading))}</h1>
            <StatusLine message=status/>
            <Domains enabled status/>
            <section class="pc-card" aria-labelledby="pc-learner-list-heading">
                <h2 id="pc-learner-list-heading">{tr(i18n, |i| t_string!(i, learn.list_heading))}</h2>
                <div class="pc-filters">
                    <TextField id="learn-search" kind="search" label=Signal::derive(move || t_string!(i18n, learn.search).to_string())
                        value=search on_input=Callback::new(move |v| { search.set(v); page.set(0); }) error=Signal::derive(|| None::<String>)/>
                    <SelectField id="learn-state" label=Signal::derive(move || t_string!(i18n, learn.filter_state).to_string())
                        options=Signal::derive(state_options) value=state_filter on_change=Callback::new(move |v| { state_filter.set(v); page.set(0); })
                        error=Signal::derive(|| None::<String>) placeholder=Signal::derive(move || t_string!(i18n, review.all).to_string())/>
                    <SelectField id="learn-method" label=Signal::derive(move || t_string!(i18n, learn.filter_method).to_string())
                        options=Signal::derive(method_options) value=method_filter on_change=Callback::new(move |v| { method_filter.set(v); page.set(0); })
                        error=Signal::derive(|| None::<String>) placeholder=Signal::derive(move || t_string!(i18n, review.all).to_string())/>
                    <SelectField id="learn-sort" label=Signal::derive(move || t_string!(i18n, learn.sort).to_string())
                        options=Signal::derive(move || vec![
                            (LearnerSort::Newest.key().to_string(), t_string!(i18n, learn.sort_newest).to_string()),
                            (LearnerSort::Oldest.key().to_string(), t_string!(i18n, learn.sort_oldest).to_string()),
                            (LearnerSort::Name.key().to_string(), t_string!(i18n, learn.sort_name).to_string()),
                        ])
                        value=sort on_change=Callback::new(move |v| sort.set(v))
                        error=Signal::derive(|| None::<String>) placeholder=Signal::derive(move || t_string!(i18n, learn.sort_newest).to_string())/>
                </div>
                <div class="pc-actions">
                    <button type="button" class="pc-button" on:click=move |_| decide(true)>{tr(i18n, |i| t_string!(i, learn.approve_selected))}</button>
                    <button type="button" class="pc-button pc-button-danger" on:click=move |_| decide(false)>{tr(i18n, |i| t_string!(i, learn.reject_selected))}</button>
                    <button type="button" class="pc-button pc-button-secondary" on:click=export>{tr(i18n, |i| t_string!(i, learn.export))}</button>
                </div>
                <TextField id="learn-reason" label=Signal::derive(move || t_string!(i18n, learn.reject_reason).to_string())
                    value=reason on_input=Callback::new(move |v| reason.set(v)) error=reason_error/>
                <table class="pc-table" data-testid="learners-table">
                    <thead><tr>
                        <th scope="col"><span class="pc-visually-hidden">{tr(i18n, |i| t_string!(i, learn.select))}</span></th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, learn.f_name))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, learn.method))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, learn.contact))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, learn.f_account))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, learn.filter_state))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, learn.requested))}</th>
                        <th scope="col"><span class="pc-visually-hidden">{tr(i18n, |i| t_string!(i, learn.actions))}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || filtered.get().into_iter().skip(page.get() * PAGE).take(PAGE).map(|l| {
                            let id = l.id.clone();
                            let id_check = l.id.clone();
                            let id_records = l.id.clone();
                            let name = l.name.clone();
                            let active = l.state == LearnerState::Active;
                            let select_label = t_string!(i18n, learn.select_one, name = l.name.clone()).to_string();
                            view! {
                                <tr>
                                    <td><input type="checkbox" aria-label=select_label
                                        prop:checked=move || selected.with(|s| s.contains(&id_check))
                                        on:change=move |ev| { let on = event_target_checked(&ev); let id = id.clone(); selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } }); }/></td>
                                    <td>{l.name.clone()}</td>
                                    <td>{method_name(i18n, l.method)}</td>
                                    <td>{if l.email.is_empty() { l.mobile.clone() } else { l.email.clone() }}</td>
                                    <td>{l.account_id.clone()}</td>
                                    <td>{state_name(i18n, &l.state)}</td>
                                    <td>{local_minute(l.requested_at)}</td>
                                    <td class="pc-actions">
                                        <button type="button" class="pc-button pc-button-quiet" on:click=move |_| records_for.set(Some(id_records.clone()))>
                                            {t!(i18n, learn.records_n, count = l.records.len())}
                                        </button>
                                        {active.then(|| { let id = l.id.clone(); view! {
                                            <button type="button" class="pc-button pc-button-danger" on:click=move |_| remove(id.clone(), name.clone())>{tr(i18n, |i| t_string!(i, learn.remove))}</button>
                                        }})}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <nav class="pc-actions" aria-label=move || t_string!(i18n, learn.paging)>
                    <button type="button" class="pc-button pc-button-quiet" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{tr(i18n, |i| t_string!(i, learn.prev))}</button>
                    <span>{move || t_string!(i18n, learn.page_of, page = page.get() + 1, pages = pages(), total = filtered.with(Vec::len)).to_string()}</span>
                    <button type="button" class="pc-button pc-button-quiet" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{tr(i18n, |i| t_string!(i, learn.next))}</button>
                </nav>
            </section>
            <RecordsEditor learner_id=records_for learners status/>
            <super::records::RecordsImport learners status/>
        </section>
    }
}

/// The enabled email domains.
#[component]
fn Domains(
    enabled: RwSignal<EnabledDomains>,
    status: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let store = move |next: EnabledDomains| {
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match put_domains(&*backend, &next).await {
                Ok(()) => enabled.set(next),
                Err(e) => status.set(Some((true, error_message(i18n, &e)))),
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
