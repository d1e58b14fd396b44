//! Statement rows held by column (RULES §Statements): a million rows must fit a browser
//! tab, and a row object with its own amounts and shared-name pointers costs ≈100 bytes
//! in wasm, twice that while it is copied. Here a row is 41 bytes — the month as a
//! number, every text as the number of one shared copy, the amounts as whole fen — and
//! the page's view (filter, sort, totals) is computed on the columns.

mod codec;
mod shared;

pub use codec::Damaged;

use shared::{Ratios, Texts};

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::money::cny::Cny;
use crate::money::month::YearMonth;
use crate::money::statement::{PaymentMode, StatementRow};

const POSTPAID: u8 = 1;
const SPECIAL: u8 = 2;

/// Why a row cannot be held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("amount beyond ±92 trillion yuan")]
pub struct AmountTooLarge;

/// The month as one ordered number (months since the year 0).
pub(crate) fn month_number(m: YearMonth) -> i32 {
    m.year() * 12 + m.month() as i32 - 1
}

/// The month of a month number.
pub(crate) fn month_of_number(number: i32) -> YearMonth {
    let (year, month) = (number.div_euclid(12), number.rem_euclid(12) as u32 + 1);
    YearMonth::new(year, month).unwrap_or(YearMonth::of(chrono::NaiveDate::MIN))
}

/// A row whose texts are borrowed (a line being read: its texts are copied only when
/// the table has not seen them).
#[derive(Clone, Copy, Debug)]
pub struct RowParts<'t> {
    /// The usage month.
    pub month: YearMonth,
    /// Customer UIN.
    pub customer_uin: &'t str,
    /// Customer name.
    pub customer_name: &'t str,
    /// Product.
    pub product: &'t str,
    /// Sub-product.
    pub sub_product: &'t str,
    /// Prepaid or postpaid.
    pub payment_mode: PaymentMode,
    /// Consumption amount, in whole fen.
    pub consumption: i64,
    /// Rebate ratio.
    pub ratio: Decimal,
    /// Rebate amount, in whole fen.
    pub rebate: i64,
    /// Whether a special rebate applied.
    pub special: bool,
}

impl<'t> TryFrom<&'t StatementRow> for RowParts<'t> {
    type Error = AmountTooLarge;
    fn try_from(row: &'t StatementRow) -> Result<Self, AmountTooLarge> {
        Ok(RowParts {
            month: row.month,
            customer_uin: &row.customer_uin,
            customer_name: &row.customer_name,
            product: &row.product,
            sub_product: &row.sub_product,
            payment_mode: row.payment_mode,
            consumption: row.consumption.exact_fen().ok_or(AmountTooLarge)?,
            ratio: row.ratio,
            rebate: row.rebate.exact_fen().ok_or(AmountTooLarge)?,
            special: row.special,
        })
    }
}

/// The identity of a row (as [`StatementRow::key`]): usage month, customer UIN, product,
/// sub-product and payment mode, by number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TableKey(i32, u32, u32, u32, u8);

/// Statement rows by column; see the module's description.
#[derive(Clone, Debug, Default)]
pub struct StatementTable {
    month: Vec<i32>,
    uin: Vec<u32>,
    name: Vec<u32>,
    product: Vec<u32>,
    sub_product: Vec<u32>,
    ratio: Vec<u32>,
    flags: Vec<u8>,
    consumption: Vec<i64>,
    rebate: Vec<i64>,
    texts: Texts,
    ratios: Ratios,
}

impl PartialEq for StatementTable {
    /// Equal rows in the same order (however their texts are numbered).
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|i| self.row(i) == other.row(i))
    }
}

impl StatementTable {
    /// A table of these rows, in order.
    pub fn from_rows<'a>(
        rows: impl IntoIterator<Item = &'a StatementRow>,
    ) -> Result<Self, AmountTooLarge> {
        let mut table = StatementTable::default();
        for row in rows {
            table.push(row)?;
        }
        Ok(table)
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.month.len()
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.month.is_empty()
    }

    /// Appends a row; refused (and nothing appended) if an amount is beyond what whole
    /// fen in 64 bits hold.
    pub fn push(&mut self, row: &StatementRow) -> Result<(), AmountTooLarge> {
        self.push_parts(&RowParts::try_from(row)?);
        Ok(())
    }

    /// As [`StatementTable::push`], from borrowed texts.
    pub fn push_parts(&mut self, row: &RowParts) {
        self.month.push(month_number(row.month));
        self.uin.push(self.texts.number(row.customer_uin));
        self.name.push(self.texts.number(row.customer_name));
        self.product.push(self.texts.number(row.product));
        self.sub_product.push(self.texts.number(row.sub_product));
        self.ratio.push(self.ratios.number(row.ratio));
        let mut flags = 0;
        if row.payment_mode == PaymentMode::Postpaid {
            flags |= POSTPAID;
        }
        if row.special {
            flags |= SPECIAL;
        }
        self.flags.push(flags);
        self.consumption.push(row.consumption);
        self.rebate.push(row.rebate);
    }

    /// Removes the rows from `len` on.
    pub fn truncate(&mut self, len: usize) {
        self.month.truncate(len);
        self.uin.truncate(len);
        self.name.truncate(len);
        self.product.truncate(len);
        self.sub_product.truncate(len);
        self.ratio.truncate(len);
        self.flags.truncate(len);
        self.consumption.truncate(len);
        self.rebate.truncate(len);
    }

    /// Row `i` as a row value (its texts shared with the table). Panics past the end,
    /// like indexing a slice.
    pub fn row(&self, i: usize) -> StatementRow {
        let text = |n: u32| self.texts.all[n as usize].clone();
        StatementRow {
            month: month_of_number(self.month[i]),
            customer_uin: text(self.uin[i]),
            customer_name: text(self.name[i]),
            product: text(self.product[i]),
            sub_product: text(self.sub_product[i]),
            payment_mode: self.payment_mode(i),
            consumption: Cny::from_fen(self.consumption[i]),
            ratio: self.ratios.all[self.ratio[i] as usize],
            rebate: Cny::from_fen(self.rebate[i]),
            special: self.flags[i] & SPECIAL != 0,
        }
    }

    /// Every row in order, as row values.
    pub fn rows(&self) -> impl Iterator<Item = StatementRow> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Row `i`'s identity.
    pub fn key(&self, i: usize) -> TableKey {
        TableKey(
            self.month[i],
            self.uin[i],
            self.product[i],
            self.sub_product[i],
            self.flags[i] & POSTPAID,
        )
    }

    /// Adds `incoming`: a row whose key is already here replaces it (so a re-imported
    /// export changes nothing), new keys are appended. Returns how many were replaced.
    pub fn merge(&mut self, incoming: &StatementTable) -> usize {
        let mut at: HashMap<TableKey, usize> = HashMap::default();
        at.reserve(self.len());
        for i in 0..self.len() {
            at.insert(self.key(i), i);
        }
        let mut replaced = 0;
        for i in 0..incoming.len() {
            let last = self.len();
            self.push_parts(&incoming.parts(i));
            let key = self.key(last);
            match at.get(&key) {
                Some(&i) => {
                    self.overwrite(i, last);
                    self.truncate(last);
                    replaced += 1;
                }
                None => {
                    at.insert(key, last);
                }
            }
        }
        replaced
    }

    /// Row `i` with its texts borrowed from the table.
    fn parts(&self, i: usize) -> RowParts<'_> {
        let text = |n: u32| &*self.texts.all[n as usize];
        RowParts {
            month: month_of_number(self.month[i]),
            customer_uin: text(self.uin[i]),
            customer_name: text(self.name[i]),
            product: text(self.product[i]),
            sub_product: text(self.sub_product[i]),
            payment_mode: self.payment_mode(i),
            consumption: self.consumption[i],
            ratio: self.ratios.all[self.ratio[i] as usize],
            rebate: self.rebate[i],
            special: self.flags[i] & SPECIAL != 0,
        }
    }

    /// Copies row `from` over row `to`.
    fn overwrite(&mut self, to: usize, from: usize) {
        self.month[to] = self.month[from];
        self.uin[to] = self.uin[from];
        self.name[to] = self.name[from];
        self.product[to] = self.product[from];
        self.sub_product[to] = self.sub_product[from];
        self.ratio[to] = self.ratio[from];
        self.flags[to] = self.flags[from];
        self.consumption[to] = self.consumption[from];
        self.rebate[to] = self.rebate[from];
    }

    /// Row `i`'s payment mode.
    pub fn payment_mode(&self, i: usize) -> PaymentMode {
        if self.flags[i] & POSTPAID != 0 {
            PaymentMode::Postpaid
        } else {
            PaymentMode::Prepaid
        }
    }

    /// The distinct products, sorted (the product filter's choices).
    pub fn products(&self) -> Vec<Arc<str>> {
        let mut used = vec![false; self.texts.all.len()];
        for &p in &self.product {
            used[p as usize] = true;
        }
        let mut out: Vec<Arc<str>> = used
            .iter()
            .enumerate()
            .filter(|(_, u)| **u)
            .map(|(n, _)| self.texts.all[n].clone())
            .collect();
        crate::common::order::sort_by(&mut out, |a, b| a.cmp(b));
        out
    }

    /// The bytes the rows take in memory (columns and shared texts, not counting spare
    /// capacity), for the benchmark.
    pub fn bytes(&self) -> usize {
        let per_row = 4 * 6 + 1 + 8 * 2;
        let texts: usize = self.texts.all.iter().map(|t| t.len() + 16).sum();
        self.len() * per_row + texts * 2 + self.ratios.all.len() * 32
    }

    // Column access for the view (statement_view.rs).
    pub(crate) fn months(&self) -> &[i32] {
        &self.month
    }
    pub(crate) fn postpaid(&self, i: usize) -> bool {
        self.flags[i] & POSTPAID != 0
    }
    pub(crate) fn special(&self, i: usize) -> bool {
        self.flags[i] & SPECIAL != 0
    }
    pub(crate) fn uins(&self) -> &[u32] {
        &self.uin
    }
    pub(crate) fn names(&self) -> &[u32] {
        &self.name
    }
    pub(crate) fn product_numbers(&self) -> &[u32] {
        &self.product
    }
    pub(crate) fn sub_product_numbers(&self) -> &[u32] {
        &self.sub_product
    }
    pub(crate) fn ratio_numbers(&self) -> &[u32] {
        &self.ratio
    }
    pub(crate) fn consumption_fen(&self) -> &[i64] {
        &self.consumption
    }
    pub(crate) fn rebate_fen(&self) -> &[i64] {
        &self.rebate
    }
    /// Every shared text, by number.
    pub(crate) fn texts(&self) -> &[Arc<str>] {
        &self.texts.all
    }
    /// Every ratio, by number.
    pub(crate) fn ratio_values(&self) -> &[Decimal] {
        &self.ratios.all
    }
}
