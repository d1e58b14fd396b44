//! The page for addresses that do not exist.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::router::{Link, Router};

/// Shown for any unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let router = Router::get();
    let path = move || router.href(&router.path());
    view! {
        <section class="pc-page" aria-labelledby="pc-nf-heading">
            <h1 id="pc-nf-heading">{crate::ui::tr(i18n, |i| t_string!(i, not_found.heading))}</h1>
            <p>{move || t!(i18n, not_found.body, path = path())}</p>
            <p><Link href=router.href("/")>{crate::ui::tr(i18n, |i| t_string!(i, not_found.home))}</Link></p>
        </section>
    }
}
