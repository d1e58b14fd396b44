//! Settlement words: states, line kinds, holds and the paperwork checklist.

use crate::domain::money::settlement::{ChecklistItem, LineKind, PaymentHold, SettlementState};
use crate::i18n::*;
use crate::ui::I18n;

/// A state in words.
pub fn state_name(i18n: I18n, s: SettlementState) -> String {
    match s {
        SettlementState::Pending => t_string!(i18n, settle.s_pending),
        SettlementState::DocumentsSent => t_string!(i18n, settle.s_sent),
        SettlementState::Received => t_string!(i18n, settle.s_received),
        SettlementState::Abnormal => t_string!(i18n, settle.s_abnormal),
        SettlementState::Corrected => t_string!(i18n, settle.s_corrected),
        SettlementState::Verified => t_string!(i18n, settle.s_verified),
        SettlementState::Paid => t_string!(i18n, settle.s_paid),
    }
    .to_string()
}

/// How a state looks: waiting on the partner, in progress at the provider, done, or a
/// problem (a CSS tone, so 待寄送资料 never looks like 已付款).
pub fn state_tone(s: SettlementState) -> &'static str {
    match s {
        SettlementState::Pending => "pc-badge-state pc-tone-wait",
        SettlementState::DocumentsSent
        | SettlementState::Received
        | SettlementState::Corrected
        | SettlementState::Verified => "pc-badge-state pc-tone-progress",
        SettlementState::Paid => "pc-badge-state pc-tone-done",
        SettlementState::Abnormal => "pc-badge-state pc-tone-problem",
    }
}

/// What a line is for.
pub fn line_name(i18n: I18n, kind: &LineKind) -> String {
    match kind {
        LineKind::Rebate(m) => {
            t_string!(i18n, settle.line_rebate, month = m.to_string()).to_string()
        }
        LineKind::Clawback {
            customer_uin,
            month,
        } => t_string!(
            i18n,
            settle.line_clawback,
            uin = customer_uin.clone(),
            month = month.to_string()
        )
        .to_string(),
    }
}

/// Why payment is (not) going ahead.
pub fn hold_text(i18n: I18n, hold: PaymentHold) -> String {
    match hold {
        PaymentHold::Normal => t_string!(i18n, settle.hold_normal),
        PaymentHold::Arrears => t_string!(i18n, settle.hold_arrears),
        PaymentHold::ContractMissing => t_string!(i18n, settle.hold_contract),
    }
    .to_string()
}

/// A checklist item.
pub fn checklist_text(i18n: I18n, item: ChecklistItem) -> String {
    match item {
        ChecklistItem::PrintedAndStamped => t_string!(i18n, settle.check_stamped),
        ChecklistItem::AmountMatches => t_string!(i18n, settle.check_amount),
        ChecklistItem::Stapled => t_string!(i18n, settle.check_stapled),
        ChecklistItem::InvoiceSealed => t_string!(i18n, settle.check_sealed),
        ChecklistItem::ElectronicPrintedTwice => t_string!(i18n, settle.check_twice),
    }
    .to_string()
}
