//! The page for addresses that do not exist.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::*;
use crate::ui::context::AppContext;

/// Shown for any unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = AppContext::get();
    let base = ctx.config.with_value(|c| c.route_base());
    let path = use_location().pathname;
    view! {
        <section class="pc-page" aria-labelledby="pc-nf-heading">
            <h1 id="pc-nf-heading">{crate::ui::tr(i18n, |i| t_string!(i, not_found.heading))}</h1>
            <p>{move || t!(i18n, not_found.body, path = path.get())}</p>
            <p><A href=format!("{base}/")>{crate::ui::tr(i18n, |i| t_string!(i, not_found.home))}</A></p>
        </section>
    }
}
