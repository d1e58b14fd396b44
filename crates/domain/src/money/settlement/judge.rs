//! A settlement sheet write judged as one event on the stored sheet: the provider issues a
//! sheet; then each write is one move of the state machine (with its date, reason and the
//! amount paid), an invoice recorded, checklist ticks, or the agreement marked on file —
//! each by the side the guide gives it to, replayed with the judge's actor and clock.
//! Lines, month and the recorded dates never change by a write.

use chrono::{DateTime, Utc};

use super::sheet::SettlementSheet;
use super::{InvoiceProblem, MoveRefused, SettlementMove, SettlementState};
use crate::Permission;
use crate::common::transition::Actor;
use crate::money::calendar::business_date;
use crate::records::refusal::{Refusal, one_new_entry, require};

/// The sheet to store when `actor` writes `proposed` over `stored` at `now`, and the
/// event's name for the audit log. `id` comes from the URL.
pub fn judge_sheet(
    stored: Option<&SettlementSheet>,
    proposed: &SettlementSheet,
    id: &str,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<(SettlementSheet, &'static str), Refusal> {
    let today = business_date(now);
    let Some(stored) = stored else {
        return issue(proposed, id, actor);
    };
    if proposed.month != stored.month || proposed.lines != stored.lines {
        return Err(Refusal::field("lines", "must-not-change"));
    }
    let same_dates = proposed.received_on == stored.received_on
        && proposed.corrected_on == stored.corrected_on
        && proposed.paid_on == stored.paid_on;
    let same_paperwork = proposed.checked == stored.checked
        && proposed.invoice == stored.invoice
        && proposed.contract_on_file == stored.contract_on_file;
    let mut next = stored.clone();
    if let Some(entry) = one_new_entry("history", &stored.history, &proposed.history)? {
        if !same_paperwork {
            return Err(Refusal::field("history", "one-event-per-write"));
        }
        if proposed.state != entry.to || entry.from != Some(stored.state) {
            return Err(Refusal::field("state", "does-not-follow-history"));
        }
        require(actor.role, mover(entry.to))?;
        let mv = SettlementMove {
            to: entry.to,
            on: entry.on.unwrap_or(today),
            reason: entry.reason.clone(),
            paid: proposed
                .paid_amount
                .filter(|_| entry.to == SettlementState::Paid),
        };
        next.make_move(today, actor, mv, now).map_err(refusal)?;
        return Ok((next, entry.to.name()));
    }
    if proposed.state != stored.state || !same_dates || proposed.paid_amount != stored.paid_amount {
        return Err(Refusal::field("state", "must-not-change"));
    }
    if proposed.invoice != stored.invoice {
        require(actor.role, Permission::EditCompanyData)?;
        if proposed.checked != stored.checked
            || proposed.contract_on_file != stored.contract_on_file
        {
            return Err(Refusal::field("invoice", "one-event-per-write"));
        }
        let invoice = proposed
            .invoice
            .clone()
            .ok_or(Refusal::field("invoice", "required"))?;
        next.record_invoice(invoice, today)
            .map_err(|problems| invoice_refusal(&problems[0]))?;
        return Ok((next, "invoice"));
    }
    if proposed.checked != stored.checked {
        require(actor.role, Permission::EditCompanyData)?;
        if proposed.contract_on_file != stored.contract_on_file {
            return Err(Refusal::field("checked", "one-event-per-write"));
        }
        if !stored.invoice_open() {
            return Err(Refusal::field("checked", "locked"));
        }
        let mut ticks = proposed.checked.clone();
        ticks.dedup();
        next.checked = ticks;
        return Ok((next, "checklist"));
    }
    if proposed.contract_on_file != stored.contract_on_file {
        require(actor.role, Permission::Review)?;
        next.contract_on_file = proposed.contract_on_file;
        return Ok((next, "contract"));
    }
    Ok((next, "unchanged"))
}

/// A new sheet: issued by the provider, pending, with nothing done on it yet.
fn issue(
    proposed: &SettlementSheet,
    id: &str,
    actor: Actor,
) -> Result<(SettlementSheet, &'static str), Refusal> {
    require(actor.role, Permission::Review)?;
    if proposed.state != SettlementState::Pending || !proposed.history.is_empty() {
        return Err(Refusal::field("state", "new-sheet-is-pending"));
    }
    if proposed.invoice.is_some()
        || proposed.paid_amount.is_some()
        || proposed.received_on.is_some()
        || proposed.corrected_on.is_some()
        || proposed.paid_on.is_some()
        || !proposed.checked.is_empty()
    {
        return Err(Refusal::field("state", "new-sheet-is-blank"));
    }
    if proposed.lines.is_empty() {
        return Err(Refusal::field("lines", "required"));
    }
    let mut next = proposed.clone();
    next.id = id.to_string();
    Ok((next, "issue"))
}

/// The permission that makes the move into `to` (`SettlementState::moved_by`).
pub fn mover(to: SettlementState) -> Permission {
    if to.is_partners_move() {
        Permission::EditCompanyData
    } else {
        Permission::Review
    }
}

fn refusal(refused: MoveRefused) -> Refusal {
    match refused {
        // The role was checked first (`mover`); kept for completeness.
        MoveRefused::NotTheirs { .. } => Refusal::Role(Permission::Review),
        MoveRefused::InFuture => Refusal::field("history.on", "in-future"),
        MoveRefused::BeforeMonth { .. } => Refusal::field("history.on", "before-month"),
        MoveRefused::PaidAmountRequired => Refusal::field("paid_amount", "required"),
        MoveRefused::Transition(e) => Refusal::State(e),
    }
}

fn invoice_refusal(problem: &InvoiceProblem) -> Refusal {
    match problem {
        InvoiceProblem::NumberFormat => Refusal::field("invoice.number", "number-format"),
        InvoiceProblem::DateInFuture => Refusal::field("invoice.date", "in-future"),
        InvoiceProblem::DateBeforeMonth { .. } => Refusal::field("invoice.date", "before-month"),
        InvoiceProblem::AmountDiffers { .. } => {
            Refusal::field("invoice.amount", "differs-from-sheet")
        }
        InvoiceProblem::Locked { .. } => Refusal::field("invoice", "locked"),
    }
}
