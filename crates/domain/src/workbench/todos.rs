//! To-dos: what needs someone now, computed from the stored state on every read and never
//! stored by hand — so a to-do disappears the moment what it asks for is done. One rule
//! set per role; the to-do itself is in `todo.rs`.

use chrono::{Duration, NaiveDate};

use super::month_status::MonthStatus;
use super::reconciliation::{Ledger, MonthLine, reconcile};
use super::summary::{ApplicationSummary, LearnerSummary};
use super::todo::{Debtor, Todo};
use crate::common::role::Role;
use crate::learning::learner::LearnerState;
use crate::money::calendar::WorkCalendar;
use crate::money::cny::Cny;
use crate::money::customer::{Customer, UnbindState, total_arrears};
use crate::money::month::YearMonth;
use crate::money::settlement::{PaymentHold, SettlementSheet, SettlementState};
use crate::money::statement::StatementBasis;
use crate::money::statement_view::RebateOnBothBases;
use crate::onboarding::application::ApplicationState;
use crate::partner::certificate::{CertificateRecord, CertificateState, Validity};
use crate::partner::lifecycle::{PartnerState, Partnership};

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
    /// Each statement month's rebate on both bases (`None`: not known).
    pub rebates: Option<&'a [(YearMonth, RebateOnBothBases)]>,
    /// The basis the sheets are held to.
    pub basis: StatementBasis,
    /// Associated customers (arrears and unbinding).
    pub customers: &'a [Customer],
    /// Learners and join requests.
    pub learners: &'a [LearnerSummary],
    /// Where the partnership stands.
    pub partnership: Partnership,
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
        Role::SubAccount => month_todos(facts, &months(facts)),
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
    if f.partnership == Partnership::Partner(PartnerState::Active) {
        out.extend(certificate_todo(f));
    }
    out.extend(month_todos(f, &months(f)));
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
        if f.partnership == Partnership::Partner(PartnerState::Active) {
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

/// Every month's line as the reconciliation computes it, newest first (on the facts'
/// basis, without company names): what the home page lists and the to-dos say.
pub fn month_lines(f: &Facts) -> Vec<MonthLine> {
    reconcile(&Ledger {
        rebates: f.rebates,
        sheets: f.sheets,
        basis: f.basis,
        arrears: !total_arrears(f.customers).is_zero(),
        current_name: "",
        history: &[],
        calendar: f.calendar,
        today: f.today,
    })
    .months
}

/// The month lines, oldest first (the order to take them in).
fn months(f: &Facts) -> Vec<MonthLine> {
    let mut lines = month_lines(f);
    lines.reverse();
    lines
}

/// The partner's to-dos of each month, from its status: a difference, the paperwork
/// (the main account's: an employee changes no company data), a late payment; and the
/// held months as one to-do per hold, naming who owes.
fn month_todos(f: &Facts, lines: &[MonthLine]) -> Vec<Todo> {
    let paperwork = f.role.may(crate::common::role::Permission::EditCompanyData);
    let mut out = Vec::new();
    let mut arrears_held = Vec::new();
    let mut contract_held = Vec::new();
    for line in lines {
        let sheet = f.sheets.iter().find(|s| s.month == line.month);
        let id = || sheet.map(|s| s.id.clone()).unwrap_or_default();
        match &line.status {
            MonthStatus::Differs(difference) => out.push(Todo::MonthDiffers {
                month: line.month,
                sheet: sheet.map(|s| s.id.clone()),
                difference: difference.clone(),
            }),
            MonthStatus::ToSend if paperwork => out.push(Todo::SheetAwaitsDocuments {
                id: id(),
                month: line.month,
                amount: sheet.map_or(Cny::ZERO, SettlementSheet::amount),
            }),
            MonthStatus::ToCorrect if paperwork => out.push(Todo::SheetAwaitsCorrection {
                id: id(),
                month: line.month,
                reason: sheet.map(abnormal_reason).unwrap_or_default(),
            }),
            MonthStatus::Overdue {
                window,
                working_days,
            } => out.push(Todo::PaymentOverdue {
                id: id(),
                month: line.month,
                window: *window,
                working_days: *working_days,
            }),
            MonthStatus::Held(PaymentHold::Arrears) => arrears_held.push(line.month),
            MonthStatus::Held(_) => contract_held.push(line.month),
            _ => {}
        }
    }
    if !arrears_held.is_empty() {
        out.push(Todo::PaymentHeld {
            months: arrears_held,
            debtors: debtors(f.customers),
        });
    }
    if !contract_held.is_empty() {
        out.push(Todo::ContractMissing {
            months: contract_held,
        });
    }
    out
}

/// The associated customers who owe, most first.
fn debtors(customers: &[Customer]) -> Vec<Debtor> {
    let mut debtors: Vec<Debtor> = customers
        .iter()
        .filter(|c| c.is_associated() && !c.arrears.is_zero())
        .map(|c| Debtor {
            uin: c.uin.clone(),
            name: c.name.clone(),
            arrears: c.arrears,
        })
        .collect();
    debtors.sort_by(|a, b| b.arrears.cmp(&a.arrears).then_with(|| a.uin.cmp(&b.uin)));
    debtors
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
    // Together, the sheets the provider must check (`awaits_provider_check`).
    let to_receive = count(&[SettlementState::DocumentsSent]);
    let to_verify = count(&[SettlementState::Received, SettlementState::Corrected]);
    if to_receive + to_verify > 0 {
        out.push(Todo::SheetsToCheck {
            to_receive,
            to_verify,
        });
    }
    // What the provider owes the partner: a payment short or late, a sheet missing.
    for line in months(f) {
        let sheet = line.sheet.as_ref().map(|s| s.id.clone());
        match line.status {
            MonthStatus::Differs(difference) => out.push(Todo::MonthDiffers {
                month: line.month,
                sheet,
                difference,
            }),
            MonthStatus::Overdue {
                window,
                working_days,
            } => out.push(Todo::PaymentOverdue {
                id: sheet.unwrap_or_default(),
                month: line.month,
                window,
                working_days,
            }),
            _ => {}
        }
    }
    let help = f
        .customers
        .iter()
        .filter(|c| c.unbind == UnbindState::ProviderHelpNeeded)
        .count();
    if help > 0 {
        out.push(Todo::UnbindHelpToGive { count: help });
    }
    if let Partnership::Partner(
        state @ (PartnerState::TerminationRequested | PartnerState::Settling),
    ) = f.partnership
    {
        out.push(Todo::TerminationToSettle { state });
    }
    out
}
