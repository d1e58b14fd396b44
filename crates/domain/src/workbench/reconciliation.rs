//! Self-reconciliation (主动对账): per month, the statement's rebate on both bases beside
//! the settlement sheet, its clawbacks, the invoice the partner recorded, what the
//! provider is expected to pay for that invoice and what it paid — with every difference
//! named and the month's one status (`month_status.rs`). The guide asks the partner to
//! check these before signing a sheet, and that the invoice amount equal the notified
//! rebate exactly. The home page and the to-dos read the same lines.

use chrono::NaiveDate;

use super::month_status::{Difference, MonthFacts, MonthStatus, differences, month_status, other};
use crate::money::calendar::WorkCalendar;
use crate::money::cny::Cny;
use crate::money::month::YearMonth;
use crate::money::settlement::{InvoiceRecord, SettlementSheet, SettlementState};
use crate::money::statement::StatementBasis;
use crate::money::statement_view::RebateOnBothBases;
use crate::partner::profile::{ChangeRecord, company_name_in};

/// The basis sheets are held to unless the reader chooses the other: the billing period,
/// every account's default since 2021-04-14 (RULES §Statements). The console does not
/// hold an account's registration date, so an older account on the deduction basis
/// chooses it on the reconciliation page, where a month that agrees only on the other
/// basis says so.
pub const SETTLEMENT_BASIS: StatementBasis = StatementBasis::BillingPeriod;

/// What a reconciliation is computed from.
#[derive(Clone, Copy)]
pub struct Ledger<'a> {
    /// Each statement month's rebate on both bases (`statement_view::rebate_by_month`, or
    /// the statements' index); `None` when not known, and then no sheet is held to it.
    pub rebates: Option<&'a [(YearMonth, RebateOnBothBases)]>,
    /// Every settlement sheet.
    pub sheets: &'a [SettlementSheet],
    /// The basis the provider settles this account on (the sheets' basis).
    pub basis: StatementBasis,
    /// Whether an associated customer owes arrears (which holds every payment).
    pub arrears: bool,
    /// The company's current name (a sheet carries the name of its month).
    pub current_name: &'a str,
    /// Profile changes, renames among them.
    pub history: &'a [ChangeRecord],
    /// Working days (when payment was due).
    pub calendar: &'a WorkCalendar,
    /// Today (whether a month should have its sheet by now, whether payment is late).
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
    /// The day it was paid.
    pub paid_on: Option<NaiveDate>,
    /// The amount paid.
    pub paid_amount: Option<Cny>,
}

/// One month, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthLine {
    /// The month.
    pub month: YearMonth,
    /// The company name of that month.
    pub company: String,
    /// The statement's rebate on both bases (`None`: not known).
    pub statement: Option<RebateOnBothBases>,
    /// The sheet, if there is one.
    pub sheet: Option<SheetSide>,
    /// What does not agree, most pressing first.
    pub differences: Vec<Difference>,
    /// Where the month stands.
    pub status: MonthStatus,
}

impl MonthLine {
    /// The month differs only because its sheet was made on the other basis.
    pub fn agrees_on_other_basis(&self) -> bool {
        matches!(
            self.differences.as_slice(),
            [Difference::SheetDiffersFromStatement {
                agrees_on_other: true,
                ..
            }]
        )
    }
}

/// Sums over every month, and how many months stand where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LedgerTotals {
    /// Statement rebate on both bases.
    pub statement: RebateOnBothBases,
    /// Sheet amounts.
    pub sheets: Cny,
    /// Clawbacks.
    pub clawbacks: Cny,
    /// Invoice amounts recorded.
    pub invoiced: Cny,
    /// What the provider should pay for the invoices recorded.
    pub expected: Cny,
    /// Amounts paid.
    pub paid: Cny,
    /// Months with at least one difference.
    pub months_with_differences: usize,
    /// Of those, months that differ only because the sheet matches the other basis.
    pub months_agreeing_on_other_basis: usize,
    /// Months paid with every figure matching.
    pub months_agreeing: usize,
    /// Months overdue or held (no difference, but payment is not coming as it should).
    pub months_late_or_held: usize,
    /// Months whose paperwork or payment is still on its way.
    pub months_in_progress: usize,
    /// Months with nothing to settle, or paid without a recorded amount to check.
    pub months_other: usize,
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
    // No statement row at all: the statements were never imported, and a sheet is not
    // held to a total of nothing.
    let ledger = &Ledger {
        rebates: ledger.rebates.filter(|r| !r.is_empty()),
        ..*ledger
    };
    let mut months: Vec<YearMonth> = ledger
        .rebates
        .unwrap_or_default()
        .iter()
        .map(|(m, _)| *m)
        .collect();
    for sheet in ledger.sheets {
        if !months.contains(&sheet.month) {
            months.push(sheet.month);
        }
    }
    months.sort_by_key(|month| std::cmp::Reverse(*month));
    let mut totals = LedgerTotals::default();
    let lines: Vec<MonthLine> = months
        .into_iter()
        .map(|month| {
            let line = month_line(ledger, month);
            add_to_totals(&mut totals, &line);
            line
        })
        .collect();
    Reconciliation {
        months: lines,
        totals,
    }
}

/// One month's line.
fn month_line(ledger: &Ledger, month: YearMonth) -> MonthLine {
    let statement = ledger.rebates.map(|rebates| {
        rebates
            .iter()
            .find(|(m, _)| *m == month)
            .map(|(_, r)| *r)
            .unwrap_or_default()
    });
    let sheet = ledger.sheets.iter().find(|s| s.month == month);
    let facts = MonthFacts {
        statement: statement.map(|r| (r.on(ledger.basis), r.on(other(ledger.basis)))),
        basis: ledger.basis,
        sheet,
        // A month's sheet comes in the month after it.
        sheet_due: month.next() < YearMonth::of(ledger.today),
        arrears: ledger.arrears,
        calendar: ledger.calendar,
        today: ledger.today,
    };
    MonthLine {
        month,
        company: company_name_in(month, ledger.current_name, ledger.history),
        statement,
        sheet: sheet.map(sheet_side),
        differences: differences(&facts),
        status: month_status(&facts),
    }
}

fn add_to_totals(totals: &mut LedgerTotals, line: &MonthLine) {
    if let Some(r) = line.statement {
        totals.statement.billing += r.billing;
        totals.statement.deduction += r.deduction;
    }
    if let Some(s) = &line.sheet {
        totals.sheets += s.amount;
        totals.clawbacks += s.clawbacks;
        totals.invoiced += s.invoice.as_ref().map_or(Cny::ZERO, |i| i.amount);
        totals.expected += s.expected_net.unwrap_or(Cny::ZERO);
        totals.paid += s.paid_amount.unwrap_or(Cny::ZERO);
    }
    if !line.differences.is_empty() {
        totals.months_with_differences += 1;
        if line.agrees_on_other_basis() {
            totals.months_agreeing_on_other_basis += 1;
        }
    }
    match &line.status {
        s if s.agrees() => totals.months_agreeing += 1,
        MonthStatus::Differs(_) => {}
        MonthStatus::NothingToSettle | MonthStatus::PaidUnchecked { .. } => {
            totals.months_other += 1
        }
        MonthStatus::Overdue { .. } | MonthStatus::Held(_) => totals.months_late_or_held += 1,
        _ => totals.months_in_progress += 1,
    }
}

fn sheet_side(sheet: &SettlementSheet) -> SheetSide {
    let paid = sheet.state == SettlementState::Paid;
    SheetSide {
        id: sheet.id.clone(),
        state: sheet.state,
        rebate: sheet.rebate(),
        clawbacks: sheet.clawbacks(),
        amount: sheet.amount(),
        invoice: sheet.invoice.clone(),
        expected_net: sheet.expected_net(),
        paid_on: sheet.paid_on.filter(|_| paid),
        paid_amount: sheet.paid_amount.filter(|_| paid),
    }
}
