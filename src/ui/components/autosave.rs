//! Saving a form as it is typed: a moment after the user pauses, in the order typed,
//! held while the form is being submitted, and at once when the page goes.

use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::data::{Backend, DataError};
use crate::i18n::*;
use crate::ui::components::error_message;
use crate::ui::context::AppContext;

/// Where a saved draft stands, for the "saved" indicator.
#[derive(Clone, PartialEq)]
pub enum SaveState {
    /// Nothing changed yet.
    Idle,
    /// A save is pending or running.
    Saving,
    /// Saved.
    Saved,
    /// The last save failed; the draft is still on screen.
    Failed(String),
}

/// How long a pause in typing is before the draft is saved.
const PAUSE: Duration = Duration::from_millis(300);

/// Saves `value` with `write` after every change once `ready` says the stored draft is
/// on screen (so the empty form never overwrites it), and reports where the save stands.
/// While `held` is true nothing is written: a submission is being stored, and a draft
/// save after it would put the pre-submission state back (over HTTP the later write
/// wins). The draft on screen is never replaced by what storage says.
pub fn use_autosave<T, Fut>(
    value: RwSignal<T>,
    ready: impl Fn() -> bool + 'static,
    held: RwSignal<bool>,
    write: impl Fn(Rc<dyn Backend>, T) -> Fut + Copy + Send + Sync + 'static,
) -> RwSignal<SaveState>
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<u64, DataError>> + 'static,
{
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let state = RwSignal::new(SaveState::Idle);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    // Bumped by every change: a save that finishes after a newer change must not say
    // "saved" (the newer one is still waiting for its turn).
    let edits = StoredValue::new(0u64);
    // Also called from a timer and when the page goes: every read tolerates a page that
    // is already gone.
    let save_now = move || {
        if held.try_get_untracked() != Some(false) {
            return;
        }
        let (Some(current), Some(edit)) = (value.try_get_untracked(), edits.try_get_value()) else {
            return;
        };
        let pending = write(ctx.backend(), current);
        leptos::task::spawn_local(async move {
            let outcome = pending.await;
            if edits.try_get_value() != Some(edit) {
                return;
            }
            let _ = state.try_set(match outcome {
                Ok(_) => SaveState::Saved,
                Err(e) => SaveState::Failed(error_message(i18n, &e)),
            });
        });
    };
    Effect::new(move |first: Option<()>| {
        value.track();
        if first.is_none() || !ready() {
            return;
        }
        edits.update_value(|n| *n += 1);
        state.set(SaveState::Saving);
        timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        timer.set_value(set_timeout_with_handle(save_now, PAUSE).ok());
    });
    // A save still waiting for its pause is written at once (and not again when the
    // timer fires).
    let flush = move || {
        if let Some(Some(h)) = timer.try_update_value(Option::take) {
            h.clear();
        }
        if state.try_get_untracked() == Some(SaveState::Saving) {
            save_now();
        }
    };
    // A reload, a typed address or a closed tab does not wait for the pause: the page is
    // hidden first, and the write (browser storage, or remote mode's local draft) is done
    // before the page goes.
    let on_hide = window_event_listener_untyped("pagehide", move |_| flush());
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            flush();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
        // Leaving the page for another of the app's pages.
        flush();
    });
    state
}
