//! A copy button that says whether the copy worked.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::browser::copy_text;

/// Copies `text`; `what` names it for screen readers ("Copy: invoice title").
#[component]
pub fn CopyButton(
    /// The text to copy.
    #[prop(into)]
    text: Signal<String>,
    /// What is copied, for the button's accessible name.
    #[prop(into)]
    what: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let value = text.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(copy_text(&value).await)) });
    };
    view! {
        <button type="button" class="pc-button pc-button-quiet"
            aria-label=move || t_string!(i18n, settle.copy_what, what = what.get()).to_string()
            on:click=copy>{crate::ui::tr(i18n, |i| t_string!(i, settle.copy))}</button>
        <span role="status" class="pc-hint">{move || match copied.get() {
            Some(true) => t_string!(i18n, settle.copied).to_string(),
            Some(false) => t_string!(i18n, settle.copy_failed).to_string(),
            None => String::new(),
        }}</span>
    }
}
