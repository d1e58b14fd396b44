//! The app's own file control: a translated "choose a file" button and the chosen file's
//! name, instead of the browser's untranslatable "Choose File / No file chosen". The real
//! input lies over the button, transparent, so a click, Enter or Space on it opens the
//! browser's file chooser as usual; its name comes from the field's own `<label for>`.

use leptos::prelude::*;

use crate::i18n::*;

/// The control.
#[component]
pub fn FilePicker(
    /// The input's id (its `<label for>` names it).
    id: &'static str,
    /// The `accept` attribute.
    accept: &'static str,
    /// The button's text.
    #[prop(into)]
    choose: Signal<String>,
    /// Called with the input's change event.
    on_change: impl Fn(leptos::ev::Event) + 'static,
    /// Disabled (read-only form, work in progress).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Ids of the hint and error lines.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(None::<String>);
    let changed = move |ev: leptos::ev::Event| {
        let name = super::browser::file_input(&ev)
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
            .map(|f| f.name());
        chosen.set(name);
        on_change(ev);
    };
    view! {
        <span class="pc-file-picker">
            <span class="pc-button pc-button-secondary pc-file-button" class:pc-disabled=move || disabled.get()>
                <span aria-hidden="true">{move || choose.get()}</span>
                <input id=id type="file" class="pc-file-input" accept=accept
                    aria-describedby=described_by
                    disabled=move || disabled.get()
                    on:change=changed/>
            </span>
            <span class="pc-file-name" aria-hidden="true">
                {move || chosen.get().unwrap_or_else(|| t_string!(i18n, upload.none_chosen).to_string())}
            </span>
        </span>
    }
}
