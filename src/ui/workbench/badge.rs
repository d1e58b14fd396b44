//! The header's to-do count. Counting reads the partner's records and runs the to-do
//! rules — code the shell does not otherwise need — so the count is a module of its own,
//! asked for once the shell is up, and drawn when it arrives (nothing is shown before).

use leptos::prelude::*;

use super::{todos_of, use_standing};
use crate::domain::Role;
use crate::i18n::*;
use crate::ui::components::Status;
use crate::ui::context::AppContext;
use crate::ui::router::Link;

on_demand!(todo_badge, load: fn() -> AnyView = draw_badge);

fn draw_badge() -> AnyView {
    view! { <TodoBadge/> }.into_any()
}

/// "待办 3", linking to the list; nothing while there is nothing (or nothing read yet).
#[component]
fn TodoBadge() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    // A failed read leaves the count out; the pages say what went wrong.
    // Counted again on every move to another page too: a page that stores without
    // telling the change counters still moves the count.
    let standing = use_standing(Status::default(), true);
    let count = Memo::new(move |_| standing.with(|s| s.as_ref().map_or(0, |s| todos_of(s).len())));
    move || {
        let n = count.get();
        (n > 0 && ctx.session.with(|s| s.role) != Role::Visitor).then(|| {
            view! {
                <Link href=format!("{base}/todos")>
                    <span class="pc-todo-badge" data-testid="todo-count">
                        {t_string!(i18n, work.badge, count = n).to_string()}
                    </span>
                </Link>
            }
        })
    }
}
