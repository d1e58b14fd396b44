//! A to-do in words, and where it is done.

use crate::domain::partner::lifecycle::PartnerState;
use crate::domain::workbench::todo::Todo;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;

/// What a to-do says: a title and, where it helps, the detail.
pub(super) fn todo_text(i18n: I18n, todo: &Todo) -> (String, Option<String>) {
    match todo {
        Todo::ApplicationReturned { step, reason, .. } => (
            t_string!(i18n, work.t_returned, step = step.number()).to_string(),
            Some(t_string!(i18n, work.d_reason, reason = reason.clone()).to_string()),
        ),
        Todo::ApplicationDraft { step, .. } => (
            t_string!(i18n, work.t_draft, step = step.number()).to_string(),
            None,
        ),
        Todo::CertificateMissing { rejected: None } => {
            (t_string!(i18n, work.t_cert_missing).to_string(), None)
        }
        Todo::CertificateMissing {
            rejected: Some(reason),
        } => (
            t_string!(i18n, work.t_cert_rejected).to_string(),
            Some(t_string!(i18n, work.d_reason, reason = reason.clone()).to_string()),
        ),
        Todo::CertificateExpired { until } => (
            t_string!(i18n, work.t_cert_expired, date = until.to_string()).to_string(),
            None,
        ),
        Todo::CertificateExpiring { until } => (
            t_string!(i18n, work.t_cert_expiring, date = until.to_string()).to_string(),
            Some(t_string!(i18n, work.d_cert_expiring).to_string()),
        ),
        Todo::SheetAwaitsDocuments { month, amount, .. } => (
            t_string!(i18n, work.t_sheet_documents, month = month.to_string()).to_string(),
            Some(t_string!(i18n, work.d_sheet_documents, amount = money(*amount)).to_string()),
        ),
        Todo::SheetAwaitsCorrection { month, reason, .. } => (
            t_string!(i18n, work.t_sheet_correction, month = month.to_string()).to_string(),
            (!reason.is_empty())
                .then(|| t_string!(i18n, work.d_reason, reason = reason.clone()).to_string()),
        ),
        Todo::PaymentOverdue { month, window, .. } => (
            t_string!(i18n, work.t_overdue, month = month.to_string()).to_string(),
            Some(
                t_string!(
                    i18n,
                    work.d_overdue,
                    from = window.earliest.to_string(),
                    to = window.latest.to_string()
                )
                .to_string(),
            ),
        ),
        Todo::PaymentHeld { months, debtors } => {
            let months: Vec<String> = months.iter().map(ToString::to_string).collect();
            let who: Vec<String> = debtors
                .iter()
                .map(|d| format!("{}（{}）{}", d.name, d.uin, money(d.arrears)))
                .collect();
            (
                t_string!(i18n, work.t_held, months = months.join("、")).to_string(),
                Some(t_string!(i18n, work.d_held, customers = who.join("；")).to_string()),
            )
        }
        Todo::LearnerRequests { count } => (
            t_string!(i18n, work.t_learners, count = *count).to_string(),
            None,
        ),
        Todo::UnbindRequests {
            requested,
            provider_help,
        } => (
            t_string!(i18n, work.t_unbind, count = requested + provider_help).to_string(),
            Some(
                t_string!(
                    i18n,
                    work.d_unbind,
                    requested = *requested,
                    help = *provider_help
                )
                .to_string(),
            ),
        ),
        Todo::TerminationOpen { arrears, customers } => (
            t_string!(i18n, work.t_termination_open).to_string(),
            Some(
                t_string!(
                    i18n,
                    work.d_termination_open,
                    arrears = money(*arrears),
                    customers = *customers
                )
                .to_string(),
            ),
        ),
        Todo::ApplicationsToReview { count } => (
            t_string!(i18n, work.t_review, count = *count).to_string(),
            None,
        ),
        Todo::CertificateToReview { requested_on } => (
            t_string!(i18n, work.t_cert_review).to_string(),
            Some(t_string!(i18n, work.d_requested_on, date = requested_on.to_string()).to_string()),
        ),
        Todo::SheetsToCheck {
            to_receive,
            to_verify,
        } => (
            t_string!(i18n, work.t_sheets_check, count = to_receive + to_verify).to_string(),
            Some(
                t_string!(
                    i18n,
                    work.d_sheets_check,
                    receive = *to_receive,
                    verify = *to_verify
                )
                .to_string(),
            ),
        ),
        Todo::UnbindHelpToGive { count } => (
            t_string!(i18n, work.t_unbind_help, count = *count).to_string(),
            None,
        ),
        Todo::TerminationToSettle { state } => (
            match state {
                PartnerState::Settling => t_string!(i18n, work.t_settling).to_string(),
                _ => t_string!(i18n, work.t_termination_requested).to_string(),
            },
            None,
        ),
    }
}

/// Where a to-do is done, relative to the console's base (no leading slash).
pub(super) fn todo_href(todo: &Todo) -> String {
    match todo {
        Todo::ApplicationReturned { step, .. } | Todo::ApplicationDraft { step, .. } => {
            format!("apply/{}", step.number())
        }
        Todo::CertificateMissing { .. }
        | Todo::CertificateExpired { .. }
        | Todo::CertificateExpiring { .. }
        | Todo::CertificateToReview { .. } => "certificate".into(),
        Todo::SheetAwaitsDocuments { id, .. }
        | Todo::SheetAwaitsCorrection { id, .. }
        | Todo::PaymentOverdue { id, .. } => format!("settlements/{id}"),
        Todo::PaymentHeld { .. } | Todo::UnbindRequests { .. } | Todo::UnbindHelpToGive { .. } => {
            "customers".into()
        }
        Todo::LearnerRequests { .. } => "learners".into(),
        Todo::TerminationOpen { .. } | Todo::TerminationToSettle { .. } => "termination".into(),
        Todo::ApplicationsToReview { .. } => "review".into(),
        Todo::SheetsToCheck { .. } => "settlements".into(),
    }
}
