//! `/`: what the current role can do next, linking to the pages that exist.

use crate::ui::router::Link;
use leptos::prelude::*;

use crate::domain::Role;
use crate::i18n::*;
use crate::ui::areas::prefetch;
use crate::ui::context::AppContext;
use crate::ui::routes::{Page, route};

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    // (text, page it links to) — plain text where the step happens elsewhere.
    let next = move || -> Vec<(String, Option<Page>)> {
        match ctx.session.with(|s| s.role) {
            Role::Visitor => vec![
                (
                    t_string!(i18n, home.visitor_1).to_string(),
                    Some(Page::Eligibility),
                ),
                (
                    t_string!(i18n, home.visitor_2).to_string(),
                    Some(Page::Apply),
                ),
            ],
            Role::MainAccount => vec![
                (t_string!(i18n, home.main_1).to_string(), None),
                (t_string!(i18n, home.main_2).to_string(), None),
                (
                    t_string!(i18n, home.main_3).to_string(),
                    Some(Page::Statements),
                ),
                (
                    t_string!(i18n, home.main_4).to_string(),
                    Some(Page::Learners),
                ),
            ],
            Role::SubAccount => vec![
                (
                    t_string!(i18n, home.sub_1).to_string(),
                    Some(Page::Settlements),
                ),
                (t_string!(i18n, home.sub_2).to_string(), Some(Page::Join)),
            ],
            Role::ChannelManager => vec![
                (
                    t_string!(i18n, home.manager_1).to_string(),
                    Some(Page::ReviewQueue),
                ),
                (t_string!(i18n, home.manager_2).to_string(), None),
                (t_string!(i18n, home.manager_3).to_string(), None),
            ],
        }
    };
    view! {
        <section class="pc-page" aria-labelledby="pc-home-heading">
            <h1 id="pc-home-heading">{crate::ui::tr(i18n, |i| t_string!(i, home.heading))}</h1>
            <p>{crate::ui::tr(i18n, |i| t_string!(i, home.next))}</p>
            <ul class="pc-next" data-testid="next-steps">
                {move || {
                    next()
                        .into_iter()
                        .map(|(text, page)| match page {
                            Some(page) => {
                                let route = route(page);
                                let area = route.area;
                                view! {
                                    <li on:pointerenter=move |_| prefetch(area) on:focusin=move |_| prefetch(area)>
                                        <Link href=format!("{base}/{}", route.href)>{text}</Link>
                                    </li>
                                }
                                .into_any()
                            }
                            None => view! { <li>{text}</li> }.into_any(),
                        })
                        .collect_view()
                }}
            </ul>
            <p class="pc-muted">{crate::ui::tr(i18n, |i| t_string!(i, home.settings_hint))}</p>
        </section>
    }
}
