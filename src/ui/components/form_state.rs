//! When a form shows its errors: a field's problem once the user has left the field or
//! tried to go on, and errors the field rules cannot see (a rule of the whole form, a
//! server's 422) at their field until the next edit. The wizard, the profile and the
//! other forms share this one rule.

use std::collections::HashSet;
use std::hash::Hash;

use leptos::prelude::*;

/// What a form remembers about its fields besides their values.
pub struct FormState<F: Send + Sync + 'static> {
    /// Fields the user has left.
    pub touched: RwSignal<HashSet<F>>,
    /// Going on (save, submit) was tried: every problem shows.
    pub attempted: RwSignal<bool>,
    /// Errors from outside the field rules, shown at their field until the next edit.
    pub outside: RwSignal<Vec<(F, String)>>,
}

impl<F: Send + Sync + 'static> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for FormState<F> {}

impl<F> FormState<F>
where
    F: Copy + Eq + Hash + Send + Sync + 'static,
{
    /// A form nobody has touched.
    pub fn new() -> FormState<F> {
        FormState {
            touched: RwSignal::new(HashSet::new()),
            attempted: RwSignal::new(false),
            outside: RwSignal::new(Vec::new()),
        }
    }

    /// The user left a field: its problems show from now on.
    pub fn touch(&self, field: F) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| {
                t.insert(field);
            });
        }
    }

    /// The user changed something: errors from outside the field rules no longer apply.
    pub fn edited(&self) {
        if !self.outside.with_untracked(Vec::is_empty) {
            self.outside.set(Vec::new());
        }
    }

    /// Back to untouched (after a save, or when the changes are thrown away).
    pub fn reset(&self) {
        self.touched.set(HashSet::new());
        self.attempted.set(false);
        self.outside.set(Vec::new());
    }

    /// The message to show at `field`: an outside error first; otherwise `problem` (the
    /// field rules' message, if any), once the field was left, going on was tried, or
    /// `also_shown` says the part of the form holding it was (a wizard step's "next").
    pub fn error(
        &self,
        field: F,
        also_shown: impl Fn() -> bool + Send + Sync + 'static,
        problem: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let state = *self;
        Signal::derive(move || {
            let outside = state
                .outside
                .with(|o| o.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()));
            if outside.is_some() {
                return outside;
            }
            let shown =
                state.attempted.get() || state.touched.with(|t| t.contains(&field)) || also_shown();
            if shown { problem() } else { None }
        })
    }
}

impl<F> Default for FormState<F>
where
    F: Copy + Eq + Hash + Send + Sync + 'static,
{
    fn default() -> Self {
        FormState::new()
    }
}
