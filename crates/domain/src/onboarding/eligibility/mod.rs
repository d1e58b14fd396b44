//! The eligibility self-check (RULES §Eligibility): basic declarations and per-type thresholds,
//! all inclusive ("以上" includes the number). Results are data, not prose, so the UI can
//! say them in either language.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::cny::Cny;

mod assessment;
mod requirements;

pub use assessment::{Check, Gap, Outcome, TypeAssessment, assess, assess_all, evaluate};
pub use requirements::{Requirement, one_year_after, thresholds};

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
    #[serde(default, deserialize_with = "crate::common::iso::opt_date")]
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
