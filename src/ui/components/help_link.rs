//! A page's link to the answers behind it (`/help/<topic>`).

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::tr;

/// "Rules and FAQ for this page", opening the help page at `topic`.
#[component]
pub fn HelpLink(topic: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let base = AppContext::get().config.with_value(|c| c.route_base());
    view! {
        <p class="pc-help-link pc-no-print">
            <Link href=format!("{base}/help/{topic}")>{tr(i18n, |i| t_string!(i, help.link))}</Link>
        </p>
    }
}
