//! A realistic sample data set of any size — customers, a year of statements,
//! settlements and special rebates — so anyone can try the money pages. The same
//! generator feeds the tests and the benchmarks. It is deterministic: the same size,
//! month and seed give the same data.

mod names;
mod profile;
mod settlements;

pub use profile::{
    SAMPLE_COMPANY, SAMPLE_PROOF_ID, SAMPLE_PROOF_PNG, sample_application_form, sample_profile,
    second_sample_profile,
};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::money::cny::Cny;
use crate::money::customer::{Customer, UnbindState};
use crate::money::month::YearMonth;
use crate::money::settlement::SettlementSheet;
use crate::money::special_rebate::SpecialRebate;
use crate::money::statement::StatementRow;
use crate::money::statement_table::{RowParts, StatementTable};

use names::{CITIES, PRODUCTS, RATIOS, Rng, TRADES, WORDS, day};

/// Everything the generator makes; the statements as rows ([`generate`]) or as the
/// page's table ([`SampleGenerator`]).
#[derive(Clone, Debug, Default)]
pub struct SampleData<Rows = Vec<StatementRow>> {
    /// Associated customers.
    pub customers: Vec<Customer>,
    /// Statement rows (exactly the size asked for).
    pub statements: Rows,
    /// One settlement sheet per month.
    pub settlements: Vec<SettlementSheet>,
    /// Special rebates of some customers, expired ones included.
    pub special_rebates: Vec<SpecialRebate>,
}

/// Generates `rows` statement rows over the twelve months ending with `last_month`, and
/// the customers, settlements and special rebates that go with them.
pub fn generate(rows: usize, last_month: YearMonth, seed: u64) -> SampleData {
    let data = SampleGenerator::new(rows, last_month, seed).finish();
    SampleData {
        statements: data.statements.rows().collect(),
        customers: data.customers,
        settlements: data.settlements,
        special_rebates: data.special_rebates,
    }
}

/// The sample made a customer at a time, so a page can make a million rows in slices
/// (call [`SampleGenerator::step`] until it reports done, giving the page back between).
pub struct SampleGenerator {
    rng: Rng,
    /// The twelve months, oldest first.
    months: Vec<YearMonth>,
    /// Rows wanted.
    rows: usize,
    /// Customers made so far.
    customers: u64,
    data: SampleData<StatementTable>,
}

impl SampleGenerator {
    /// A generator of `rows` rows over the twelve months ending with `last_month`.
    pub fn new(rows: usize, last_month: YearMonth, seed: u64) -> Self {
        let mut months = vec![last_month];
        while months.len() < 12 {
            let earliest = months[months.len() - 1];
            months.push(earliest.prev());
        }
        months.reverse();
        SampleGenerator {
            rng: Rng(seed),
            months,
            rows,
            customers: 0,
            data: SampleData::default(),
        }
    }

    /// (rows made, rows wanted).
    pub fn progress(&self) -> (usize, usize) {
        (self.data.statements.len(), self.rows)
    }

    /// Makes customers until at least `rows` more rows exist; true once all are made.
    pub fn step(&mut self, rows: usize) -> bool {
        let until = self
            .data
            .statements
            .len()
            .saturating_add(rows)
            .min(self.rows);
        while self.data.statements.len() < until {
            self.customer();
        }
        self.data.statements.len() >= self.rows
    }

    /// Makes what is left, and the settlement sheets of the rows.
    pub fn finish(mut self) -> SampleData<StatementTable> {
        while !self.step(usize::MAX) {}
        self.data.settlements =
            settlements::settlements(&self.data.statements, &self.months, &mut self.rng);
        self.data
    }

    /// One customer: its rows (2–6 products over the months, up to the rows wanted), its
    /// record and its special rebates.
    fn customer(&mut self) {
        let (rng, months, data) = (&mut self.rng, &self.months, &mut self.data);
        let last_month = months[months.len() - 1];
        let today = day(last_month.next(), 20);
        self.customers += 1;
        let i = self.customers;
        let uin = format!("{}", 100_012_000_000 + i * 1_000 + rng.below(1_000));
        let name = format!(
            "{}{}{}有限公司",
            rng.pick(&CITIES),
            rng.pick(&WORDS),
            rng.pick(&TRADES),
        );
        let special = rng.below(10) == 0;
        let scale = 1 + rng.below(40) as i64;
        // A customer uses 2–6 products, each on one sub-product.
        let mut uses: Vec<usize> = (0..PRODUCTS.len()).collect();
        let count = 2 + rng.below(5) as usize;
        for k in 0..PRODUCTS.len() {
            let j = k + rng.below((PRODUCTS.len() - k) as u64) as usize;
            uses.swap(k, j);
        }
        uses.truncate(count);
        let picks: Vec<(usize, usize)> = uses
            .iter()
            .map(|&p| (p, rng.below(PRODUCTS[p].1.len() as u64) as usize))
            .collect();
        'months: for &month in months {
            for &(p, s) in &picks {
                if data.statements.len() >= self.rows {
                    break 'months;
                }
                let consumption = (scale * (10_000 + rng.below(2_000_000) as i64)) / 4;
                let is_special = special && p == picks[0].0;
                let ratio = if is_special {
                    Decimal::new(18, 2)
                } else {
                    Decimal::new(*rng.pick(&RATIOS), 2)
                };
                data.statements.push_parts(&RowParts {
                    month,
                    customer_uin: &uin,
                    customer_name: &name,
                    product: PRODUCTS[p].0,
                    sub_product: PRODUCTS[p].1[s],
                    payment_mode: PRODUCTS[p].2,
                    consumption,
                    ratio,
                    rebate: Cny::from_fen(consumption).times(ratio).fen(),
                    special: is_special,
                });
            }
        }
        let since = NaiveDate::from_ymd_opt(
            2019 + rng.below(6) as i32,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        )
        .unwrap_or(today);
        data.customers.push(Customer {
            uin: uin.clone(),
            name: name.clone(),
            associated_since: since,
            arrears: if rng.below(25) == 0 {
                Cny::from_fen(10_000 + rng.below(2_000_000) as i64)
            } else {
                Cny::ZERO
            },
            special_rebates: special,
            unbind: if rng.below(100) == 0 {
                UnbindState::Requested
            } else {
                UnbindState::NotRequested
            },
        });
        if special {
            let (p, s) = picks[0];
            // An expired one, the one in force, and sometimes one that starts later.
            let periods = [
                (months[0].first_day(), day(months[5], 28)),
                (months[6].first_day(), day(last_month.next().next(), 28)),
                (
                    last_month.next().next().next().first_day(),
                    day(last_month.next().next().next(), 28),
                ),
            ];
            let n = 2 + rng.below(2) as usize;
            for (k, (from, to)) in periods.iter().take(n).enumerate() {
                data.special_rebates.push(SpecialRebate {
                    id: format!("{uin}-{k}"),
                    customer_uin: uin.clone(),
                    product: PRODUCTS[p].0.to_string(),
                    sub_product: PRODUCTS[p].1[s].to_string(),
                    ratio: Decimal::new(15 + 3 * k as i64, 2),
                    payment_mode: PRODUCTS[p].2,
                    effective_from: *from,
                    expires_on: *to,
                });
            }
        }
    }
}
