//! `/review` and `/review/:id`: the channel manager's application queue (RULES §Application).

mod decision;

use crate::ui::components::Notice;
use crate::ui::router::Link;
use crate::ui::router::Router;
use leptos::prelude::*;

use self::decision::Decision;
use crate::data::Collection;
use crate::data::typed::{Versioned, load, load_all};
use crate::domain::PartnerType;
use crate::domain::common::keyed::Keyed;
use crate::domain::onboarding::application::{Application, ApplicationState};
use crate::i18n::*;
use crate::ui::apply::summary::{FormSummary, History, state_name};
use crate::ui::components::time::local_minute;
use crate::ui::components::{ChoiceField, ChoiceLook, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::eligibility::type_name;
use crate::ui::load::use_load;

/// The queue with its filters.
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let state_filter = RwSignal::new("Submitted".to_string());
    let type_filter = RwSignal::new(String::new());
    // Every application; `None` until the first read, which a failure leaves in `status`.
    let apps = RwSignal::new(None::<Vec<Application>>);
    let status = RwSignal::new(None::<Notice>);
    use_load(
        &[Collection::Applications],
        status,
        |backend| async move { load_all::<Application>(&*backend, Collection::Applications).await },
        move |(good, _bad)| apps.set(Some(good.into_iter().map(|(_, v)| v.value).collect())),
    );
    let rows = move || {
        apps.with(|all| {
            all.as_ref().map(|all| {
                let sf = state_filter.get();
                let tf = type_filter.get();
                let mut list: Vec<Application> = all
                    .iter()
                    .filter(|a| sf.is_empty() || a.status.state.key() == sf)
                    .filter(|a| {
                        tf.is_empty() || a.form.partner_type.map(Keyed::key) == Some(tf.as_str())
                    })
                    .cloned()
                    .collect();
                crate::domain::common::order::sort_by_key(&mut list, |a| {
                    std::cmp::Reverse(a.submitted_at())
                });
                list
            })
        })
    };
    view! {
        <section class="pc-page" aria-labelledby="pc-review-heading">
            <h1 id="pc-review-heading">{crate::ui::tr(i18n, |i| t_string!(i, review.heading))}</h1>
            <div class="pc-filters">
                <ChoiceField
                    id="review-state"
                    label=Signal::derive(move || t_string!(i18n, review.filter_state).to_string())
                    options=Signal::derive(move || ApplicationState::CHOICES.iter().map(|s| (s.key().to_string(), state_name(i18n, *s))).collect::<Vec<_>>())
                    value=state_filter
                    on_change=Callback::new(move |v| state_filter.set(v))
                    look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, review.all).to_string()))
                />
                <ChoiceField
                    id="review-type"
                    label=Signal::derive(move || t_string!(i18n, review.filter_type).to_string())
                    options=Signal::derive(move || PartnerType::ALL.iter().map(|t| (t.key().to_string(), type_name(i18n, *t))).collect::<Vec<_>>())
                    value=type_filter
                    on_change=Callback::new(move |v| type_filter.set(v))
                    look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, review.all).to_string()))
                />
            </div>
            <StatusLine message=status/>
            {move || match rows() {
                None => view! { <p class="pc-loading" role="status" hidden=move || status.with(Option::is_some)>{crate::ui::tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="pc-muted">{crate::ui::tr(i18n, |i| t_string!(i, review.empty))}</p> }.into_any(),
                Some(list) => view! {
                    <table class="pc-table" data-testid="review-table">
                        <thead><tr>
                            <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, apply.f_company_name))}</th>
                            <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, apply.f_partner_type))}</th>
                            <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, review.submitted_at))}</th>
                            <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, apply.state_label))}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|a| {
                                let href = format!("{base}/review/{}", a.id);
                                let name = if a.form.company_name.trim().is_empty() { t_string!(i18n, review.unnamed).to_string() } else { a.form.company_name.clone() };
                                view! {
                                    <tr>
                                        <td><Link href=href>{name}</Link></td>
                                        <td>{a.form.partner_type.map(|t| type_name(i18n, t)).unwrap_or_default()}</td>
                                        <td>{a.submitted_at().map(local_minute).unwrap_or_default()}</td>
                                        <td>{state_name(i18n, a.status.state)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}

/// Where the detail page stands. Reloading the same application (every write bumps the
/// data version) keeps it `Ready`, so the decision card and its message are not rebuilt
/// (and disposed) under a task that is still finishing.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Failed(String),
    NotFound,
    Ready,
}

/// One application in full, with the decision.
#[component]
pub fn ReviewDetailPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let base = ctx.config.with_value(|c| c.route_base());
    let id = Memo::new(move |_| router.id().unwrap_or_default());
    let app = RwSignal::new(Application::default());
    let rev = RwSignal::new(0u64);
    let phase = RwSignal::new(Phase::Loading);
    let status = RwSignal::new(None::<Notice>);
    let set_phase = move |next: Phase| {
        if phase.get_untracked() != next {
            phase.set(next);
        }
    };
    // A failed read is the page's state, not a line under the decision.
    let failed = RwSignal::new(None::<Notice>);
    use_load(
        &[Collection::Applications],
        failed,
        move |backend| {
            let id = id.get();
            async move { load::<Application>(&*backend, Collection::Applications, &id).await }
        },
        move |found| {
            set_phase(match found {
                Some(Versioned { value, rev: r }) => {
                    app.set(value);
                    rev.set(r);
                    Phase::Ready
                }
                None => Phase::NotFound,
            })
        },
    );
    Effect::new(move |_| {
        if let Some(Notice::Problem(msg)) = failed.get() {
            failed.set(None);
            set_phase(Phase::Failed(msg));
        }
    });
    let phase = Memo::new(move |_| phase.get());
    view! {
        <section class="pc-page" aria-labelledby="pc-review-detail-heading">
            <p><Link href=format!("{base}/review")>{crate::ui::tr(i18n, |i| t_string!(i, review.back))}</Link></p>
            {move || match phase.get() {
                Phase::Loading => view! { <p class="pc-loading" role="status">{crate::ui::tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
                Phase::Failed(msg) => view! { <p class="pc-alert pc-alert-error" role="alert">{msg}</p> }.into_any(),
                Phase::NotFound => view! { <p class="pc-alert pc-alert-error" role="alert">{crate::ui::tr(i18n, |i| t_string!(i, error.not_found))}</p> }.into_any(),
                Phase::Ready => view! {
                    <h1 id="pc-review-detail-heading">{move || app.with(|a| a.form.company_name.clone())}</h1>
                    <p data-testid="review-state">{crate::ui::tr(i18n, |i| t_string!(i, apply.state_label))}": "<strong>{move || state_name(i18n, app.with(|a| a.status.state))}</strong></p>
                    <Decision app rev status/>
                    <FormSummary app=app/>
                    <History history=Signal::derive(move || app.with(|a| a.status.history.clone()))/>
                }.into_any(),
            }}
        </section>
    }
}
