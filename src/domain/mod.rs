//! The business rules of the spec as plain Rust: types, validation, eligibility, money
//! and tax, the working-day calendar and the state machines. Nothing here touches the
//! web; everything is tested natively.

pub mod announcement;
pub mod application;
pub mod application_checks;
pub mod application_form;
pub mod calendar;
pub mod certificate;
pub mod contact;
pub mod csv;
pub mod customer;
pub mod eligibility;
pub mod eligibility_input;
pub mod file;
pub mod invoice;
pub mod join_form;
pub mod keyed;
pub mod lang;
pub mod learner;
pub mod learner_import;
pub mod learner_list;
pub mod lifecycle;
pub mod money;
pub mod month;
pub mod partner_type;
pub mod profile;
pub mod role;
pub mod sample;
pub mod settlement;
pub mod special_rebate;
pub mod statement;
pub mod statement_csv;
pub mod statement_export;
pub mod statement_view;
pub mod tax;
pub mod termination;
pub mod text;
pub mod transition;
pub mod uscc;

pub use lang::Lang;
pub use money::Cny;
pub use month::YearMonth;
pub use partner_type::PartnerType;
pub use role::{Permission, Role};
