//! What each partner type requires (the guide's table of thresholds), and when a company
//! counts as registered for a year.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Declaration;
use crate::money::cny::Cny;
use crate::onboarding::partner_type::PartnerType;

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

/// The first day a company registered on `registered` counts as registered for a year:
/// the same date a year later; a 29 February registration reaches it on 28 February.
pub fn one_year_after(registered: NaiveDate) -> NaiveDate {
    registered
        .checked_add_months(Months::new(12))
        .unwrap_or(NaiveDate::MAX)
}

/// The requirements of one partner type (RULES §Eligibility table), basic declarations excluded.
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
