//! What the workbench reads of an application and of a learner: where each stands, not
//! what it says. Read straight from the stored records (unknown fields are skipped), so
//! the workbench's module carries no reader for an application's form.

use serde::Deserialize;

use crate::learning::learner::{Achievement, Learner, LearnerState};
use crate::onboarding::application::{Application, ApplicationState, WizardStep};

/// An application's standing.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ApplicationSummary {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// The step the applicant last had open.
    #[serde(default = "first_step")]
    pub step: WizardStep,
    /// State and last rejection.
    #[serde(default)]
    pub status: StatusSummary,
}

/// An application's state and last rejection.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct StatusSummary {
    /// Current state.
    pub state: ApplicationState,
    /// The last rejection's reason and step.
    #[serde(default)]
    pub rejection: Option<(String, WizardStep)>,
}

impl Default for StatusSummary {
    fn default() -> Self {
        StatusSummary {
            state: ApplicationState::Draft,
            rejection: None,
        }
    }
}

impl ApplicationSummary {
    /// Why and at which step the reviewer returned the application; a returned
    /// application stored without its rejection points at the step last open.
    pub fn returned(&self) -> (String, WizardStep) {
        self.status
            .rejection
            .clone()
            .unwrap_or((String::new(), self.step))
    }
}

fn first_step() -> WizardStep {
    WizardStep::SupplierDeclaration
}

impl From<&Application> for ApplicationSummary {
    fn from(app: &Application) -> Self {
        ApplicationSummary {
            id: app.id.clone(),
            step: app.step,
            status: StatusSummary {
                state: app.status.state,
                rejection: app.status.rejection.clone(),
            },
        }
    }
}

/// A learner's standing: state and achievements.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct LearnerSummary {
    /// Where the learner stands.
    pub state: LearnerState,
    /// Courses, exams and certifications (their kinds).
    #[serde(default)]
    pub records: Vec<RecordSummary>,
}

/// A learning record's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct RecordSummary {
    /// What was achieved.
    pub achievement: Achievement,
}

impl From<&Learner> for LearnerSummary {
    fn from(l: &Learner) -> Self {
        LearnerSummary {
            state: l.state.clone(),
            records: l
                .records
                .iter()
                .map(|r| RecordSummary {
                    achievement: r.achievement,
                })
                .collect(),
        }
    }
}
