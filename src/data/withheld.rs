//! Values the data layer read but does not show, left where they are: a record from a
//! newer app version (this one must neither read nor rewrite it), or a record a server
//! sent in a shape the app cannot use. Each is listed with the set-aside values so the
//! user is told, and only that record is missing — never its whole collection.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::model::{QuarantineReason, Quarantined};

/// Called whenever something new is set aside or withheld, so the UI can say so at once.
pub type Notify = Rc<dyn Fn()>;

/// The withheld values of one backend (in memory: they are found again on every read).
#[derive(Default)]
pub struct Withheld {
    entries: RefCell<BTreeMap<String, (Quarantined, String)>>,
    notify: RefCell<Option<Notify>>,
}

impl Withheld {
    /// Records that the value under `key` is not shown, and why; tells the listener the
    /// first time.
    pub fn add(&self, key: &str, reason: QuarantineReason, detail: String, raw: String) {
        let entry = Quarantined {
            key: key.to_string(),
            original_key: key.to_string(),
            reason,
            detail,
            size: raw.chars().count(),
            in_place: true,
        };
        let fresh = self
            .entries
            .borrow_mut()
            .insert(key.to_string(), (entry.clone(), raw))
            .is_none_or(|(old, _)| old != entry);
        if fresh {
            self.changed();
        }
    }

    /// Forgets `key` (it was read fine, or removed).
    pub fn clear(&self, key: &str) {
        if self.entries.borrow_mut().remove(key).is_some() {
            self.changed();
        }
    }

    /// Everything withheld now.
    pub fn list(&self) -> Vec<Quarantined> {
        self.entries
            .borrow()
            .values()
            .map(|(q, _)| q.clone())
            .collect()
    }

    /// The text of a withheld value, for export.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).map(|(_, raw)| raw.clone())
    }

    /// Sets who is told about new problems.
    pub fn set_notify(&self, notify: Notify) {
        *self.notify.borrow_mut() = Some(notify);
    }

    /// Tells the listener that the problem list changed.
    pub fn changed(&self) {
        let notify = self.notify.borrow().clone();
        if let Some(f) = notify {
            f();
        }
    }
}
