//! Page scaffolding: what a page reads, read when it opens and again when that data
//! changes — and only then. Each collection has its own change counter, so a learner
//! written does not make the statements page read its 100,000 rows again.

use std::future::Future;
use std::rc::Rc;

use crate::ui::components::Notice;
use leptos::prelude::*;

use crate::data::{Backend, Collection, DataError};
use crate::i18n::*;
use crate::ui::components::{Status, error_message};
use crate::ui::context::AppContext;

/// One change counter per collection.
#[derive(Clone, Copy)]
pub struct DataVersions([RwSignal<u64>; Collection::ALL.len()]);

impl DataVersions {
    /// Every counter at zero.
    pub fn new() -> DataVersions {
        DataVersions(std::array::from_fn(|_| RwSignal::new(0)))
    }

    fn of(&self, collection: Collection) -> RwSignal<u64> {
        // The enum's declaration order is `Collection::ALL`'s order.
        self.0[collection as usize]
    }

    /// Makes the running effect or memo depend on these collections.
    pub fn track(&self, reads: &[Collection]) {
        for c in reads {
            self.of(*c).track();
        }
    }

    /// A collection's counter, without tracking it.
    pub fn current(&self, collection: Collection) -> u64 {
        self.of(collection).get_untracked()
    }

    /// A collection's counter, tracked.
    pub fn get(&self, collection: Collection) -> u64 {
        self.of(collection).get()
    }

    /// Tells the views reading these collections that they changed.
    pub fn bump(&self, changed: &[Collection]) {
        for c in changed {
            self.of(*c).update(|v| *v += 1);
        }
    }

    /// Tells every view that anything may have changed (another tab, a restored backup,
    /// a role switch).
    pub fn bump_all(&self) {
        self.bump(&Collection::ALL);
    }
}

impl Default for DataVersions {
    fn default() -> Self {
        DataVersions::new()
    }
}

/// Runs `load` now and again whenever one of `reads` changes (or a signal `load` reads
/// while starting); hands each result to `loaded`, or shows the failure in `status`.
/// Only the newest load's result is used: an older one finishing late is dropped, and so
/// is any result that arrives after the page was left.
pub fn use_load<T, Fut>(
    reads: &'static [Collection],
    status: Status,
    load: impl Fn(Rc<dyn Backend>) -> Fut + 'static,
    loaded: impl Fn(T) + Copy + 'static,
) where
    T: 'static,
    Fut: Future<Output = Result<T, DataError>> + 'static,
{
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        ctx.versions.track(reads);
        latest.update_value(|g| *g += 1);
        let mine = latest.get_value();
        let pending = load(ctx.backend());
        leptos::task::spawn_local(async move {
            let result = pending.await;
            if latest.try_get_value() != Some(mine) {
                return;
            }
            match result {
                Ok(value) => loaded(value),
                Err(e) => {
                    let _ = status.try_set(Some(Notice::Problem(error_message(i18n, &e))));
                }
            }
        });
    });
}
