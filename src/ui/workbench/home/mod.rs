//! `/`: the workbench. A partner's staff see their standing — cooperation, certificate,
//! learners against the thresholds, rebate, payments, announcements — and what needs them
//! now; the channel manager sees the queues; a visitor the eligibility check and where
//! the application stands. Every figure links to the page that explains it. One file per
//! role; the cards two roles share are in `standing.rs`.

mod manager;
mod partner;
mod standing;
mod visitor;

use leptos::prelude::*;

use super::month_words::Side;
use super::todo_text::{todo_href, todo_text};
use super::use_standing;
use crate::domain::Role;
use crate::domain::workbench::todo::Todo;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::{Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::tr;
use manager::ManagerHome;
use partner::PartnerHome;
use visitor::VisitorHome;

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
/// The to-dos, the first few, with a link to all of them.
#[component]
fn TodoPreview(todos: Vec<Todo>) -> impl IntoView {
    let i18n = use_i18n();
    let side = Side::of(AppContext::get().session.with_untracked(|s| s.role));
    let count = todos.len();
    let items = todos
        .iter()
        .take(TODOS_SHOWN)
        .map(|t| {
            let (title, _) = todo_text(i18n, side, t);
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
                    <p><Link href=href("todos")>{match count {
                        1 => t_string!(i18n, work.todos_all_one).to_string(),
                        n => t_string!(i18n, work.todos_all, count = n).to_string(),
                    }}</Link></p>
                }.into_any()
            }}
        </section>
    }
}
