//! The partner's home (the main account; an employee sees less): standing, to-dos,
//! rebate, payments, learners against the thresholds, unread announcements.

use leptos::prelude::*;

use super::standing::{MonthFigures, Partnership};
use super::{Figure, TodoPreview, href};
use crate::data::workbench::Standing;
use crate::domain::Role;
use crate::domain::money::statement_view::RebateOnBothBases;
use crate::domain::workbench::standing::{learner_targets, next_type_up, tally};
use crate::domain::{Cny, YearMonth};
use crate::i18n::*;
use crate::ui::components::money::money;
use crate::ui::components::time::today;
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::tr;
use crate::ui::workbench::todos_of;

/// The partner's staff (the main account, and an employee with less).
#[component]
pub(super) fn PartnerHome(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = AppContext::get();
    let main = ctx.session.with_untracked(|s| s.role) == Role::MainAccount;
    let todos = todos_of(&standing);
    let unread = standing.unread_announcements;
    view! {
        <Partnership standing=standing.clone()/>
        <div class="pc-work-grid">
            <TodoPreview todos=todos/>
            <RebateFigures rebates=standing.rebates.clone()/>
            <MonthFigures standing=standing.clone()/>
            {main.then(|| view! { <LearnerFigures standing=standing.clone()/> })}
        </div>
        <p data-testid="home-unread">
            <Link href=href("announcements")>{t_string!(i18n, work.unread, count = unread).to_string()}</Link>
        </p>
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
                <Figure label=|i| t_string!(i, work.f_joined) value=t.joined.to_string() to="learners?state=active" id="fig-joined"/>
                <Figure label=|i| t_string!(i, work.f_pending) value=t.pending.to_string() to="learners?state=pending" id="fig-pending"/>
                <Figure label=|i| t_string!(i, work.f_passed) value=t.passed.to_string() to="learners?achievement=passed" id="fig-passed"/>
                <Figure label=|i| t_string!(i, work.f_certified) value=t.certified.to_string() to="learners?achievement=certified" id="fig-certified"/>
            </dl>
            {against}
        </section>
    }
}
/// The latest statement month's rebate and the year's (billing basis, as the statements
/// page shows by default), from the statements' index; each opens the statements of
/// exactly those months.
#[component]
fn RebateFigures(rebates: Option<Vec<(YearMonth, RebateOnBothBases)>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match rebates {
        // An index an earlier version wrote: the reconciliation reads the rows once.
        None => view! {
            <p data-testid="home-rebate-unknown">
                <Link href=href("reconciliation")>{tr(i18n, |i| t_string!(i, work.rebate_unknown))}</Link>
            </p>
        }
        .into_any(),
        Some(months) => {
            let year = chrono::Datelike::year(&today());
            let latest = months.iter().rev().find(|(_, r)| r.billing != Cny::ZERO).copied();
            let year_total: Cny = months
                .iter()
                .filter(|(m, _)| m.year() == year)
                .map(|(_, r)| r.billing)
                .sum();
            match latest {
                None => view! { <p data-testid="home-rebate">{tr(i18n, |i| t_string!(i, work.rebate_none))}</p> }.into_any(),
                Some((month, r)) => view! {
                    <dl class="pc-figures" data-testid="home-rebate">
                        <div>
                            <dt>{t_string!(i18n, work.f_month_rebate, month = month.to_string()).to_string()}</dt>
                            <dd data-testid="fig-month-rebate"><Link href=href(&format!("statements?from={month}&to={month}"))>{money(r.billing)}</Link></dd>
                        </div>
                        <div>
                            <dt>{t_string!(i18n, work.f_year_rebate, year = year).to_string()}</dt>
                            <dd data-testid="fig-year-rebate"><Link href=href(&format!("statements?from={year}-01&to={year}-12"))>{money(year_total)}</Link></dd>
                        </div>
                    </dl>
                }
                .into_any(),
            }
        }
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-home-rebate">
            <h2 id="pc-home-rebate">{tr(i18n, |i| t_string!(i, work.rebate_heading))}</h2>
            {body}
        </section>
    }
}
