//! `/reconciliation`: self-reconciliation (主动对账) for the main account and the channel
//! manager — per month the statement's rebate on both bases, the settlement sheet and its
//! clawbacks, the recorded invoice, what should be paid for it and what was paid, and the
//! month's one status with its gap and next step. The basis is in the address
//! (`?basis=deduction`), so a reload or a shared link keeps it. Exported as CSV, printed
//! on A4 landscape with every column.

mod export;
mod summary;
mod table;

use leptos::prelude::*;
use std::sync::Arc;

use crate::data::money::{company_names, load_customers, load_settlements, remember_month_rebates};
use crate::data::{Backend, Collection, DataError};
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::money::customer::total_arrears;
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::SettlementSheet;
use crate::domain::money::statement::StatementBasis;
use crate::domain::money::statement_view::{RebateOnBothBases, rebate_by_month};
use crate::domain::partner::profile::ChangeRecord;
use crate::domain::workbench::reconciliation::{Ledger, SETTLEMENT_BASIS, reconcile};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::browser::{measure_end, measure_start};
use crate::ui::components::download_text;
use crate::ui::components::time::today;
use crate::ui::components::{Gated, Notice, Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::load::use_load;
use crate::ui::router::Router;
use crate::ui::routes::Page;
use crate::ui::tr;
use table::LedgerTable;

/// What the reconciliation is computed from, as read.
#[derive(Clone)]
struct Books {
    rebates: Arc<Vec<(YearMonth, RebateOnBothBases)>>,
    sheets: Arc<Vec<SettlementSheet>>,
    arrears: bool,
    current_name: String,
    history: Arc<Vec<ChangeRecord>>,
}

/// Reads the books; `None` when statements an earlier version stored as CSV need a
/// reader that did not arrive.
async fn read_books(
    backend: &dyn Backend,
    session_name: String,
) -> Result<Option<Books>, DataError> {
    use crate::ui::statements::{Unread, read_rows};
    let rows = match read_rows(backend).await {
        Ok(rows) => rows,
        Err(Unread::Data(e)) => return Err(e),
        Err(Unread::ReaderMissing) => return Ok(None),
    };
    // An index an earlier version wrote learns its month rebates here (the workbench
    // reads them from it).
    remember_month_rebates(backend, &rows).await;
    let sheets = load_settlements(backend).await?;
    let arrears = !total_arrears(&load_customers(backend).await?).is_zero();
    let (name, history) = company_names(backend).await?;
    Ok(Some(Books {
        rebates: Arc::new(rebate_by_month(&rows)),
        sheets: Arc::new(sheets),
        arrears,
        current_name: name.unwrap_or(session_name),
        history: Arc::new(history),
    }))
}

/// The basis named in the address (`?basis=deduction`); the settlement basis otherwise.
fn basis_of(query: Option<String>) -> StatementBasis {
    match query.as_deref() {
        Some("deduction") => StatementBasis::DeductionPeriod,
        Some("billing") => StatementBasis::BillingPeriod,
        _ => SETTLEMENT_BASIS,
    }
}

/// 按计费周期 / 按扣费周期, as the export and the print name the basis.
fn basis_words(i18n: I18n, basis: StatementBasis) -> String {
    match basis {
        StatementBasis::BillingPeriod => t_string!(i18n, recon.basis_billing),
        StatementBasis::DeductionPeriod => t_string!(i18n, recon.basis_deduction),
    }
    .to_string()
}

/// The page; other roles are told who may reconcile.
#[component]
pub fn ReconciliationPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page pc-recon" aria-labelledby="pc-recon-heading">
            <h1 id="pc-recon-heading">{tr(i18n, |i| t_string!(i, recon.heading))}</h1>
            <crate::ui::components::HelpLink topic="reconciliation"/>
            <Gated page=Page::Reconciliation><ReconciliationView/></Gated>
        </section>
    }
}

#[component]
fn ReconciliationView() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let status = Status::default();
    let books = RwSignal::new(None::<Books>);
    use_load(
        &[
            Collection::Statements,
            Collection::Settlements,
            Collection::Customers,
            Collection::Profiles,
        ],
        status,
        move |backend| {
            let name = ctx
                .session
                .with_untracked(|s| s.company_name.clone().unwrap_or_default());
            async move { read_books(&*backend, name).await }
        },
        move |b: Option<Books>| match b {
            Some(b) => books.set(Some(b)),
            None => status.set(Some(Notice::Problem(
                t_string!(i18n, app.area_failed_why).to_string(),
            ))),
        },
    );
    let basis = Memo::new(move |_| basis_of(router.query("basis")));
    let ledger = Memo::new(move |_| {
        books.with(|b| {
            b.as_ref().map(|b| {
                let calendar = WorkCalendar::mainland();
                // Timed for the benchmark (the page shows no timings).
                measure_start("pc:reconcile");
                let books = reconcile(&Ledger {
                    rebates: Some(&b.rebates),
                    sheets: &b.sheets,
                    basis: basis.get(),
                    arrears: b.arrears,
                    current_name: &b.current_name,
                    history: &b.history,
                    calendar: &calendar,
                    today: today(),
                });
                measure_end("pc:reconcile");
                books
            })
        })
    });
    let company = move || {
        books.with(|b| {
            b.as_ref()
                .map(|b| b.current_name.clone())
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| t_string!(i18n, recon.no_company).to_string())
        })
    };
    let export = move |_| {
        let Some(r) = ledger.get_untracked() else {
            return;
        };
        let text = export::csv(
            i18n,
            &r,
            &company(),
            &basis_words(i18n, basis.get_untracked()),
        );
        if let Err(e) = download_text("reconciliation.csv", "text/csv;charset=utf-8", &text) {
            status.set(Some(Notice::Problem(e)));
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // The choice goes into the address (replacing it: the back button leaves the page).
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        router.replace(&format!("/reconciliation?basis={value}"));
    };
    view! {
        <p class="pc-hint pc-no-print">{tr(i18n, |i| t_string!(i, recon.intro))}</p>
        <StatusLine message=status/>
        {move || match ledger.get() {
            None => view! { <p class="pc-loading" role="status">{tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
            Some(r) if r.months.is_empty() => view! {
                <p class="pc-alert" role="status" data-testid="recon-summary">{tr(i18n, |i| t_string!(i, recon.empty))}</p>
            }.into_any(),
            Some(r) => {
                let names_vary = r.months.windows(2).any(|w| w[0].company != w[1].company);
                view! {
                    <div class="pc-filters pc-no-print">
                        <div class="pc-field">
                            <label for="recon-basis">{tr(i18n, |i| t_string!(i, recon.basis))}</label>
                            <select id="recon-basis" aria-describedby="recon-basis-hint" on:change=choose
                                prop:value=move || if basis.get() == StatementBasis::DeductionPeriod { "deduction" } else { "billing" }>
                                <option value="billing">{tr(i18n, |i| t_string!(i, stmt.basis_billing))}</option>
                                <option value="deduction">{tr(i18n, |i| t_string!(i, stmt.basis_deduction))}</option>
                            </select>
                            <p class="pc-hint" id="recon-basis-hint">{tr(i18n, |i| t_string!(i, recon.basis_hint))}</p>
                        </div>
                    </div>
                    <div class="pc-print-only pc-print-head">
                        <p data-testid="recon-print-meta">{t_string!(
                            i18n,
                            recon.print_meta,
                            company = company(),
                            basis = basis_words(i18n, basis.get()),
                            date = today().to_string()
                        ).to_string()}</p>
                    </div>
                    <summary::Summary totals=r.totals basis=basis.get()/>
                    <p class="pc-hint pc-no-print pc-recon-scroll-hint">{tr(i18n, |i| t_string!(i, recon.scroll_hint))}</p>
                    <LedgerTable ledger=r names_vary/>
                    <p class="pc-actions pc-no-print">
                        <button type="button" class="pc-button pc-button-secondary" on:click=export>{tr(i18n, |i| t_string!(i, recon.export))}</button>
                        <button type="button" class="pc-button pc-button-secondary" on:click=print>{tr(i18n, |i| t_string!(i, recon.print))}</button>
                    </p>
                }.into_any()
            }
        }}
    }
}
