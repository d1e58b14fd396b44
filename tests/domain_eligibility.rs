//! Eligibility (RULES §Eligibility): inclusive thresholds, the one-year rule, exact gaps.
#![cfg(not(target_arch = "wasm32"))]
use chrono::NaiveDate;
use partner_console::domain::onboarding::eligibility::*;
use partner_console::domain::{Cny, PartnerType};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn all_yes() -> BasicDeclarations {
    BasicDeclarations {
        lawful_business: Some(true),
        accepts_agreement: Some(true),
        accepts_management: Some(true),
        no_brand_conflict: Some(true),
        never_terminated: Some(true),
        no_disputes: Some(true),
        no_operating_risk: Some(true),
    }
}

/// A company exactly on every Agent threshold.
fn agent_exact() -> CompanyFacts {
    CompanyFacts {
        registered_capital: Some(Cny::yuan(1_000_000)),
        registration_date: Some(d(2025, 11, 26)),
        staff: Some(20),
        technical_staff: Some(2),
        customer_ops_after_sales: Some(true),
        learners_passed_sales_foundation: Some(3),
        deposit_paid: Some(Cny::yuan(10_000)),
        ..CompanyFacts::default()
    }
}

fn outcome(a: &TypeAssessment, r: Requirement) -> Outcome {
    a.checks
        .iter()
        .find(|c| c.requirement == r)
        .unwrap()
        .outcome
}

#[test]
fn thresholds_are_inclusive() {
    let a = assess(
        PartnerType::Agent,
        &all_yes(),
        &agent_exact(),
        d(2026, 11, 26),
    );
    assert_eq!(a.overall(), Outcome::Met, "{a:?}");
}

#[test]
fn capital_gap_is_exact() {
    let facts = CompanyFacts {
        registered_capital: Some(Cny::yuan(800_000)),
        ..agent_exact()
    };
    let a = assess(PartnerType::Agent, &all_yes(), &facts, d(2026, 11, 26));
    assert_eq!(
        outcome(
            &a,
            Requirement::RegisteredCapital {
                min: Cny::yuan(1_000_000)
            }
        ),
        Outcome::NotMet(Gap::Money {
            have: Cny::yuan(800_000),
            short: Cny::yuan(200_000)
        })
    );
}

#[test]
fn one_year_rule_and_leap_day() {
    assert_eq!(one_year_after(d(2025, 3, 1)), d(2026, 3, 1));
    assert_eq!(one_year_after(d(2024, 2, 29)), d(2025, 2, 28));
    let facts = CompanyFacts {
        registration_date: Some(d(2025, 3, 1)),
        ..agent_exact()
    };
    let a = assess(PartnerType::Agent, &all_yes(), &facts, d(2026, 2, 28));
    assert_eq!(
        outcome(&a, Requirement::RegisteredOneYear),
        Outcome::NotMet(Gap::TooRecent {
            registered: d(2025, 3, 1),
            from: d(2026, 3, 1)
        })
    );
    let a = assess(PartnerType::Agent, &all_yes(), &facts, d(2026, 3, 1));
    assert_eq!(outcome(&a, Requirement::RegisteredOneYear), Outcome::Met);
    let leap = CompanyFacts {
        registration_date: Some(d(2024, 2, 29)),
        ..agent_exact()
    };
    let a = assess(PartnerType::Agent, &all_yes(), &leap, d(2025, 2, 28));
    assert_eq!(outcome(&a, Requirement::RegisteredOneYear), Outcome::Met);
}

#[test]
fn learner_counts_give_have_of_need() {
    let facts = CompanyFacts {
        learners_certified_sales_manager: Some(2),
        ..agent_exact()
    };
    let a = assess(
        PartnerType::Integration,
        &all_yes(),
        &facts,
        d(2026, 11, 26),
    );
    assert_eq!(
        outcome(&a, Requirement::LearnersCertifiedSalesManager { min: 3 }),
        Outcome::NotMet(Gap::Count { have: 2, need: 3 })
    );
}

#[test]
fn integration_misses_two_thresholds() {
    let facts = CompanyFacts {
        registered_capital: Some(Cny::yuan(3_000_000)),
        registration_date: Some(d(2020, 1, 1)),
        staff: Some(25),
        technical_staff: Some(3),
        sales_staff: Some(4),
        bizdev_onsite_integration: Some(true),
        learners_certified_sales_manager: Some(3),
        ..CompanyFacts::default()
    };
    let a = assess(
        PartnerType::Integration,
        &all_yes(),
        &facts,
        d(2026, 11, 26),
    );
    assert_eq!(a.unmet(), 2);
    assert_eq!(
        outcome(&a, Requirement::SalesStaff { min: 5 }),
        Outcome::NotMet(Gap::Count { have: 4, need: 5 })
    );
}

#[test]
fn unknowns_and_declined_declarations() {
    let a = assess(
        PartnerType::Development,
        &BasicDeclarations::default(),
        &CompanyFacts::default(),
        d(2026, 1, 1),
    );
    assert_eq!(a.overall(), Outcome::Unknown);
    assert!(a.checks.iter().all(|c| c.outcome == Outcome::Unknown));
    let decl = BasicDeclarations {
        no_disputes: Some(false),
        ..all_yes()
    };
    let a = assess(PartnerType::Agent, &decl, &agent_exact(), d(2026, 11, 26));
    assert_eq!(
        outcome(&a, Requirement::Basic(Declaration::NoDisputes)),
        Outcome::NotMet(Gap::Declined)
    );
    assert!(matches!(a.overall(), Outcome::NotMet(_)));
}

#[test]
fn every_type_lists_basic_declarations_first_and_its_own_rows() {
    let all = assess_all(&all_yes(), &agent_exact(), d(2026, 11, 26));
    assert_eq!(all.clone().map(|a| a.partner_type), PartnerType::ALL);
    for a in &all {
        assert!(
            a.checks[..7]
                .iter()
                .all(|c| matches!(c.requirement, Requirement::Basic(_)))
        );
    }
    assert_eq!(all[0].checks.len(), 7 + 7);
    assert_eq!(all[1].checks.len(), 7 + 7);
    assert_eq!(all[2].checks.len(), 7 + 8);
    assert!(
        all[2]
            .checks
            .iter()
            .any(|c| c.requirement == Requirement::RndStaff { min: 20 })
    );
}

#[test]
fn a_registration_date_must_be_one_a_company_can_have() {
    use partner_console::domain::onboarding::eligibility_input::{
        BadInput, EligibilityInput, read_date,
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    assert_eq!(read_date("", today), Ok(None));
    assert_eq!(read_date("2025-13-01", today), Err(BadInput::Date));
    assert_eq!(
        read_date("0101-01-01", today),
        Err(BadInput::DateOutOfRange)
    );
    assert_eq!(
        read_date("1899-12-31", today),
        Err(BadInput::DateOutOfRange)
    );
    assert_eq!(
        read_date("2026-11-30", today),
        Err(BadInput::DateOutOfRange)
    );
    assert_eq!(
        read_date("２０２６-11-29", today),
        Ok(Some(today)),
        "today itself, typed in full width"
    );
    // A mistyped year is unknown, never "registered for over a year".
    let input = EligibilityInput {
        registered: "0101-01-01".into(),
        ..EligibilityInput::default()
    };
    assert_eq!(input.facts(today).registration_date, None);
}
