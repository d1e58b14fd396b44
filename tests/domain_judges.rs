//! Every write the reference server takes is judged here, by the functions the server
//! calls: a sheet, a customer, a certificate, the lifecycle, a profile and a learner —
//! each a single event made by the side the guide gives it to, replayed on the stored
//! record. (Applications: `domain_application_judge.rs`.)
#![cfg(not(target_arch = "wasm32"))]
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::learning::learner::{
    EnabledDomains, JoinMethod, Learner, LearnerState,
};
use partner_console::domain::learning::learner_judge::{JoinFacts, judge_learner};
use partner_console::domain::money::customer::{Customer, UnbindState};
use partner_console::domain::money::customer_judge::judge_customer;
use partner_console::domain::money::invoice_preview::InvoiceKind;
use partner_console::domain::money::settlement::judge::judge_sheet;
use partner_console::domain::money::settlement::{InvoiceRecord, SettlementSheet, SettlementState};
use partner_console::domain::partner::certificate::{CertificateRecord, CertificateState};
use partner_console::domain::partner::certificate_judge::judge_certificate;
use partner_console::domain::partner::lifecycle::{Lifecycle, PartnerState};
use partner_console::domain::partner::lifecycle_judge::judge_lifecycle;
use partner_console::domain::partner::profile::ChangeRecord;
use partner_console::domain::partner::profile_judge::judge_profile;
use partner_console::domain::records::Refusal;
use partner_console::domain::sample::{generate, sample_profile};
use partner_console::domain::{Cny, Permission, Role, YearMonth};

/// 2026-12-07 10:00 in Beijing.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap()
}

fn actor(role: Role) -> Actor {
    Actor {
        role,
        name: format!("{role:?}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A pending sheet of November 2026, as issued.
fn pending_sheet() -> SettlementSheet {
    let data = generate(200, YearMonth::new(2026, 11).unwrap(), 7);
    let mut sheet = data.settlements.last().unwrap().clone();
    sheet.state = SettlementState::Pending;
    sheet.history.clear();
    sheet.received_on = None;
    sheet.corrected_on = None;
    sheet.paid_on = None;
    sheet.paid_amount = None;
    sheet.invoice = None;
    sheet.checked.clear();
    sheet
}

/// What a client sends to move a sheet: the stored sheet moved by its own clock.
fn moved(
    sheet: &SettlementSheet,
    to: SettlementState,
    role: Role,
    on: NaiveDate,
) -> SettlementSheet {
    let mut next = sheet.clone();
    next.advance(to, on, Utc::now(), actor(role), Some("原因".into()))
        .unwrap();
    next
}

#[test]
fn a_sheet_is_issued_by_the_provider_only_and_blank() {
    let sheet = pending_sheet();
    assert_eq!(
        judge_sheet(None, &sheet, &sheet.id, actor(Role::MainAccount), now()),
        Err(Refusal::Role(Permission::Review))
    );
    let (issued, event) =
        judge_sheet(None, &sheet, "2026-11", actor(Role::ChannelManager), now()).unwrap();
    assert_eq!((issued.id.as_str(), event), ("2026-11", "issue"));
    let mut paid = sheet.clone();
    paid.paid_amount = Some(sheet.amount());
    assert_eq!(
        judge_sheet(None, &paid, "2026-11", actor(Role::ChannelManager), now()),
        Err(Refusal::field("state", "new-sheet-is-blank"))
    );
}

#[test]
fn each_side_makes_only_its_own_moves_dated_no_later_than_today() {
    let sheet = pending_sheet();
    let sent = moved(
        &sheet,
        SettlementState::DocumentsSent,
        Role::MainAccount,
        day(2026, 12, 1),
    );
    let (stored, event) = judge_sheet(
        Some(&sheet),
        &sent,
        &sheet.id,
        actor(Role::MainAccount),
        now(),
    )
    .unwrap();
    assert_eq!(event, "documents-sent");
    assert_eq!(stored.history[0].at, now(), "the judge's clock");
    // The partner cannot mark its own documents received.
    let received = moved(
        &stored,
        SettlementState::Received,
        Role::ChannelManager,
        day(2026, 12, 2),
    );
    assert_eq!(
        judge_sheet(
            Some(&stored),
            &received,
            &sheet.id,
            actor(Role::MainAccount),
            now()
        ),
        Err(Refusal::Role(Permission::Review))
    );
    // The provider can, but not tomorrow.
    let tomorrow = moved(
        &stored,
        SettlementState::Received,
        Role::ChannelManager,
        day(2026, 12, 8),
    );
    assert_eq!(
        judge_sheet(
            Some(&stored),
            &tomorrow,
            &sheet.id,
            actor(Role::ChannelManager),
            now()
        ),
        Err(Refusal::field("history.on", "in-future"))
    );
    let (received, _) = judge_sheet(
        Some(&stored),
        &received,
        &sheet.id,
        actor(Role::ChannelManager),
        now(),
    )
    .unwrap();
    assert_eq!(received.received_on, Some(day(2026, 12, 2)));
    // Skipping verification to paid is not a move the machine has.
    let mut paid = received.clone();
    paid.state = SettlementState::Paid;
    let mut entry = moved(
        &received,
        SettlementState::Verified,
        Role::ChannelManager,
        day(2026, 12, 3),
    )
    .history
    .pop()
    .unwrap();
    entry.to = SettlementState::Paid;
    paid.history.push(entry);
    paid.paid_amount = Some(received.amount());
    assert_eq!(
        judge_sheet(
            Some(&received),
            &paid,
            &sheet.id,
            actor(Role::ChannelManager),
            now()
        ),
        Err(Refusal::State(TransitionError::Illegal {
            state: "received",
            event: "paid"
        }))
    );
}

#[test]
fn the_invoice_must_be_the_sheets_amount_and_lines_never_change() {
    let sheet = pending_sheet();
    let mut with_invoice = sheet.clone();
    with_invoice.invoice = Some(InvoiceRecord {
        number: "12345678".into(),
        date: day(2026, 12, 1),
        kind: InvoiceKind::SpecialVat,
        amount: sheet.amount() + Cny::from_fen(1),
    });
    assert_eq!(
        judge_sheet(
            Some(&sheet),
            &with_invoice,
            &sheet.id,
            actor(Role::MainAccount),
            now()
        ),
        Err(Refusal::field("invoice.amount", "differs-from-sheet"))
    );
    with_invoice.invoice.as_mut().unwrap().amount = sheet.amount();
    let (stored, event) = judge_sheet(
        Some(&sheet),
        &with_invoice,
        &sheet.id,
        actor(Role::MainAccount),
        now(),
    )
    .unwrap();
    assert_eq!(event, "invoice");
    assert!(stored.invoice.is_some());
    // An employee's account records no invoice.
    assert_eq!(
        judge_sheet(
            Some(&sheet),
            &with_invoice,
            &sheet.id,
            actor(Role::SubAccount),
            now()
        ),
        Err(Refusal::Role(Permission::EditCompanyData))
    );
    let mut bigger = sheet.clone();
    bigger.lines[0].amount += Cny::yuan(1000);
    assert_eq!(
        judge_sheet(
            Some(&sheet),
            &bigger,
            &sheet.id,
            actor(Role::ChannelManager),
            now()
        ),
        Err(Refusal::field("lines", "must-not-change"))
    );
}

fn customer(unbind: UnbindState) -> Customer {
    Customer {
        uin: "200000000001".into(),
        name: "示例客户".into(),
        associated_since: day(2025, 3, 1),
        arrears: Cny::yuan(120),
        special_rebates: false,
        unbind,
    }
}

#[test]
fn a_partner_moves_only_the_unbinding_and_never_its_customers_arrears() {
    let stored = customer(UnbindState::NotRequested);
    let mut zeroed = stored.clone();
    zeroed.arrears = Cny::ZERO;
    assert_eq!(
        judge_customer(Some(&stored), &zeroed, &stored.uin, Role::MainAccount),
        Err(Refusal::Role(Permission::Review))
    );
    assert_eq!(
        judge_customer(None, &stored, &stored.uin, Role::MainAccount),
        Err(Refusal::Role(Permission::Review))
    );
    let requested = customer(UnbindState::Requested);
    let (next, event) =
        judge_customer(Some(&stored), &requested, &stored.uin, Role::MainAccount).unwrap();
    assert_eq!((next.unbind, event), (UnbindState::Requested, "requested"));
    // Unbound is the provider's to record; and never back.
    let unbound = customer(UnbindState::Unbound);
    assert_eq!(
        judge_customer(Some(&requested), &unbound, &stored.uin, Role::MainAccount),
        Err(Refusal::Role(Permission::Review))
    );
    assert!(
        judge_customer(
            Some(&requested),
            &unbound,
            &stored.uin,
            Role::ChannelManager
        )
        .is_ok()
    );
    assert_eq!(
        judge_customer(Some(&unbound), &stored, &stored.uin, Role::ChannelManager),
        Err(Refusal::State(TransitionError::Illegal {
            state: "unbound",
            event: "not-requested"
        }))
    );
}

#[test]
fn a_certificate_names_the_stored_profile_not_the_body() {
    let profile = sample_profile();
    let requested =
        CertificateRecord::request(None, day(2026, 12, 7), Utc::now(), actor(Role::MainAccount))
            .unwrap();
    let (stored, event) = judge_certificate(
        None,
        &requested,
        Some(&profile),
        actor(Role::MainAccount),
        now(),
    )
    .unwrap();
    assert_eq!(event, "request");
    // The partner cannot approve its own certificate.
    let mut approved = stored.clone();
    let mut forged = profile.clone();
    forged.company_name = "别的公司".into();
    approved
        .approve(
            partner_console::domain::partner::certificate::CertificateHolder::of(&forged),
            day(2026, 12, 7),
            Utc::now(),
            actor(Role::ChannelManager),
        )
        .unwrap();
    assert_eq!(
        judge_certificate(
            Some(&stored),
            &approved,
            Some(&profile),
            actor(Role::MainAccount),
            now()
        ),
        Err(Refusal::Role(Permission::Review))
    );
    let (decided, _) = judge_certificate(
        Some(&stored),
        &approved,
        Some(&profile),
        actor(Role::ChannelManager),
        now(),
    )
    .unwrap();
    assert_eq!(
        decided.holder.unwrap().name,
        profile.company_name,
        "from the stored profile"
    );
    assert!(matches!(decided.state, CertificateState::Approved { .. }));
}

#[test]
fn termination_is_requested_only_when_the_stored_customers_allow_it() {
    let mut sent = Lifecycle::default();
    sent.apply(
        partner_console::domain::partner::lifecycle::PartnerEvent::RequestTermination(
            partner_console::domain::partner::lifecycle::TerminationPreconditions {
                arrears: Cny::ZERO,
                customers_remaining: 0,
            },
        ),
        Utc::now(),
        actor(Role::MainAccount),
        None,
    )
    .unwrap();
    // The body claims no arrears; the stored customers owe ¥120.
    let owing = [customer(UnbindState::ProviderHelpNeeded)];
    assert_eq!(
        judge_lifecycle(None, &sent, &owing, actor(Role::MainAccount), now()),
        Err(Refusal::field(
            "customers.arrears",
            "termination-needs-no-arrears"
        ))
    );
    let mut settled = customer(UnbindState::Requested);
    settled.arrears = Cny::ZERO;
    assert_eq!(
        judge_lifecycle(
            None,
            &sent,
            &[settled.clone()],
            actor(Role::MainAccount),
            now()
        ),
        Err(Refusal::field(
            "customers.unbind",
            "termination-needs-customers-unbound"
        ))
    );
    settled.unbind = UnbindState::Unbound;
    let (next, event) =
        judge_lifecycle(None, &sent, &[settled], actor(Role::MainAccount), now()).unwrap();
    assert_eq!(
        (next.state, event),
        (PartnerState::TerminationRequested, "termination-requested")
    );
}

#[test]
fn a_profile_keeps_its_uscc_and_the_judge_writes_its_history() {
    let stored = sample_profile();
    let mut other = stored.clone();
    other.uscc = "91440300708461136T".into();
    assert_eq!(
        judge_profile(Some(&stored), &other, actor(Role::MainAccount), now()),
        Err(Refusal::field("uscc", "new-legal-entity"))
    );
    assert_eq!(
        judge_profile(None, &stored, actor(Role::MainAccount), now()),
        Err(Refusal::field("profile", "made-by-admission"))
    );
    let mut moved_office = stored.clone();
    moved_office.contact_and_bank.mailing_address = "  浙江省杭州市滨江区 1 号 ".into();
    let (next, lines): (_, Vec<ChangeRecord>) = judge_profile(
        Some(&stored),
        &moved_office,
        actor(Role::MainAccount),
        now(),
    )
    .unwrap();
    assert_eq!(
        next.contact_and_bank.mailing_address,
        "浙江省杭州市滨江区 1 号"
    );
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].at, lines[0].by.role), (now(), Role::MainAccount));
    assert_eq!(
        judge_profile(Some(&stored), &moved_office, actor(Role::SubAccount), now()),
        Err(Refusal::Role(Permission::EditCompanyData))
    );
}

#[test]
fn a_learner_joins_by_email_only_once_confirmed_and_on_an_enabled_domain() {
    let domains = EnabledDomains(vec!["example.com".into()]);
    let email = partner_console::domain::common::contact::Email::parse("li@example.com").unwrap();
    let learner = Learner::by_email(&email, Utc::now());
    let unconfirmed = JoinFacts {
        email_confirmed: false,
        domains: &domains,
        requester: "100012340000",
    };
    let confirmed = JoinFacts {
        email_confirmed: true,
        domains: &domains,
        requester: "100012340000",
    };
    assert_eq!(
        judge_learner(
            None,
            &learner,
            &learner.id,
            &unconfirmed,
            Role::SubAccount,
            now()
        ),
        Err(Refusal::field("email", "not-confirmed"))
    );
    let (joined, event) = judge_learner(
        None,
        &learner,
        &learner.id,
        &confirmed,
        Role::SubAccount,
        now(),
    )
    .unwrap();
    assert_eq!(
        (joined.state.clone(), event),
        (LearnerState::Active, "join")
    );
    let none = EnabledDomains::default();
    let elsewhere = JoinFacts {
        email_confirmed: true,
        domains: &none,
        requester: "100012340000",
    };
    assert_eq!(
        judge_learner(
            None,
            &learner,
            &learner.id,
            &elsewhere,
            Role::SubAccount,
            now()
        ),
        Err(Refusal::field("email", "domain-not-enabled"))
    );
    // An account application waits for the admin, who alone decides.
    let mut by_account = learner.clone();
    by_account.method = JoinMethod::AccountApplication;
    by_account.id = "100012340000".into();
    by_account.account_id = "100012340000".into();
    by_account.mobile = "13800138000".into();
    by_account.state = LearnerState::Active;
    let (pending, _) = judge_learner(
        None,
        &by_account,
        "100012340000",
        &unconfirmed,
        Role::SubAccount,
        now(),
    )
    .unwrap();
    assert_eq!(
        pending.state,
        LearnerState::Pending,
        "not what the body said"
    );
    // Not in a colleague's name.
    let colleague = JoinFacts {
        email_confirmed: false,
        domains: &domains,
        requester: "100012349999",
    };
    assert_eq!(
        judge_learner(
            None,
            &by_account,
            "100012340000",
            &colleague,
            Role::SubAccount,
            now()
        ),
        Err(Refusal::field("account_id", "must-be-your-own"))
    );
    let mut approved = pending.clone();
    approved.state = LearnerState::Active;
    assert_eq!(
        judge_learner(
            Some(&pending),
            &approved,
            &pending.id,
            &unconfirmed,
            Role::SubAccount,
            now()
        ),
        Err(Refusal::Role(Permission::ManageLearners))
    );
    assert!(
        judge_learner(
            Some(&pending),
            &approved,
            &pending.id,
            &unconfirmed,
            Role::MainAccount,
            now()
        )
        .is_ok()
    );
}
