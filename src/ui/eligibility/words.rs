//! Requirements and gaps in words, in the current language.

use crate::domain::onboarding::eligibility::{Declaration, Gap, Outcome, Requirement};
use crate::domain::{Lang, PartnerType};
use crate::i18n::*;
use crate::ui::I18n;

/// The partner type's name.
pub fn type_name(i18n: I18n, t: PartnerType) -> String {
    match t {
        PartnerType::Agent => t_string!(i18n, partner_type.agent),
        PartnerType::Integration => t_string!(i18n, partner_type.integration),
        PartnerType::Development => t_string!(i18n, partner_type.development),
    }
    .to_string()
}

/// A basic declaration, as a statement the applicant confirms.
pub fn declaration_text(i18n: I18n, d: Declaration) -> String {
    match d {
        Declaration::LawfulBusiness => t_string!(i18n, elig.decl_lawful),
        Declaration::AcceptsAgreement => t_string!(i18n, elig.decl_agreement),
        Declaration::AcceptsManagement => t_string!(i18n, elig.decl_management),
        Declaration::NoBrandConflict => t_string!(i18n, elig.decl_brand),
        Declaration::NeverTerminated => t_string!(i18n, elig.decl_terminated),
        Declaration::NoDisputes => t_string!(i18n, elig.decl_disputes),
        Declaration::NoOperatingRisk => t_string!(i18n, elig.decl_risk),
    }
    .to_string()
}

/// A requirement with its threshold.
pub fn requirement_text(i18n: I18n, lang: Lang, r: Requirement) -> String {
    match r {
        Requirement::Basic(d) => declaration_text(i18n, d),
        Requirement::RegisteredCapital { min } => {
            t_string!(i18n, elig.req_capital, min = min.display(lang)).to_string()
        }
        Requirement::RegisteredOneYear => t_string!(i18n, elig.req_one_year).to_string(),
        Requirement::Staff { min } => t_string!(i18n, elig.req_staff, min = min).to_string(),
        Requirement::TechnicalStaff { min } => {
            t_string!(i18n, elig.req_technical, min = min).to_string()
        }
        Requirement::RndStaff { min } => t_string!(i18n, elig.req_rnd, min = min).to_string(),
        Requirement::DeliveryStaff { min } => {
            t_string!(i18n, elig.req_delivery, min = min).to_string()
        }
        Requirement::SalesStaff { min } => t_string!(i18n, elig.req_sales, min = min).to_string(),
        Requirement::CustomerOpsAfterSales => t_string!(i18n, elig.req_customer_ops).to_string(),
        Requirement::BizdevOnsiteIntegration => t_string!(i18n, elig.req_bizdev).to_string(),
        Requirement::OwnCloudSolution => t_string!(i18n, elig.req_solution).to_string(),
        Requirement::SoftwareCopyrights { min } => {
            t_string!(i18n, elig.req_copyrights, min = min).to_string()
        }
        Requirement::LearnersPassedSalesFoundation { min } => {
            t_string!(i18n, elig.req_passed, min = min).to_string()
        }
        Requirement::LearnersCertifiedSalesManager { min } => {
            t_string!(i18n, elig.req_certified, min = min).to_string()
        }
        Requirement::Deposit { amount } => {
            t_string!(i18n, elig.req_deposit, amount = amount.display(lang)).to_string()
        }
    }
}

/// The exact gap of an unmet requirement ("200,000 CNY short", "2 of 3", "from …").
pub fn gap_text(i18n: I18n, lang: Lang, r: Requirement, gap: Gap) -> String {
    match gap {
        Gap::Declined => match r {
            Requirement::Basic(_) => t_string!(i18n, elig.gap_declined).to_string(),
            _ => t_string!(i18n, elig.gap_missing).to_string(),
        },
        Gap::Money { have, short } => t_string!(
            i18n,
            elig.gap_money,
            have = have.display(lang),
            short = short.display(lang)
        )
        .to_string(),
        Gap::Count { have, need } => {
            t_string!(i18n, elig.gap_count, have = have, need = need).to_string()
        }
        Gap::TooRecent { registered, from } => t_string!(
            i18n,
            elig.gap_recent,
            registered = registered.to_string(),
            from = from.to_string()
        )
        .to_string(),
    }
}

/// Met / not met / unknown.
pub fn outcome_label(i18n: I18n, o: &Outcome) -> String {
    match o {
        Outcome::Met => t_string!(i18n, elig.met),
        Outcome::NotMet(_) => t_string!(i18n, elig.not_met),
        Outcome::Unknown => t_string!(i18n, elig.unknown),
    }
    .to_string()
}
