//! The workbench (企业工作台): the home page for each role and the to-do list (the
//! `workbench` area), and the self-reconciliation (its own area). The header's to-do
//! count is the workbench's code, fetched on its own (`badge.rs`) so the shell stays lean.

mod badge;
mod home;
pub(crate) mod month_words;
mod reconciliation;
mod todo_text;
mod todos;

pub use badge::load as load_badge;
pub use home::HomePage;
pub use reconciliation::ReconciliationPage;
pub use todos::TodosPage;

use leptos::prelude::*;

use crate::data::workbench::{STANDING_READS, Standing, load_standing};
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::workbench::reconciliation::{MonthLine, SETTLEMENT_BASIS};
use crate::domain::workbench::todo::Todo;
use crate::domain::workbench::todos::{Facts, month_lines, todos};
use crate::ui::components::Status;
use crate::ui::components::time::today;
use crate::ui::context::AppContext;
use crate::ui::load::use_load;

/// The stored standing, read when the page opens and again when it changes (or the role
/// does) — and, with `each_page`, whenever another page opens or a page stored something a
/// to-do follows.
fn use_standing(status: Status, each_page: bool) -> RwSignal<Option<Standing>> {
    let ctx = AppContext::get();
    let router = crate::ui::router::Router::get();
    let standing = RwSignal::new(None::<Standing>);
    use_load(
        STANDING_READS,
        status,
        move |backend| {
            if each_page {
                router.path();
                ctx.todo_writes.track();
            }
            let session = ctx.session.get();
            async move { load_standing(&*backend, &session).await }
        },
        move |s| standing.set(Some(s)),
    );
    standing
}

/// What the to-dos and the month statuses are computed from, today.
fn facts<'a>(standing: &'a Standing, calendar: &'a WorkCalendar) -> Facts<'a> {
    let ctx = AppContext::get();
    Facts {
        role: ctx.session.with_untracked(|s| s.role),
        today: today(),
        application: standing.application.as_ref(),
        applications: &standing.applications,
        certificate: standing.certificate.as_ref(),
        sheets: &standing.sheets,
        rebates: standing.rebates.as_deref(),
        basis: SETTLEMENT_BASIS,
        customers: &standing.customers,
        learners: &standing.learners,
        partnership: standing.partnership,
        calendar,
    }
}

/// The to-dos of the signed-in role today.
fn todos_of(standing: &Standing) -> Vec<Todo> {
    let calendar = WorkCalendar::mainland();
    todos(&facts(standing, &calendar))
}

/// Every month's line, newest first, as the reconciliation computes it.
fn months_of(standing: &Standing) -> Vec<MonthLine> {
    let calendar = WorkCalendar::mainland();
    month_lines(&facts(standing, &calendar))
}
