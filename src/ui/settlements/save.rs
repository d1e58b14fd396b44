//! Where a changed sheet goes: stored, then shown in place of the old one — or, when the
//! store refuses, the reason on the page's status line. The moves and the checklist both
//! save through it.

use std::rc::Rc;

use leptos::prelude::*;

use crate::data::Backend;
use crate::data::money::save_settlement;
use crate::domain::money::settlement::SettlementSheet;
use crate::ui::I18n;
use crate::ui::components::{Notice, Status, error_message};

/// The page's side of a sheet change.
#[derive(Clone, Copy)]
pub(super) struct SheetSaver {
    /// Shows the stored sheet in place of the old one.
    pub on_saved: Callback<SettlementSheet>,
    /// The page's status line.
    pub status: Status,
    pub i18n: I18n,
    /// Tells the other readers of sheets (the workbench, the header's to-do count).
    pub ctx: crate::ui::context::AppContext,
}

impl SheetSaver {
    /// Stores `next`; `done` is the message for the status line once it is stored (none:
    /// the change shows for itself).
    pub async fn save(self, backend: Rc<dyn Backend>, next: SettlementSheet, done: Option<String>) {
        match save_settlement(&*backend, &next).await {
            Ok(()) => {
                // The header's to-do count follows sheets too.
                self.ctx.wrote_todo_data();
                if let Some(message) = done {
                    self.status.set(Some(Notice::Done(message)));
                }
                // The page may have gone while the store answered.
                let _ = self.on_saved.try_run(next);
            }
            Err(e) => self
                .status
                .set(Some(Notice::Problem(error_message(self.i18n, &e)))),
        }
    }
}
