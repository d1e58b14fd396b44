//! Special rebates (特批返佣, RULES §Special rebates): every one that was in force for a customer while
//! associated with this partner, expired ones included, with the guide's five filters.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::statement::PaymentMode;

/// One special rebate granted for a customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialRebate {
    /// Unique id.
    pub id: String,
    /// The customer it applies to.
    pub customer_uin: String,
    /// Product.
    pub product: String,
    /// Sub-product.
    pub sub_product: String,
    /// The special ratio (0.15 = 15%).
    pub ratio: Decimal,
    /// Prepaid or postpaid.
    pub payment_mode: PaymentMode,
    /// First day in force.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub effective_from: NaiveDate,
    /// Last day in force.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub expires_on: NaiveDate,
}

/// Whether a special rebate applies on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RebateValidity {
    /// Starts later.
    NotYetInForce,
    /// Applies today.
    InForce,
    /// Ended.
    Expired,
}

impl SpecialRebate {
    /// Its state on `today`.
    pub fn validity(&self, today: NaiveDate) -> RebateValidity {
        if today < self.effective_from {
            RebateValidity::NotYetInForce
        } else if today > self.expires_on {
            RebateValidity::Expired
        } else {
            RebateValidity::InForce
        }
    }
}

/// The five filters of the guide; empty parts match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecialRebateFilter {
    /// Part of the product name.
    pub product: String,
    /// Part of the sub-product name.
    pub sub_product: String,
    /// Lowest ratio (inclusive).
    pub ratio_min: Option<Decimal>,
    /// Highest ratio (inclusive).
    pub ratio_max: Option<Decimal>,
    /// Payment mode.
    pub payment_mode: Option<PaymentMode>,
    /// Start of a date range: rebates in force at any time in the range match.
    pub from: Option<NaiveDate>,
    /// End of the date range.
    pub to: Option<NaiveDate>,
}

impl SpecialRebateFilter {
    /// Whether a rebate passes every filter.
    pub fn matches(&self, r: &SpecialRebate) -> bool {
        let has = |text: &str, part: &str| {
            let part = part.trim().to_lowercase();
            part.is_empty() || text.to_lowercase().contains(&part)
        };
        has(&r.product, &self.product)
            && has(&r.sub_product, &self.sub_product)
            && self.ratio_min.is_none_or(|m| r.ratio >= m)
            && self.ratio_max.is_none_or(|m| r.ratio <= m)
            && self.payment_mode.is_none_or(|m| r.payment_mode == m)
            && self.from.is_none_or(|f| r.expires_on >= f)
            && self.to.is_none_or(|t| r.effective_from <= t)
    }
}

/// A ratio bound typed as a percentage that is not one: not a number, or outside 0–100.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAPercent;

/// A ratio bound as typed in the filter ("15", "15%", "15％", "12.5") as a share of one
/// (0.15); empty is no bound.
pub fn parse_percent(text: &str) -> Result<Option<Decimal>, NotAPercent> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<Decimal>()
        .ok()
        .filter(|v| *v >= Decimal::ZERO && *v <= Decimal::ONE_HUNDRED)
        .map(|v| Some(v / Decimal::ONE_HUNDRED))
        .ok_or(NotAPercent)
}

/// A customer's special rebates passing the filter, newest first.
pub fn for_customer<'a>(
    all: &'a [SpecialRebate],
    uin: &str,
    filter: &SpecialRebateFilter,
) -> Vec<&'a SpecialRebate> {
    let mut out: Vec<&SpecialRebate> = all
        .iter()
        .filter(|r| r.customer_uin == uin && filter.matches(r))
        .collect();
    crate::common::order::sort_by(&mut out, |a, b| {
        b.effective_from
            .cmp(&a.effective_from)
            .then_with(|| a.product.cmp(&b.product))
    });
    out
}
