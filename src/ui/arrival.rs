//! A module on its way: the area loader and the on-demand tools both fetch code, stay
//! silent while it comes quickly, show a loading line when it does not, and then either
//! draw what arrived or say it failed.

use leptos::prelude::*;
use std::future::Future;
use std::time::Duration;

use crate::i18n::*;
use crate::ui::tr;

/// Until a module has taken this long, nothing is shown (most visits never see a spinner).
const QUIET: Duration = Duration::from_millis(150);

/// Where the fetch of a module stands.
#[derive(Clone, Copy)]
pub enum Arrival<T> {
    /// Not asked for yet, or just asked for: nothing shown.
    Quiet,
    /// Asked for and taking longer than `QUIET`: a loading line.
    Slow,
    Ready(T),
    Failed,
}

/// Sets `state` to `Quiet`, then to `Slow` if `fetch` takes longer than `QUIET`, and to
/// what `fetch` gives once it is done. The owner of `state` may be gone by then (the user
/// left the page): nothing happens.
pub fn fetch_into<T, E, F>(state: RwSignal<Arrival<T>>, fetch: F)
where
    T: Copy + Send + Sync + 'static,
    F: Future<Output = Result<T, E>> + 'static,
{
    state.set(Arrival::Quiet);
    leptos::task::spawn_local(async move {
        let next = match fetch.await {
            Ok(value) => Arrival::Ready(value),
            Err(_) => Arrival::Failed,
        };
        let _ = state.try_set(next);
    });
    set_timeout(
        move || {
            // Only a change may notify: a second run of a view that reads `state` would
            // draw it afresh and lose what the user started there.
            if matches!(state.try_get_untracked(), Some(Arrival::Quiet)) {
                state.set(Arrival::Slow);
            }
        },
        QUIET,
    );
}

/// A module a page asks for when it needs it: asked for once, and again only after a
/// failure (a retry). Once there it stays.
#[derive(Clone, Copy)]
pub struct OnDemand<T: 'static> {
    state: RwSignal<Arrival<T>>,
    asked: StoredValue<bool>,
}

impl<T: Copy + Send + Sync + 'static> Default for OnDemand<T> {
    /// Not asked for yet.
    fn default() -> Self {
        OnDemand {
            state: RwSignal::new(Arrival::Quiet),
            asked: StoredValue::new(false),
        }
    }
}

impl<T: Copy + Send + Sync + 'static> OnDemand<T> {
    /// Where the module stands (tracked).
    pub fn get(self) -> Arrival<T> {
        self.state.get()
    }

    /// Whether the module was asked for.
    pub fn asked(self) -> bool {
        self.asked.get_value()
    }

    /// Asks for the module with `load`, unless it is on its way or there.
    pub fn ask<E, F>(self, load: impl FnOnce() -> F)
    where
        F: Future<Output = Result<T, E>> + 'static,
    {
        if self.asked.get_value() && !matches!(self.state.get_untracked(), Arrival::Failed) {
            return;
        }
        self.asked.set_value(true);
        fetch_into(self.state, load());
    }
}

/// The line shown while a module is slow to arrive.
#[component]
pub fn LoadingLine() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="pc-loading" role="status">{tr(i18n, |i| t_string!(i, app.loading))}</p> }
}

/// A module that did not arrive: why, and a button that asks for it again. What the page
/// already shows stays.
#[component]
pub fn FetchFailed(
    /// Asks for the module again.
    retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="pc-alert" role="alert">{tr(i18n, |i| t_string!(i, app.area_failed_why))}</p>
        <div class="pc-actions">
            <button type="button" class="pc-button pc-button-secondary" on:click=move |_| retry.run(())>
                {tr(i18n, |i| t_string!(i, app.fetch_again))}
            </button>
        </div>
    }
}
