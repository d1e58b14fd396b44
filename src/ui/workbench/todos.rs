//! `/todos`: every to-do of the role, each linking to where it is done; the dated ones
//! can be saved to the user's calendar, each event with its detail and its link.

use leptos::prelude::*;

use super::month_words::Side;
use super::todo_text::{todo_href, todo_text};
use super::{todos_of, use_standing};
use crate::domain::workbench::ics::{DayEvent, calendar};
use crate::domain::workbench::todo::{Debtor, Todo};
use crate::i18n::*;
use crate::ui::components::download_text;
use crate::ui::components::money::money;
use crate::ui::components::{Gated, Notice, Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::routes::Page;
use crate::ui::tr;

/// The page; roles without partner data get the reason instead.
#[component]
pub fn TodosPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-todos-heading">
            <h1 id="pc-todos-heading">{tr(i18n, |i| t_string!(i, work.todos_heading))}</h1>
            <Gated page=Page::Todos><TodoList/></Gated>
        </section>
    }
}

/// The page's address of a path under the console, as a calendar event links to it.
fn absolute(base: &str, to: &str) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    Some(format!("{origin}{base}/{to}"))
}

#[component]
fn TodoList() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let side = Side::of(ctx.session.with_untracked(|s| s.role));
    let status = Status::default();
    let standing = use_standing(status, false);
    let todos = Memo::new(move |_| standing.with(|s| s.as_ref().map(todos_of)));
    let calendar_base = base.clone();
    let save_calendar = move |_| {
        let Some(list) = todos.get_untracked() else {
            return;
        };
        let events: Vec<DayEvent> = list
            .iter()
            .filter_map(|t| {
                let (summary, detail) = todo_text(i18n, side, t);
                let url = absolute(&calendar_base, &todo_href(t));
                let mut description = detail.unwrap_or_default();
                if let Some(url) = &url {
                    if !description.is_empty() {
                        description.push('\n');
                    }
                    description.push_str(&t_string!(i18n, work.ics_open, url = url.clone()));
                }
                t.due().map(|day| DayEvent {
                    uid: t.key(),
                    day,
                    summary,
                    description,
                    url,
                })
            })
            .collect();
        let file = calendar(&events, chrono::Utc::now());
        if let Err(e) = download_text("partner-console-todos.ics", "text/calendar", &file) {
            status.set(Some(Notice::Problem(e)));
        }
    };
    view! {
        <p class="pc-hint">{tr(i18n, |i| t_string!(i, work.todos_intro))}</p>
        <StatusLine message=status/>
        {move || match todos.get() {
            None => view! { <p class="pc-loading" role="status">{tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
            Some(list) if list.is_empty() => view! {
                <p class="pc-alert pc-alert-ok" data-testid="todos-none">{tr(i18n, |i| t_string!(i, work.todos_none))}</p>
            }.into_any(),
            Some(list) => {
                let dated = list.iter().any(|t| t.due().is_some());
                let items = list.iter().map(|t| {
                    let (title, detail) = todo_text(i18n, side, t);
                    let due = t.due().map(|d| t_string!(i18n, work.due, date = d.to_string()).to_string());
                    let debtors = match t {
                        Todo::PaymentHeld { debtors, .. } => Some(view! { <Debtors debtors=debtors.clone()/> }),
                        _ => None,
                    };
                    view! {
                        <li class="pc-card pc-todo" data-testid=format!("todo-{}", t.key())>
                            <Link href=format!("{base}/{}", todo_href(t))>{title}</Link>
                            {detail.map(|d| view! { <p>{d}</p> })}
                            {debtors}
                            {due.map(|d| view! { <p class="pc-muted">{d}</p> })}
                        </li>
                    }
                }).collect_view();
                let count = match list.len() {
                    1 => t_string!(i18n, work.todos_count_one).to_string(),
                    n => t_string!(i18n, work.todos_count, count = n).to_string(),
                };
                view! {
                    <p data-testid="todos-count">{count}</p>
                    <ul class="pc-todos" data-testid="todos">{items}</ul>
                    {dated.then(|| view! {
                        <p class="pc-actions">
                            <button type="button" class="pc-button pc-button-secondary" on:click=save_calendar.clone()>
                                {tr(i18n, |i| t_string!(i, work.ics))}
                            </button>
                        </p>
                    })}
                }.into_any()
            }
        }}
    }
}

/// Who owes, most first: each a link to the customer, with the amount.
#[component]
fn Debtors(debtors: Vec<Debtor>) -> impl IntoView {
    let base = AppContext::get().config.with_value(|c| c.route_base());
    let items = debtors
        .into_iter()
        .map(|d| {
            let href = format!(
                "{base}/customers/{}",
                percent_encoding::utf8_percent_encode(&d.uin, percent_encoding::NON_ALPHANUMERIC)
            );
            view! {
                <li>
                    <Link href=href>{format!("{} · {}", d.name, d.uin)}</Link>
                    <span class="pc-num">{money(d.arrears)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="pc-debtors" data-testid="debtors">{items}</ul> }
}
