//! Rebate statement rows, the statement basis and totals (SPEC §3.7).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

use super::money::Cny;
use super::month::YearMonth;

/// How the customer pays for the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PaymentMode {
    /// 预付费: deducted in the month of use.
    Prepaid,
    /// 后付费: usage in month M is deducted in M+1.
    Postpaid,
}

/// One row: customer × product × month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementRow {
    /// The usage month (计费周期).
    pub month: YearMonth,
    /// Customer UIN.
    pub customer_uin: String,
    /// Customer name.
    pub customer_name: String,
    /// Product.
    pub product: String,
    /// Sub-product.
    pub sub_product: String,
    /// Prepaid or postpaid.
    pub payment_mode: PaymentMode,
    /// Consumption amount.
    pub consumption: Cny,
    /// Rebate ratio, e.g. 0.12 for 12%.
    pub ratio: Decimal,
    /// Rebate amount; 0 means there is no rebate that month.
    pub rebate: Cny,
    /// Whether a special rebate applied.
    pub special: bool,
}

impl StatementRow {
    /// The month the charge is deducted: the next month for postpaid usage.
    pub fn deduction_month(&self) -> YearMonth {
        match self.payment_mode {
            PaymentMode::Prepaid => self.month,
            PaymentMode::Postpaid => self.month.next(),
        }
    }
}

/// Which month a row is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatementBasis {
    /// 按计费周期: by the month the resource was used.
    BillingPeriod,
    /// 按扣费周期: by the month the charge was deducted.
    DeductionPeriod,
}

/// Accounts registered on or after this day default to the billing period.
pub fn billing_period_default_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 4, 14).unwrap_or_default()
}

/// The account's basis over time: a default from its registration date, and optionally a
/// switch to the billing period from a given month (earlier months keep their basis).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasisPolicy {
    /// When the account was registered.
    pub registered: NaiveDate,
    /// The month from which the account switched to the billing period, if it did.
    pub switched_to_billing: Option<YearMonth>,
}

impl BasisPolicy {
    /// The basis the account starts with.
    pub fn default_basis(&self) -> StatementBasis {
        if self.registered >= billing_period_default_from() {
            StatementBasis::BillingPeriod
        } else {
            StatementBasis::DeductionPeriod
        }
    }

    /// The basis of a given statement month.
    pub fn basis_for(&self, month: YearMonth) -> StatementBasis {
        match self.switched_to_billing {
            Some(from) if month >= from => StatementBasis::BillingPeriod,
            _ => self.default_basis(),
        }
    }

    /// The statement month a row is counted in under this policy: its usage month when
    /// that month is on the billing basis, else its deduction month. Around a switch
    /// every row is therefore counted exactly once.
    pub fn statement_month(&self, row: &StatementRow) -> YearMonth {
        match self.basis_for(row.month) {
            StatementBasis::BillingPeriod => row.month,
            StatementBasis::DeductionPeriod => row.deduction_month(),
        }
    }
}

/// The statement month of a row when the whole view uses one basis.
pub fn statement_month(row: &StatementRow, basis: StatementBasis) -> YearMonth {
    match basis {
        StatementBasis::BillingPeriod => row.month,
        StatementBasis::DeductionPeriod => row.deduction_month(),
    }
}

/// Sums over a group of rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Number of rows.
    pub rows: usize,
    /// Total consumption.
    pub consumption: Cny,
    /// Total rebate.
    pub rebate: Cny,
}

impl Totals {
    /// Adds one row.
    pub fn add(&mut self, row: &StatementRow) {
        self.rows += 1;
        self.consumption += row.consumption;
        self.rebate += row.rebate;
    }
}

/// Totals per statement month (ascending), with each row placed by `month_of`.
pub fn totals_by_month<'a>(
    rows: impl IntoIterator<Item = &'a StatementRow>,
    month_of: impl Fn(&StatementRow) -> YearMonth,
) -> BTreeMap<YearMonth, Totals> {
    let mut out: BTreeMap<YearMonth, Totals> = BTreeMap::new();
    for row in rows {
        out.entry(month_of(row)).or_default().add(row);
    }
    out
}

/// Totals per customer UIN.
pub fn totals_by_customer<'a>(
    rows: impl IntoIterator<Item = &'a StatementRow>,
) -> HashMap<&'a str, Totals> {
    let mut out: HashMap<&str, Totals> = HashMap::new();
    for row in rows {
        out.entry(row.customer_uin.as_str()).or_default().add(row);
    }
    out
}

/// The company name valid in a month, from a list of (effective month, name) changes:
/// a name change shows on settlement sheets from the month after it is made.
pub fn company_name_for(
    month: YearMonth,
    original: &str,
    renames: &[(YearMonth, String)],
) -> String {
    renames
        .iter()
        .filter(|(effective, _)| *effective <= month)
        .max_by_key(|(effective, _)| *effective)
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| original.to_string())
}
