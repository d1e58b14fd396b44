//! The learning-platform admin's list (RULES §Termination): search, filters, sort, and the CSV
//! export of what the list shows.

use crate::common::keyed::keyed;
use crate::learning::learner::{Achievement, JoinMethod, Learner, Qualification};

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LearnerSort {
    /// Latest request first.
    #[default]
    Newest,
    /// Earliest request first.
    Oldest,
    /// By name.
    Name,
}

keyed!(LearnerSort {
    Newest => "newest",
    Oldest => "oldest",
    Name => "name",
});

/// What the admin asked the list for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearnerQuery {
    /// Part of the name (any case), mobile, account id or email; blank matches all.
    pub text: String,
    /// A state's name (`LearnerState::name`); `None` matches all.
    pub state: Option<String>,
    /// `None` matches all.
    pub method: Option<JoinMethod>,
    /// Active learners who hold it (what the workbench's learner figures count); `None`
    /// matches all.
    pub qualification: Option<Qualification>,
    /// The order.
    pub sort: LearnerSort,
}

impl LearnerQuery {
    /// The learners the query matches, in its order.
    pub fn apply(&self, learners: Vec<Learner>) -> Vec<Learner> {
        let q = self.text.trim().to_lowercase();
        let mut list: Vec<Learner> = learners
            .into_iter()
            .filter(|l| {
                q.is_empty()
                    || l.name.to_lowercase().contains(&q)
                    || l.mobile.contains(&q)
                    || l.account_id.contains(&q)
                    || l.email.contains(&q)
            })
            .filter(|l| self.state.as_deref().is_none_or(|s| l.state.name() == s))
            .filter(|l| self.method.is_none_or(|m| l.method == m))
            .filter(|l| {
                self.qualification.is_none_or(|q| {
                    let achieved: Vec<_> = l.records.iter().map(|r| r.achievement).collect();
                    q.counts(&l.state, &achieved)
                })
            })
            .collect();
        match self.sort {
            LearnerSort::Oldest => crate::common::order::sort_by_key(&mut list, |l| l.requested_at),
            LearnerSort::Name => {
                crate::common::order::sort_by(&mut list, |a, b| a.name.cmp(&b.name))
            }
            LearnerSort::Newest => {
                crate::common::order::sort_by_key(&mut list, |l| std::cmp::Reverse(l.requested_at))
            }
        }
        list
    }
}

/// The CSV header of the export (machine names: the file is read by other tools).
const CSV_HEADER: &str = "name,method,state,mobile,email,account_id,requested_at,\
sales_foundation_passed,sales_manager_certified\n";

/// The learners as a CSV file (UTF-8 with a byte-order mark, which Excel needs): one row
/// each, with whether they passed the sales foundation exam and hold the sales manager
/// certification.
pub fn learners_csv(learners: &[Learner]) -> String {
    let mut out = format!("\u{feff}{CSV_HEADER}");
    for l in learners {
        let a = l.achievements();
        let passed = a.contains(&Achievement::Exam {
            sales_foundation: true,
        });
        let certified = a.contains(&Achievement::Certification {
            sales_manager: true,
        });
        let row = [
            l.name.clone(),
            crate::common::keyed::Keyed::key(l.method).to_string(),
            l.state.name().to_string(),
            l.mobile.clone(),
            l.email.clone(),
            l.account_id.clone(),
            l.requested_at.to_rfc3339(),
            passed.to_string(),
            certified.to_string(),
        ];
        out.push_str(&crate::common::csv::line(&row));
    }
    out
}

/// The admin's decision on the chosen requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LearnerDecision {
    /// Let them in.
    Approve,
    /// Refuse them, with the reason each will see.
    Reject(String),
}

/// The decision applied to every chosen learner it fits (a pending request): each pair
/// is the learner as read and as decided — to be stored together or not at all — and the
/// count is how many chosen learners it did not fit (already active, removed, …).
pub fn decide_many(
    learners: &[Learner],
    chosen: &std::collections::HashSet<String>,
    decision: &LearnerDecision,
) -> (Vec<(Learner, Learner)>, usize) {
    let mut changed = Vec::new();
    let mut skipped = 0;
    for l in learners.iter().filter(|l| chosen.contains(&l.id)) {
        let next = match decision {
            LearnerDecision::Approve => l.state.approve(),
            LearnerDecision::Reject(reason) => l.state.reject(reason),
        };
        match next {
            Ok(state) => changed.push((l.clone(), Learner { state, ..l.clone() })),
            Err(_) => skipped += 1,
        }
    }
    (changed, skipped)
}
