//! What every state machine shares: who acted, when, and the refusal of illegal moves.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::common::role::Role;

/// Who made a change: a role and a display name (account id or person).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The role they acted in.
    pub role: Role,
    /// Who they are, as shown in histories.
    pub name: String,
}

/// One recorded change of state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateChange<S> {
    /// The state left (`None` for the first record).
    pub from: Option<S>,
    /// The state entered.
    pub to: S,
    /// When.
    #[serde(deserialize_with = "crate::common::iso::date_time")]
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: Actor,
    /// The reason given, for rejections and the like.
    pub reason: Option<String>,
    /// The day the move took effect when it differs from the day it was recorded (a
    /// settlement's documents received, found abnormal, corrected, paid).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::common::iso::opt_date"
    )]
    pub on: Option<NaiveDate>,
}

/// A move the state machine does not allow. Illegal moves are errors, never no-ops.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The event cannot happen in the current state.
    #[error("cannot {event} while {state}")]
    Illegal {
        /// The current state's name.
        state: &'static str,
        /// The attempted event's name.
        event: &'static str,
    },
    /// A rejection or similar needs a non-empty reason.
    #[error("a reason is required")]
    ReasonRequired,
}

/// Trims a reason and refuses an empty one.
pub fn required_reason(reason: &str) -> Result<String, TransitionError> {
    let r = reason.trim();
    if r.is_empty() {
        Err(TransitionError::ReasonRequired)
    } else {
        Ok(r.to_string())
    }
}

/// Makes `next` the current state and records the move (from the old state, when, who,
/// why) in `history` — the one way every state machine here keeps its history.
pub fn record_move<S: Clone>(
    state: &mut S,
    history: &mut Vec<StateChange<S>>,
    next: S,
    at: DateTime<Utc>,
    actor: Actor,
    reason: Option<String>,
) {
    history.push(StateChange {
        from: Some(state.clone()),
        to: next.clone(),
        at,
        actor,
        reason,
        on: None,
    });
    *state = next;
}
