//! Validation problems as sentences that name the field and the rule.

use crate::domain::common::contact::ContactError;
use crate::domain::common::uscc::UsccError;
use crate::domain::onboarding::application_form::FieldProblem;
use crate::i18n::*;
use crate::ui::I18n;

/// A USCC rule, for the field labelled `field`.
pub fn uscc_message(i18n: I18n, field: &str, e: &UsccError) -> String {
    let field = field.to_string();
    match e {
        UsccError::Empty => t_string!(i18n, valid.required, field = field).to_string(),
        UsccError::Length { found } => {
            t_string!(i18n, valid.uscc_length, field = field, found = *found).to_string()
        }
        UsccError::Character { position, found } => t_string!(
            i18n,
            valid.uscc_character,
            field = field,
            position = *position,
            ch = found.to_string()
        )
        .to_string(),
        UsccError::DivisionCode { position, found } => t_string!(
            i18n,
            valid.uscc_division,
            field = field,
            position = *position,
            ch = found.to_string()
        )
        .to_string(),
        UsccError::CheckCharacter { expected, found } => t_string!(
            i18n,
            valid.uscc_check,
            field = field,
            expected = expected.to_string(),
            found = found.to_string()
        )
        .to_string(),
    }
}

/// A contact rule (phone, QQ, email, bank account), for the field labelled `field`.
pub fn contact_message(i18n: I18n, field: &str, e: &ContactError) -> String {
    let field = field.to_string();
    match e {
        ContactError::Empty => t_string!(i18n, valid.required, field = field),
        ContactError::NotDigits => t_string!(i18n, valid.digits_only, field = field),
        ContactError::Length { min, max, found } if min == max => {
            t_string!(
                i18n,
                valid.length_exact,
                field = field,
                n = *min,
                found = *found
            )
        }
        ContactError::Length { min, max, found } => t_string!(
            i18n,
            valid.length_range,
            field = field,
            min = *min,
            max = *max,
            found = *found
        ),
        ContactError::MobilePrefix => t_string!(i18n, valid.mobile_prefix, field = field),
        ContactError::LeadingZero => t_string!(i18n, valid.leading_zero, field = field),
        ContactError::AreaCode => t_string!(i18n, valid.area_code, field = field),
        ContactError::Phone => t_string!(i18n, valid.phone, field = field),
        ContactError::EmailAt => t_string!(i18n, valid.email_at, field = field),
        ContactError::EmailDomain => t_string!(i18n, valid.email_domain, field = field),
        ContactError::EmailLocal => t_string!(i18n, valid.email_local, field = field),
    }
    .to_string()
}

/// Any field problem; `other` gives the label of the field a mismatch refers to.
pub fn problem_message(
    i18n: I18n,
    field: &str,
    problem: &FieldProblem,
    other: impl Fn(crate::domain::onboarding::application_form::FormField) -> String,
) -> String {
    match problem {
        FieldProblem::Required => {
            t_string!(i18n, valid.required, field = field.to_string()).to_string()
        }
        FieldProblem::Uscc(e) => uscc_message(i18n, field, e),
        FieldProblem::Contact(e) => contact_message(i18n, field, e),
        FieldProblem::Website => {
            t_string!(i18n, valid.website, field = field.to_string()).to_string()
        }
        FieldProblem::Mismatch {
            other: o,
            expected,
            found,
        } => t_string!(
            i18n,
            valid.mismatch,
            field = field.to_string(),
            found = found.clone(),
            other = other(*o),
            expected = expected.clone()
        )
        .to_string(),
    }
}
