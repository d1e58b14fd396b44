//! The workbench's figures about the partner's people: learners joined, waiting and
//! qualified, against what the partner's type asks and what the next type up asks.

use super::summary::LearnerSummary;
use crate::learning::learner::{Achievement, LearnerState, count_qualified};
use crate::onboarding::eligibility::{Requirement, thresholds};
use crate::onboarding::partner_type::PartnerType;

/// Learners at a glance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LearnerTally {
    /// Active learners.
    pub joined: usize,
    /// Requests waiting for the enterprise admin.
    pub pending: usize,
    /// Active learners who passed the sales foundation exam.
    pub passed: u32,
    /// Active learners certified as sales manager.
    pub certified: u32,
}

/// Counts the learners.
pub fn tally(learners: &[LearnerSummary]) -> LearnerTally {
    let achievements: Vec<Vec<Achievement>> = learners
        .iter()
        .map(|l| l.records.iter().map(|r| r.achievement).collect())
        .collect();
    let (passed, certified) = count_qualified(
        learners
            .iter()
            .zip(&achievements)
            .map(|(l, a)| (&l.state, a.as_slice())),
    );
    LearnerTally {
        joined: learners.iter().filter(|l| l.state.counts()).count(),
        pending: learners
            .iter()
            .filter(|l| l.state == LearnerState::Pending)
            .count(),
        passed,
        certified,
    }
}

/// What a partner type asks of its learners (0: nothing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LearnerTargets {
    /// Learners who passed the sales foundation exam.
    pub passed: u32,
    /// Learners certified as sales manager.
    pub certified: u32,
}

/// The learner thresholds of a partner type, from the guide's table.
pub fn learner_targets(partner_type: PartnerType) -> LearnerTargets {
    let mut out = LearnerTargets::default();
    for requirement in thresholds(partner_type) {
        match requirement {
            Requirement::LearnersPassedSalesFoundation { min } => out.passed = min,
            Requirement::LearnersCertifiedSalesManager { min } => out.certified = min,
            _ => {}
        }
    }
    out
}

/// The type a partner grows into next, in the guide's order (代理 → 集成 → 开发).
pub fn next_type_up(partner_type: PartnerType) -> Option<PartnerType> {
    match partner_type {
        PartnerType::Agent => Some(PartnerType::Integration),
        PartnerType::Integration => Some(PartnerType::Development),
        PartnerType::Development => None,
    }
}

impl LearnerTally {
    /// Whether the counts meet a type's targets.
    pub fn meets(&self, targets: LearnerTargets) -> bool {
        self.passed >= targets.passed && self.certified >= targets.certified
    }
}
