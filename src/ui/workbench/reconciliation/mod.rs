//! `/reconciliation`: self-reconciliation (主动对账) for the main account and the channel
//! manager — per month the statement's rebate on both bases, the settlement sheet and its
//! clawbacks, the recorded invoice, what should be paid for it and what was paid, with
//! every difference named. Exported as CSV, and printed on A4 (landscape).

mod table;
pub(crate) mod words;

use leptos::prelude::*;
use std::sync::Arc;

use crate::data::money::{company_names, load_settlements, remember_month_rebates};
use crate::data::{Backend, Collection, DataError};
use crate::domain::common::csv::line;
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::money::settlement::SettlementSheet;
use crate::domain::money::statement::StatementBasis;
use crate::domain::money::statement_table::StatementTable;
use crate::domain::partner::profile::ChangeRecord;
use crate::domain::workbench::reconciliation::{Ledger, Reconciliation, reconcile};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::browser::{measure_end, measure_start};
use crate::ui::components::download_text;
use crate::ui::components::money::invoice_kind_name as kind_name;
use crate::ui::components::time::today;
use crate::ui::components::{Gated, Notice, Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::load::use_load;
use crate::ui::routes::Page;
use crate::ui::tr;
use table::LedgerTable;
use words::difference_text;

/// What the reconciliation is computed from, as read.
#[derive(Clone)]
struct Books {
    rows: Arc<StatementTable>,
    sheets: Arc<Vec<SettlementSheet>>,
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
    let (name, history) = company_names(backend).await?;
    Ok(Some(Books {
        rows: Arc::new(rows),
        sheets: Arc::new(sheets),
        current_name: name.unwrap_or(session_name),
        history: Arc::new(history),
    }))
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
    let status = Status::default();
    let books = RwSignal::new(None::<Books>);
    use_load(
        &[
            Collection::Statements,
            Collection::Settlements,
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
    // The provider settles on the billing basis unless the account still uses the
    // deduction basis (RULES §Statements): the reader chooses which figure a sheet is
    // held to; both are shown.
    let basis = RwSignal::new(StatementBasis::BillingPeriod);
    let ledger = Memo::new(move |_| {
        books.with(|b| {
            b.as_ref().map(|b| {
                let calendar = WorkCalendar::mainland();
                // Timed for the benchmark (the page shows no timings).
                measure_start("pc:reconcile");
                let books = reconcile(&Ledger {
                    statements: &b.rows,
                    sheets: &b.sheets,
                    basis: basis.get(),
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
    let export = move |_| {
        let Some(r) = ledger.get_untracked() else {
            return;
        };
        let text = export_csv(i18n, &r);
        if let Err(e) = download_text("reconciliation.csv", "text/csv;charset=utf-8", &text) {
            status.set(Some(Notice::Problem(e)));
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        basis.set(if event_target_value(&ev) == "deduction" {
            StatementBasis::DeductionPeriod
        } else {
            StatementBasis::BillingPeriod
        });
    };
    view! {
        <p class="pc-hint pc-no-print">{tr(i18n, |i| t_string!(i, recon.intro))}</p>
        <StatusLine message=status/>
        {move || match ledger.get() {
            None => view! { <p class="pc-loading" role="status">{tr(i18n, |i| t_string!(i, app.loading))}</p> }.into_any(),
            Some(r) => {
                let differing = r.totals.months_with_differences;
                let months = r.months.len();
                let tone = if differing == 0 { "pc-alert pc-alert-ok" } else { "pc-alert pc-alert-warn" };
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
                     <p class=tone role="status" data-testid="recon-summary">
                        {if differing != 0 {
                            t_string!(i18n, recon.summary_differs, count = differing, months = months).to_string()
                        } else {
                            t_string!(i18n, recon.summary_agrees, months = months).to_string()
                        }}
                    </p>
                    <p class="pc-print-only">{t_string!(i18n, recon.print_title, date = today().to_string()).to_string()}</p>
                    <LedgerTable ledger=Signal::derive(move || ledger.get().unwrap_or_default())/>
                    <p class="pc-actions pc-no-print">
                        <button type="button" class="pc-button pc-button-secondary" on:click=export>{tr(i18n, |i| t_string!(i, recon.export))}</button>
                        <button type="button" class="pc-button pc-button-secondary" on:click=print>{tr(i18n, |i| t_string!(i, recon.print))}</button>
                    </p>
                }.into_any()
            }
        }}
    }
}

/// The reconciliation as CSV, in the reader's language: one line per month.
fn export_csv(i18n: I18n, r: &Reconciliation) -> String {
    let mut out = line(&[
        t_string!(i18n, recon.c_month),
        t_string!(i18n, recon.c_company),
        t_string!(i18n, recon.c_billing),
        t_string!(i18n, recon.c_deduction),
        t_string!(i18n, recon.c_sheet),
        t_string!(i18n, recon.c_clawbacks),
        t_string!(i18n, recon.x_invoice_number),
        t_string!(i18n, recon.x_invoice_date),
        t_string!(i18n, recon.x_invoice_kind),
        t_string!(i18n, recon.x_invoice_amount),
        t_string!(i18n, recon.c_expected),
        t_string!(i18n, recon.c_paid),
        t_string!(i18n, recon.c_paid_on),
        t_string!(i18n, recon.c_differences),
    ]);
    let plain =
        |v: Option<crate::domain::Cny>| v.map(|c| c.amount().to_string()).unwrap_or_default();
    for m in &r.months {
        let s = m.sheet.as_ref();
        let inv = s.and_then(|s| s.invoice.as_ref());
        let differences: Vec<String> = m
            .differences
            .iter()
            .map(|d| difference_text(i18n, d))
            .collect();
        out.push_str(&line(&[
            m.month.to_string(),
            m.company.clone(),
            m.statement.billing.amount().to_string(),
            m.statement.deduction.amount().to_string(),
            plain(s.map(|s| s.amount)),
            plain(s.map(|s| s.clawbacks)),
            inv.map(|i| i.number.clone()).unwrap_or_default(),
            inv.map(|i| i.date.to_string()).unwrap_or_default(),
            inv.map(|i| kind_name(i18n, i.kind)).unwrap_or_default(),
            plain(inv.map(|i| i.amount)),
            plain(s.and_then(|s| s.expected_net)),
            plain(s.and_then(|s| s.paid_amount)),
            s.and_then(|s| s.paid_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            differences.join("；"),
        ]));
    }
    out
}
