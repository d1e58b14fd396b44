//! Settlement sheets (RULES §Settlement): their amount and clawbacks, the tax preview of the
//! invoice, the payment window and hold, and the moves a person makes — who makes which,
//! on which days.
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::money::calendar::WorkCalendar;
use partner_console::domain::money::invoice_preview::{InvoiceKind, InvoicePreview};
use partner_console::domain::money::settlement::*;
use partner_console::domain::{Cny, Role, YearMonth};

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sheet() -> SettlementSheet {
    SettlementSheet {
        id: "2026-01".into(),
        month: ym("2026-01"),
        lines: vec![
            SettlementLine {
                kind: LineKind::Rebate(ym("2026-01")),
                amount: Cny::parse("100.25").unwrap(),
            },
            SettlementLine {
                kind: LineKind::Clawback {
                    customer_uin: "1".into(),
                    month: ym("2025-12"),
                },
                amount: Cny::parse("-0.25").unwrap(),
            },
        ],
        state: SettlementState::Pending,
        history: Vec::new(),
        received_on: None,
        corrected_on: None,
        paid_on: None,
        invoice: None,
        paid_amount: None,
        contract_on_file: true,
        checked: Vec::new(),
    }
}

#[test]
fn settlement_amount_clawbacks_and_payment_window() {
    let cal = WorkCalendar::mainland();
    let mut s = sheet();
    assert_eq!(s.amount(), Cny::yuan(100));
    assert_eq!(s.clawbacks(), Cny::parse("-0.25").unwrap());
    assert_eq!(s.expected_payment(&cal), None, "not received yet");
    let who = Actor {
        role: Role::ChannelManager,
        name: "m".into(),
    };
    let at = Utc.with_ymd_and_hms(2026, 2, 10, 8, 0, 0).unwrap();
    s.advance(
        SettlementState::DocumentsSent,
        date(2026, 2, 5),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    s.advance(
        SettlementState::Received,
        date(2026, 2, 10),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    let w = s.expected_payment(&cal).unwrap();
    assert_eq!((w.earliest, w.latest), (date(2026, 3, 2), date(2026, 3, 9)));
    assert!(!w.provisional);
    assert!(
        s.advance(
            SettlementState::Abnormal,
            date(2026, 2, 12),
            at,
            who.clone(),
            None
        )
        .is_err(),
        "abnormal needs a reason"
    );
    s.advance(
        SettlementState::Abnormal,
        date(2026, 2, 12),
        at,
        who.clone(),
        Some("金额不一致".into()),
    )
    .unwrap();
    s.advance(
        SettlementState::Corrected,
        date(2026, 12, 28),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    let w = s.expected_payment(&cal).unwrap();
    assert_eq!(w.earliest, w.latest);
    assert!(w.provisional, "crosses into 2027, which has no table");
    assert_eq!(w.missing_year, Some(2027));
    assert!(
        s.advance(
            SettlementState::Paid,
            date(2027, 1, 5),
            at,
            who.clone(),
            None
        )
        .is_err()
    );
    s.advance(
        SettlementState::Verified,
        date(2027, 1, 4),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    s.advance(SettlementState::Paid, date(2027, 1, 5), at, who, None)
        .unwrap();
    assert_eq!(s.expected_payment(&cal), None);
    assert_eq!(s.history.len(), 6);
    assert_eq!(s.paid_on, Some(date(2027, 1, 5)));
}

#[test]
fn tax_preview_on_the_settlement_total() {
    let s = sheet();
    let [special, general] = InvoicePreview::both(s.amount());
    assert_eq!(special.net, Cny::yuan(100));
    assert_eq!(general.kind, InvoiceKind::GeneralVat);
    assert_eq!(general.deduction, Cny::yuan(6));
    assert_eq!(general.net, Cny::yuan(94));
    let small = InvoicePreview::new(InvoiceKind::GeneralVat, Cny::parse("0.25").unwrap());
    assert_eq!(small.deduction, Cny::parse("0.02").unwrap());
    assert_eq!(small.net, Cny::parse("0.23").unwrap());
}

#[test]
fn payment_hold_in_the_guides_three_cases() {
    assert_eq!(payment_hold(false, true), PaymentHold::Normal);
    assert_eq!(payment_hold(true, true), PaymentHold::Arrears);
    assert_eq!(payment_hold(false, false), PaymentHold::ContractMissing);
}

#[test]
fn the_payment_outlook_never_promises_a_window_while_payment_is_held() {
    let cal = WorkCalendar::mainland();
    let who = Actor {
        role: Role::ChannelManager,
        name: String::new(),
    };
    let at = Utc.with_ymd_and_hms(2026, 2, 12, 8, 0, 0).unwrap();
    let mut s = sheet();
    assert_eq!(
        s.outlook(PaymentHold::Normal, &cal),
        PaymentOutlook::AwaitingReceipt
    );
    s.advance(
        SettlementState::DocumentsSent,
        date(2026, 2, 5),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    s.advance(
        SettlementState::Received,
        date(2026, 2, 10),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    let window = s.expected_payment(&cal).unwrap();
    assert_eq!(
        s.outlook(PaymentHold::Normal, &cal),
        PaymentOutlook::Expected(window)
    );
    for hold in [PaymentHold::Arrears, PaymentHold::ContractMissing] {
        assert_eq!(s.outlook(hold, &cal), PaymentOutlook::Held(hold));
    }
    // Each move keeps the day it took effect, apart from when it was recorded.
    s.advance(
        SettlementState::Abnormal,
        date(2026, 2, 11),
        at,
        who.clone(),
        Some("发票金额不符".into()),
    )
    .unwrap();
    let days: Vec<_> = s.history.iter().map(|c| c.on).collect();
    assert_eq!(
        days,
        [
            Some(date(2026, 2, 5)),
            Some(date(2026, 2, 10)),
            Some(date(2026, 2, 11))
        ]
    );
    s.advance(
        SettlementState::Corrected,
        date(2026, 2, 12),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    s.advance(
        SettlementState::Verified,
        date(2026, 2, 13),
        at,
        who.clone(),
        None,
    )
    .unwrap();
    s.advance(SettlementState::Paid, date(2026, 2, 24), at, who, None)
        .unwrap();
    // Paid is paid, whatever holds later.
    assert_eq!(
        s.outlook(PaymentHold::Arrears, &cal),
        PaymentOutlook::Paid(date(2026, 2, 24))
    );
}

fn person(role: Role) -> Actor {
    Actor {
        role,
        name: role.key().into(),
    }
}

fn move_to(to: SettlementState, on: NaiveDate) -> SettlementMove {
    SettlementMove {
        to,
        on,
        reason: None,
        paid: (to == SettlementState::Paid).then(|| Cny::yuan(1)),
    }
}

/// The January sheet, documents sent on 5 February and received on the 10th.
fn received_sheet() -> SettlementSheet {
    let at = Utc.with_ymd_and_hms(2026, 2, 10, 8, 0, 0).unwrap();
    let today = date(2026, 2, 10);
    let mut s = sheet();
    let sent = move_to(SettlementState::DocumentsSent, date(2026, 2, 5));
    s.make_move(today, person(Role::MainAccount), sent, at)
        .unwrap();
    let received = move_to(SettlementState::Received, today);
    s.make_move(today, person(Role::ChannelManager), received, at)
        .unwrap();
    s
}

#[test]
fn the_partner_sends_and_corrects_the_provider_does_the_rest() {
    use SettlementState::*;
    for to in SettlementState::ALL {
        let partners = matches!(to, DocumentsSent | Corrected);
        assert_eq!(to.moved_by(Role::MainAccount), partners, "{to:?}");
        assert_eq!(to.moved_by(Role::ChannelManager), !partners, "{to:?}");
        // A sub-account reads the sheets; a visitor has none.
        assert!(!to.moved_by(Role::SubAccount), "{to:?}");
        assert!(!to.moved_by(Role::Visitor), "{to:?}");
    }
    let at = Utc.with_ymd_and_hms(2026, 2, 10, 8, 0, 0).unwrap();
    let mut s = sheet();
    let sent = move_to(DocumentsSent, date(2026, 2, 5));
    assert_eq!(
        s.make_move(date(2026, 2, 10), person(Role::ChannelManager), sent, at),
        Err(MoveRefused::NotTheirs {
            role: Role::ChannelManager,
            to: "documents-sent"
        })
    );
    assert_eq!(s, sheet(), "a refused move changes nothing");
}

#[test]
fn a_move_is_dated_between_the_sheets_month_and_today() {
    let at = Utc.with_ymd_and_hms(2026, 2, 10, 8, 0, 0).unwrap();
    let today = date(2026, 2, 10);
    let main = || person(Role::MainAccount);
    let sent = |on| move_to(SettlementState::DocumentsSent, on);
    let mut s = sheet();
    assert_eq!(
        s.make_move(today, main(), sent(date(2026, 2, 11)), at),
        Err(MoveRefused::InFuture)
    );
    assert_eq!(
        s.make_move(today, main(), sent(date(2025, 12, 31)), at),
        Err(MoveRefused::BeforeMonth {
            earliest: date(2026, 1, 1)
        })
    );
    assert_eq!(s, sheet(), "refused moves change nothing");
    // Both ends are allowed: the month's first day, and today.
    let mut first = sheet();
    first
        .make_move(today, main(), sent(date(2026, 1, 1)), at)
        .unwrap();
    s.make_move(today, main(), sent(today), at).unwrap();
    assert_eq!(s.state, SettlementState::DocumentsSent);
    assert_eq!(s.history.last().unwrap().on, Some(today));
}

#[test]
fn the_state_machine_still_decides_after_role_and_date() {
    let at = Utc.with_ymd_and_hms(2026, 2, 12, 8, 0, 0).unwrap();
    let today = date(2026, 2, 12);
    let manager = || person(Role::ChannelManager);
    let mut s = received_sheet();
    let before = s.clone();
    // Not a next state of "received".
    assert_eq!(
        s.make_move(today, manager(), move_to(SettlementState::Paid, today), at),
        Err(MoveRefused::Transition(TransitionError::Illegal {
            state: "received",
            event: "paid"
        }))
    );
    // An abnormal sheet needs a reason; blank is none.
    let mut abnormal = move_to(SettlementState::Abnormal, today);
    abnormal.reason = Some("  ".into());
    assert_eq!(
        s.make_move(today, manager(), abnormal.clone(), at),
        Err(MoveRefused::Transition(TransitionError::ReasonRequired))
    );
    assert_eq!(s, before, "refused moves change nothing");
    abnormal.reason = Some("发票金额与结算单不一致".into());
    s.make_move(today, manager(), abnormal, at).unwrap();
    assert_eq!(s.state, SettlementState::Abnormal);
    assert_eq!(
        s.history.last().unwrap().reason.as_deref(),
        Some("发票金额与结算单不一致")
    );
    assert_eq!(s.history.last().unwrap().actor, manager());
}

#[test]
fn the_sheet_list_filters_by_who_acts_next() {
    use partner_console::domain::common::keyed::Keyed;
    use partner_console::domain::money::settlement::{SettlementState as S, SheetFilter};
    let shown = |f: SheetFilter| -> Vec<S> { S::ALL.into_iter().filter(|s| f.shows(*s)).collect() };
    assert_eq!(shown(SheetFilter::All), S::ALL.to_vec());
    // The channel manager's queue: what the home page's "待处理结算资料" counts.
    assert_eq!(
        shown(SheetFilter::ToCheck),
        vec![S::DocumentsSent, S::Received, S::Corrected]
    );
    assert_eq!(
        shown(SheetFilter::PartnersTurn),
        vec![S::Pending, S::Abnormal]
    );
    assert_eq!(shown(SheetFilter::Paid), vec![S::Paid]);
    assert!(!SheetFilter::Unpaid.shows(S::Paid) && SheetFilter::Unpaid.shows(S::Verified));
    // Named in the address by a stable key.
    assert_eq!(
        SheetFilter::from_key("to-check"),
        Some(SheetFilter::ToCheck)
    );
    assert_eq!(SheetFilter::from_key("nonsense"), None);
}
