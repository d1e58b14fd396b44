//! One save at a time: a button's work runs once however often it is clicked while a
//! slow server answers, and the button says it is busy meanwhile.

use leptos::prelude::*;
use std::future::Future;

/// Whether a button's work is running.
#[derive(Clone, Copy)]
pub struct Busy(RwSignal<bool>);

impl Default for Busy {
    fn default() -> Self {
        Busy(RwSignal::new(false))
    }
}

impl Busy {
    /// Not busy yet.
    pub fn new() -> Self {
        Busy::default()
    }

    /// Whether work is running (tracked: use it for `disabled` and `aria-busy`).
    pub fn get(self) -> bool {
        self.0.get()
    }

    /// Runs `work` unless work is already running (a second click is ignored).
    pub fn run(self, work: impl Future<Output = ()> + 'static) {
        if self.0.get_untracked() {
            return;
        }
        self.0.set(true);
        leptos::task::spawn_local(async move {
            work.await;
            // The page may have gone meanwhile.
            let _ = self.0.try_set(false);
        });
    }
}
