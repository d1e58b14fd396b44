//! To-dos: what needs someone now, computed from the stored state on every read and never
//! stored by hand — so a to-do disappears the moment what it asks for is done.

use chrono::{Duration, NaiveDate};

use super::summary::{ApplicationSummary, LearnerSummary};
use crate::domain::common::role::Role;
use crate::domain::learning::learner::LearnerState;
use crate::domain::money::calendar::{PaymentWindow, WorkCalendar};
use crate::domain::money::cny::Cny;
use crate::domain::money::customer::{Customer, UnbindState, total_arrears};
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::{SettlementSheet, SettlementState};
use crate::domain::onboarding::application::{ApplicationState, WizardStep};
use crate::domain::partner::certificate::{CertificateRecord, CertificateState, Validity};
use crate::domain::partner::lifecycle::PartnerState;

/// How many days before it expires a certificate shows as a to-do.
pub const CERTIFICATE_NOTICE_DAYS: i64 = 30;

/// What the to-dos are computed from: the stored state as the role may read it.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    /// Who is looking.
    pub role: Role,
    /// Today.
    pub today: NaiveDate,
    /// The partner's own application (main account), if any.
    pub application: Option<&'a ApplicationSummary>,
    /// Every application (what the channel manager reviews).
    pub applications: &'a [ApplicationSummary],
    /// The partner's certificate record, if any.
    pub certificate: Option<&'a CertificateRecord>,
    /// Settlement sheets.
    pub sheets: &'a [SettlementSheet],
    /// Associated customers (arrears and unbinding).
    pub customers: &'a [Customer],
    /// Learners and join requests.
    pub learners: &'a [LearnerSummary],
    /// Where the partnership stands.
    pub partnership: PartnerState,
    /// The working-day calendar (payment windows).
    pub calendar: &'a WorkCalendar,
}

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
    },
    /// Payment of these months is held by these customers' arrears.
    PaymentHeld {
        /// The unpaid sheets' months, oldest first.
        months: Vec<YearMonth>,
        /// Who owes, most first.
        debtors: Vec<Debtor>,
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

/// Every to-do of `facts.role`, in the order a person would take them: the
/// partnership's own standing first, then money, then people.
pub fn todos(facts: &Facts) -> Vec<Todo> {
    match facts.role {
        Role::Visitor => Vec::new(),
        Role::MainAccount => partner_todos(facts),
        // An employee changes no company data: only what to follow up on money.
        Role::SubAccount => payment_todos(facts),
        Role::ChannelManager => manager_todos(facts),
    }
}

fn partner_todos(f: &Facts) -> Vec<Todo> {
    let mut out = Vec::new();
    if let Some(app) = f.application {
        match app.status.state {
            ApplicationState::Rejected => {
                let (reason, step) = app
                    .status
                    .rejection
                    .clone()
                    .unwrap_or((String::new(), app.step));
                out.push(Todo::ApplicationReturned {
                    id: app.id.clone(),
                    step,
                    reason,
                });
            }
            ApplicationState::Draft => out.push(Todo::ApplicationDraft {
                id: app.id.clone(),
                step: app.step,
            }),
            _ => {}
        }
    }
    if f.partnership == PartnerState::Active {
        out.extend(certificate_todo(f));
    }
    for sheet in f.sheets {
        match sheet.state {
            SettlementState::Pending => out.push(Todo::SheetAwaitsDocuments {
                id: sheet.id.clone(),
                month: sheet.month,
                amount: sheet.amount(),
            }),
            SettlementState::Abnormal => out.push(Todo::SheetAwaitsCorrection {
                id: sheet.id.clone(),
                month: sheet.month,
                reason: abnormal_reason(sheet),
            }),
            _ => {}
        }
    }
    out.extend(payment_todos(f));
    let pending = f
        .learners
        .iter()
        .filter(|l| l.state == LearnerState::Pending)
        .count();
    if pending > 0 {
        out.push(Todo::LearnerRequests { count: pending });
    }
    let count = |state: UnbindState| f.customers.iter().filter(|c| c.unbind == state).count();
    let (requested, provider_help) = (
        count(UnbindState::Requested),
        count(UnbindState::ProviderHelpNeeded),
    );
    if requested + provider_help > 0 {
        out.push(Todo::UnbindRequests {
            requested,
            provider_help,
        });
        // Unbinding customers is how a partner starts ending the partnership: from then
        // on, say what still stands in the way of the termination request.
        if f.partnership == PartnerState::Active {
            let arrears = total_arrears(f.customers);
            let customers = f.customers.iter().filter(|c| c.is_associated()).count();
            if arrears != Cny::ZERO || customers > 0 {
                out.push(Todo::TerminationOpen { arrears, customers });
            }
        }
    }
    out
}

fn certificate_todo(f: &Facts) -> Option<Todo> {
    let Some(record) = f.certificate else {
        return Some(Todo::CertificateMissing { rejected: None });
    };
    match &record.state {
        CertificateState::Requested => None,
        CertificateState::Rejected { reason } => Some(Todo::CertificateMissing {
            rejected: Some(reason.clone()),
        }),
        CertificateState::Approved { .. } => match record.state.validity(f.today)? {
            Validity::Expired { until } => Some(Todo::CertificateExpired { until }),
            Validity::Valid { until }
                if until - f.today <= Duration::days(CERTIFICATE_NOTICE_DAYS) =>
            {
                Some(Todo::CertificateExpiring { until })
            }
            Validity::Valid { .. } => None,
        },
    }
}

/// The provider's latest reason for flagging the sheet abnormal.
fn abnormal_reason(sheet: &SettlementSheet) -> String {
    sheet
        .history
        .iter()
        .rev()
        .find(|c| c.to == SettlementState::Abnormal)
        .and_then(|c| c.reason.clone())
        .unwrap_or_default()
}

/// Overdue payments, and the payments held by arrears (one to-do naming the debtors).
fn payment_todos(f: &Facts) -> Vec<Todo> {
    let mut out = Vec::new();
    let mut debtors: Vec<Debtor> = f
        .customers
        .iter()
        .filter(|c| c.is_associated() && !c.arrears.is_zero())
        .map(|c| Debtor {
            uin: c.uin.clone(),
            name: c.name.clone(),
            arrears: c.arrears,
        })
        .collect();
    debtors.sort_by(|a, b| b.arrears.cmp(&a.arrears).then_with(|| a.uin.cmp(&b.uin)));
    let unpaid = || f.sheets.iter().filter(|s| s.state != SettlementState::Paid);
    // The settlements page's rule: any arrears of an associated customer hold payment.
    if !total_arrears(f.customers).is_zero() {
        let mut months: Vec<YearMonth> = unpaid().map(|s| s.month).collect();
        months.sort();
        if !months.is_empty() {
            out.push(Todo::PaymentHeld { months, debtors });
        }
        // While payment is held, no window runs: nothing is overdue.
        return out;
    }
    for sheet in unpaid() {
        if !sheet.contract_on_file {
            continue;
        }
        if let Some(window) = sheet.expected_payment(f.calendar)
            && window.latest < f.today
        {
            out.push(Todo::PaymentOverdue {
                id: sheet.id.clone(),
                month: sheet.month,
                window,
            });
        }
    }
    out
}

fn manager_todos(f: &Facts) -> Vec<Todo> {
    let mut out = Vec::new();
    let waiting = f
        .applications
        .iter()
        .filter(|a| a.status.state == ApplicationState::Submitted)
        .count();
    if waiting > 0 {
        out.push(Todo::ApplicationsToReview { count: waiting });
    }
    if let Some(record) = f.certificate
        && record.state == CertificateState::Requested
    {
        out.push(Todo::CertificateToReview {
            requested_on: record.requested_on,
        });
    }
    let count = |states: &[SettlementState]| {
        f.sheets
            .iter()
            .filter(|s| states.contains(&s.state))
            .count()
    };
    let to_receive = count(&[SettlementState::DocumentsSent]);
    let to_verify = count(&[SettlementState::Received, SettlementState::Corrected]);
    if to_receive + to_verify > 0 {
        out.push(Todo::SheetsToCheck {
            to_receive,
            to_verify,
        });
    }
    let help = f
        .customers
        .iter()
        .filter(|c| c.unbind == UnbindState::ProviderHelpNeeded)
        .count();
    if help > 0 {
        out.push(Todo::UnbindHelpToGive { count: help });
    }
    if matches!(
        f.partnership,
        PartnerState::TerminationRequested | PartnerState::Settling
    ) {
        out.push(Todo::TerminationToSettle {
            state: f.partnership,
        });
    }
    out
}
