//! The wizard's shared state and the field bindings every step uses.

use leptos::prelude::*;
use std::collections::HashSet;

use super::labels::{field_id, field_label};
use crate::domain::onboarding::application::{Application, WizardStep};
use crate::domain::onboarding::application_form::{ApplicationForm, FormField, canonical_value};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::validation_text::problem_message;
use crate::ui::components::{
    CheckField, ChoiceField, ChoiceLook, FormState, ImageUpload, TextField,
};

/// The state every step reads and writes.
#[derive(Clone, Copy)]
pub struct Wizard {
    /// The application being edited.
    pub app: RwSignal<Application>,
    /// Fields left, and field errors a server answered a submission with (422).
    pub fields: FormState<FormField>,
    /// Steps where "next" was tried (all their errors show).
    pub attempted: RwSignal<HashSet<WizardStep>>,
    /// False once submitted: the fields are frozen.
    pub editable: Signal<bool>,
    /// Files being uploaded: "next" waits for them rather than calling them missing.
    pub uploading: RwSignal<u32>,
    /// A submission is being stored: draft saves hold off.
    pub submitting: RwSignal<bool>,
}

impl Wizard {
    /// The wizard provided by the apply page.
    pub fn get() -> Wizard {
        expect_context::<Wizard>()
    }

    /// Changes the form (only while editable).
    pub fn edit(&self, f: impl FnOnce(&mut ApplicationForm)) {
        if self.editable.get_untracked() {
            self.fields.edited();
            self.app.update(|a| {
                f(&mut a.form);
                a.updated_at = Some(chrono::Utc::now());
            });
        }
    }

    /// The user left a field: it shows its canonical form from now on (see
    /// [`canonical_value`]) and its errors.
    pub fn leave(
        &self,
        field: FormField,
        get: fn(&ApplicationForm) -> String,
        set: fn(&mut ApplicationForm, String),
    ) {
        let typed = self.app.with_untracked(|a| get(&a.form));
        if let Some(value) = canonical_value(field, &typed).filter(|v| *v != typed) {
            self.edit(|f| set(f, value));
        }
        self.touch(field);
    }

    /// Marks a field as visited.
    pub fn touch(&self, field: FormField) {
        self.fields.touch(field);
    }

    /// The message to show for a field of a step, once it was visited or "next" tried.
    pub fn error(&self, i18n: I18n, step: WizardStep, field: FormField) -> Signal<Option<String>> {
        let w = *self;
        let step_attempted = move || w.attempted.with(|a| a.contains(&step));
        w.fields.error(field, step_attempted, move || {
            w.app.with(|a| {
                a.form
                    .check_step(step)
                    .into_iter()
                    .find(|e| e.field == field)
                    .map(|e| {
                        problem_message(i18n, &field_label(i18n, field), &e.problem, |o| {
                            field_label(i18n, o)
                        })
                    })
            })
        })
    }
}

/// A text field bound to a form field.
pub fn text_field(
    step: WizardStep,
    field: FormField,
    get: fn(&ApplicationForm) -> String,
    set: fn(&mut ApplicationForm, String),
    kind: &'static str,
    required: bool,
) -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    view! {
        <TextField
            id=field_id(field)
            label=Signal::derive(move || field_label(i18n, field))
            value=Signal::derive(move || w.app.with(|a| get(&a.form)))
            on_input=Callback::new(move |v: String| w.edit(|f| set(f, v)))
            on_blur=Callback::new(move |_| w.leave(field, get, set))
            error=w.error(i18n, step, field)
            required=required
            disabled=Signal::derive(move || !w.editable.get())
            kind=kind
            mask=super::labels::field_mask(field)
        />
    }
}

/// A text field without a rule of its own (the optional referrer).
pub fn optional_text(
    id: &'static str,
    label: fn(I18n) -> String,
    get: fn(&ApplicationForm) -> String,
    set: fn(&mut ApplicationForm, String),
) -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    view! {
        <TextField
            id=id
            label=Signal::derive(move || label(i18n))
            value=Signal::derive(move || w.app.with(|a| get(&a.form)))
            on_input=Callback::new(move |v: String| w.edit(|f| set(f, v)))
            disabled=Signal::derive(move || !w.editable.get())
        />
    }
}

/// A radio group bound to a form field holding a choice (stored by its `Debug` name).
pub fn choice_field(
    step: WizardStep,
    field: FormField,
    options: fn(I18n) -> Vec<(String, String)>,
    get: fn(&ApplicationForm) -> String,
    set: fn(&mut ApplicationForm, &str),
) -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    let id = field_id(field).trim_end_matches("-0");
    view! {
        <ChoiceField
            id=id
            look=ChoiceLook::Radios
            label=Signal::derive(move || field_label(i18n, field))
            options=Signal::derive(move || options(i18n))
            value=Signal::derive(move || w.app.with(|a| get(&a.form)))
            on_change=Callback::new(move |v: String| {
                w.edit(|f| set(f, &v));
                w.touch(field);
            })
            error=w.error(i18n, step, field)
            required=true
            disabled=Signal::derive(move || !w.editable.get())
        />
    }
}

/// A checkbox bound to a form field.
pub fn check_field(
    id: &'static str,
    label: Signal<String>,
    get: fn(&ApplicationForm) -> bool,
    set: fn(&mut ApplicationForm, bool),
    error: Signal<Option<String>>,
) -> impl IntoView {
    let w = Wizard::get();
    view! {
        <CheckField
            id=id
            label=label
            checked=Signal::derive(move || w.app.with(|a| get(&a.form)))
            on_change=Callback::new(move |v: bool| w.edit(|f| set(f, v)))
            error=error
            disabled=Signal::derive(move || !w.editable.get())
        />
    }
}

/// An image upload bound to a form field.
pub fn image_field(
    step: WizardStep,
    field: FormField,
    prefix: &'static str,
    get: fn(&ApplicationForm) -> Option<String>,
    set: fn(&mut ApplicationForm, Option<String>),
) -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    view! {
        <ImageUpload
            id=field_id(field)
            label=Signal::derive(move || field_label(i18n, field))
            value=Signal::derive(move || w.app.with(|a| get(&a.form)))
            on_change=Callback::new(move |v: Option<String>| {
                w.edit(|f| set(f, v));
                w.touch(field);
            })
            error=w.error(i18n, step, field)
            prefix=prefix
            required=true
            disabled=Signal::derive(move || !w.editable.get())
            uploading=w.uploading
        />
    }
}
