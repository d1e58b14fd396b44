//! The business rules of the spec as plain Rust: types, validation, eligibility, money
//! and tax, the working-day calendar and the state machines. Nothing here touches the
//! web; everything is tested natively.

#![deny(missing_docs)]

pub mod common;
pub mod learning;
pub mod money;
pub mod onboarding;
pub mod partner;
pub mod records;
pub mod sample;
pub mod workbench;

pub use common::lang::Lang;
pub use common::role::{Permission, Role};
pub use money::cny::Cny;
pub use money::month::YearMonth;
pub use onboarding::partner_type::PartnerType;
