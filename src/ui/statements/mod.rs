//! `/statements`: rebate statements — filters, basis switch, totals, trend chart, tax
//! preview, a virtualised table of up to 100,000 rows, CSV import and export, sample
//! data. Filtering, sorting and totals are `domain::money::statement_view::compute`.

mod chart;
mod filters;
mod import;
mod progress;
mod sample;
mod table;
mod tools;
mod totals;
mod words;

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::components::Status;
use crate::ui::router::Router;
use leptos::prelude::*;

use crate::ui::routes::Page;
use std::cell::RefCell;
use std::sync::Arc;

use crate::data::money::{StoredStatements, load_statements};
use crate::data::{Backend, DataError};
use crate::domain::Permission;
use crate::domain::money::statement::StatementBasis;
use crate::domain::money::statement_table::StatementTable;
use crate::domain::money::statement_view::{Sort, StatementFilter, StatementView, compute};
use crate::i18n::*;
use crate::ui::components::browser::{measure_end, measure_start};
use crate::ui::components::{StatusLine, error_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// Everything the statement page's parts share.
#[derive(Clone, Copy)]
pub(crate) struct Statements {
    /// Every stored row.
    pub rows: RwSignal<Arc<StatementTable>>,
    /// True once the rows have been read.
    pub loaded: RwSignal<bool>,
    /// The filters (already checked by the filter form).
    pub filter: RwSignal<StatementFilter>,
    /// Which month a row counts in.
    pub basis: RwSignal<StatementBasis>,
    /// The table's order.
    pub sort: RwSignal<Sort>,
    /// The filtered, sorted rows and their totals.
    pub view: Memo<Arc<StatementView>>,
    /// The page's status line.
    pub status: Status,
}

thread_local! {
    /// The rows last read, with the data version they were read at, so coming back to
    /// the page does not read 100,000 rows again.
    static CACHE: RefCell<Option<(u64, Arc<StatementTable>)>> = const { RefCell::new(None) };
}

/// Remembers rows this page wrote itself (no need to read them back).
pub(crate) fn remember(version: u64, rows: Arc<StatementTable>) {
    CACHE.with(|c| *c.borrow_mut() = Some((version, rows)));
}

/// Why the rows could not be read.
pub(crate) enum Unread {
    /// The data layer's error.
    Data(DataError),
    /// Stored as CSV by an earlier version, and the module with the reader did not arrive.
    ReaderMissing,
}

/// Every stored row. Rows an earlier version stored as CSV need the import's reader,
/// which comes with the tools' module: fetched only then.
pub(crate) async fn read_rows(backend: &dyn Backend) -> Result<StatementTable, Unread> {
    let mut reader = None;
    loop {
        match load_statements(backend, reader)
            .await
            .map_err(Unread::Data)?
        {
            StoredStatements::Read(rows) => return Ok(rows),
            StoredStatements::WrittenAsCsv if reader.is_none() => {
                let tools = tools::load().await.map_err(|_| Unread::ReaderMissing)?;
                reader = Some(tools.read_csv);
            }
            StoredStatements::WrittenAsCsv => return Err(Unread::ReaderMissing),
        }
    }
}

/// The page; roles without access to partner data get the reason instead.
#[component]
pub fn StatementsPage() -> impl IntoView {
    view! {
        <Gated page=Page::Statements><StatementsView/></Gated>
    }
}

#[component]
fn StatementsView() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let rows = RwSignal::new(Arc::new(StatementTable::default()));
    // What a link asks for: a customer, a month range (the home page's figures).
    let month = |key| {
        router
            .query_untracked(key)
            .and_then(|m| m.parse::<crate::domain::YearMonth>().ok())
    };
    let filter = RwSignal::new(StatementFilter {
        customer: router.query_untracked("customer").unwrap_or_default(),
        from: month("from"),
        to: month("to"),
        ..Default::default()
    });
    let basis = RwSignal::new(StatementBasis::BillingPeriod);
    let sort = RwSignal::new(Sort::default());
    // Filter, sort and total in Rust whenever the rows or the choices change (every
    // result is new: no comparison of 100,000 rows). The benchmark reads the
    // `pc:statements-view` measure.
    let view = Memo::new_with_compare(
        move |_| {
            let (rows, filter, basis, sort) = (rows.get(), filter.get(), basis.get(), sort.get());
            measure_start("pc:statements-view");
            let view = compute(&rows, basis, &filter, sort);
            measure_end("pc:statements-view");
            Arc::new(view)
        },
        |_, _| true,
    );
    let st = Statements {
        rows,
        loaded: RwSignal::new(false),
        filter,
        basis,
        sort,
        view,
        status: RwSignal::new(None),
    };

    // Read the rows (again when another tab changes the data).
    Effect::new(move |_| {
        let version = ctx.versions.get(Collection::Statements);
        if let Some(rows) = CACHE.with(|c| {
            c.borrow()
                .as_ref()
                .filter(|(v, _)| *v == version)
                .map(|(_, r)| r.clone())
        }) {
            st.rows.set(rows);
            st.loaded.set(true);
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            // The benchmark reads `pc:statements-load` (stored rows read back).
            measure_start("pc:statements-load");
            let loaded = read_rows(&*backend).await;
            measure_end("pc:statements-load");
            match loaded {
                Ok(rows) => {
                    let rows = Arc::new(rows);
                    remember(version, rows.clone());
                    st.rows.set(rows);
                }
                Err(Unread::Data(e)) => st
                    .status
                    .set(Some(Notice::Problem(error_message(i18n, &e)))),
                Err(Unread::ReaderMissing) => st.status.set(Some(Notice::Problem(
                    t_string!(i18n, app.area_failed_why).to_string(),
                ))),
            }
            st.loaded.set(true);
        });
    });

    let may_edit = ctx.may_any(&[Permission::EditCompanyData]);
    let empty = move || st.loaded.get() && st.rows.with(|r| r.is_empty());

    view! {
        <section class="pc-page" aria-labelledby="pc-statements-heading">
            <h1 id="pc-statements-heading">{tr(i18n, |i| t_string!(i, stmt.heading))}</h1>
            <crate::ui::components::HelpLink topic="basis"/>
            <StatusLine message=st.status/>
            <Notes/>
            {move || may_edit.get().then(|| view! { <tools::DataTools st/> })}
            <p class="pc-alert" role="status" hidden=move || !empty()>{tr(i18n, |i| t_string!(i, stmt.empty))}</p>
            <p class="pc-hint" role="status" hidden=move || st.loaded.get()>{tr(i18n, |i| t_string!(i, stmt.loading))}</p>
            <filters::Filters st/>
            <totals::Summary st/>
            <chart::TrendChart st/>
            <totals::MonthTotals st/>
            <totals::CustomerTotals st/>
            <table::StatementTable st/>
        </section>
    }
}

/// Why a month can differ from the customer console, what 0 means, what arrears do.
#[component]
fn Notes() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="pc-card pc-notes">
            <summary>{tr(i18n, |i| t_string!(i, stmt.notes_heading))}</summary>
            <p>{tr(i18n, |i| t_string!(i, stmt.note_basis))}</p>
            <p>{tr(i18n, |i| t_string!(i, stmt.note_default))}</p>
        </details>
        // The two notes a clerk needs when reading any figure stay in view.
        <p class="pc-hint">{tr(i18n, |i| t_string!(i, stmt.note_zero))}" "{tr(i18n, |i| t_string!(i, stmt.note_arrears))}</p>
    }
}
