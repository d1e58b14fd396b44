//! `/`: the workbench. A partner's staff see their standing — cooperation, certificate,
//! learners against the thresholds, rebate, payments, announcements — and what needs them
//! now; the channel manager sees the queues; a visitor the eligibility check and where
//! the application stands. Every figure links to the page that explains it.

use leptos::prelude::*;

use super::todo_text::{todo_href, todo_text};
use super::{todos_of, use_standing};
use crate::data::money::load_month_rebates;
use crate::data::workbench::Standing;
use crate::domain::Role;
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::money::settlement::{PaymentOutlook, SettlementState};
use crate::domain::money::statement_view::RebateOnBothBases;
use crate::domain::onboarding::application::ApplicationState;
use crate::domain::partner::certificate::{CertificateState, Validity};
use crate::domain::workbench::standing::{learner_targets, next_type_up, tally};
use crate::domain::workbench::todos::Todo;
use crate::domain::{Cny, YearMonth};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;
use crate::ui::components::time::today;
use crate::ui::components::{Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::tr;

/// How many to-dos the home page lists before "all to-dos".
const TODOS_SHOWN: usize = 5;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let status = Status::default();
    let standing = use_standing(status, false);
    let role = move || ctx.session.with(|s| s.role);
    view! {
        <section class="pc-page" aria-labelledby="pc-home-heading">
            <h1 id="pc-home-heading">{tr(i18n, |i| t_string!(i, home.heading))}</h1>
            <StatusLine message=status/>
            {move || match (role(), standing.get()) {
                (_, None) => view! { <p class="pc-loading" role="status">{tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
                (Role::Visitor, Some(s)) => view! { <VisitorHome standing=s/> }.into_any(),
                (Role::ChannelManager, Some(s)) => view! { <ManagerHome standing=s/> }.into_any(),
                (_, Some(s)) => view! { <PartnerHome standing=s/> }.into_any(),
            }}
        </section>
    }
}

/// A link under the console's base.
fn href(to: &str) -> String {
    let base = AppContext::get().config.with_value(|c| c.route_base());
    format!("{base}/{to}")
}

/// One figure: its label, its value linking to the page that explains it.
#[component]
fn Figure(
    label: fn(I18n) -> &'static str,
    #[prop(into)] value: String,
    to: &'static str,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div>
            <dt>{tr(i18n, label)}</dt>
            <dd data-testid=id><Link href=href(to)>{value}</Link></dd>
        </div>
    }
}

/// The visitor: the eligibility check, and where the application stands.
#[component]
fn VisitorHome(standing: Standing) -> impl IntoView {
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
                let (reason, step) = app
                    .status
                    .rejection
                    .clone()
                    .unwrap_or((String::new(), app.step));
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

/// The to-dos, the first few, with a link to all of them.
#[component]
fn TodoPreview(todos: Vec<Todo>) -> impl IntoView {
    let i18n = use_i18n();
    let count = todos.len();
    let items = todos
        .iter()
        .take(TODOS_SHOWN)
        .map(|t| {
            let (title, _) = todo_text(i18n, t);
            view! { <li><Link href=href(&todo_href(t))>{title}</Link></li> }
        })
        .collect_view();
    view! {
        <section class="pc-card" aria-labelledby="pc-home-todos">
            <h2 id="pc-home-todos">{tr(i18n, |i| t_string!(i, work.todos_heading))}</h2>
            {if count == 0 {
                view! { <p data-testid="home-todos">{tr(i18n, |i| t_string!(i, work.todos_none))}</p> }.into_any()
            } else {
                view! {
                    <ul class="pc-next" data-testid="home-todos">{items}</ul>
                    <p><Link href=href("todos")>{t_string!(i18n, work.todos_all, count = count).to_string()}</Link></p>
                }.into_any()
            }}
        </section>
    }
}

/// The partnership's standing: cooperation, type, certificate.
#[component]
fn Partnership(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let partnership = crate::ui::termination::state_name(i18n, standing.partnership);
    let partner_type = standing.partner_type.map_or_else(
        || t_string!(i18n, work.type_unknown).to_string(),
        |t| crate::ui::eligibility::type_name(i18n, t),
    );
    let certificate = match standing.certificate.as_ref() {
        None => t_string!(i18n, work.cert_none).to_string(),
        Some(c) => match (&c.state, c.state.validity(today())) {
            (CertificateState::Requested, _) => t_string!(i18n, work.cert_requested).to_string(),
            (CertificateState::Rejected { .. }, _) => {
                t_string!(i18n, work.cert_rejected).to_string()
            }
            (_, Some(Validity::Valid { until })) => {
                t_string!(i18n, work.cert_valid, date = until.to_string()).to_string()
            }
            (_, Some(Validity::Expired { until })) => {
                t_string!(i18n, work.cert_expired, date = until.to_string()).to_string()
            }
            (_, None) => t_string!(i18n, work.cert_none).to_string(),
        },
    };
    view! {
        <dl class="pc-figures" data-testid="home-partnership">
            <Figure label=|i| t_string!(i, work.f_partnership) value=partnership to="termination" id="fig-partnership"/>
            <Figure label=|i| t_string!(i, work.f_type) value=partner_type to="profile" id="fig-type"/>
            <Figure label=|i| t_string!(i, work.f_certificate) value=certificate to="certificate" id="fig-certificate"/>
        </dl>
    }
}

/// Learners against the thresholds of the partner's type and of the next type up.
#[component]
fn LearnerFigures(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let t = tally(&standing.learners);
    let against = standing.partner_type.map(|pt| {
        let line = |pt| {
            let goal = learner_targets(pt);
            let key = if t.meets(goal) {
                "pc-met"
            } else {
                "pc-not-met"
            };
            // Only what the type asks for: a threshold of 0 is not a requirement.
            let mut asks = Vec::new();
            if goal.passed > 0 {
                asks.push(t_string!(i18n, work.goal_passed, count = goal.passed).to_string());
            }
            if goal.certified > 0 {
                asks.push(t_string!(i18n, work.goal_certified, count = goal.certified).to_string());
            }
            let text = t_string!(
                i18n,
                work.learner_goal,
                kind = crate::ui::eligibility::type_name(i18n, pt),
                asks = asks.join(t_string!(i18n, work.goal_and))
            )
            .to_string();
            view! { <li class=key>{text}</li> }
        };
        view! {
            <ul class="pc-next" data-testid="learner-goals">
                {line(pt)}
                {next_type_up(pt).map(line)}
            </ul>
        }
    });
    view! {
        <section class="pc-card" aria-labelledby="pc-home-learners">
            <h2 id="pc-home-learners">{tr(i18n, |i| t_string!(i, work.learners_heading))}</h2>
            <dl class="pc-figures">
                <Figure label=|i| t_string!(i, work.f_joined) value=t.joined.to_string() to="learners" id="fig-joined"/>
                <Figure label=|i| t_string!(i, work.f_pending) value=t.pending.to_string() to="learners" id="fig-pending"/>
                <Figure label=|i| t_string!(i, work.f_passed) value=t.passed.to_string() to="learners" id="fig-passed"/>
                <Figure label=|i| t_string!(i, work.f_certified) value=t.certified.to_string() to="learners" id="fig-certified"/>
            </dl>
            {against}
        </section>
    }
}

/// The latest statement month's rebate and the year's (billing basis, as the statements
/// page shows by default), from the statements' index.
#[component]
fn RebateFigures() -> impl IntoView {
    let i18n = use_i18n();
    let status = Status::default();
    let months = RwSignal::new(None::<Vec<(YearMonth, RebateOnBothBases)>>);
    // From the statements' index: the home page never reads every row.
    let unknown = RwSignal::new(false);
    crate::ui::load::use_load(
        &[crate::data::Collection::Statements],
        status,
        |backend| async move { load_month_rebates(&*backend).await },
        move |m: Option<_>| match m {
            Some(m) => months.set(Some(m)),
            None => unknown.set(true),
        },
    );
    view! {
        <section class="pc-card" aria-labelledby="pc-home-rebate">
            <h2 id="pc-home-rebate">{tr(i18n, |i| t_string!(i, work.rebate_heading))}</h2>
            <StatusLine message=status/>
            <p hidden=move || !unknown.get() data-testid="home-rebate-unknown">
                <Link href=href("reconciliation")>{tr(i18n, |i| t_string!(i, work.rebate_unknown))}</Link>
            </p>
            {move || months.get().map(|months| {
                let year = chrono::Datelike::year(&today());
                let latest = months.iter().rev().find(|(_, r)| r.billing != Cny::ZERO).copied();
                let year_total: Cny = months.iter().filter(|(m, _)| m.year() == year).map(|(_, r)| r.billing).sum();
                match latest {
                    None => view! { <p data-testid="home-rebate">{tr(i18n, |i| t_string!(i, work.rebate_none))}</p> }.into_any(),
                    Some((month, r)) => view! {
                        <dl class="pc-figures" data-testid="home-rebate">
                            <div>
                                <dt>{t_string!(i18n, work.f_month_rebate, month = month.to_string()).to_string()}</dt>
                                <dd data-testid="fig-month-rebate"><Link href=href("statements")>{money(r.billing)}</Link></dd>
                            </div>
                            <div>
                                <dt>{t_string!(i18n, work.f_year_rebate, year = year).to_string()}</dt>
                                <dd data-testid="fig-year-rebate"><Link href=href("statements")>{money(year_total)}</Link></dd>
                            </div>
                        </dl>
                    }.into_any(),
                }
            })}
        </section>
    }
}

/// Payments expected (with their window) and held (with the reason).
#[component]
fn PaymentFigures(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let calendar = WorkCalendar::mainland();
    let arrears = !crate::domain::money::customer::total_arrears(&standing.customers).is_zero();
    let mut rows: Vec<_> = standing
        .sheets
        .iter()
        .filter(|s| s.state != SettlementState::Paid)
        .map(|s| {
            let hold = crate::domain::money::settlement::payment_hold(arrears, s.contract_on_file);
            (
                s.id.clone(),
                s.month,
                s.amount(),
                s.outlook(hold, &calendar),
            )
        })
        .collect();
    rows.sort_by_key(|r| r.1);
    let items = rows
        .into_iter()
        .map(|(id, month, amount, outlook)| {
            let (text, tone) = match &outlook {
                PaymentOutlook::Held(hold) => (crate::ui::settlements::hold_text(i18n, *hold), "pc-not-met"),
                PaymentOutlook::Expected(w) => (
                    t_string!(i18n, work.pay_expected, window = crate::ui::settlements::window_text(i18n, w)).to_string(),
                    "",
                ),
                PaymentOutlook::AwaitingReceipt => (t_string!(i18n, work.pay_awaiting).to_string(), ""),
                PaymentOutlook::Paid(_) => (String::new(), ""),
            };
            view! {
                <li class=tone>
                    <Link href=href(&format!("settlements/{id}"))>{format!("{month} · {}", money(amount))}</Link>
                    " "{text}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pc-card" aria-labelledby="pc-home-pay">
            <h2 id="pc-home-pay">{tr(i18n, |i| t_string!(i, work.pay_heading))}</h2>
            <ul class="pc-next" data-testid="home-payments">{items}</ul>
            <p class="pc-muted"><Link href=href("settlements")>{tr(i18n, |i| t_string!(i, work.pay_all))}</Link></p>
        </section>
    }
}

/// The partner's staff (the main account, and an employee with less).
#[component]
fn PartnerHome(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = AppContext::get();
    let main = ctx.session.with_untracked(|s| s.role) == Role::MainAccount;
    let todos = todos_of(&standing);
    let unread = standing.unread_announcements;
    view! {
        <Partnership standing=standing.clone()/>
        <div class="pc-work-grid">
            <TodoPreview todos=todos/>
            <RebateFigures/>
            <PaymentFigures standing=standing.clone()/>
            {main.then(|| view! { <LearnerFigures standing=standing.clone()/> })}
        </div>
        <p data-testid="home-unread">
            <Link href=href("announcements")>{t_string!(i18n, work.unread, count = unread).to_string()}</Link>
        </p>
    }
}

/// The channel manager: the queues, and the partner's standing.
#[component]
fn ManagerHome(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = standing
        .applications
        .iter()
        .filter(|a| a.status.state == ApplicationState::Submitted)
        .count();
    let certificates = usize::from(matches!(
        standing.certificate.as_ref().map(|c| &c.state),
        Some(CertificateState::Requested)
    ));
    let sheets = standing
        .sheets
        .iter()
        .filter(|s| {
            matches!(
                s.state,
                SettlementState::DocumentsSent
                    | SettlementState::Received
                    | SettlementState::Corrected
            )
        })
        .count();
    let todos = todos_of(&standing);
    view! {
        <dl class="pc-figures" data-testid="manager-queues">
            <Figure label=|i| t_string!(i, work.q_applications) value=waiting.to_string() to="review" id="queue-applications"/>
            <Figure label=|i| t_string!(i, work.q_certificates) value=certificates.to_string() to="certificate" id="queue-certificates"/>
            <Figure label=|i| t_string!(i, work.q_sheets) value=sheets.to_string() to="settlements" id="queue-sheets"/>
        </dl>
        <Partnership standing=standing.clone()/>
        <div class="pc-work-grid">
            <TodoPreview todos=todos/>
            <PaymentFigures standing=standing/>
        </div>
        <p class="pc-muted">{tr(i18n, |i| t_string!(i, work.manager_note))}</p>
    }
}
