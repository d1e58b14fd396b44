//! A page's permission gate, read from the route table: the page's content for a role
//! that may open it, and for any other role the reason instead (the data layer refuses
//! them too, so the gate is never the only guard).

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::context::AppContext;
use crate::ui::routes::{Page, refusal};

/// Shows `children` only while the current role may open `page`. The content is built
/// when access is granted and dropped when it is lost (a role switch), never merely hidden.
#[component]
pub fn Gated(page: Page, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let allowed = AppContext::get().may_open(page);
    view! {
        <p class="pc-alert pc-alert-warn" role="status" data-testid="refused" hidden=allowed>
            {move || refusal(i18n, page)}
        </p>
        {move || allowed.get().then(|| children())}
    }
}
