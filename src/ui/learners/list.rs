//! The admin's list of requests and learners: search, filters, sort, pages of 20, the
//! batch decision on the selected requests, removal, and the CSV export of what it shows.

use std::collections::HashSet;

use crate::ui::components::Notice;
use leptos::prelude::*;

use super::words::{method_name, state_name};
use crate::data::Collection;
use crate::data::learners::{put_learner, put_learners};
use crate::domain::common::keyed::Keyed;
use crate::domain::learning::learner::{JoinMethod, Learner, LearnerState, Qualification};
use crate::domain::learning::learner_list::{
    LearnerDecision, LearnerQuery, LearnerSort, decide_many, learners_csv,
};
use crate::i18n::*;
use crate::ui::components::time::local_minute;
use crate::ui::components::{
    Busy, ChoiceField, ChoiceLook, Status, TextField, download_text, error_message, focus_by_id,
    transition_message,
};
use crate::ui::context::AppContext;
use crate::ui::tr;

const PAGE: usize = 20;

/// What the admin chose to see, as typed into the filters.
#[derive(Clone, Copy)]
struct Choices {
    search: RwSignal<String>,
    state: RwSignal<String>,
    method: RwSignal<String>,
    sort: RwSignal<String>,
    /// Active learners holding a qualification (`passed` / `certified`), as the home
    /// page's figures link here.
    qualification: RwSignal<String>,
    page: RwSignal<usize>,
}

impl Choices {
    fn query(&self) -> LearnerQuery {
        let state = self.state.get();
        LearnerQuery {
            text: self.search.get(),
            state: (!state.is_empty()).then_some(state),
            method: JoinMethod::from_key(&self.method.get()),
            qualification: Qualification::from_key(&self.qualification.get()),
            sort: LearnerSort::from_key(&self.sort.get()).unwrap_or_default(),
        }
    }
}

/// The list card.
#[component]
pub fn LearnerList(
    learners: RwSignal<Vec<Learner>>,
    /// The learner whose records are being edited.
    records_for: RwSignal<Option<String>>,
    status: Status,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    // A link may open the list filtered (`?state=pending`, `?achievement=passed`).
    let router = crate::ui::router::Router::get();
    let asked = |key| router.query_untracked(key).unwrap_or_default();
    let choices = Choices {
        search: RwSignal::new(String::new()),
        state: RwSignal::new(asked("state")),
        qualification: RwSignal::new(asked("achievement")),
        method: RwSignal::new(String::new()),
        sort: RwSignal::new(LearnerSort::Newest.key().to_string()),
        page: RwSignal::new(0),
    };
    let page = choices.page;
    let selected = RwSignal::new(HashSet::<String>::new());
    let shown = Memo::new(move |_| choices.query().apply(learners.get()));
    let pages = move || shown.with(|f| f.len().div_ceil(PAGE).max(1));
    Effect::new(move |_| {
        if page.get() >= pages() {
            page.set(pages() - 1);
        }
    });

    let busy = Busy::new();
    let remove = Callback::new(move |(id, name): (String, String)| {
        let question = t_string!(i18n, learn.remove_confirm, name = name).to_string();
        if !crate::ui::components::browser::confirm(&question) {
            return;
        }
        let Some(mut l) = learners.with_untracked(|all| all.iter().find(|l| l.id == id).cloned())
        else {
            return;
        };
        match l.state.remove() {
            Ok(s) => l.state = s,
            Err(e) => return status.set(Some(Notice::Problem(transition_message(i18n, &e)))),
        }
        let backend = ctx.backend();
        busy.run(async move {
            match put_learner(&*backend, &l).await {
                Ok(()) => ctx.changed_in(&[Collection::Learners]),
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    });
    let export = move |_| {
        let out = shown.with_untracked(|list| learners_csv(list));
        if let Err(e) = download_text("learners.csv", "text/csv;charset=utf-8", &out) {
            status.set(Some(Notice::Problem(e)));
        }
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-learner-list-heading">
            <h2 id="pc-learner-list-heading">{tr(i18n, |i| t_string!(i, learn.list_heading))}</h2>
            <Filters choices/>
            <BatchDecision learners selected status>
                <button type="button" class="pc-button pc-button-secondary" on:click=export>{tr(i18n, |i| t_string!(i, learn.export))}</button>
            </BatchDecision>
            <p class="pc-alert" role="status" hidden=move || !shown.with(Vec::is_empty)>
                {move || if learners.with(Vec::is_empty) {
                    t_string!(i18n, learn.list_empty)
                } else {
                    t_string!(i18n, learn.list_none_found)
                }}
            </p>
            <table class="pc-table" data-testid="learners-table" hidden=move || shown.with(Vec::is_empty)>
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
                    {move || shown.get().into_iter().skip(page.get() * PAGE).take(PAGE)
                        .map(|learner| view! { <LearnerRow learner selected records_for remove/> })
                        .collect_view()}
                </tbody>
            </table>
            <nav class="pc-actions" aria-label=move || t_string!(i18n, learn.paging) hidden=move || shown.with(Vec::is_empty)>
                <button type="button" class="pc-button pc-button-quiet" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{tr(i18n, |i| t_string!(i, learn.prev))}</button>
                <span>{move || t_string!(i18n, learn.page_of, page = page.get() + 1, pages = pages(), total = shown.with(Vec::len)).to_string()}</span>
                <button type="button" class="pc-button pc-button-quiet" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{tr(i18n, |i| t_string!(i, learn.next))}</button>
            </nav>
        </section>
    }
}

/// Search, state, method and order; any change goes back to the first page.
#[component]
fn Filters(choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let first_page = move |field: RwSignal<String>| {
        Callback::new(move |v| {
            field.set(v);
            choices.page.set(0);
        })
    };
    let all = Signal::derive(move || t_string!(i18n, review.all).to_string());
    let states = move || {
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
    let methods = move || {
        JoinMethod::CHOICES
            .iter()
            .map(|m| (m.key().to_string(), method_name(i18n, *m)))
            .collect::<Vec<_>>()
    };
    let qualifications = move || {
        vec![
            (
                Qualification::PassedSalesFoundation.key().to_string(),
                t_string!(i18n, learn.q_passed).to_string(),
            ),
            (
                Qualification::CertifiedSalesManager.key().to_string(),
                t_string!(i18n, learn.q_certified).to_string(),
            ),
        ]
    };
    let orders = move || {
        [
            (LearnerSort::Newest, t_string!(i18n, learn.sort_newest)),
            (LearnerSort::Oldest, t_string!(i18n, learn.sort_oldest)),
            (LearnerSort::Name, t_string!(i18n, learn.sort_name)),
        ]
        .map(|(s, label)| (s.key().to_string(), label.to_string()))
        .to_vec()
    };
    view! {
        <div class="pc-filters">
            <TextField id="learn-search" kind="search" label=Signal::derive(move || t_string!(i18n, learn.search).to_string())
                value=choices.search on_input=first_page(choices.search)/>
            <ChoiceField id="learn-state" label=Signal::derive(move || t_string!(i18n, learn.filter_state).to_string())
                options=Signal::derive(states) value=choices.state on_change=first_page(choices.state) look=ChoiceLook::Select(all)/>
            <ChoiceField id="learn-method" label=Signal::derive(move || t_string!(i18n, learn.filter_method).to_string())
                options=Signal::derive(methods) value=choices.method on_change=first_page(choices.method) look=ChoiceLook::Select(all)/>
            <ChoiceField id="learn-qualification" label=Signal::derive(move || t_string!(i18n, learn.filter_qualification).to_string())
                options=Signal::derive(qualifications) value=choices.qualification on_change=first_page(choices.qualification) look=ChoiceLook::Select(all)/>
            <ChoiceField id="learn-sort" label=Signal::derive(move || t_string!(i18n, learn.sort).to_string())
                options=Signal::derive(orders) value=choices.sort on_change=Callback::new(move |v| choices.sort.set(v)) look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, learn.sort_newest).to_string()))/>
        </div>
    }
}

/// Approve or reject every selected request at once (a rejection with its reason); the
/// selected learners a decision does not fit are counted in the message. `children` are
/// further actions on the list, shown beside the two.
#[component]
fn BatchDecision(
    learners: RwSignal<Vec<Learner>>,
    selected: RwSignal<HashSet<String>>,
    status: Status,
    children: Children,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let decide = move |approve: bool| {
        let chosen = selected.get_untracked();
        if chosen.is_empty() {
            status.set(Some(Notice::Problem(
                t_string!(i18n, learn.none_selected).to_string(),
            )));
            return;
        }
        let why = reason.get_untracked();
        if !approve && why.trim().is_empty() {
            let field = t_string!(i18n, learn.reject_reason).to_string();
            reason_error.set(Some(
                t_string!(i18n, valid.required, field = field).to_string(),
            ));
            focus_by_id("learn-reason");
            return;
        }
        reason_error.set(None);
        let decision = if approve {
            LearnerDecision::Approve
        } else {
            LearnerDecision::Reject(why)
        };
        let (changed, skipped) =
            learners.with_untracked(|all| decide_many(all, &chosen, &decision));
        let backend = ctx.backend();
        busy.run(async move {
            // The decision is stored for the whole selection or not at all.
            if let Err(e) = put_learners(&*backend, &changed).await {
                status.set(Some(Notice::Problem(error_message(i18n, &e))));
                return;
            }
            selected.set(HashSet::new());
            reason.set(String::new());
            let done = changed.len();
            let message = t_string!(i18n, learn.decided, done = done, skipped = skipped);
            status.set(Some(Notice::Done(message.to_string())));
            ctx.changed_in(&[Collection::Learners]);
        });
    };
    // The reason comes first: it is read with "reject selected", not after it.
    view! {
        <TextField id="learn-reason" label=Signal::derive(move || t_string!(i18n, learn.reject_reason).to_string())
            value=reason on_input=Callback::new(move |v| reason.set(v)) error=reason_error/>
        <div class="pc-actions">
            <button type="button" class="pc-button" on:click=move |_| decide(true)>{tr(i18n, |i| t_string!(i, learn.approve_selected))}</button>
            <button type="button" class="pc-button pc-button-danger" on:click=move |_| decide(false)>{tr(i18n, |i| t_string!(i, learn.reject_selected))}</button>
            {children()}
        </div>
    }
}

/// One learner: a checkbox to select it, its facts, its records and (while active) its
/// removal.
#[component]
fn LearnerRow(
    learner: Learner,
    selected: RwSignal<HashSet<String>>,
    records_for: RwSignal<Option<String>>,
    remove: Callback<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(learner.id.clone());
    let name = learner.name.clone();
    let select_label = t_string!(i18n, learn.select_one, name = name.clone()).to_string();
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        selected.update(|s| {
            if on {
                s.insert(id.get_value());
            } else {
                s.remove(&id.get_value());
            }
        });
    };
    let contact = if learner.email.is_empty() {
        learner.mobile.clone()
    } else {
        learner.email.clone()
    };
    let active = learner.state == LearnerState::Active;
    view! {
        <tr>
            <td><input type="checkbox" aria-label=select_label
                prop:checked=move || selected.with(|s| s.contains(&id.get_value()))
                on:change=toggle/></td>
            <td>{name.clone()}</td>
            <td>{method_name(i18n, learner.method)}</td>
            <td>{contact}</td>
            <td>{learner.account_id.clone()}</td>
            <td>{state_name(i18n, &learner.state)}</td>
            <td>{local_minute(learner.requested_at)}</td>
            <td class="pc-actions">
                <button type="button" class="pc-button pc-button-quiet" on:click=move |_| records_for.set(Some(id.get_value()))>
                    {t!(i18n, learn.records_n, count = learner.records.len())}
                </button>
                <button type="button" class="pc-button pc-button-danger" hidden=!active
                    on:click=move |_| remove.run((id.get_value(), name.clone()))>{tr(i18n, |i| t_string!(i, learn.remove))}</button>
            </td>
        </tr>
    }
}
