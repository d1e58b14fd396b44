//! Navigation: only the sections that exist and that the current role may use.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::areas::prefetch;
use crate::ui::context::AppContext;
use crate::ui::router::{Link, Router};
use crate::ui::routes::{nav_for, section_of};

/// Whether the navigation is open on a narrow screen, where it hides behind the header's
/// menu button (on wider screens it is always shown).
#[derive(Clone, Copy)]
pub struct NavMenu(pub RwSignal<bool>);

/// The main navigation.
#[component]
pub fn Nav() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let NavMenu(open) = expect_context::<NavMenu>();
    // Following a link closes the menu (the new page takes focus).
    let router = Router::get();
    Effect::new(move |_| {
        let _ = router.path();
        open.set(false);
    });
    // The entry of the page shown (a detail page's list; none for an unknown address).
    let shown = Memo::new(move |_| router.page().map(section_of));
    view! {
        <nav id="pc-nav" class="pc-nav" class:pc-nav-open=move || open.get()
            aria-label=move || t_string!(i18n, header.main_nav)>
            <ul>
                {move || {
                    let role = ctx.session.with(|s| s.role);
                    nav_for(role)
                        .filter_map(|route| Some((route, route.label?)))
                        .map(|(route, label)| {
                            let href = format!("{base}/{}", route.href);
                            let area = route.area;
                            // Pointing at or tabbing to a link starts fetching its area,
                            // so the click rarely waits (see ARCHITECTURE.md §Size).
                            view! {
                                <li on:pointerenter=move |_| prefetch(area) on:focusin=move |_| prefetch(area)>
                                    <Link href=href current=Signal::derive(move || shown.get() == Some(route.href))>{move || label(i18n)}</Link>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
