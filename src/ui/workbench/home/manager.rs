//! The channel manager's home: the queues, then the partner's standing.

use leptos::prelude::*;

use super::standing::{MonthFigures, Partnership};
use super::{Figure, TodoPreview};
use crate::data::workbench::Standing;
use crate::domain::workbench::todo::Queues;
use crate::i18n::*;
use crate::ui::tr;
use crate::ui::workbench::todos_of;

/// The channel manager: the queues, and the partner's standing.
#[component]
pub(super) fn ManagerHome(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let todos = todos_of(&standing);
    // The queues are what the manager's to-dos count: one rule for both.
    let q = Queues::of(&todos);
    view! {
        <dl class="pc-figures" data-testid="manager-queues">
            <Figure label=|i| t_string!(i, work.q_applications) value=q.applications.to_string() to="review" id="queue-applications"/>
            <Figure label=|i| t_string!(i, work.q_certificates) value=q.certificates.to_string() to="certificate" id="queue-certificates"/>
            <Figure label=|i| t_string!(i, work.q_sheets) value=q.sheets.to_string() to="settlements?state=to-check" id="queue-sheets"/>
        </dl>
        <Partnership standing=standing.clone()/>
        <div class="pc-work-grid">
            <TodoPreview todos=todos/>
            <MonthFigures standing=standing/>
        </div>
        <p class="pc-muted">{tr(i18n, |i| t_string!(i, work.manager_note))}</p>
    }
}
