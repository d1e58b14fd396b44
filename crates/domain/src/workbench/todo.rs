//! A to-do: one thing that needs someone now, with what a page needs to say it, link to
//! it and put it in a calendar. The rules that find them are in `todos.rs`.

use chrono::NaiveDate;

use super::month_status::Difference;
use crate::money::calendar::PaymentWindow;
use crate::money::cny::Cny;
use crate::money::month::YearMonth;
use crate::onboarding::application::WizardStep;
use crate::partner::lifecycle::PartnerState;

/// A customer whose arrears hold payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debtor {
    /// Customer UIN.
    pub uin: String,
    /// Customer name.
    pub name: String,
    /// What it owes.
    pub arrears: Cny,
}

/// One thing that needs doing, with what the page needs to say it and link to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Todo {
    /// The application came back from review: change it and submit again.
    ApplicationReturned {
        /// Application id.
        id: String,
        /// The step the reviewer pointed at.
        step: WizardStep,
        /// The reviewer's reason.
        reason: String,
    },
    /// A draft application not submitted yet.
    ApplicationDraft {
        /// Application id.
        id: String,
        /// The step last open.
        step: WizardStep,
    },
    /// No certificate yet, or the last request was rejected: request one.
    CertificateMissing {
        /// The rejection's reason, when the last request was rejected.
        rejected: Option<String>,
    },
    /// The certificate has expired: request this year's.
    CertificateExpired {
        /// Its last valid day.
        until: NaiveDate,
    },
    /// The certificate expires within 30 days: next year's is requested from 1 January.
    CertificateExpiring {
        /// Its last valid day.
        until: NaiveDate,
    },
    /// A sheet waits for the partner's signed sheet and invoice.
    SheetAwaitsDocuments {
        /// Sheet id.
        id: String,
        /// Its month.
        month: YearMonth,
        /// Its amount (what the invoice must say).
        amount: Cny,
    },
    /// An abnormal sheet waits for the partner's correction.
    SheetAwaitsCorrection {
        /// Sheet id.
        id: String,
        /// Its month.
        month: YearMonth,
        /// Why the provider flagged it.
        reason: String,
    },
    /// Payment is past its expected window.
    PaymentOverdue {
        /// Sheet id.
        id: String,
        /// Its month.
        month: YearMonth,
        /// The window it was due in.
        window: PaymentWindow,
        /// Working days since the window's last day.
        working_days: u32,
    },
    /// Payment of these months is held by these customers' arrears.
    PaymentHeld {
        /// The held months, oldest first.
        months: Vec<YearMonth>,
        /// Who owes, most first.
        debtors: Vec<Debtor>,
    },
    /// Payment of these months is held: the partner agreement is not on file.
    ContractMissing {
        /// The held months, oldest first.
        months: Vec<YearMonth>,
    },
    /// A month's figures do not agree.
    MonthDiffers {
        /// Its month.
        month: YearMonth,
        /// Its sheet's id (none when the sheet is missing).
        sheet: Option<String>,
        /// The most pressing difference.
        difference: Difference,
    },
    /// Learners' join requests wait for the enterprise admin.
    LearnerRequests {
        /// How many.
        count: usize,
    },
    /// Customers asked to unbind have not yet done so.
    UnbindRequests {
        /// How many asked.
        requested: usize,
        /// How many flagged for the provider's help.
        provider_help: usize,
    },
    /// The partner is ending the partnership and its preconditions still fail.
    TerminationOpen {
        /// Arrears still owed.
        arrears: Cny,
        /// Customers still associated.
        customers: usize,
    },
    /// Applications wait for the channel manager's review.
    ApplicationsToReview {
        /// How many.
        count: usize,
    },
    /// A certificate request waits for the channel manager.
    CertificateToReview {
        /// The day it was requested.
        requested_on: NaiveDate,
    },
    /// Sheets the provider has to receive or verify.
    SheetsToCheck {
        /// Documents sent, not yet received.
        to_receive: usize,
        /// Received or corrected, not yet verified.
        to_verify: usize,
    },
    /// Customers the partner cannot unbind without the provider's help.
    UnbindHelpToGive {
        /// How many.
        count: usize,
    },
    /// The partner asked to end the partnership: settle and deregister.
    TerminationToSettle {
        /// Where it stands (requested or settling).
        state: PartnerState,
    },
}

impl Todo {
    /// The day the to-do is due or the thing it watches happens, for the calendar.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Todo::CertificateExpired { until } | Todo::CertificateExpiring { until } => {
                Some(*until)
            }
            Todo::PaymentOverdue { window, .. } => Some(window.latest),
            _ => None,
        }
    }

    /// A stable name (test ids, the calendar's UIDs).
    pub fn key(&self) -> String {
        match self {
            Todo::ApplicationReturned { id, .. } => format!("application-returned-{id}"),
            Todo::ApplicationDraft { id, .. } => format!("application-draft-{id}"),
            Todo::CertificateMissing { .. } => "certificate-missing".into(),
            Todo::CertificateExpired { .. } => "certificate-expired".into(),
            Todo::CertificateExpiring { .. } => "certificate-expiring".into(),
            Todo::SheetAwaitsDocuments { id, .. } => format!("sheet-documents-{id}"),
            Todo::SheetAwaitsCorrection { id, .. } => format!("sheet-correction-{id}"),
            Todo::PaymentOverdue { id, .. } => format!("payment-overdue-{id}"),
            Todo::PaymentHeld { .. } => "payment-held".into(),
            Todo::ContractMissing { .. } => "contract-missing".into(),
            Todo::MonthDiffers { month, .. } => format!("month-differs-{month}"),
            Todo::LearnerRequests { .. } => "learner-requests".into(),
            Todo::UnbindRequests { .. } => "unbind-requests".into(),
            Todo::TerminationOpen { .. } => "termination-open".into(),
            Todo::ApplicationsToReview { .. } => "applications-to-review".into(),
            Todo::CertificateToReview { .. } => "certificate-to-review".into(),
            Todo::SheetsToCheck { .. } => "sheets-to-check".into(),
            Todo::UnbindHelpToGive { .. } => "unbind-help".into(),
            Todo::TerminationToSettle { .. } => "termination-to-settle".into(),
        }
    }
}

/// The channel manager's queues, as their to-dos count them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Queues {
    /// Applications waiting for review.
    pub applications: usize,
    /// Certificate requests waiting.
    pub certificates: usize,
    /// Sheets to receive or verify.
    pub sheets: usize,
}

impl Queues {
    /// Reads the queues off the manager's to-dos (an empty queue has no to-do).
    pub fn of(todos: &[Todo]) -> Queues {
        let mut q = Queues::default();
        for todo in todos {
            match todo {
                Todo::ApplicationsToReview { count } => q.applications += count,
                Todo::CertificateToReview { .. } => q.certificates += 1,
                Todo::SheetsToCheck {
                    to_receive,
                    to_verify,
                } => q.sheets += to_receive + to_verify,
                _ => {}
            }
        }
        q
    }
}
