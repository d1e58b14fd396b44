//! Rebate statement rows, the statement basis and totals (RULES §Statements).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::money::cny::Cny;
use crate::money::month::YearMonth;

/// How the customer pays for the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PaymentMode {
    /// 预付费: deducted in the month of use.
    Prepaid,
    /// 后付费: usage in month M is deducted in M+1.
    Postpaid,
}

impl PaymentMode {
    /// Both modes.
    pub const ALL: [PaymentMode; 2] = [PaymentMode::Prepaid, PaymentMode::Postpaid];

    /// The name used in files and URLs.
    pub fn name(self) -> &'static str {
        match self {
            PaymentMode::Prepaid => "prepaid",
            PaymentMode::Postpaid => "postpaid",
        }
    }

    /// Reads a mode as files write it: `prepaid` / `postpaid` or 预付费 / 后付费.
    pub fn parse(input: &str) -> Option<PaymentMode> {
        let input = input.trim();
        // The written forms as they are first: no lower-case copy for each of a million
        // lines.
        match input {
            "prepaid" | "预付费" => return Some(PaymentMode::Prepaid),
            "postpaid" | "后付费" => return Some(PaymentMode::Postpaid),
            _ => {}
        }
        match input.to_lowercase().as_str() {
            "prepaid" | "预付费" | "预付" | "包年包月" => Some(PaymentMode::Prepaid),
            "postpaid" | "后付费" | "后付" | "按量计费" => Some(PaymentMode::Postpaid),
            _ => None,
        }
    }
}

/// One row: customer × product × month. Text columns are shared (`Arc<str>`): 100,000
/// rows name a few thousand customers and a handful of products.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementRow {
    /// The usage month (计费周期).
    pub month: YearMonth,
    /// Customer UIN.
    pub customer_uin: Arc<str>,
    /// Customer name.
    pub customer_name: Arc<str>,
    /// Product.
    pub product: Arc<str>,
    /// Sub-product.
    pub sub_product: Arc<str>,
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

/// What makes a row unique: a later row with the same key replaces the earlier one.
pub type RowKey = (YearMonth, Arc<str>, Arc<str>, Arc<str>, PaymentMode);

impl StatementRow {
    /// The row's identity (month, customer, product, sub-product, payment mode).
    pub fn key(&self) -> RowKey {
        (
            self.month,
            self.customer_uin.clone(),
            self.product.clone(),
            self.sub_product.clone(),
            self.payment_mode,
        )
    }

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
    #[serde(deserialize_with = "crate::common::iso::date")]
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
        out.entry(&*row.customer_uin).or_default().add(row);
    }
    out
}
