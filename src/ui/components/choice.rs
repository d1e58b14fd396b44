//! One choice among a few options, drawn as a drop-down or as radio buttons. Both looks
//! share every property but the drop-down's empty first option, so they are one
//! component: a page says which look suits its options, not which props to repeat.

use leptos::prelude::*;

use super::field::{FieldError, required_mark};

/// How a choice is drawn.
#[derive(Clone, Copy)]
pub enum ChoiceLook {
    /// A drop-down whose empty first option reads this text ("please choose", "all").
    Select(Signal<String>),
    /// Radio buttons in a fieldset, for a few options all worth seeing at once.
    Radios,
}

/// What both looks draw from.
#[derive(Clone, Copy)]
struct Choice {
    id: &'static str,
    label: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
    error: Signal<Option<String>>,
    required: bool,
    disabled: Signal<bool>,
}

impl Choice {
    fn invalid(self) -> impl Fn() -> &'static str {
        move || {
            if self.error.with(Option::is_some) {
                "true"
            } else {
                "false"
            }
        }
    }
}

/// A labelled choice with its error line.
#[component]
pub fn ChoiceField(
    /// The control's id (a fieldset's for radios; also the base of the error id).
    id: &'static str,
    /// The label (a legend for radios).
    #[prop(into)]
    label: Signal<String>,
    /// The options: (value, text).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The chosen value ("" for none).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen value.
    on_change: Callback<String>,
    /// Drop-down or radio buttons.
    look: ChoiceLook,
    /// The message to show, if any (none: the field has no rule of its own).
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Marks the choice as required.
    #[prop(optional)]
    required: bool,
    /// Read-only.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let choice = Choice {
        id,
        label,
        options,
        value,
        on_change,
        error,
        required,
        disabled,
    };
    match look {
        ChoiceLook::Select(placeholder) => select(choice, placeholder).into_any(),
        ChoiceLook::Radios => radios(choice).into_any(),
    }
}

impl Choice {
    /// The label's text and the required mark (a `<label>` or a `<legend>` holds them).
    fn caption(self) -> impl IntoView {
        let label = self.label;
        view! { {move || label.get()} {required_mark(self.required)} }
    }

    /// One view per option, given its position, value, text and whether it is chosen.
    fn each_option<V: IntoView + 'static>(
        self,
        draw: impl Fn(usize, String, String, Signal<bool>) -> V + Copy + Send + Sync + 'static,
    ) -> impl IntoView {
        let (options, value) = (self.options, self.value);
        move || {
            options
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, (v, text))| {
                    let mine = v.clone();
                    draw(
                        i,
                        v,
                        text,
                        Signal::derive(move || value.with(|cur| *cur == mine)),
                    )
                })
                .collect_view()
        }
    }
}

fn select(c: Choice, placeholder: Signal<String>) -> impl IntoView {
    let Choice {
        id,
        value,
        on_change,
        error,
        required,
        disabled,
        ..
    } = c;
    view! {
        <div class="pc-field">
            <label for=id class="pc-label">{c.caption()}</label>
            <select
                id=id
                on:change=move |ev| on_change.run(event_target_value(&ev))
                aria-invalid=c.invalid()
                aria-describedby=format!("{id}-error")
                aria-required=required.then_some("true")
                disabled=move || disabled.get()
            >
                <option value="" selected=move || value.with(String::is_empty)>{move || placeholder.get()}</option>
                {c.each_option(|_, v, text, chosen| view! { <option value=v selected=chosen>{text}</option> })}
            </select>
            <FieldError id=id.to_string() error/>
        </div>
    }
}

fn radios(c: Choice) -> impl IntoView {
    let Choice {
        id,
        on_change,
        error,
        disabled,
        ..
    } = c;
    view! {
        <fieldset
            id=id
            class="pc-field pc-radios"
            aria-invalid=c.invalid()
            aria-describedby=format!("{id}-error")
            tabindex="-1"
        >
            <legend class="pc-label">{c.caption()}</legend>
            {c.each_option(move |i, v, text, chosen| {
                let input_id = format!("{id}-{i}");
                let picked = v.clone();
                view! {
                    <span class="pc-radio">
                        <input
                            type="radio"
                            id=input_id.clone()
                            name=id
                            value=v
                            prop:checked=chosen
                            on:change=move |_| on_change.run(picked.clone())
                            disabled=move || disabled.get()
                        />
                        <label for=input_id>{text}</label>
                    </span>
                }
            })}
            <FieldError id=id.to_string() error/>
        </fieldset>
    }
}
