//! `/todos`: every to-do of the role, each linking to where it is done; the dated ones
//! can be saved to the user's calendar.

use leptos::prelude::*;

use super::todo_text::{todo_href, todo_text};
use super::{todos_of, use_standing};
use crate::domain::workbench::ics::{DayEvent, calendar};
use crate::i18n::*;
use crate::ui::components::download_text;
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

#[component]
fn TodoList() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let status = Status::default();
    let standing = use_standing(status, false);
    let todos = Memo::new(move |_| standing.with(|s| s.as_ref().map(todos_of)));
    let save_calendar = move |_| {
        let Some(list) = todos.get_untracked() else {
            return;
        };
        let events: Vec<DayEvent> = list
            .iter()
            .filter_map(|t| {
                t.due().map(|day| DayEvent {
                    uid: t.key(),
                    day,
                    summary: todo_text(i18n, t).0,
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
                    let (title, detail) = todo_text(i18n, t);
                    let due = t.due().map(|d| t_string!(i18n, work.due, date = d.to_string()).to_string());
                    view! {
                        <li class="pc-card pc-todo" data-testid=format!("todo-{}", t.key())>
                            <Link href=format!("{base}/{}", todo_href(t))>{title}</Link>
                            {detail.map(|d| view! { <p>{d}</p> })}
                            {due.map(|d| view! { <p class="pc-muted">{d}</p> })}
                        </li>
                    }
                }).collect_view();
                view! {
                    <p data-testid="todos-count">{t_string!(i18n, work.todos_count, count = list.len()).to_string()}</p>
                    <ul class="pc-todos" data-testid="todos">{items}</ul>
                    {dated.then(|| view! {
                        <p class="pc-actions">
                            <button type="button" class="pc-button pc-button-secondary" on:click=save_calendar>
                                {tr(i18n, |i| t_string!(i, work.ics))}
                            </button>
                        </p>
                    })}
                }.into_any()
            }
        }}
    }
}
