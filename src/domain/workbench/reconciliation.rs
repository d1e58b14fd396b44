//! Self-reconciliation (主动对账): per month, the statement's rebate on both bases beside
//! the settlement sheet, its clawbacks, the invoice the partner recorded, what the
//! provider is expected to pay for that invoice and what it paid — with every difference
//! named. The guide asks the partner to check these before signing a sheet, and that the
//! invoice amount equal the notified rebate exactly.

use chrono::NaiveDate;

use crate::domain::money::calendar::{PaymentWindow, WorkCalendar};
use crate::domain::money::cny::Cny;
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::{InvoiceRecord, LineKind, SettlementSheet, SettlementState};
use crate::domain::money::statement::StatementBasis;
use crate::domain::money::statement_table::StatementTable;
use crate::domain::money::statement_view::{RebateOnBothBases, rebate_by_month};
use crate::domain::partner::profile::{ChangeRecord, company_name_in};

/// What a reconciliation is computed from.
#[derive(Clone, Copy)]
pub struct Ledger<'a> {
    /// Every statement row.
    pub statements: &'a StatementTable,
    /// Every settlement sheet.
    pub sheets: &'a [SettlementSheet],
    /// The basis the provider settles this account on (the sheets' basis).
    pub basis: StatementBasis,
    /// The company's current name and its change history (a sheet carries the name of
    /// its month).
    pub current_name: &'a str,
    /// Profile changes, renames among them.
    pub history: &'a [ChangeRecord],
    /// Working days (when payment was due).
    pub calendar: &'a WorkCalendar,
    /// Today (whether a month should have its sheet by now).
    pub today: NaiveDate,
}

/// A sheet's side of a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetSide {
    /// Sheet id.
    pub id: String,
    /// Where it stands.
    pub state: SettlementState,
    /// Its rebate lines.
    pub rebate: Cny,
    /// Its clawback lines (negative).
    pub clawbacks: Cny,
    /// The settlement amount: rebate plus clawbacks.
    pub amount: Cny,
    /// The invoice the partner recorded.
    pub invoice: Option<InvoiceRecord>,
    /// What the provider should pay for that invoice.
    pub expected_net: Option<Cny>,
    /// The window payment was due in.
    pub window: Option<PaymentWindow>,
    /// The day it was paid.
    pub paid_on: Option<NaiveDate>,
    /// The amount paid.
    pub paid_amount: Option<Cny>,
}

/// A difference, with the figures that make it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The sheet's rebate is not the statement's total on the settlement basis.
    SheetDiffersFromStatement {
        /// The sheet's rebate lines.
        sheet: Cny,
        /// The statement's total.
        statement: Cny,
    },
    /// The invoice amount is not the sheet amount (the guide forbids it).
    InvoiceDiffersFromSheet {
        /// The invoice's amount.
        invoice: Cny,
        /// The sheet's amount.
        sheet: Cny,
    },
    /// The provider paid something else than expected for the invoice.
    PaidDiffersFromExpected {
        /// What was paid.
        paid: Cny,
        /// What the invoice's kind says should be paid.
        expected: Cny,
    },
    /// A month with rebate and, a month after it ended, no sheet.
    NoSheet {
        /// The statement's total on the settlement basis.
        statement: Cny,
    },
    /// Paid after its window's last day.
    PaidLate {
        /// The day it was paid.
        paid_on: NaiveDate,
        /// The last day of its window.
        latest: NaiveDate,
    },
}

impl Difference {
    /// A stable name (test ids, the export's reason column).
    pub fn key(&self) -> &'static str {
        match self {
            Difference::SheetDiffersFromStatement { .. } => "sheet-vs-statement",
            Difference::InvoiceDiffersFromSheet { .. } => "invoice-vs-sheet",
            Difference::PaidDiffersFromExpected { .. } => "paid-vs-expected",
            Difference::NoSheet { .. } => "no-sheet",
            Difference::PaidLate { .. } => "paid-late",
        }
    }
}

/// One month, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthLine {
    /// The month.
    pub month: YearMonth,
    /// The company name of that month.
    pub company: String,
    /// The statement's rebate on both bases.
    pub statement: RebateOnBothBases,
    /// The sheet, if there is one.
    pub sheet: Option<SheetSide>,
    /// What does not agree.
    pub differences: Vec<Difference>,
}

/// Sums over every month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LedgerTotals {
    /// Statement rebate on both bases.
    pub statement: RebateOnBothBases,
    /// Sheet amounts.
    pub sheets: Cny,
    /// Clawbacks.
    pub clawbacks: Cny,
    /// Amounts paid.
    pub paid: Cny,
    /// Months with at least one difference.
    pub months_with_differences: usize,
}

/// The reconciliation: newest month first, and the totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reconciliation {
    /// One line per month that has statement rows or a sheet.
    pub months: Vec<MonthLine>,
    /// Sums.
    pub totals: LedgerTotals,
}

/// Reconciles the ledger.
pub fn reconcile(ledger: &Ledger) -> Reconciliation {
    let mut statement: Vec<(YearMonth, RebateOnBothBases)> = rebate_by_month(ledger.statements);
    for sheet in ledger.sheets {
        if !statement.iter().any(|(m, _)| *m == sheet.month) {
            statement.push((sheet.month, RebateOnBothBases::default()));
        }
    }
    statement.sort_by_key(|(month, _)| std::cmp::Reverse(*month));
    let mut totals = LedgerTotals::default();
    let months = statement
        .into_iter()
        .map(|(month, rebate)| {
            let sheet = ledger
                .sheets
                .iter()
                .find(|s| s.month == month)
                .map(|s| sheet_side(s, ledger.calendar));
            let differences = differences(ledger, month, rebate, sheet.as_ref());
            totals.statement.billing += rebate.billing;
            totals.statement.deduction += rebate.deduction;
            if let Some(s) = &sheet {
                totals.sheets += s.amount;
                totals.clawbacks += s.clawbacks;
                totals.paid += s.paid_amount.unwrap_or(Cny::ZERO);
            }
            if !differences.is_empty() {
                totals.months_with_differences += 1;
            }
            MonthLine {
                month,
                company: company_name_in(month, ledger.current_name, ledger.history),
                statement: rebate,
                sheet,
                differences,
            }
        })
        .collect();
    Reconciliation { months, totals }
}

fn sheet_side(sheet: &SettlementSheet, calendar: &WorkCalendar) -> SheetSide {
    let rebate = sheet
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Rebate(_)))
        .map(|l| l.amount)
        .sum();
    let paid = sheet.state == SettlementState::Paid;
    SheetSide {
        id: sheet.id.clone(),
        state: sheet.state,
        rebate,
        clawbacks: sheet.clawbacks(),
        amount: sheet.amount(),
        invoice: sheet.invoice.clone(),
        expected_net: sheet.expected_net(),
        window: sheet.payment_window(calendar),
        paid_on: sheet.paid_on.filter(|_| paid),
        paid_amount: sheet.paid_amount.filter(|_| paid),
    }
}

fn differences(
    ledger: &Ledger,
    month: YearMonth,
    rebate: RebateOnBothBases,
    sheet: Option<&SheetSide>,
) -> Vec<Difference> {
    let statement = rebate.on(ledger.basis);
    let Some(sheet) = sheet else {
        // A month's sheet comes in the month after it; a zero rebate needs none.
        let due = month.next() < YearMonth::of(ledger.today);
        return if due && !statement.is_zero() {
            vec![Difference::NoSheet { statement }]
        } else {
            Vec::new()
        };
    };
    let mut out = Vec::new();
    if sheet.rebate != statement {
        out.push(Difference::SheetDiffersFromStatement {
            sheet: sheet.rebate,
            statement,
        });
    }
    if let Some(invoice) = &sheet.invoice
        && invoice.amount != sheet.amount
    {
        out.push(Difference::InvoiceDiffersFromSheet {
            invoice: invoice.amount,
            sheet: sheet.amount,
        });
    }
    if let (Some(paid), Some(expected)) = (sheet.paid_amount, sheet.expected_net)
        && paid != expected
    {
        out.push(Difference::PaidDiffersFromExpected { paid, expected });
    }
    if let (Some(paid_on), Some(window)) = (sheet.paid_on, &sheet.window)
        && paid_on > window.latest
    {
        out.push(Difference::PaidLate {
            paid_on,
            latest: window.latest,
        });
    }
    out
}
