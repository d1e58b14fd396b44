//! The stable keys forms, filters and exports name choices by (`domain::common::keyed`).
#![cfg(not(target_arch = "wasm32"))]
use partner_console::domain::PartnerType;
use partner_console::domain::common::keyed::{Keyed, key_or_empty};
use partner_console::domain::learning::learner::JoinMethod;
use partner_console::domain::money::settlement::ChecklistItem;
use partner_console::domain::onboarding::application::ApplicationState;
use partner_console::domain::onboarding::application_form::{
    AccountKind, CompanySize, VerificationMethod,
};
use std::collections::HashSet;

/// Every key is distinct, non-empty, and names its value back.
fn round_trips<T: Keyed + std::fmt::Debug>(expected_count: usize) {
    assert_eq!(T::CHOICES.len(), expected_count);
    let keys: HashSet<&str> = T::CHOICES.iter().map(|c| c.key()).collect();
    assert_eq!(keys.len(), T::CHOICES.len(), "keys are distinct");
    for &c in T::CHOICES {
        assert!(!c.key().is_empty());
        assert_eq!(T::from_key(c.key()), Some(c), "{c:?}");
    }
    assert_eq!(T::from_key(""), None);
    assert_eq!(T::from_key("no such key"), None);
}

#[test]
fn every_choice_has_a_distinct_key_that_names_it_back() {
    round_trips::<PartnerType>(3);
    round_trips::<ApplicationState>(4);
    round_trips::<AccountKind>(4);
    round_trips::<VerificationMethod>(5);
    round_trips::<CompanySize>(5);
    round_trips::<JoinMethod>(2);
    round_trips::<ChecklistItem>(5);
}

#[test]
fn keys_are_the_names_exports_and_stored_filters_already_use() {
    // The learner CSV's method column and the stored records use these names.
    assert_eq!(JoinMethod::EnterpriseEmail.key(), "EnterpriseEmail");
    assert_eq!(JoinMethod::AccountApplication.key(), "AccountApplication");
    assert_eq!(PartnerType::Agent.key(), "Agent");
    assert_eq!(key_or_empty(Some(CompanySize::From500)), "From500");
    assert_eq!(key_or_empty(None::<CompanySize>), "");
}
