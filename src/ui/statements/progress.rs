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
}

impl Work {
    pub(super) fn new() -> Self {
        Work {
            percent: RwSignal::new(None),
            cancelled: RwSignal::new(false),
            storing: RwSignal::new(false),
        }
    }

    /// The work starts (Cancel gets the focus the disabled tool had).
    pub(super) fn start(self, id: &'static str) {
        self.cancelled.set(false);
        self.storing.set(false);
        self.percent.set(Some(0));
        request_animation_focus(id);
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

    /// The work ended (done, failed or cancelled).
    pub(super) fn end(self) {
        self.percent.set(None);
        self.storing.set(false);
    }
}

/// Focus moves to the Cancel button once it is drawn.
fn request_animation_focus(id: &'static str) {
    leptos::task::spawn_local(async move {
        crate::ui::components::browser::yield_to_page().await;
        focus_by_id(id);
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
