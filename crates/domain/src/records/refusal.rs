//! Why a write was refused, in terms both the app and the server give the user: the role
//! lacked a permission, the record's state does not allow the move, or a field breaks a
//! rule. The server answers 403, 409 and 422 for them; the codes are stable (the app words
//! them in both languages, a client may branch on them).

use crate::Permission;
use crate::common::transition::TransitionError;

/// A refused write.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The caller's role may not make this change at all (403).
    #[error("needs the permission {0:?}")]
    Role(Permission),
    /// The record's state does not allow the move (409).
    #[error(transparent)]
    State(#[from] TransitionError),
    /// A field breaks a rule (422): the field's name and the rule's stable code.
    #[error("{field}: {code}")]
    Field {
        /// The field, as named in the record's JSON (`status.history`, `form.uscc`).
        field: &'static str,
        /// The rule (`history-rewritten`, `not-editable`, `must-not-change` …).
        code: &'static str,
    },
}

impl Refusal {
    /// A field refusal.
    pub fn field(field: &'static str, code: &'static str) -> Refusal {
        Refusal::Field { field, code }
    }
}

/// Refuses unless `role` holds `permission`.
pub fn require(role: crate::Role, permission: Permission) -> Result<(), Refusal> {
    if role.may(permission) {
        Ok(())
    } else {
        Err(Refusal::Role(permission))
    }
}

/// The entries a proposed history adds to the stored one: refused unless the stored one
/// is its unchanged beginning (histories only grow) and it adds at most one entry (a write
/// is one event).
pub fn one_new_entry<'a, T: PartialEq>(
    field: &'static str,
    stored: &[T],
    proposed: &'a [T],
) -> Result<Option<&'a T>, Refusal> {
    if proposed.len() < stored.len() || proposed[..stored.len()] != *stored {
        return Err(Refusal::field(field, "history-rewritten"));
    }
    match &proposed[stored.len()..] {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        _ => Err(Refusal::field(field, "one-event-per-write")),
    }
}
