//! What the statement page shows for a filter and a sort: the matching rows (as indices,
//! so 100,000 rows are never copied), their totals per month, per customer and overall.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::domain::money::cny::Cny;
use crate::domain::money::month::YearMonth;
use crate::domain::money::statement::{
    PaymentMode, StatementBasis, StatementRow, Totals, statement_month,
};

/// The filters of the statement page; empty parts match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatementFilter {
    /// First statement month shown (inclusive).
    pub from: Option<YearMonth>,
    /// Last statement month shown (inclusive).
    pub to: Option<YearMonth>,
    /// A customer: part of the UIN or of the name (letters in any case).
    pub customer: String,
    /// One product, exactly.
    pub product: String,
    /// One payment mode.
    pub payment_mode: Option<PaymentMode>,
}

/// A column of the statements: the table's (each one sortable) and a file's (the same,
/// and the deduction month; `statement_csv` reads and writes them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The statement month: in the table, the month under the chosen basis; in a file,
    /// the usage month.
    Month,
    /// The month a postpaid row is deducted (a file's column; the table shows it as the
    /// month under the deduction basis).
    DeductionMonth,
    /// Customer UIN.
    CustomerUin,
    /// Customer name.
    CustomerName,
    /// Product.
    Product,
    /// Sub-product.
    SubProduct,
    /// Prepaid / postpaid.
    PaymentMode,
    /// Consumption amount.
    Consumption,
    /// Rebate ratio.
    Ratio,
    /// Rebate amount.
    Rebate,
    /// Special rebate applied.
    Special,
}

impl Column {
    /// Every column, in table order: the figures a statement is read for (month,
    /// customer, product, consumption, ratio, rebate) first, so they fit a laptop screen;
    /// the details after them.
    pub const ALL: [Column; 10] = [
        Column::Month,
        Column::CustomerName,
        Column::Product,
        Column::Consumption,
        Column::Ratio,
        Column::Rebate,
        Column::Special,
        Column::PaymentMode,
        Column::SubProduct,
        Column::CustomerUin,
    ];
}

/// A sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// The column sorted on.
    pub column: Column,
    /// Largest (or latest, or last in order) first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: Column::Month,
            descending: true,
        }
    }
}

/// The totals of one customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerTotals {
    /// Customer UIN.
    pub uin: Arc<str>,
    /// Customer name.
    pub name: Arc<str>,
    /// Its sums.
    pub totals: Totals,
}

/// The rows and sums the page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatementView {
    /// Indices into the rows, filtered and sorted.
    pub rows: Vec<u32>,
    /// Totals per statement month, oldest first.
    pub by_month: Vec<(YearMonth, Totals)>,
    /// Totals per customer, largest rebate first.
    pub by_customer: Vec<CustomerTotals>,
    /// Totals of everything shown.
    pub total: Totals,
}

fn compare(a: &StatementRow, b: &StatementRow, column: Column, basis: StatementBasis) -> Ordering {
    match column {
        Column::Month => statement_month(a, basis).cmp(&statement_month(b, basis)),
        Column::DeductionMonth => {
            let deducted = |r| statement_month(r, StatementBasis::DeductionPeriod);
            deducted(a).cmp(&deducted(b))
        }
        Column::CustomerUin => a.customer_uin.cmp(&b.customer_uin),
        Column::CustomerName => a.customer_name.cmp(&b.customer_name),
        Column::Product => a.product.cmp(&b.product),
        Column::SubProduct => a.sub_product.cmp(&b.sub_product),
        Column::PaymentMode => a.payment_mode.cmp(&b.payment_mode),
        Column::Consumption => a.consumption.cmp(&b.consumption),
        Column::Ratio => a.ratio.cmp(&b.ratio),
        Column::Rebate => a.rebate.cmp(&b.rebate),
        Column::Special => a.special.cmp(&b.special),
    }
}

/// Matches rows against a customer query, remembering the answer per customer: names
/// are shared, so 100,000 rows ask about a few thousand distinct customers.
struct CustomerMatcher {
    query: String,
    seen: HashMap<(usize, usize), bool>,
}

impl CustomerMatcher {
    fn new(query: &str) -> Self {
        CustomerMatcher {
            query: query.trim().to_lowercase(),
            seen: HashMap::new(),
        }
    }

    fn matches(&mut self, row: &StatementRow) -> bool {
        if self.query.is_empty() {
            return true;
        }
        let key = (
            Arc::as_ptr(&row.customer_uin) as *const u8 as usize,
            Arc::as_ptr(&row.customer_name) as *const u8 as usize,
        );
        let query = &self.query;
        *self.seen.entry(key).or_insert_with(|| {
            row.customer_uin.contains(query.as_str())
                || row.customer_name.to_lowercase().contains(query.as_str())
        })
    }
}

/// Applies a filter and a sort to `rows` under a basis and sums what remains. The sort is
/// stable, so equal rows keep their stored order.
pub fn compute(
    rows: &[StatementRow],
    basis: StatementBasis,
    filter: &StatementFilter,
    sort: Sort,
) -> StatementView {
    let mut customer = CustomerMatcher::new(&filter.customer);
    let product = filter.product.trim();
    let mut shown: Vec<u32> = Vec::new();
    let mut by_month: BTreeMap<YearMonth, Totals> = BTreeMap::new();
    let mut by_customer: HashMap<&str, (usize, Totals)> = HashMap::new();
    let mut total = Totals::default();
    for (i, row) in rows.iter().enumerate() {
        let month = statement_month(row, basis);
        let keep = filter.from.is_none_or(|f| month >= f)
            && filter.to.is_none_or(|t| month <= t)
            && (product.is_empty() || &*row.product == product)
            && filter.payment_mode.is_none_or(|m| row.payment_mode == m)
            && customer.matches(row);
        if !keep {
            continue;
        }
        shown.push(i as u32);
        by_month.entry(month).or_default().add(row);
        by_customer
            .entry(&row.customer_uin)
            .or_insert((i, Totals::default()))
            .1
            .add(row);
        total.add(row);
    }
    shown.sort_by(|&a, &b| {
        let o = compare(&rows[a as usize], &rows[b as usize], sort.column, basis);
        if sort.descending { o.reverse() } else { o }
    });
    let mut by_customer: Vec<CustomerTotals> = by_customer
        .into_values()
        .map(|(first, totals)| CustomerTotals {
            uin: rows[first].customer_uin.clone(),
            name: rows[first].customer_name.clone(),
            totals,
        })
        .collect();
    by_customer.sort_by(|a, b| {
        b.totals
            .rebate
            .cmp(&a.totals.rebate)
            .then_with(|| a.uin.cmp(&b.uin))
    });
    StatementView {
        rows: shown,
        by_month: by_month.into_iter().collect(),
        by_customer,
        total,
    }
}

/// The distinct products in the rows, sorted (the product filter's choices).
pub fn products(rows: &[StatementRow]) -> Vec<Arc<str>> {
    let mut seen: Vec<Arc<str>> = Vec::new();
    let mut last: Option<&Arc<str>> = None;
    for row in rows {
        // Rows come in runs of the same product; skip the lookup for a repeat.
        if last.is_some_and(|l| Arc::ptr_eq(l, &row.product)) {
            continue;
        }
        last = Some(&row.product);
        if !seen.contains(&row.product) {
            seen.push(row.product.clone());
        }
    }
    seen.sort();
    seen
}

/// The values a chart axis marks for amounts up to `max`: 0 and whole steps of 1, 2 or 5
/// × 10ⁿ yuan (at least one yuan), at most five, the last one at or above `max` — so the
/// bars are drawn against the top mark, not against an odd maximum.
pub fn axis_ticks(max: Cny) -> Vec<Cny> {
    let max = max.fen().max(0);
    // A step in fen: the smallest nice step that covers `max` in four steps.
    let mut step: i64 = 100;
    'search: loop {
        for factor in [1, 2, 5] {
            let candidate = step.saturating_mul(factor);
            if candidate.saturating_mul(4) >= max {
                step = candidate;
                break 'search;
            }
        }
        step = step.saturating_mul(10);
    }
    let count = (max + step - 1) / step;
    (0..=count.max(1))
        .map(|k| Cny::from_fen(k * step))
        .collect()
}
