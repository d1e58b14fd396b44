//! Work on many rows that runs in slices (an import, sample data): how far it is, and a
//! Cancel that stops it before anything is stored.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::focus_by_id;
use crate::ui::tr;

/// One piece of work's progress, and whether the user asked it to stop.
#[derive(Clone, Copy)]
pub(super) struct Work {
    /// Percent done while the work runs; `None` when none runs.
    percent: RwSignal<Option<u32>>,
    /// Cancel was pressed.
    cancelled: RwSignal<bool>,
    /// The rows are being stored: too late to cancel.
    storing: RwSignal<bool>,
    /// The control that started the work, where the focus returns when it ends.
    back: &'static str,
}

impl Work {
    /// Work started by the control `back` (its id).
    pub(super) fn new(back: &'static str) -> Self {
        Work {
            percent: RwSignal::new(None),
            cancelled: RwSignal::new(false),
            storing: RwSignal::new(false),
            back,
        }
    }

    /// The work starts (Cancel, `cancel` by id, gets the focus the disabled tool had).
    pub(super) fn start(self, cancel: &'static str) {
        self.cancelled.set(false);
        self.storing.set(false);
        self.percent.set(Some(0));
        focus_when_drawn(cancel, false);
    }

    /// `done` of `all` are done.
    pub(super) fn advance(self, done: usize, all: usize) {
        self.percent
            .set(Some((done.saturating_mul(100) / all.max(1)).min(100) as u32));
    }

    /// Whether the user asked to stop (checked between slices).
    pub(super) fn cancelled(self) -> bool {
        self.cancelled.get_untracked()
    }

    /// Storing begins: from here the work finishes or fails as a whole.
    pub(super) fn storing(self) {
        self.percent.set(Some(100));
        self.storing.set(true);
    }

    /// Whether work runs (not tracked: read when something else changes).
    pub(super) fn running(self) -> bool {
        self.percent.get_untracked().is_some()
    }

    /// The work ended (done, failed or cancelled): the focus Cancel had goes back to the
    /// control that started it.
    pub(super) fn end(self) {
        self.percent.set(None);
        self.storing.set(false);
        focus_when_drawn(self.back, true);
    }
}

/// Focus moves to `id` once the page has drawn it — when `only_if_lost`, only if nothing
/// else holds the focus (the user may have moved on while the work ran).
fn focus_when_drawn(id: &'static str, only_if_lost: bool) {
    leptos::task::spawn_local(async move {
        crate::ui::components::browser::yield_to_page().await;
        let lost = || {
            let document = web_sys::window().and_then(|w| w.document());
            let active = document.as_ref().and_then(|d| d.active_element());
            let body = document.and_then(|d| d.body());
            match (active, body) {
                (None, _) => true,
                (Some(a), Some(b)) => a == *b,
                _ => false,
            }
        };
        if !only_if_lost || lost() {
            focus_by_id(id);
        }
    });
}

/// The progress bar with its label, and Cancel.
#[component]
pub(super) fn WorkProgress(
    work: Work,
    /// The id of the Cancel button (unique on the page).
    id: &'static str,
    /// What runs ("Importing", "Making sample data").
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        work.percent.get().map(|p| {
            view! {
                <div class="pc-progress-row">
                    <label class="pc-progress">
                        {move || if work.storing.get() { t_string!(i18n, stmt.storing).to_string() } else { label.get() }}" "
                        <progress max="100" value=p data-testid="import-progress">{p}"%"</progress>
                    </label>
                    <button type="button" id=id class="pc-button pc-button-secondary"
                        disabled=move || work.storing.get() || work.cancelled.get()
                        on:click=move |_| work.cancelled.set(true)>
                        {tr(i18n, |i| t_string!(i, stmt.cancel))}
                    </button>
                </div>
            }
        })
    }
}
