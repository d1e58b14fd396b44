//! Onboarding — becoming a partner: the eligibility self-check, the application form and its
//! checks, the application's states, and the three partner types one applies for.

pub mod application;
pub mod application_checks;
pub mod application_form;
pub mod application_judge;
pub mod eligibility;
pub mod eligibility_input;
pub mod partner_type;
