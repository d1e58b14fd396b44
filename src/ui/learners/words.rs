//! The learners' words.

use crate::domain::learning::learner::{
    Achievement, CodeError, JoinField, JoinMethod, JoinProblem, LearnerState,
};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::validation_text::contact_message;

/// A state's name.
pub fn state_name(i18n: I18n, s: &LearnerState) -> String {
    match s {
        LearnerState::Pending => t_string!(i18n, learn.s_pending),
        LearnerState::Active => t_string!(i18n, learn.s_active),
        LearnerState::Rejected { .. } => t_string!(i18n, learn.s_rejected),
        LearnerState::Removed => t_string!(i18n, learn.s_removed),
    }
    .to_string()
}

/// A join method's name.
pub fn method_name(i18n: I18n, m: JoinMethod) -> String {
    match m {
        JoinMethod::EnterpriseEmail => t_string!(i18n, learn.m_email),
        JoinMethod::AccountApplication => t_string!(i18n, learn.m_account),
    }
    .to_string()
}

/// The record kinds offered when adding a record: (value, achievement).
pub const KINDS: [(&str, Achievement); 5] = [
    ("course", Achievement::Course),
    (
        "exam",
        Achievement::Exam {
            sales_foundation: false,
        },
    ),
    (
        "foundation",
        Achievement::Exam {
            sales_foundation: true,
        },
    ),
    (
        "cert",
        Achievement::Certification {
            sales_manager: false,
        },
    ),
    (
        "manager",
        Achievement::Certification {
            sales_manager: true,
        },
    ),
];

/// A record kind's name.
pub fn achievement_name(i18n: I18n, a: Achievement) -> String {
    match a {
        Achievement::Course => t_string!(i18n, learn.k_course),
        Achievement::Exam {
            sales_foundation: false,
        } => t_string!(i18n, learn.k_exam),
        Achievement::Exam {
            sales_foundation: true,
        } => t_string!(i18n, learn.k_foundation),
        Achievement::Certification {
            sales_manager: false,
        } => t_string!(i18n, learn.k_cert),
        Achievement::Certification {
            sales_manager: true,
        } => t_string!(i18n, learn.k_manager),
    }
    .to_string()
}

/// A join-form field's label (the guide's words).
pub fn join_label(i18n: I18n, f: JoinField) -> String {
    match f {
        JoinField::EnterpriseName => t_string!(i18n, learn.f_enterprise),
        JoinField::EnterpriseUin => t_string!(i18n, learn.f_uin),
        JoinField::Name => t_string!(i18n, learn.f_name),
        JoinField::AccountId => t_string!(i18n, learn.f_account),
        JoinField::Mobile => t_string!(i18n, learn.f_mobile),
        JoinField::Agreement => t_string!(i18n, learn.f_agreement),
    }
    .to_string()
}

/// A join-form problem, naming the field.
pub fn join_problem(i18n: I18n, f: JoinField, p: &JoinProblem) -> String {
    let field = join_label(i18n, f);
    match p {
        JoinProblem::Required => t_string!(i18n, valid.required, field = field).to_string(),
        JoinProblem::Digits => t_string!(i18n, valid.digits_only, field = field).to_string(),
        JoinProblem::Mobile(e) => contact_message(i18n, &field, e),
    }
}

/// Why a typed code was refused.
pub fn code_problem(i18n: I18n, e: CodeError) -> String {
    match e {
        CodeError::Format => t_string!(i18n, learn.code_format).to_string(),
        CodeError::Expired => t_string!(i18n, learn.code_expired).to_string(),
        CodeError::Wrong { remaining } => {
            t_string!(i18n, learn.code_wrong, remaining = remaining).to_string()
        }
        CodeError::Locked => t_string!(i18n, learn.code_locked).to_string(),
    }
}
