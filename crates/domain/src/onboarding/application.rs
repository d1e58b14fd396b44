//! The partner application and its states (RULES §Application):
//! Draft → Submitted → (Approved | Rejected → Draft …).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::common::transition::{
    Actor, StateChange, TransitionError, record_move, required_reason,
};

/// The six wizard steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WizardStep {
    /// ① Supplier relationship declaration.
    SupplierDeclaration = 1,
    /// ② Enterprise verification.
    EnterpriseVerification = 2,
    /// ③ Basic information.
    BasicInformation = 3,
    /// ④ Contact and bank.
    ContactAndBank = 4,
    /// ⑤ Qualification review.
    QualificationReview = 5,
    /// ⑥ Partner.
    Partner = 6,
}

impl WizardStep {
    /// All steps in order.
    pub const ALL: [WizardStep; 6] = [
        WizardStep::SupplierDeclaration,
        WizardStep::EnterpriseVerification,
        WizardStep::BasicInformation,
        WizardStep::ContactAndBank,
        WizardStep::QualificationReview,
        WizardStep::Partner,
    ];

    /// The 1-based step number, as in `/apply/3`.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The step with that number.
    pub fn from_number(n: u8) -> Option<WizardStep> {
        WizardStep::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }
}

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationState {
    /// Being filled in; editable.
    Draft,
    /// Frozen, waiting for the channel manager.
    Submitted,
    /// Accepted: the applicant is a partner.
    Approved,
    /// Returned with a reason; reopening makes it a draft again.
    Rejected,
}

crate::common::keyed::keyed!(ApplicationState {
    Submitted => "Submitted",
    Approved => "Approved",
    Rejected => "Rejected",
    Draft => "Draft",
});

/// What can happen to an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationEvent {
    /// The applicant submits the draft.
    Submit,
    /// The channel manager approves.
    Approve,
    /// The channel manager rejects, naming the step to fix.
    Reject {
        /// Why (required).
        reason: String,
        /// The step the applicant should return to.
        step: WizardStep,
    },
    /// The applicant reopens a rejected application to fix it.
    Reopen,
}

impl ApplicationState {
    /// A stable name for messages and errors.
    pub fn name(self) -> &'static str {
        match self {
            ApplicationState::Draft => "draft",
            ApplicationState::Submitted => "submitted",
            ApplicationState::Approved => "approved",
            ApplicationState::Rejected => "rejected",
        }
    }

    /// Whether the applicant may edit the fields.
    pub fn is_editable(self) -> bool {
        matches!(self, ApplicationState::Draft)
    }

    /// The state after `event`, or why it cannot happen.
    pub fn apply(self, event: &ApplicationEvent) -> Result<ApplicationState, TransitionError> {
        use ApplicationEvent as E;
        use ApplicationState as S;
        match (self, event) {
            (S::Draft, E::Submit) => Ok(S::Submitted),
            (S::Submitted, E::Approve) => Ok(S::Approved),
            (S::Submitted, E::Reject { reason, .. }) => {
                required_reason(reason)?;
                Ok(S::Rejected)
            }
            (S::Rejected, E::Reopen) => Ok(S::Draft),
            (state, event) => Err(TransitionError::Illegal {
                state: state.name(),
                event: match event {
                    E::Submit => "submit",
                    E::Approve => "approve",
                    E::Reject { .. } => "reject",
                    E::Reopen => "reopen",
                },
            }),
        }
    }
}

/// The state, the last rejection and the history of an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationStatus {
    /// Current state.
    pub state: ApplicationState,
    /// The last rejection's reason and step, kept until the next submit.
    pub rejection: Option<(String, WizardStep)>,
    /// Every change, oldest first.
    pub history: Vec<StateChange<ApplicationState>>,
}

impl Default for ApplicationStatus {
    fn default() -> Self {
        ApplicationStatus {
            state: ApplicationState::Draft,
            rejection: None,
            history: Vec::new(),
        }
    }
}

impl ApplicationStatus {
    /// Applies an event and records it with time and actor; on error nothing changes.
    pub fn record(
        &mut self,
        event: ApplicationEvent,
        actor: Actor,
        at: DateTime<Utc>,
    ) -> Result<ApplicationState, TransitionError> {
        let next = self.state.apply(&event)?;
        let reason = match &event {
            ApplicationEvent::Reject { reason, step } => {
                let reason = required_reason(reason)?;
                self.rejection = Some((reason.clone(), *step));
                Some(reason)
            }
            ApplicationEvent::Submit => {
                self.rejection = None;
                None
            }
            _ => None,
        };
        record_move(&mut self.state, &mut self.history, next, at, actor, reason);
        Ok(next)
    }
}

/// A partner application as stored: what was entered, where it stands, and the step the
/// applicant was on (so the wizard reopens there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    /// Its id.
    pub id: String,
    /// Who applies (account id or display name).
    pub applicant: String,
    /// The fields.
    pub form: crate::onboarding::application_form::ApplicationForm,
    /// State, last rejection, history.
    pub status: ApplicationStatus,
    /// The step the applicant last had open.
    pub step: WizardStep,
    /// When the applicant last changed anything.
    #[serde(default, deserialize_with = "crate::common::iso::opt_date_time")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl Default for Application {
    fn default() -> Self {
        Application {
            id: String::new(),
            applicant: String::new(),
            form: Default::default(),
            status: ApplicationStatus::default(),
            step: WizardStep::SupplierDeclaration,
            updated_at: None,
        }
    }
}

impl Application {
    /// When it was last submitted, from the history.
    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.status
            .history
            .iter()
            .rev()
            .find(|c| c.to == ApplicationState::Submitted)
            .map(|c| c.at)
    }

    /// The partner account's UIN once admitted: the applicant's account id when the
    /// application was made from a signed-in account (a UIN is all digits); otherwise
    /// (local mode's one anonymous applicant) a 12-digit id derived from the approval
    /// time, standing in for the one the provider's account system would give.
    pub fn partner_uin(&self, approved_at: DateTime<Utc>) -> String {
        let own = self.id.trim();
        if !own.is_empty() && own.bytes().all(|b| b.is_ascii_digit()) {
            return own.to_string();
        }
        format!("1000{:08}", approved_at.timestamp().rem_euclid(100_000_000))
    }
}
