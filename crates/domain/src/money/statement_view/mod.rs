//! What the statement page shows for a filter and a sort: the matching rows (as indices,
//! so 100,000 rows are never copied), their totals per month, per customer and overall.

mod sort;

use rust_decimal::Decimal;
use std::sync::Arc;

use sort::{sort_keys, statement_month_number};

use crate::money::cny::Cny;
use crate::money::month::YearMonth;
use crate::money::statement::{PaymentMode, StatementBasis, Totals};
use crate::money::statement_table::{StatementTable, month_number, month_of_number};

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

/// Amounts summed in fen (wide enough for any number of rows), then held as yuan.
#[derive(Clone, Copy, Default)]
struct Sum {
    rows: usize,
    consumption: i128,
    rebate: i128,
    /// The first row summed (a customer's name is the one on its first row shown).
    first: u32,
}

impl Sum {
    fn add(&mut self, table: &StatementTable, i: usize) {
        if self.rows == 0 {
            self.first = i as u32;
        }
        self.rows += 1;
        self.consumption += i128::from(table.consumption_fen()[i]);
        self.rebate += i128::from(table.rebate_fen()[i]);
    }

    fn totals(self) -> Totals {
        let yuan =
            |fen: i128| Cny::new(Decimal::try_from_i128_with_scale(fen, 2).unwrap_or(Decimal::MAX));
        Totals {
            rows: self.rows,
            consumption: yuan(self.consumption),
            rebate: yuan(self.rebate),
        }
    }
}

/// Which texts match a customer query: part of the UIN, or of the name in any case.
/// Asked once per distinct text (a million rows name some ten thousand customers).
struct CustomerQuery<'a> {
    query: String,
    texts: &'a [Arc<str>],
    /// Per text number: 0 not asked yet, 1 no, 2 yes — as a UIN and as a name.
    as_uin: Vec<u8>,
    as_name: Vec<u8>,
}

impl<'a> CustomerQuery<'a> {
    fn new(query: &str, texts: &'a [Arc<str>]) -> Self {
        CustomerQuery {
            query: query.trim().to_lowercase(),
            texts,
            as_uin: vec![0; texts.len()],
            as_name: vec![0; texts.len()],
        }
    }

    fn matches(&mut self, uin: u32, name: u32) -> bool {
        if self.query.is_empty() {
            return true;
        }
        let (texts, query) = (self.texts, self.query.as_str());
        let ask = |memo: &mut Vec<u8>, n: u32, test: &dyn Fn(&str) -> bool| {
            let slot = &mut memo[n as usize];
            if *slot == 0 {
                *slot = if test(&texts[n as usize]) { 2 } else { 1 };
            }
            *slot == 2
        };
        ask(&mut self.as_uin, uin, &|t| t.contains(query))
            || ask(&mut self.as_name, name, &|t| {
                t.to_lowercase().contains(query)
            })
    }
}

/// Applies a filter and a sort to the rows under a basis and sums what remains. Rows
/// that sort equal keep their stored order.
pub fn compute(
    table: &StatementTable,
    basis: StatementBasis,
    filter: &StatementFilter,
    sort: Sort,
) -> StatementView {
    let texts = table.texts();
    let mut customer = CustomerQuery::new(&filter.customer, texts);
    let wanted_product = filter.product.trim();
    // The product's text number; a product no row has matches nothing.
    let product =
        (!wanted_product.is_empty()).then(|| texts.iter().position(|t| &**t == wanted_product));
    let from = filter.from.map(month_number);
    let to = filter.to.map(month_number);
    let mode = filter.payment_mode.map(|m| m == PaymentMode::Postpaid);
    let first_month = table.months().iter().min().copied().unwrap_or(0);
    let months = table
        .months()
        .iter()
        .max()
        .map_or(0, |m| m - first_month + 2) as usize;
    let mut by_month = vec![Sum::default(); months];
    let mut by_customer = vec![Sum::default(); texts.len()];
    let mut total = Sum::default();
    let mut shown: Vec<u32> = Vec::new();
    let (uins, names, products) = (table.uins(), table.names(), table.product_numbers());
    for i in 0..table.len() {
        let month = statement_month_number(table, i, basis);
        let keep = from.is_none_or(|f| month >= f)
            && to.is_none_or(|t| month <= t)
            && product.is_none_or(|p| p == Some(products[i] as usize))
            && mode.is_none_or(|postpaid| table.postpaid(i) == postpaid)
            && customer.matches(uins[i], names[i]);
        if !keep {
            continue;
        }
        shown.push(i as u32);
        by_month[(month - first_month) as usize].add(table, i);
        by_customer[uins[i] as usize].add(table, i);
        total.add(table, i);
    }
    let keys = sort_keys(table, sort.column, basis);
    // Descending by the key's bitwise complement (it reverses the order of every i64,
    // without overflow), so one sort of plain pairs serves both directions; equal keys
    // keep the file's order either way.
    let flip = |k: i64| if sort.descending { !k } else { k };
    let mut keyed: Vec<(i64, u32)> = shown.iter().map(|&i| (flip(keys[i as usize]), i)).collect();
    keyed.sort_unstable();
    let by_month = by_month
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.rows > 0)
        .map(|(k, s)| (month_of_number(first_month + k as i32), s.totals()))
        .collect();
    let mut by_customer: Vec<CustomerTotals> = by_customer
        .into_iter()
        .filter(|s| s.rows > 0)
        .map(|s| {
            let first = s.first as usize;
            CustomerTotals {
                uin: texts[uins[first] as usize].clone(),
                name: texts[names[first] as usize].clone(),
                totals: s.totals(),
            }
        })
        .collect();
    crate::common::order::sort_by(&mut by_customer, |a, b| {
        b.totals
            .rebate
            .cmp(&a.totals.rebate)
            .then_with(|| a.uin.cmp(&b.uin))
    });
    StatementView {
        rows: keyed.into_iter().map(|(_, i)| i).collect(),
        by_month,
        by_customer,
        total: total.totals(),
    }
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

/// A month's rebate on both bases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RebateOnBothBases {
    /// By usage month (按计费周期).
    pub billing: Cny,
    /// By deduction month (按扣费周期).
    pub deduction: Cny,
}

impl RebateOnBothBases {
    /// The figure on one basis.
    pub fn on(self, basis: StatementBasis) -> Cny {
        match basis {
            StatementBasis::BillingPeriod => self.billing,
            StatementBasis::DeductionPeriod => self.deduction,
        }
    }
}

/// Every statement month's rebate on both bases, in one pass over the table (months with
/// no row on either basis left out), oldest first.
pub fn rebate_by_month(table: &StatementTable) -> Vec<(YearMonth, RebateOnBothBases)> {
    let Some(&first) = table.months().iter().min() else {
        return Vec::new();
    };
    let last = table.months().iter().max().copied().unwrap_or(first);
    // One slot past the last usage month: a postpaid row's deduction month.
    let mut fen = vec![(0i64, 0i64, false); (last - first + 2) as usize];
    for (i, (&month, &rebate)) in table.months().iter().zip(table.rebate_fen()).enumerate() {
        let usage = (month - first) as usize;
        fen[usage].0 += rebate;
        fen[usage].2 = true;
        let deducted = usage + usize::from(table.postpaid(i));
        fen[deducted].1 += rebate;
        fen[deducted].2 = true;
    }
    fen.into_iter()
        .enumerate()
        .filter(|(_, (_, _, any))| *any)
        .map(|(k, (billing, deduction, _))| {
            (
                month_of_number(first + k as i32),
                RebateOnBothBases {
                    billing: Cny::from_fen(billing),
                    deduction: Cny::from_fen(deduction),
                },
            )
        })
        .collect()
}
