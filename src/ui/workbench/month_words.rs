//! A month's status in words — the one sentence the home page, the to-dos and the
//! reconciliation (screen, CSV and print) all say: where the month stands, the gap with
//! its direction, and the next step. The partner's staff read what they do next; the
//! channel manager reads what the provider does.

use leptos::prelude::*;

use crate::domain::Cny;
use crate::domain::money::settlement::{PaymentHold, SettlementState};
use crate::domain::money::statement::StatementBasis;
use crate::domain::workbench::month_status::{Difference, MonthStatus, NextStep};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;
use crate::ui::settlements::window_text;

/// Between a status and its next step, in both languages.
pub(crate) const STEP_SEPARATOR: &str = " — ";

/// How a status looks: a problem, the partner's turn, on its way, done.
pub(crate) fn status_tone(status: &MonthStatus) -> &'static str {
    match status {
        MonthStatus::Differs(_) | MonthStatus::Overdue { .. } => "pc-tone-problem",
        MonthStatus::Held(_) | MonthStatus::ToSend | MonthStatus::ToCorrect => "pc-tone-wait",
        MonthStatus::SheetNotYetDue
        | MonthStatus::DocumentsSent
        | MonthStatus::AwaitingPayment { .. } => "pc-tone-progress",
        MonthStatus::Paid { .. } => "pc-tone-done",
        MonthStatus::PaidUnchecked { .. } | MonthStatus::NothingToSettle => "pc-tone-off",
    }
}

/// A month's status as every page draws it: the status as a badge, then the next step.
/// Its text is [`month_status_text`]'s. `sheet`: where the month's sheet stands, which
/// tells the provider's side what it has to do (receive, verify, pay).
#[component]
pub(crate) fn MonthStatusView(
    status: MonthStatus,
    side: Side,
    sheet: Option<SettlementState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = status_label(i18n, side, &status, sheet);
    let step = step_text(i18n, side, &status, sheet);
    view! {
        <span class="pc-month-status" data-status=status.key() data-testid="month-status">
            <span class=format!("pc-badge-state {}", status_tone(&status))>{label}</span>
            {step.map(|s| view! { <span class="pc-month-step">{STEP_SEPARATOR}{s}</span> })}
        </span>
    }
}

/// Who reads the status: the partner's side or the provider's (the channel manager).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// The partner's main account or an employee.
    Partner,
    /// The channel manager, acting for the provider.
    Provider,
}

impl Side {
    /// The side of the signed-in role.
    pub(crate) fn of(role: crate::domain::Role) -> Side {
        if role == crate::domain::Role::ChannelManager {
            Side::Provider
        } else {
            Side::Partner
        }
    }
}

/// The status and, when there is one, the next step: "少付 ¥48,387.63 — 请联系渠道经理".
pub(crate) fn month_status_text(
    i18n: I18n,
    side: Side,
    status: &MonthStatus,
    sheet: Option<SettlementState>,
) -> String {
    let label = status_label(i18n, side, status, sheet);
    match step_text(i18n, side, status, sheet) {
        Some(step) => format!("{label}{STEP_SEPARATOR}{step}"),
        None => label,
    }
}

/// Where the month stands, without the next step.
pub(crate) fn status_label(
    i18n: I18n,
    side: Side,
    status: &MonthStatus,
    sheet: Option<SettlementState>,
) -> String {
    let provider = side == Side::Provider;
    match status {
        MonthStatus::NothingToSettle => t_string!(i18n, month.nothing).to_string(),
        MonthStatus::SheetNotYetDue => t_string!(i18n, month.not_yet_due).to_string(),
        MonthStatus::ToSend if provider => t_string!(i18n, month.m_to_send).to_string(),
        MonthStatus::ToSend => t_string!(i18n, month.to_send).to_string(),
        MonthStatus::ToCorrect if provider => t_string!(i18n, month.m_to_correct).to_string(),
        MonthStatus::ToCorrect => t_string!(i18n, month.to_correct).to_string(),
        MonthStatus::DocumentsSent if provider => {
            t_string!(i18n, month.m_documents_sent).to_string()
        }
        MonthStatus::DocumentsSent => t_string!(i18n, month.documents_sent).to_string(),
        MonthStatus::AwaitingPayment { window } => {
            let window = window_text(i18n, window);
            match (side, sheet) {
                (Side::Provider, Some(SettlementState::Verified)) => {
                    t_string!(i18n, month.m_awaiting_pay, window = window).to_string()
                }
                (Side::Provider, _) => {
                    t_string!(i18n, month.m_awaiting, window = window).to_string()
                }
                (Side::Partner, _) => t_string!(i18n, month.awaiting, window = window).to_string(),
            }
        }
        MonthStatus::Overdue { working_days, .. } => match working_days {
            1 => t_string!(i18n, month.overdue_one).to_string(),
            n => t_string!(i18n, month.overdue, days = *n).to_string(),
        },
        MonthStatus::Held(PaymentHold::Arrears) if provider => {
            t_string!(i18n, month.m_held_arrears).to_string()
        }
        MonthStatus::Held(PaymentHold::Arrears) => t_string!(i18n, month.held_arrears).to_string(),
        MonthStatus::Held(_) if provider => t_string!(i18n, month.m_held_contract).to_string(),
        MonthStatus::Held(_) => t_string!(i18n, month.held_contract).to_string(),
        MonthStatus::Paid { late_by: 0, .. } => t_string!(i18n, month.paid).to_string(),
        MonthStatus::Paid { late_by: 1, .. } => t_string!(i18n, month.paid_late_one).to_string(),
        MonthStatus::Paid { late_by, .. } => {
            t_string!(i18n, month.paid_late, days = *late_by).to_string()
        }
        MonthStatus::PaidUnchecked { .. } => t_string!(i18n, month.paid_unchecked).to_string(),
        MonthStatus::Differs(d) => difference_label(i18n, d),
    }
}

/// A difference as its gap and direction: "少付 ¥48,387.63", "结算单比对账单多 ¥0.01".
pub(crate) fn difference_label(i18n: I18n, d: &Difference) -> String {
    let gap = d.gap();
    let size = money(if gap.is_negative() { -gap } else { gap });
    let short = gap < Cny::ZERO;
    match d {
        Difference::PaidDiffersFromExpected { .. } if short => {
            t_string!(i18n, month.paid_short, gap = size).to_string()
        }
        Difference::PaidDiffersFromExpected { .. } => {
            t_string!(i18n, month.paid_over, gap = size).to_string()
        }
        Difference::InvoiceDiffersFromSheet { .. } if short => {
            t_string!(i18n, month.invoice_short, gap = size).to_string()
        }
        Difference::InvoiceDiffersFromSheet { .. } => {
            t_string!(i18n, month.invoice_over, gap = size).to_string()
        }
        Difference::SheetDiffersFromStatement { .. } if short => {
            t_string!(i18n, month.sheet_short, gap = size).to_string()
        }
        Difference::SheetDiffersFromStatement { .. } => {
            t_string!(i18n, month.sheet_over, gap = size).to_string()
        }
        Difference::NoSheet { statement } => {
            t_string!(i18n, month.no_sheet, amount = money(*statement)).to_string()
        }
    }
}

/// The figures behind a difference.
pub(crate) fn difference_figures(i18n: I18n, d: &Difference) -> String {
    match d {
        Difference::PaidDiffersFromExpected { paid, expected } => t_string!(
            i18n,
            work.d_month_paid,
            paid = money(*paid),
            expected = money(*expected)
        )
        .to_string(),
        Difference::InvoiceDiffersFromSheet { invoice, sheet } => t_string!(
            i18n,
            work.d_month_invoice,
            invoice = money(*invoice),
            sheet = money(*sheet)
        )
        .to_string(),
        Difference::SheetDiffersFromStatement {
            sheet,
            statement,
            basis,
            ..
        } => t_string!(
            i18n,
            work.d_month_sheet,
            sheet = money(*sheet),
            basis = basis_name(i18n, *basis),
            statement = money(*statement)
        )
        .to_string(),
        Difference::NoSheet { .. } => t_string!(i18n, work.d_month_no_sheet).to_string(),
    }
}

/// A difference with its figures: "少付 ¥1.00：实付 ¥1.00，应付 ¥2.00。".
pub(crate) fn difference_sentence(i18n: I18n, d: &Difference) -> String {
    format!(
        "{}{}{}",
        difference_label(i18n, d),
        t_string!(i18n, common.colon),
        difference_figures(i18n, d)
    )
}

/// The next step of a status, if someone has one.
pub(crate) fn step_text(
    i18n: I18n,
    side: Side,
    status: &MonthStatus,
    sheet: Option<SettlementState>,
) -> Option<String> {
    match side {
        Side::Partner => partner_step(i18n, status),
        Side::Provider => provider_step(i18n, status, sheet),
    }
}

fn partner_step(i18n: I18n, status: &MonthStatus) -> Option<String> {
    Some(
        match status.next_step() {
            NextStep::Wait => return None,
            NextStep::SendDocuments => t_string!(i18n, month.s_send),
            NextStep::CorrectDocuments => t_string!(i18n, month.s_correct),
            NextStep::AskChannelManager => t_string!(i18n, month.s_ask),
            NextStep::ReissueInvoice => t_string!(i18n, month.s_reissue),
            NextStep::CheckBeforeSigning => t_string!(i18n, month.s_check_before_signing),
            NextStep::CheckBasis => {
                return Some(
                    t_string!(i18n, month.s_check_basis, basis = other_basis(i18n, status))
                        .to_string(),
                );
            }
            NextStep::SettleArrears => t_string!(i18n, month.s_arrears),
            NextStep::SignAgreement => t_string!(i18n, month.s_agreement),
        }
        .to_string(),
    )
}

fn provider_step(
    i18n: I18n,
    status: &MonthStatus,
    sheet: Option<SettlementState>,
) -> Option<String> {
    let text = match status {
        MonthStatus::Overdue { .. } => t_string!(i18n, month.m_s_pay_now),
        // A hold stops the payment, not the paperwork: the documents are still received
        // and verified.
        MonthStatus::Held(_) => match sheet {
            Some(SettlementState::DocumentsSent) => t_string!(i18n, month.m_s_receive),
            Some(SettlementState::Received | SettlementState::Corrected) => {
                t_string!(i18n, month.m_s_verify)
            }
            _ => return None,
        },
        MonthStatus::Differs(d) => match d {
            Difference::PaidDiffersFromExpected { .. } if d.gap().is_negative() => {
                t_string!(i18n, month.m_s_pay)
            }
            Difference::PaidDiffersFromExpected { .. } => t_string!(i18n, month.m_s_confirm_over),
            Difference::InvoiceDiffersFromSheet { .. } => t_string!(i18n, month.m_s_reissue),
            Difference::SheetDiffersFromStatement {
                agrees_on_other: true,
                ..
            } => {
                return Some(
                    t_string!(
                        i18n,
                        month.m_s_check_basis,
                        basis = other_basis(i18n, status)
                    )
                    .to_string(),
                );
            }
            Difference::SheetDiffersFromStatement { .. } => t_string!(i18n, month.m_s_check),
            Difference::NoSheet { .. } => t_string!(i18n, month.m_s_issue),
        },
        _ => return None,
    };
    Some(text.to_string())
}

/// The basis a sheet agrees on, when it agrees on the other one.
fn other_basis(i18n: I18n, status: &MonthStatus) -> String {
    match status {
        MonthStatus::Differs(Difference::SheetDiffersFromStatement { basis, .. }) => {
            basis_name(i18n, crate::domain::workbench::month_status::other(*basis))
        }
        _ => String::new(),
    }
}

/// 计费周期 / 扣费周期.
pub(crate) fn basis_name(i18n: I18n, basis: StatementBasis) -> String {
    match basis {
        StatementBasis::BillingPeriod => t_string!(i18n, month.basis_billing),
        StatementBasis::DeductionPeriod => t_string!(i18n, month.basis_deduction),
    }
    .to_string()
}
