//! How an applicant stands against each requirement: met, unmet (and by how much) or
//! unknown, per partner type and for all three side by side.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BasicDeclarations, CompanyFacts, Requirement, one_year_after, thresholds};
use crate::money::cny::Cny;
use crate::onboarding::partner_type::PartnerType;

/// How far an unmet requirement is from being met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gap {
    /// A declaration answered no, or a capability missing.
    Declined,
    /// An amount below its threshold: `have`, and `short` of the minimum.
    Money {
        /// Amount stated.
        have: Cny,
        /// Amount missing.
        short: Cny,
    },
    /// A count below its threshold: `have` of `need`.
    Count {
        /// Count stated.
        have: u32,
        /// Threshold.
        need: u32,
    },
    /// Registered too recently: eligible from `from`.
    TooRecent {
        /// Registration date.
        #[serde(deserialize_with = "crate::common::iso::date")]
        registered: NaiveDate,
        /// First day the one-year rule holds.
        #[serde(deserialize_with = "crate::common::iso::date")]
        from: NaiveDate,
    },
}

/// The state of one requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Met.
    Met,
    /// Not met, with the gap.
    NotMet(Gap),
    /// Not enough information to say.
    Unknown,
}

/// A requirement and how the applicant stands against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The requirement.
    pub requirement: Requirement,
    /// Met, not met (with the gap) or unknown.
    pub outcome: Outcome,
}

/// The self-check result for one partner type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeAssessment {
    /// The partner type assessed.
    pub partner_type: PartnerType,
    /// Every requirement, basic declarations first.
    pub checks: Vec<Check>,
}

impl TypeAssessment {
    /// Met if all are met; not met if any is not met; unknown otherwise. Meeting every
    /// threshold is still not approval: the provider selects the best (择优).
    pub fn overall(&self) -> Outcome {
        if let Some(c) = self
            .checks
            .iter()
            .find(|c| matches!(c.outcome, Outcome::NotMet(_)))
        {
            return c.outcome;
        }
        if self.checks.iter().all(|c| c.outcome == Outcome::Met) {
            Outcome::Met
        } else {
            Outcome::Unknown
        }
    }

    /// How many requirements are not met.
    pub fn unmet(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::NotMet(_)))
            .count()
    }
}

fn yes(answer: Option<bool>) -> Outcome {
    match answer {
        Some(true) => Outcome::Met,
        Some(false) => Outcome::NotMet(Gap::Declined),
        None => Outcome::Unknown,
    }
}

fn at_least(have: Option<u32>, need: u32) -> Outcome {
    match have {
        Some(h) if h >= need => Outcome::Met,
        Some(h) => Outcome::NotMet(Gap::Count { have: h, need }),
        None => Outcome::Unknown,
    }
}

fn money_at_least(have: Option<Cny>, min: Cny) -> Outcome {
    match have {
        Some(h) if h >= min => Outcome::Met,
        Some(h) => Outcome::NotMet(Gap::Money {
            have: h,
            short: min - h,
        }),
        None => Outcome::Unknown,
    }
}

/// How the facts stand against one requirement on `today`.
pub fn evaluate(
    requirement: Requirement,
    decl: &BasicDeclarations,
    facts: &CompanyFacts,
    today: NaiveDate,
) -> Outcome {
    use Requirement::*;
    match requirement {
        Basic(which) => yes(decl
            .answers()
            .iter()
            .find(|(d, _)| *d == which)
            .and_then(|(_, a)| *a)),
        RegisteredCapital { min } => money_at_least(facts.registered_capital, min),
        RegisteredOneYear => match facts.registration_date {
            None => Outcome::Unknown,
            Some(registered) => {
                let from = one_year_after(registered);
                if from <= today {
                    Outcome::Met
                } else {
                    Outcome::NotMet(Gap::TooRecent { registered, from })
                }
            }
        },
        Staff { min } => at_least(facts.staff, min),
        TechnicalStaff { min } => at_least(facts.technical_staff, min),
        RndStaff { min } => at_least(facts.rnd_staff, min),
        DeliveryStaff { min } => at_least(facts.delivery_staff, min),
        SalesStaff { min } => at_least(facts.sales_staff, min),
        CustomerOpsAfterSales => yes(facts.customer_ops_after_sales),
        BizdevOnsiteIntegration => yes(facts.bizdev_onsite_integration),
        OwnCloudSolution => yes(facts.own_cloud_solution),
        SoftwareCopyrights { min } => at_least(facts.software_copyrights, min),
        LearnersPassedSalesFoundation { min } => {
            at_least(facts.learners_passed_sales_foundation, min)
        }
        LearnersCertifiedSalesManager { min } => {
            at_least(facts.learners_certified_sales_manager, min)
        }
        Deposit { amount } => money_at_least(facts.deposit_paid, amount),
    }
}

/// Assesses one partner type: the seven basic declarations, then its thresholds.
pub fn assess(
    partner_type: PartnerType,
    decl: &BasicDeclarations,
    facts: &CompanyFacts,
    today: NaiveDate,
) -> TypeAssessment {
    let checks = decl
        .answers()
        .iter()
        .map(|(d, _)| Requirement::Basic(*d))
        .chain(thresholds(partner_type))
        .map(|requirement| Check {
            requirement,
            outcome: evaluate(requirement, decl, facts, today),
        })
        .collect();
    TypeAssessment {
        partner_type,
        checks,
    }
}

/// All three types side by side.
pub fn assess_all(
    decl: &BasicDeclarations,
    facts: &CompanyFacts,
    today: NaiveDate,
) -> [TypeAssessment; 3] {
    PartnerType::ALL.map(|t| assess(t, decl, facts, today))
}
