//! Data-layer errors and refused state moves as sentences in the current language.

use leptos::prelude::*;

use crate::data::DataError;
use crate::data::error::BackupProblem;
use crate::domain::common::transition::TransitionError;
use crate::domain::money::cny::MoneyError;
use crate::i18n::*;
use crate::ui::I18n;

/// The translated message for a move a state machine refused: the page offered it, so
/// the record changed meanwhile (another tab, another person), or a reason was left out.
pub fn transition_message(i18n: I18n, e: &TransitionError) -> String {
    match e {
        TransitionError::Illegal { .. } => t_string!(i18n, error.illegal_move).to_string(),
        TransitionError::ReasonRequired => t_string!(i18n, error.reason_required).to_string(),
    }
}

/// The translated message for an amount typed in a field named `field`.
pub fn money_message(i18n: I18n, e: &MoneyError, field: String) -> String {
    match e {
        MoneyError::Empty => t_string!(i18n, valid.required, field = field).to_string(),
        MoneyError::NotANumber => t_string!(i18n, valid.money_number, field = field).to_string(),
        MoneyError::TooManyDecimals => {
            t_string!(i18n, valid.money_decimals, field = field).to_string()
        }
    }
}

/// The translated message for a data error.
pub fn error_message(i18n: I18n, e: &DataError) -> String {
    match e {
        DataError::QuotaExceeded => t_string!(i18n, error.quota).to_string(),
        DataError::NotAllowed(_) => t_string!(i18n, error.not_allowed).to_string(),
        DataError::NotFound => t_string!(i18n, error.not_found).to_string(),
        DataError::Conflict { current } => {
            t_string!(i18n, error.conflict, rev = *current).to_string()
        }
        DataError::NewerVersion { .. } => t_string!(i18n, error.newer_data).to_string(),
        DataError::Unavailable(reason) => {
            t_string!(i18n, error.unavailable, reason = reason.clone()).to_string()
        }
        DataError::Storage(reason) => {
            t_string!(i18n, error.storage, reason = reason.clone()).to_string()
        }
        DataError::BadBackup(BackupProblem::NotABackup) => {
            t_string!(i18n, error.backup_not_backup).to_string()
        }
        DataError::BadBackup(BackupProblem::NewerVersion { found, supported }) => t_string!(
            i18n,
            error.backup_newer,
            found = *found,
            supported = *supported
        )
        .to_string(),
        DataError::Offline => t_string!(i18n, error.offline).to_string(),
        DataError::SessionEnded => t_string!(i18n, error.session_ended).to_string(),
        DataError::Forbidden => t_string!(i18n, error.not_allowed).to_string(),
        DataError::SignInRefused => t_string!(i18n, sign_in.refused).to_string(),
        DataError::SlowDown(seconds) => {
            t_string!(i18n, sign_in.slow_down, seconds = *seconds).to_string()
        }
        DataError::Invalid(issues) => {
            let fields = issues
                .iter()
                .map(|i| i.field.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            t_string!(i18n, error.invalid, fields = fields).to_string()
        }
        DataError::Server(status) => t_string!(i18n, error.server, status = *status).to_string(),
        DataError::BadBackup(BackupProblem::BadRecord(what)) => {
            t_string!(i18n, error.backup_bad_record, what = what.clone()).to_string()
        }
    }
}

/// The outcome a page reports in its status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// What was done ("saved", "3 approved").
    Done(String),
    /// What went wrong, and what to do about it.
    Problem(String),
}

/// A page's status line: nothing, or its latest notice.
pub type Status = RwSignal<Option<Notice>>;

/// A status line announced to screen readers: problems assertively, the rest politely.
#[component]
pub fn StatusLine(message: Status) -> impl IntoView {
    move || {
        message.get().map(|notice| match notice {
            Notice::Problem(text) => {
                view! { <p class="pc-alert pc-alert-error" role="alert">{text}</p> }.into_any()
            }
            Notice::Done(text) => {
                view! { <p class="pc-alert pc-alert-ok" role="status">{text}</p> }.into_any()
            }
        })
    }
}

/// Why a chosen file gave no text, in words.
pub fn no_text_message(i18n: I18n, e: super::browser::NoText) -> String {
    match e {
        super::browser::NoText::Unreadable => t_string!(i18n, error.file_read),
        super::browser::NoText::NotUtf8 => t_string!(i18n, error.not_utf8),
    }
    .to_string()
}
