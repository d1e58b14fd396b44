//! A to-do in words, and where it is done. A month's to-do says what the month's status
//! says (`month_words.rs`), so the home page, the to-dos and the reconciliation agree.

use super::month_words::{Side, difference_figures, month_status_text};
use crate::domain::money::calendar::PaymentWindow;
use crate::domain::partner::lifecycle::PartnerState;
use crate::domain::workbench::month_status::MonthStatus;
use crate::domain::workbench::todo::Todo;
use crate::domain::{Cny, YearMonth};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::list;
use crate::ui::components::money::money;
use crate::ui::settlements::window_text;

/// A count with its noun, singular for one where the language has one.
macro_rules! counted {
    ($i18n:expr, $n:expr, $one:ident, $many:ident) => {
        match $n {
            1 => t_string!($i18n, work.$one).to_string(),
            n => t_string!($i18n, work.$many, count = n).to_string(),
        }
    };
}

/// What a to-do says: a title and, where it helps, the detail.
pub(super) fn todo_text(i18n: I18n, side: Side, todo: &Todo) -> (String, Option<String>) {
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
        Todo::PaymentOverdue {
            month,
            window,
            working_days,
            ..
        } => (
            month_title(
                i18n,
                side,
                *month,
                &MonthStatus::Overdue {
                    window: *window,
                    working_days: *working_days,
                },
            ),
            Some(overdue_detail(i18n, window)),
        ),
        Todo::PaymentHeld { months, debtors } => {
            let total: Cny = debtors.iter().map(|d| d.arrears).sum();
            (
                t_string!(
                    i18n,
                    work.t_held,
                    months = list(i18n, months.iter().map(ToString::to_string))
                )
                .to_string(),
                Some(match debtors.len() {
                    1 => t_string!(i18n, work.d_held_total_one, total = money(total)).to_string(),
                    n => t_string!(i18n, work.d_held_total, count = n, total = money(total))
                        .to_string(),
                }),
            )
        }
        Todo::ContractMissing { months } => (
            t_string!(
                i18n,
                work.t_contract,
                months = list(i18n, months.iter().map(ToString::to_string))
            )
            .to_string(),
            Some(t_string!(i18n, work.d_contract).to_string()),
        ),
        Todo::MonthDiffers {
            month, difference, ..
        } => (
            month_title(
                i18n,
                side,
                *month,
                &MonthStatus::Differs(difference.clone()),
            ),
            Some(difference_figures(i18n, difference)),
        ),
        Todo::LearnerRequests { count } => {
            (counted!(i18n, *count, t_learners_one, t_learners), None)
        }
        Todo::UnbindRequests {
            requested,
            provider_help,
        } => (
            counted!(i18n, requested + provider_help, t_unbind_one, t_unbind),
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
        Todo::ApplicationsToReview { count } => {
            (counted!(i18n, *count, t_review_one, t_review), None)
        }
        Todo::CertificateToReview { requested_on } => (
            t_string!(i18n, work.t_cert_review).to_string(),
            Some(t_string!(i18n, work.d_requested_on, date = requested_on.to_string()).to_string()),
        ),
        Todo::SheetsToCheck {
            to_receive,
            to_verify,
        } => (
            counted!(
                i18n,
                to_receive + to_verify,
                t_sheets_check_one,
                t_sheets_check
            ),
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
            counted!(i18n, *count, t_unbind_help_one, t_unbind_help),
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

/// "2026-08 结算：少付 ¥1.00 — 请联系渠道经理": the month and its status, as the
/// reconciliation says it.
fn month_title(i18n: I18n, side: Side, month: YearMonth, status: &MonthStatus) -> String {
    t_string!(
        i18n,
        work.t_month,
        month = month.to_string(),
        status = month_status_text(i18n, side, status, None)
    )
    .to_string()
}

fn overdue_detail(i18n: I18n, window: &PaymentWindow) -> String {
    t_string!(i18n, work.d_overdue, window = window_text(i18n, window)).to_string()
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
        Todo::MonthDiffers {
            sheet: Some(id), ..
        } => format!("settlements/{id}"),
        // No sheet: the month's statements, which the sheet should follow.
        Todo::MonthDiffers { month, .. } => format!("statements?from={month}&to={month}"),
        // The list puts the largest arrears first.
        Todo::PaymentHeld { .. } => "customers".into(),
        Todo::ContractMissing { .. } => "settlements".into(),
        Todo::UnbindRequests { .. } | Todo::UnbindHelpToGive { .. } => "customers".into(),
        Todo::LearnerRequests { .. } => "learners?state=pending".into(),
        Todo::TerminationOpen { .. } | Todo::TerminationToSettle { .. } => "termination".into(),
        Todo::ApplicationsToReview { .. } => "review".into(),
        Todo::SheetsToCheck { .. } => "settlements?state=to-check".into(),
    }
}
