//! What the self-check form holds: the text as typed (so nothing is lost or rewritten),
//! and its reading as the domain's `CompanyFacts`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::common::text::compact;
use crate::money::cny::Cny;
use crate::onboarding::eligibility::{BasicDeclarations, CompanyFacts};

/// The record id of the (one) self-check kept per browser or account.
pub const CHECK_ID: &str = "self-check";

/// The form's content, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EligibilityInput {
    /// The yes/no declarations.
    pub declarations: BasicDeclarations,
    /// Registered capital, CNY.
    pub capital: String,
    /// Registration date, `YYYY-MM-DD`.
    pub registered: String,
    /// Total staff.
    pub staff: String,
    /// Technical staff.
    pub technical: String,
    /// R&D staff.
    pub rnd: String,
    /// Delivery/service staff.
    pub delivery: String,
    /// Full-time sales staff.
    pub sales: String,
    /// Mature customer operations and after-sales.
    pub customer_ops: Option<bool>,
    /// Business development, on-site service and integration capability.
    pub bizdev: Option<bool>,
    /// Own cloud-based solution.
    pub own_solution: Option<bool>,
    /// Software copyrights.
    pub copyrights: String,
    /// Deposit paid, CNY.
    pub deposit: String,
    /// Learners who passed the sales foundation exam.
    pub passed: String,
    /// Learners certified as sales manager.
    pub certified: String,
}

/// Which input could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadInput {
    /// Not an amount of money.
    Money,
    /// Not a whole number.
    Count,
    /// Not a date.
    Date,
    /// A date no company can have been registered on: before 1900 (a mistyped year such
    /// as 0101) or after today.
    DateOutOfRange,
}

/// An empty text is unknown; otherwise it must read as `T`.
fn read<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    bad: BadInput,
) -> Result<Option<T>, BadInput> {
    let t = text.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        parse(t).map(Some).ok_or(bad)
    }
}

/// A whole count (full-width digits and separators allowed).
pub fn read_count(text: &str) -> Result<Option<u32>, BadInput> {
    read(
        text,
        |t| compact(t).replace(',', "").parse().ok(),
        BadInput::Count,
    )
}

/// An amount of CNY.
pub fn read_money(text: &str) -> Result<Option<Cny>, BadInput> {
    read(
        text,
        |t| Cny::parse(t).ok().filter(|c| !c.is_negative()),
        BadInput::Money,
    )
}

/// A registration date `YYYY-MM-DD`, on or before `today` and not before 1900.
pub fn read_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, BadInput> {
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    match read(text, crate::common::text::parse_date, BadInput::Date)? {
        Some(d) if d < earliest || d > today => Err(BadInput::DateOutOfRange),
        other => Ok(other),
    }
}

impl EligibilityInput {
    /// The facts as far as they can be read on `today`; unreadable inputs count as
    /// unknown (their fields show the error).
    pub fn facts(&self, today: NaiveDate) -> CompanyFacts {
        CompanyFacts {
            registered_capital: read_money(&self.capital).ok().flatten(),
            registration_date: read_date(&self.registered, today).ok().flatten(),
            staff: read_count(&self.staff).ok().flatten(),
            technical_staff: read_count(&self.technical).ok().flatten(),
            rnd_staff: read_count(&self.rnd).ok().flatten(),
            delivery_staff: read_count(&self.delivery).ok().flatten(),
            sales_staff: read_count(&self.sales).ok().flatten(),
            customer_ops_after_sales: self.customer_ops,
            bizdev_onsite_integration: self.bizdev,
            own_cloud_solution: self.own_solution,
            software_copyrights: read_count(&self.copyrights).ok().flatten(),
            deposit_paid: read_money(&self.deposit).ok().flatten(),
            learners_passed_sales_foundation: read_count(&self.passed).ok().flatten(),
            learners_certified_sales_manager: read_count(&self.certified).ok().flatten(),
        }
    }
}
