//! Joining the learning platform (RULES §Learners): enterprise email (active at once after
//! confirmation) or account application (waits for the enterprise admin).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::common::transition::{TransitionError, required_reason};

/// How a learner joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JoinMethod {
    /// By an address on an enabled enterprise email domain.
    EnterpriseEmail,
    /// By an application the enterprise admin approves.
    AccountApplication,
}

crate::common::keyed::keyed!(JoinMethod {
    EnterpriseEmail => "EnterpriseEmail",
    AccountApplication => "AccountApplication",
});

/// Where a join request or learner stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LearnerState {
    /// Waiting for the enterprise admin.
    Pending,
    /// Active learner.
    Active,
    /// Refused with a reason.
    Rejected {
        /// Why.
        reason: String,
    },
    /// Removed by the admin; no longer counts.
    Removed,
}

impl LearnerState {
    /// The state a new request starts in: email joins are active at once.
    pub fn initial(method: JoinMethod) -> LearnerState {
        match method {
            JoinMethod::EnterpriseEmail => LearnerState::Active,
            JoinMethod::AccountApplication => LearnerState::Pending,
        }
    }

    /// A stable name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            LearnerState::Pending => "pending",
            LearnerState::Active => "active",
            LearnerState::Rejected { .. } => "rejected",
            LearnerState::Removed => "removed",
        }
    }

    /// Approves a pending request.
    pub fn approve(&self) -> Result<LearnerState, TransitionError> {
        match self {
            LearnerState::Pending => Ok(LearnerState::Active),
            s => Err(TransitionError::Illegal {
                state: s.name(),
                event: "approve",
            }),
        }
    }

    /// Rejects a pending request with a required reason.
    pub fn reject(&self, reason: &str) -> Result<LearnerState, TransitionError> {
        match self {
            LearnerState::Pending => Ok(LearnerState::Rejected {
                reason: required_reason(reason)?,
            }),
            s => Err(TransitionError::Illegal {
                state: s.name(),
                event: "reject",
            }),
        }
    }

    /// Removes an active learner.
    pub fn remove(&self) -> Result<LearnerState, TransitionError> {
        match self {
            LearnerState::Active => Ok(LearnerState::Removed),
            s => Err(TransitionError::Illegal {
                state: s.name(),
                event: "remove",
            }),
        }
    }

    /// Whether the learner counts towards eligibility.
    pub fn counts(&self) -> bool {
        matches!(self, LearnerState::Active)
    }
}

/// How long an email confirmation code lives.
pub const CODE_LIFETIME_MINUTES: i64 = 10;
/// How long before another code may be sent to the same address.
pub const CODE_RESEND_SECONDS: i64 = 60;
/// How many wrong codes lock the attempt.
pub const CODE_MAX_WRONG: u8 = 5;

/// A 6-digit email confirmation code and its attempts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailCode {
    code: String,
    #[serde(deserialize_with = "crate::common::iso::date_time")]
    issued_at: DateTime<Utc>,
    wrong: u8,
}

/// Why a typed code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not six digits.
    #[error("the code has 6 digits")]
    Format,
    /// Older than ten minutes.
    #[error("the code has expired")]
    Expired,
    /// Wrong; `remaining` tries left.
    #[error("wrong code, {remaining} tries left")]
    Wrong {
        /// Tries left before the lock.
        remaining: u8,
    },
    /// Five wrong tries: ask for a new code.
    #[error("too many wrong codes")]
    Locked,
}

impl CodeError {
    /// The refusal's stable code, as a server sends it for the `code` field (a wrong code
    /// carries the tries left: `wrong-3`).
    pub fn code(self) -> &'static str {
        // Static strings, so a refusal can name them (fewer than five tries are ever left).
        const WRONG: [&str; 5] = ["wrong-0", "wrong-1", "wrong-2", "wrong-3", "wrong-4"];
        match self {
            CodeError::Format => "format",
            CodeError::Expired => "expired",
            CodeError::Wrong { remaining } => WRONG[usize::from(remaining).min(WRONG.len() - 1)],
            CodeError::Locked => "locked",
        }
    }

    /// The refusal a stable code names (see [`CodeError::code`]).
    pub fn from_code(code: &str) -> Option<CodeError> {
        match code {
            "format" => Some(CodeError::Format),
            "expired" => Some(CodeError::Expired),
            "locked" => Some(CodeError::Locked),
            _ => code
                .strip_prefix("wrong-")
                .and_then(|n| n.parse().ok())
                .map(|remaining| CodeError::Wrong { remaining }),
        }
    }
}

impl EmailCode {
    /// A code issued at `at`; `code` must be the six digits sent.
    pub fn issue(code: String, at: DateTime<Utc>) -> EmailCode {
        EmailCode {
            code,
            issued_at: at,
            wrong: 0,
        }
    }

    /// A new code for the same address: while the last one could still be typed its wrong
    /// tries stay counted, so asking for codes again and again does not buy more guesses
    /// (five per ten minutes at most); after it expired, the count starts afresh.
    pub fn reissue(&self, code: String, at: DateTime<Utc>) -> EmailCode {
        EmailCode {
            code,
            issued_at: at,
            wrong: if at > self.expires_at() {
                0
            } else {
                self.wrong
            },
        }
    }

    /// Whether another code may be sent: a minute after the last.
    pub fn may_resend(&self, now: DateTime<Utc>) -> bool {
        now >= self.issued_at + Duration::seconds(CODE_RESEND_SECONDS)
    }

    /// The six digits (shown in the simulated mailbox in local mode).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// When the code stops working.
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.issued_at + Duration::minutes(CODE_LIFETIME_MINUTES)
    }

    /// Checks a typed code at `now`; a wrong code uses up a try.
    pub fn verify(&mut self, typed: &str, now: DateTime<Utc>) -> Result<(), CodeError> {
        if self.wrong >= CODE_MAX_WRONG {
            return Err(CodeError::Locked);
        }
        if now > self.expires_at() {
            return Err(CodeError::Expired);
        }
        let typed = crate::common::text::compact(typed);
        if typed.len() != 6 || !crate::common::text::all_digits(&typed) {
            return Err(CodeError::Format);
        }
        if typed == self.code {
            Ok(())
        } else {
            self.wrong += 1;
            if self.wrong >= CODE_MAX_WRONG {
                Err(CodeError::Locked)
            } else {
                Err(CodeError::Wrong {
                    remaining: CODE_MAX_WRONG - self.wrong,
                })
            }
        }
    }
}

/// A learner's exam or certification record kinds that eligibility counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Achievement {
    /// A course completed.
    Course,
    /// An exam passed; the sales foundation exam is the one Agents need.
    Exam {
        /// True for 销售入门基础课程考试.
        sales_foundation: bool,
    },
    /// A certification; sales manager certification is the one Integration and
    /// Development need.
    Certification {
        /// True for 销售经理认证.
        sales_manager: bool,
    },
}

/// What the partner types ask of learners: the sales foundation exam passed, or the
/// sales manager certification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualification {
    /// Passed the sales foundation exam.
    PassedSalesFoundation,
    /// Certified as sales manager.
    CertifiedSalesManager,
}

crate::common::keyed::keyed!(Qualification {
    PassedSalesFoundation => "passed",
    CertifiedSalesManager => "certified",
});

impl Qualification {
    /// Whether these achievements include it.
    pub fn held_in(self, achievements: &[Achievement]) -> bool {
        achievements.iter().any(|a| match self {
            Qualification::PassedSalesFoundation => matches!(
                a,
                Achievement::Exam {
                    sales_foundation: true
                }
            ),
            Qualification::CertifiedSalesManager => matches!(
                a,
                Achievement::Certification {
                    sales_manager: true
                }
            ),
        })
    }

    /// An active learner with these achievements counts towards it.
    pub fn counts(self, state: &LearnerState, achievements: &[Achievement]) -> bool {
        state.counts() && self.held_in(achievements)
    }
}

/// The counts eligibility uses: distinct active learners with each achievement.
pub fn count_qualified<'a, I>(learners: I) -> (u32, u32)
where
    I: IntoIterator<Item = (&'a LearnerState, &'a [Achievement])>,
{
    let mut passed = 0;
    let mut certified = 0;
    for (state, achievements) in learners {
        passed += u32::from(Qualification::PassedSalesFoundation.counts(state, achievements));
        certified += u32::from(Qualification::CertifiedSalesManager.counts(state, achievements));
    }
    (passed, certified)
}

/// One learner (or join request) of the partner's enterprise on the learning platform.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learner {
    /// Its id: the cloud account id (account path) or the email address (email path).
    pub id: String,
    /// How it joined.
    pub method: JoinMethod,
    /// Where it stands.
    pub state: LearnerState,
    /// 姓名.
    pub name: String,
    /// 手机号 (account path).
    pub mobile: String,
    /// Enterprise email (email path).
    pub email: String,
    /// 腾讯云 ID.
    pub account_id: String,
    /// When the request was made.
    #[serde(deserialize_with = "crate::common::iso::date_time")]
    pub requested_at: DateTime<Utc>,
    /// Courses, exams and certifications, with dates.
    pub records: Vec<LearningRecord>,
}

/// A course completed, an exam passed or a certification earned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningRecord {
    /// What kind, and whether it is the named exam / certification.
    pub achievement: Achievement,
    /// The course, exam or certification's title.
    pub title: String,
    /// When.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub date: chrono::NaiveDate,
}

impl Learner {
    /// A learner joined by enterprise email (active at once): its id and email are the
    /// address, its name the address's local part until the platform knows better.
    pub fn by_email(address: &crate::common::contact::Email, at: DateTime<Utc>) -> Learner {
        let key = address.to_string();
        Learner::new(JoinMethod::EnterpriseEmail, key.clone(), at, |l| {
            l.name = address.local.clone();
            l.email = key;
        })
    }

    /// An account application (waiting for the admin) from a checked join form: its id
    /// is the cloud account id, spaces and dashes removed.
    pub fn by_account(form: &JoinForm, at: DateTime<Utc>) -> Learner {
        let id = crate::common::text::compact(&form.account_id);
        Learner::new(JoinMethod::AccountApplication, id.clone(), at, |l| {
            l.name = form.name.trim().to_string();
            l.mobile = crate::common::text::compact(&form.mobile);
            l.account_id = id;
        })
    }

    fn new(
        method: JoinMethod,
        id: String,
        at: DateTime<Utc>,
        fill: impl FnOnce(&mut Learner),
    ) -> Learner {
        let mut learner = Learner {
            id,
            method,
            state: LearnerState::initial(method),
            name: String::new(),
            mobile: String::new(),
            email: String::new(),
            account_id: String::new(),
            requested_at: at,
            records: Vec::new(),
        };
        fill(&mut learner);
        learner
    }

    /// The achievements, for counting.
    pub fn achievements(&self) -> Vec<Achievement> {
        self.records.iter().map(|r| r.achievement).collect()
    }
}

/// The eligibility counts from learner records: distinct active learners who passed the
/// sales foundation exam, and who are certified as sales manager.
pub fn qualified_counts(learners: &[Learner]) -> (u32, u32) {
    let achievements: Vec<(LearnerState, Vec<Achievement>)> = learners
        .iter()
        .map(|l| (l.state.clone(), l.achievements()))
        .collect();
    count_qualified(achievements.iter().map(|(s, a)| (s, a.as_slice())))
}

/// The enterprise's email domains enabled for joining by email.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnabledDomains(pub Vec<String>);

impl EnabledDomains {
    /// Normalises a domain typed by the admin (`@Example.COM ` → `example.com`).
    pub fn normalise(domain: &str) -> Option<String> {
        let d = crate::common::text::to_half_width(domain)
            .trim()
            .trim_start_matches('@')
            .to_ascii_lowercase();
        (d.contains('.') && crate::onboarding::application_form::is_website(&d)).then_some(d)
    }

    /// Whether an address is on an enabled domain.
    pub fn allows(&self, email: &crate::common::contact::Email) -> bool {
        self.0.iter().any(|d| email.is_on_domain(d))
    }
}

pub use crate::learning::join_form::{JoinField, JoinForm, JoinProblem};
pub use crate::learning::learner_import::{RecordImport, RecordLineProblem, read_records_csv};
