//! Onboarding — becoming a partner: the eligibility self-check, the application form and its
//! checks, and the application's states.

pub mod application;
pub mod application_checks;
pub mod application_form;
pub mod eligibility;
pub mod eligibility_input;
