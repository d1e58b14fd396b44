//! The eligibility self-check (SPEC §3.1): basic declarations and per-type thresholds,
//! all inclusive ("以上" includes the number). Results are data, not prose, so the UI can
//! say them in either language.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::money::cny::Cny;
use crate::domain::onboarding::partner_type::PartnerType;

/// The yes/no declarations every applicant makes. `None` means not answered yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicDeclarations {
    /// Lawful business qualification.
    pub lawful_business: Option<bool>,
    /// Accepts the partner agreement.
    pub accepts_agreement: Option<bool>,
    /// Accepts the programme's management, supervision and assessment.
    pub accepts_management: Option<bool>,
    /// Name and trade name do not conflict with or imitate the provider's brands.
    pub no_brand_conflict: Option<bool>,
    /// Never terminated by the provider for violations.
    pub never_terminated: Option<bool>,
    /// No cooperation disputes (large unpaid arrears, lawsuits).
    pub no_disputes: Option<bool>,
    /// No operating risk.
    pub no_operating_risk: Option<bool>,
}

/// Which basic declaration a requirement refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Declaration {
    /// See [`BasicDeclarations::lawful_business`].
    LawfulBusiness,
    /// See [`BasicDeclarations::accepts_agreement`].
    AcceptsAgreement,
    /// See [`BasicDeclarations::accepts_management`].
    AcceptsManagement,
    /// See [`BasicDeclarations::no_brand_conflict`].
    NoBrandConflict,
    /// See [`BasicDeclarations::never_terminated`].
    NeverTerminated,
    /// See [`BasicDeclarations::no_disputes`].
    NoDisputes,
    /// See [`BasicDeclarations::no_operating_risk`].
    NoOperatingRisk,
}

impl BasicDeclarations {
    /// Each declaration with its answer, in the guide's order.
    pub fn answers(&self) -> [(Declaration, Option<bool>); 7] {
        [
            (Declaration::LawfulBusiness, self.lawful_business),
            (Declaration::AcceptsAgreement, self.accepts_agreement),
            (Declaration::AcceptsManagement, self.accepts_management),
            (Declaration::NoBrandConflict, self.no_brand_conflict),
            (Declaration::NeverTerminated, self.never_terminated),
            (Declaration::NoDisputes, self.no_disputes),
            (Declaration::NoOperatingRisk, self.no_operating_risk),
        ]
    }
}

/// What the applicant states about its company. `None` means unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFacts {
    /// Registered capital.
    pub registered_capital: Option<Cny>,
    /// Date of registration.
    pub registration_date: Option<NaiveDate>,
    /// Total staff.
    pub staff: Option<u32>,
    /// Technical staff.
    pub technical_staff: Option<u32>,
    /// R&D staff.
    pub rnd_staff: Option<u32>,
    /// Delivery / service staff.
    pub delivery_staff: Option<u32>,
    /// Full-time sales staff.
    pub sales_staff: Option<u32>,
    /// Mature customer-operations and after-sales systems.
    pub customer_ops_after_sales: Option<bool>,
    /// Business development, on-site service and project integration capability.
    pub bizdev_onsite_integration: Option<bool>,
    /// Has its own cloud-based solution.
    pub own_cloud_solution: Option<bool>,
    /// Number of software copyrights held.
    pub software_copyrights: Option<u32>,
    /// Deposit paid so far.
    pub deposit_paid: Option<Cny>,
    /// Learners who passed the sales foundation exam (from learner records when present).
    pub learners_passed_sales_foundation: Option<u32>,
    /// Learners certified as sales manager (from learner records when present).
    pub learners_certified_sales_manager: Option<u32>,
}

/// One requirement of one partner type, with its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Requirement {
    /// A basic declaration, answered yes.
    Basic(Declaration),
    /// Registered capital at least `min`.
    RegisteredCapital {
        /// Threshold.
        min: Cny,
    },
    /// Registered for at least one year.
    RegisteredOneYear,
    /// Total staff at least `min`.
    Staff {
        /// Threshold.
        min: u32,
    },
    /// Technical staff at least `min`.
    TechnicalStaff {
        /// Threshold.
        min: u32,
    },
    /// R&D staff at least `min`.
    RndStaff {
        /// Threshold.
        min: u32,
    },
    /// Delivery/service staff at least `min`.
    DeliveryStaff {
        /// Threshold.
        min: u32,
    },
    /// Full-time sales staff at least `min`.
    SalesStaff {
        /// Threshold.
        min: u32,
    },
    /// Mature customer-operations and after-sales systems.
    CustomerOpsAfterSales,
    /// Business development, on-site service and project integration capability.
    BizdevOnsiteIntegration,
    /// Own cloud-based solution.
    OwnCloudSolution,
    /// Software copyrights at least `min`.
    SoftwareCopyrights {
        /// Threshold.
        min: u32,
    },
    /// Learners who passed the sales foundation exam, at least `min`.
    LearnersPassedSalesFoundation {
        /// Threshold.
        min: u32,
    },
    /// Learners certified as sales manager, at least `min`.
    LearnersCertifiedSalesManager {
        /// Threshold.
        min: u32,
    },
    /// Deposit of `amount` paid.
    Deposit {
        /// Amount due.
        amount: Cny,
    },
}

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
        registered: NaiveDate,
        /// First day the one-year rule holds.
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

/// The first day a company registered on `registered` counts as registered for a year:
/// the same date a year later; a 29 February registration reaches it on 28 February.
pub fn one_year_after(registered: NaiveDate) -> NaiveDate {
    registered
        .checked_add_months(Months::new(12))
        .unwrap_or(NaiveDate::MAX)
}

/// The requirements of one partner type (SPEC §3.1 table), basic declarations excluded.
pub fn thresholds(partner_type: PartnerType) -> Vec<Requirement> {
    use Requirement::*;
    match partner_type {
        PartnerType::Agent => vec![
            RegisteredCapital {
                min: Cny::yuan(1_000_000),
            },
            RegisteredOneYear,
            Staff { min: 20 },
            TechnicalStaff { min: 2 },
            CustomerOpsAfterSales,
            LearnersPassedSalesFoundation { min: 3 },
            Deposit {
                amount: Cny::yuan(10_000),
            },
        ],
        PartnerType::Integration => vec![
            RegisteredCapital {
                min: Cny::yuan(5_000_000),
            },
            RegisteredOneYear,
            Staff { min: 20 },
            TechnicalStaff { min: 3 },
            SalesStaff { min: 5 },
            BizdevOnsiteIntegration,
            LearnersCertifiedSalesManager { min: 3 },
        ],
        PartnerType::Development => vec![
            RegisteredCapital {
                min: Cny::yuan(10_000_000),
            },
            RegisteredOneYear,
            Staff { min: 40 },
            RndStaff { min: 20 },
            DeliveryStaff { min: 10 },
            OwnCloudSolution,
            SoftwareCopyrights { min: 1 },
            LearnersCertifiedSalesManager { min: 5 },
        ],
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
