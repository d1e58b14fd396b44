//! One settlement sheet per month of the sample, in the states a year of them reaches.

use crate::common::role::Role;
use crate::common::transition::Actor;
use crate::money::cny::Cny;
use crate::money::invoice_preview::InvoiceKind;
use crate::money::month::YearMonth;
use crate::money::settlement::{
    InvoiceRecord, LineKind, SettlementLine, SettlementSheet, SettlementState,
};
use crate::money::statement_table::{StatementTable, month_number};

use super::names::{Rng, day, moment};

/// The sheets of `months`: each month's rebate under the billing basis (the row's own
/// month), a clawback every fourth month.
pub(super) fn settlements(
    rows: &StatementTable,
    months: &[YearMonth],
    rng: &mut Rng,
) -> Vec<SettlementSheet> {
    let provider = Actor {
        role: Role::ChannelManager,
        name: String::new(),
    };
    let partner = Actor {
        role: Role::MainAccount,
        name: String::new(),
    };
    let n = months.len();
    months
        .iter()
        .enumerate()
        .map(|(k, &month)| {
            let number = month_number(month);
            let rebate = Cny::from_fen(
                rows.months()
                    .iter()
                    .zip(rows.rebate_fen())
                    .filter(|(m, _)| **m == number)
                    .map(|(_, fen)| fen)
                    .sum(),
            );
            let mut lines = vec![SettlementLine {
                kind: LineKind::Rebate(month),
                amount: rebate,
            }];
            if k % 4 == 3 && !rows.is_empty() {
                let victim = rows.row(rng.below(rows.len() as u64) as usize);
                lines.push(SettlementLine {
                    kind: LineKind::Clawback {
                        customer_uin: victim.customer_uin.to_string(),
                        month: month.prev(),
                    },
                    amount: -victim.rebate,
                });
            }
            let issued = day(month.next(), 5);
            let mut sheet = SettlementSheet {
                id: month.to_string(),
                month,
                lines,
                state: SettlementState::Pending,
                history: vec![crate::common::transition::StateChange {
                    from: None,
                    to: SettlementState::Pending,
                    at: moment(issued),
                    actor: provider.clone(),
                    reason: None,
                    on: None,
                }],
                received_on: None,
                corrected_on: None,
                paid_on: None,
                contract_on_file: true,
                checked: Vec::new(),
                invoice: None,
                paid_amount: None,
            };
            // Older sheets are paid; the newest are on their way; one went wrong.
            let age = n - 1 - k;
            let mut steps: Vec<(SettlementState, u32, Option<&str>)> = Vec::new();
            if age >= 1 {
                steps.push((SettlementState::DocumentsSent, 10, None));
            }
            if age >= 2 {
                steps.push((SettlementState::Received, 14, None));
                if k == 2 {
                    steps.push((
                        SettlementState::Abnormal,
                        16,
                        Some("发票金额与结算单不一致"),
                    ));
                    steps.push((SettlementState::Corrected, 22, None));
                }
            }
            if age >= 3 {
                steps.push((SettlementState::Verified, 24, None));
                steps.push((SettlementState::Paid, 28, None));
            }
            if age >= 1 {
                // The invoice goes with the documents; one month's is a general invoice.
                let kind = if k == 1 {
                    InvoiceKind::GeneralVat
                } else {
                    InvoiceKind::SpecialVat
                };
                sheet.invoice = Some(InvoiceRecord {
                    // Made from the month, not the generator, so the clawbacks drawn after
                    // stay what they were.
                    number: format!("{}{:02}{:02}", month.year(), month.month(), k % 100),
                    date: day(month.next(), 8),
                    kind,
                    amount: sheet.amount(),
                });
            }
            if age >= 3 {
                sheet.paid_amount = sheet.expected_net();
            }
            for (state, d, reason) in steps {
                let on = day(month.next(), d);
                let actor = if state == SettlementState::DocumentsSent
                    || state == SettlementState::Corrected
                {
                    partner.clone()
                } else {
                    provider.clone()
                };
                let _ = sheet.advance(state, on, moment(on), actor, reason.map(str::to_string));
            }
            sheet
        })
        .collect()
}
