//! The partner learning platform: learners and how they join, their records, the
//! admin's list.

pub mod join_form;
pub mod learner;
pub mod learner_import;
pub mod learner_judge;
pub mod learner_list;
