//! Labelled form controls. Every control has a visible label tied to it, its hint and
//! error tied with `aria-describedby`, and `aria-invalid` while it shows an error.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The ids of a field's hint and error, for `aria-describedby`.
fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

/// The asterisk after a required field's label (hidden from screen readers, which get
/// `aria-required` on the control instead).
pub fn required_mark(required: bool) -> impl IntoView {
    required.then(|| view! { <span class="pc-required" aria-hidden="true">" *"</span> })
}

/// The error line under a control (present but empty when there is no error, so the
/// `aria-describedby` target always exists).
#[component]
pub(super) fn FieldError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! { <p id=format!("{id}-error") class="pc-field-error">{move || error.get()}</p> }
}

/// A single-line text input.
#[component]
pub fn TextField(
    /// The input's id (also the base of its hint and error ids).
    id: &'static str,
    /// The label text.
    #[prop(into)]
    label: Signal<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value on every keystroke.
    on_input: Callback<String>,
    /// The message to show, if any (none: the field has no rule of its own).
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Called when the control loses focus (validate on leave).
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    /// A hint under the control.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Marks the field as required.
    #[prop(optional)]
    required: bool,
    /// Read-only (a frozen application, a sub-account).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// `text`, `email`, `tel`, `url`, `number`, `date`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The input mode hint for on-screen keyboards.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The autocomplete token.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// For a sensitive value (a bank account number): how it shows while the field is
    /// neither being edited nor revealed; a "show" button reveals it in full.
    #[prop(default = None)]
    mask: Option<fn(&str) -> String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let focused = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    // Masked: a value is there, and the user is neither typing in it nor asked to see it.
    let masked = move || {
        mask.is_some() && !focused.get() && !revealed.get() && !value.with(String::is_empty)
    };
    let masked_untracked = move || {
        mask.is_some()
            && !focused.get_untracked()
            && !revealed.get_untracked()
            && !value.with_untracked(String::is_empty)
    };
    let shown = move || match mask {
        Some(m) if masked() => value.with(|v| m(v)),
        _ => value.get(),
    };
    // The translations are only needed for the reveal button, so a plain field works
    // outside the app's i18n provider (as in the component tests).
    let toggle = mask.map(|_| {
        let i18n = crate::i18n::use_i18n();
        view! {
            <button type="button" class="pc-button pc-button-quiet pc-reveal" aria-controls=id
                aria-pressed=move || if revealed.get() { "true" } else { "false" }
                // Only where the number may be edited: a read-only view stays masked.
                hidden=move || value.with(String::is_empty) || disabled.get()
                on:click=move |_| revealed.update(|r| *r = !*r)>
                {move || if revealed.get() {
                    crate::i18n::t_string!(i18n, common.hide_number).to_string()
                } else {
                    crate::i18n::t_string!(i18n, common.show_number).to_string()
                }}
            </button>
        }
    });
    view! {
        <div class="pc-field">
            <label for=id class="pc-label">
                {move || label.get()}
                {crate::ui::components::field::required_mark(required)}
            </label>
            <input
                id=id
                type=kind
                // The masked text is only shown while the field is not focused: focusing
                // it (click, Tab) brings the real value back at once — in the focus event
                // itself — selected whole, as a click on the mask says nothing about a
                // caret position and the usual edit is replacing the number.
                prop:value=shown
                on:focus=move |ev| {
                    if masked_untracked()
                        && let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        input.set_value(&value.get_untracked());
                        input.select();
                    }
                    focused.set(true)
                }
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| {
                    focused.set(false);
                    if let Some(cb) = on_blur {
                        cb.run(())
                    }
                }
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by(id, has_hint)
                aria-required=required.then_some("true")
                disabled=move || disabled.get()
                inputmode=inputmode
                autocomplete=autocomplete
            />
            {toggle}
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="pc-hint">{move || h.get()}</p> })}
            <FieldError id=id.to_string() error/>
        </div>
    }
}

/// A single checkbox with its label.
#[component]
pub fn CheckField(
    /// The checkbox's id.
    id: &'static str,
    /// The label text.
    #[prop(into)]
    label: Signal<String>,
    /// Checked or not.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
    /// The message to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Read-only.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="pc-field pc-check">
            <input
                id=id
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=format!("{id}-error")
                disabled=move || disabled.get()
            />
            <label for=id>{move || label.get()}</label>
            <FieldError id=id.to_string() error/>
        </div>
    }
}

/// Moves keyboard focus to the element with `id` (the first field with an error).
pub fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
