//! To-dos: what needs someone now, computed from the stored state on every read and never
//! stored by hand — so a to-do disappears the moment what it asks for is done. One rule
//! set per role; the to-do itself is in `todo.rs`.

use chrono::{Duration, NaiveDate};

use super::summary::{ApplicationSummary, LearnerSummary};
use super::todo::{Debtor, Todo};
use crate::domain::common::role::Role;
use crate::domain::learning::learner::LearnerState;
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::money::cny::Cny;
use crate::domain::money::customer::{Customer, UnbindState, total_arrears};
use crate::domain::money::month::YearMonth;
use crate::domain::money::settlement::{SettlementSheet, SettlementState};
use crate::domain::onboarding::application::ApplicationState;
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
                let (reason, step) = app.returned();
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
