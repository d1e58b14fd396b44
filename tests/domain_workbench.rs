//! The workbench's rules: every to-do and every reconciliation difference, with expected
//! values worked out by hand (not by the code under test).

use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::transition::Actor;
use partner_console::domain::learning::learner::{JoinMethod, Learner, LearnerState};
use partner_console::domain::money::calendar::WorkCalendar;
use partner_console::domain::money::customer::{Customer, UnbindState};
use partner_console::domain::money::invoice_preview::InvoiceKind;
use partner_console::domain::money::settlement::*;
use partner_console::domain::money::statement::{PaymentMode, StatementBasis, StatementRow};
use partner_console::domain::money::statement_table::StatementTable;
use partner_console::domain::money::statement_view::{RebateOnBothBases, rebate_by_month};
use partner_console::domain::onboarding::application::{Application, ApplicationState, WizardStep};
use partner_console::domain::onboarding::application_form::FormField;
use partner_console::domain::partner::certificate::{CertificateRecord, CertificateState};
use partner_console::domain::partner::lifecycle::{PartnerState, Partnership};
use partner_console::domain::partner::profile::ChangeRecord;
use partner_console::domain::workbench::month_status::*;
use partner_console::domain::workbench::reconciliation::*;
use partner_console::domain::workbench::summary::{ApplicationSummary, LearnerSummary};
use partner_console::domain::workbench::todo::*;
use partner_console::domain::workbench::todos::*;
use partner_console::domain::{Cny, Role, YearMonth};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn yuan(s: &str) -> Cny {
    Cny::parse(s).unwrap()
}

fn sheet(month: &str, lines: &[(&str, Option<&str>)], state: SettlementState) -> SettlementSheet {
    SettlementSheet {
        id: month.into(),
        month: ym(month),
        lines: lines
            .iter()
            .map(|(amount, clawback_of)| SettlementLine {
                kind: match clawback_of {
                    None => LineKind::Rebate(ym(month)),
                    Some(uin) => LineKind::Clawback {
                        customer_uin: (*uin).into(),
                        month: ym(month).prev(),
                    },
                },
                amount: yuan(amount),
            })
            .collect(),
        state,
        history: Vec::new(),
        received_on: None,
        corrected_on: None,
        paid_on: None,
        contract_on_file: true,
        checked: Vec::new(),
        invoice: None,
        paid_amount: None,
    }
}

fn customer(uin: &str, arrears: &str, unbind: UnbindState) -> Customer {
    Customer {
        uin: uin.into(),
        name: format!("客户{uin}"),
        associated_since: date(2024, 1, 1),
        arrears: yuan(arrears),
        special_rebates: false,
        unbind,
    }
}

fn learner(id: &str, state: LearnerState) -> Learner {
    Learner {
        id: id.into(),
        method: JoinMethod::AccountApplication,
        state,
        name: id.into(),
        mobile: "13800000000".into(),
        email: String::new(),
        account_id: id.into(),
        requested_at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
        records: Vec::new(),
    }
}

fn certificate(state: CertificateState) -> CertificateRecord {
    CertificateRecord {
        state,
        requested_on: date(2026, 2, 20),
        holder: None,
        issued_before: 0,
        history: Vec::new(),
    }
}

fn issued_on(issued: NaiveDate) -> CertificateRecord {
    certificate(CertificateState::Approved {
        number: "PC-2026-000001".into(),
        issued,
    })
}

fn application(state: ApplicationState) -> Application {
    let mut app = Application {
        id: "app-1".into(),
        step: WizardStep::BasicInformation,
        ..Application::default()
    };
    app.status.state = state;
    if state == ApplicationState::Rejected {
        app.status.rejection = Some(("营业执照不清晰".into(), WizardStep::EnterpriseVerification));
    }
    app
}

/// Everything quiet: an approved partner with a certificate valid for months.
struct World {
    role: Role,
    today: NaiveDate,
    application: Option<Application>,
    applications: Vec<Application>,
    certificate: Option<CertificateRecord>,
    sheets: Vec<SettlementSheet>,
    customers: Vec<Customer>,
    learners: Vec<Learner>,
    partnership: Partnership,
    /// Statement rows (`None`: the statement totals are not known).
    statements: Option<StatementTable>,
    calendar: WorkCalendar,
}

impl World {
    fn quiet(role: Role) -> World {
        World {
            role,
            today: date(2026, 6, 1),
            application: Some(application(ApplicationState::Approved)),
            applications: vec![application(ApplicationState::Approved)],
            certificate: Some(issued_on(date(2026, 3, 1))),
            sheets: Vec::new(),
            customers: vec![customer("100001", "0", UnbindState::NotRequested)],
            learners: vec![learner("a", LearnerState::Active)],
            partnership: Partnership::Partner(PartnerState::Active),
            statements: None,
            calendar: WorkCalendar::mainland(),
        }
    }

    fn todos(&self) -> Vec<Todo> {
        // What the workbench reads of them: their standing (see `summary.rs`).
        let application = self.application.as_ref().map(ApplicationSummary::from);
        let applications: Vec<ApplicationSummary> = self
            .applications
            .iter()
            .map(ApplicationSummary::from)
            .collect();
        let learners: Vec<LearnerSummary> =
            self.learners.iter().map(LearnerSummary::from).collect();
        let rebates = self.statements.as_ref().map(rebate_by_month);
        todos(&Facts {
            role: self.role,
            today: self.today,
            application: application.as_ref(),
            applications: &applications,
            certificate: self.certificate.as_ref(),
            sheets: &self.sheets,
            customers: &self.customers,
            learners: &learners,
            partnership: self.partnership,
            rebates: rebates.as_deref(),
            basis: StatementBasis::BillingPeriod,
            calendar: &self.calendar,
        })
    }
}

#[test]
fn a_quiet_partner_has_nothing_to_do() {
    for role in Role::ALL {
        assert_eq!(World::quiet(role).todos(), Vec::new(), "{role:?}");
    }
}

#[test]
fn a_returned_application_and_a_draft() {
    let mut w = World::quiet(Role::MainAccount);
    w.application = Some(application(ApplicationState::Rejected));
    assert_eq!(
        w.todos(),
        vec![Todo::ApplicationReturned {
            id: "app-1".into(),
            step: WizardStep::EnterpriseVerification,
            reason: "营业执照不清晰".into(),
        }]
    );
    w.application = Some(application(ApplicationState::Draft));
    assert_eq!(
        w.todos(),
        vec![Todo::ApplicationDraft {
            id: "app-1".into(),
            step: WizardStep::BasicInformation,
        }]
    );
    // Submitted: the applicant waits, nothing to do.
    w.application = Some(application(ApplicationState::Submitted));
    assert_eq!(w.todos(), Vec::new());
}

#[test]
fn certificate_missing_rejected_expired_and_expiring_within_30_days() {
    let mut w = World::quiet(Role::MainAccount);
    w.certificate = None;
    assert_eq!(w.todos(), vec![Todo::CertificateMissing { rejected: None }]);
    w.certificate = Some(certificate(CertificateState::Rejected {
        reason: "公司名称不符".into(),
    }));
    assert_eq!(
        w.todos(),
        vec![Todo::CertificateMissing {
            rejected: Some("公司名称不符".into())
        }]
    );
    // Requested: the manager's turn.
    w.certificate = Some(certificate(CertificateState::Requested));
    assert_eq!(w.todos(), Vec::new());
    // Issued 2026-03-01, valid through 2026-12-31: 30 days before is 1 December.
    w.certificate = Some(issued_on(date(2026, 3, 1)));
    w.today = date(2026, 11, 30);
    assert_eq!(w.todos(), Vec::new());
    w.today = date(2026, 12, 1);
    let until = date(2026, 12, 31);
    assert_eq!(w.todos(), vec![Todo::CertificateExpiring { until }]);
    w.today = date(2027, 1, 1);
    assert_eq!(w.todos(), vec![Todo::CertificateExpired { until }]);
    assert_eq!(w.todos()[0].due(), Some(until));
    // A deregistered partner needs no certificate.
    w.partnership = Partnership::Partner(PartnerState::Deregistered);
    assert_eq!(w.todos(), Vec::new());
    // Nor does a company that is not a partner (yet): it could not request one.
    w.partnership = Partnership::NotPartner;
    w.certificate = None;
    assert_eq!(w.todos(), Vec::new());
}

#[test]
fn sheets_waiting_for_the_partner_and_disappearing_once_sent() {
    let mut w = World::quiet(Role::MainAccount);
    let mut abnormal = sheet("2026-03", &[("88.00", None)], SettlementState::Abnormal);
    abnormal
        .history
        .push(partner_console::domain::common::transition::StateChange {
            from: Some(SettlementState::Received),
            to: SettlementState::Abnormal,
            at: Utc.with_ymd_and_hms(2026, 4, 16, 9, 0, 0).unwrap(),
            actor: Actor {
                role: Role::ChannelManager,
                name: "m".into(),
            },
            reason: Some("发票金额与结算单不一致".into()),
            on: Some(date(2026, 4, 16)),
        });
    w.sheets = vec![
        sheet(
            "2026-04",
            &[("120.50", None), ("-20.25", Some("9"))],
            SettlementState::Pending,
        ),
        abnormal,
    ];
    // Oldest month first.
    assert_eq!(
        w.todos(),
        vec![
            Todo::SheetAwaitsCorrection {
                id: "2026-03".into(),
                month: ym("2026-03"),
                reason: "发票金额与结算单不一致".into(),
            },
            Todo::SheetAwaitsDocuments {
                id: "2026-04".into(),
                month: ym("2026-04"),
                amount: yuan("100.25"),
            },
        ]
    );
    // The partner sends April's documents: that to-do is gone, the other stays.
    let at = Utc.with_ymd_and_hms(2026, 5, 10, 9, 0, 0).unwrap();
    let main = Actor {
        role: Role::MainAccount,
        name: "main".into(),
    };
    w.sheets[0]
        .advance(
            SettlementState::DocumentsSent,
            date(2026, 5, 10),
            at,
            main,
            None,
        )
        .unwrap();
    assert_eq!(w.todos().len(), 1);
    assert_eq!(w.todos()[0].key(), "sheet-correction-2026-03");
    // The manager now has April's documents to receive.
    w.role = Role::ChannelManager;
    assert_eq!(
        w.todos(),
        vec![Todo::SheetsToCheck {
            to_receive: 1,
            to_verify: 0
        }]
    );
}

#[test]
fn a_payment_past_its_window_is_overdue_the_day_after_its_last_day() {
    // Received Monday 2 March 2026 (no holiday until Qingming): 10 working days later is
    // 16 March, 15 is 23 March.
    let mut w = World::quiet(Role::SubAccount);
    let mut s = sheet("2026-02", &[("500.00", None)], SettlementState::Received);
    s.received_on = Some(date(2026, 3, 2));
    w.sheets = vec![s];
    w.today = date(2026, 3, 23);
    assert_eq!(w.todos(), Vec::new());
    w.today = date(2026, 3, 24);
    let todos = w.todos();
    let [Todo::PaymentOverdue { id, window, .. }] = todos.as_slice() else {
        panic!("{todos:?}");
    };
    assert_eq!(id, "2026-02");
    assert_eq!(
        (window.earliest, window.latest),
        (date(2026, 3, 16), date(2026, 3, 23))
    );
    // Paid: nothing overdue.
    w.sheets[0].state = SettlementState::Paid;
    assert_eq!(w.todos(), Vec::new());
}

#[test]
fn arrears_hold_payment_and_the_to_do_names_the_customers() {
    let mut w = World::quiet(Role::MainAccount);
    w.customers = vec![
        customer("100001", "12.00", UnbindState::NotRequested),
        customer("100002", "0", UnbindState::NotRequested),
        customer("100003", "300.50", UnbindState::NotRequested),
        // Unbound: its old arrears no longer hold this partner's payment.
        customer("100004", "999.00", UnbindState::Unbound),
    ];
    let mut overdue = sheet("2026-02", &[("500.00", None)], SettlementState::Received);
    overdue.received_on = Some(date(2026, 3, 2));
    w.sheets = vec![
        sheet("2026-01", &[("10.00", None)], SettlementState::Paid),
        overdue,
        sheet(
            "2026-03",
            &[("10.00", None)],
            SettlementState::DocumentsSent,
        ),
    ];
    w.today = date(2026, 5, 1);
    assert_eq!(
        w.todos(),
        vec![Todo::PaymentHeld {
            months: vec![ym("2026-02"), ym("2026-03")],
            debtors: vec![
                Debtor {
                    uin: "100003".into(),
                    name: "客户100003".into(),
                    arrears: yuan("300.50"),
                },
                Debtor {
                    uin: "100001".into(),
                    name: "客户100001".into(),
                    arrears: yuan("12.00"),
                },
            ],
        }]
    );
    // Arrears paid: the hold is gone and the February payment shows as overdue.
    for c in &mut w.customers {
        if c.is_associated() {
            c.arrears = Cny::ZERO;
        }
    }
    assert_eq!(
        w.todos().iter().map(Todo::key).collect::<Vec<_>>(),
        vec!["payment-overdue-2026-02"]
    );
}

#[test]
fn learners_unbinding_and_open_termination_preconditions() {
    let mut w = World::quiet(Role::MainAccount);
    w.learners = vec![
        learner("a", LearnerState::Active),
        learner("b", LearnerState::Pending),
        learner("c", LearnerState::Pending),
        learner("d", LearnerState::Rejected { reason: "x".into() }),
    ];
    assert_eq!(w.todos(), vec![Todo::LearnerRequests { count: 2 }]);
    w.learners.clear();
    w.customers = vec![
        customer("1", "0", UnbindState::Requested),
        customer("2", "45.60", UnbindState::ProviderHelpNeeded),
        customer("3", "0", UnbindState::Unbound),
    ];
    // Unbinding has begun: the termination's preconditions show what is still open.
    // Customer 2's arrears also hold payment, but no sheet is unpaid.
    assert_eq!(
        w.todos(),
        vec![
            Todo::UnbindRequests {
                requested: 1,
                provider_help: 1
            },
            Todo::TerminationOpen {
                arrears: yuan("45.60"),
                customers: 2
            },
        ]
    );
    // The manager is asked to help with customer 2.
    w.role = Role::ChannelManager;
    assert_eq!(w.todos(), vec![Todo::UnbindHelpToGive { count: 1 }]);
    // A sub-account changes no company data: none of these are its to-dos.
    w.role = Role::SubAccount;
    assert_eq!(w.todos(), Vec::new());
}

#[test]
fn the_channel_managers_queues() {
    let mut w = World::quiet(Role::ChannelManager);
    w.applications = vec![
        application(ApplicationState::Submitted),
        application(ApplicationState::Submitted),
        application(ApplicationState::Draft),
        application(ApplicationState::Rejected),
    ];
    w.certificate = Some(certificate(CertificateState::Requested));
    w.sheets = vec![
        sheet("2026-01", &[("1.00", None)], SettlementState::DocumentsSent),
        sheet("2026-02", &[("1.00", None)], SettlementState::Received),
        sheet("2026-03", &[("1.00", None)], SettlementState::Corrected),
        sheet("2026-04", &[("1.00", None)], SettlementState::Pending),
    ];
    w.partnership = Partnership::Partner(PartnerState::TerminationRequested);
    assert_eq!(
        w.todos(),
        vec![
            Todo::ApplicationsToReview { count: 2 },
            Todo::CertificateToReview {
                requested_on: date(2026, 2, 20)
            },
            Todo::SheetsToCheck {
                to_receive: 1,
                to_verify: 2
            },
            Todo::TerminationToSettle {
                state: PartnerState::TerminationRequested
            },
        ]
    );
    // The home page's queue figures are read off the same to-dos.
    assert_eq!(
        Queues::of(&w.todos()),
        Queues {
            applications: 2,
            certificates: 1,
            sheets: 3
        }
    );
    assert_eq!(Queues::of(&[]), Queues::default());
    // A visitor has no partner data and no to-dos.
    w.role = Role::Visitor;
    assert_eq!(w.todos(), Vec::new());
}

// ---- the invoice a partner records ----

fn invoice(number: &str, day: NaiveDate, kind: InvoiceKind, amount: &str) -> InvoiceRecord {
    InvoiceRecord {
        number: number.into(),
        date: day,
        kind,
        amount: yuan(amount),
    }
}

#[test]
fn an_invoice_must_carry_the_sheet_amount_to_the_fen() {
    let today = date(2026, 5, 12);
    let mut s = sheet(
        "2026-04",
        &[("120.50", None), ("-20.25", Some("9"))],
        SettlementState::Pending,
    );
    let before = s.clone();
    let wrong = invoice(
        "12345678",
        date(2026, 5, 10),
        InvoiceKind::SpecialVat,
        "120.50",
    );
    assert_eq!(
        s.record_invoice(wrong, today),
        Err(vec![InvoiceProblem::AmountDiffers {
            sheet: yuan("100.25")
        }])
    );
    assert_eq!(s, before, "a refused invoice changes nothing");
    // Every field's problem at once, each naming its field.
    let bad = invoice(
        "1234-678",
        date(2026, 3, 31),
        InvoiceKind::SpecialVat,
        "100.24",
    );
    let problems = s.record_invoice(bad, today).unwrap_err();
    assert_eq!(
        problems,
        vec![
            InvoiceProblem::NumberFormat,
            InvoiceProblem::DateBeforeMonth {
                earliest: date(2026, 4, 1)
            },
            InvoiceProblem::AmountDiffers {
                sheet: yuan("100.25")
            },
        ]
    );
    assert_eq!(
        problems
            .iter()
            .map(InvoiceProblem::field)
            .collect::<Vec<_>>(),
        vec![
            Some(InvoiceField::Number),
            Some(InvoiceField::Date),
            Some(InvoiceField::Amount)
        ]
    );
    let future = invoice(
        "12345678901234567890",
        date(2026, 5, 13),
        InvoiceKind::GeneralVat,
        "100.25",
    );
    assert_eq!(
        s.record_invoice(future, today),
        Err(vec![InvoiceProblem::DateInFuture])
    );
    // Right: recorded; a general invoice's net is the amount less 6 % (6.015 → 6.02).
    let right = invoice(
        " 12345678901234567890 ",
        today,
        InvoiceKind::GeneralVat,
        "100.25",
    );
    s.record_invoice(right, today).unwrap();
    assert_eq!(s.invoice.as_ref().unwrap().number, "12345678901234567890");
    assert_eq!(s.expected_net(), Some(yuan("94.23")));
    // Once verified the paperwork is closed.
    s.state = SettlementState::Verified;
    let again = invoice("87654321", today, InvoiceKind::SpecialVat, "100.25");
    assert_eq!(
        s.record_invoice(again, today),
        Err(vec![InvoiceProblem::Locked {
            state: SettlementState::Verified
        }])
    );
}

#[test]
fn the_move_to_paid_records_the_amount_paid() {
    let at = Utc.with_ymd_and_hms(2026, 5, 28, 9, 0, 0).unwrap();
    let today = date(2026, 5, 28);
    let manager = Actor {
        role: Role::ChannelManager,
        name: "m".into(),
    };
    let mut s = sheet("2026-04", &[("100.00", None)], SettlementState::Verified);
    let mut mv = SettlementMove {
        to: SettlementState::Paid,
        on: today,
        reason: None,
        paid: None,
    };
    let before = s.clone();
    assert_eq!(
        s.make_move(today, manager.clone(), mv.clone(), at),
        Err(MoveRefused::PaidAmountRequired)
    );
    assert_eq!(s, before);
    mv.paid = Some(yuan("94.00"));
    s.make_move(today, manager, mv, at).unwrap();
    assert_eq!(
        (s.state, s.paid_on, s.paid_amount),
        (SettlementState::Paid, Some(today), Some(yuan("94.00")))
    );
}

#[test]
fn sheets_stored_before_invoices_were_recorded_still_read() {
    let mut json = serde_json::to_value(sheet(
        "2026-01",
        &[("1.00", None)],
        SettlementState::Pending,
    ))
    .unwrap();
    let object = json.as_object_mut().unwrap();
    object.remove("invoice");
    object.remove("paid_amount");
    let read: SettlementSheet = serde_json::from_value(json).unwrap();
    assert_eq!((read.invoice, read.paid_amount), (None, None));
}

// ---- reconciliation ----

fn row(month: &str, uin: &str, mode: PaymentMode, rebate: &str) -> StatementRow {
    StatementRow {
        month: ym(month),
        customer_uin: uin.into(),
        customer_name: format!("客户{uin}").into(),
        product: "云服务器".into(),
        sub_product: "标准型".into(),
        payment_mode: mode,
        consumption: yuan("1000.00"),
        ratio: "0.1".parse().unwrap(),
        rebate: yuan(rebate),
        special: false,
    }
}

/// January: 100.00 prepaid and 50.00 postpaid (deducted in February); February: 30.00
/// prepaid; April: 7.77 prepaid. Billing basis: Jan 150.00, Feb 30.00, Apr 7.77; deduction
/// basis: Jan 100.00, Feb 80.00, Apr 7.77.
fn table() -> StatementTable {
    StatementTable::from_rows(&[
        row("2026-01", "1", PaymentMode::Prepaid, "100.00"),
        row("2026-01", "2", PaymentMode::Postpaid, "50.00"),
        row("2026-02", "1", PaymentMode::Prepaid, "30.00"),
        row("2026-04", "1", PaymentMode::Prepaid, "7.77"),
    ])
    .unwrap()
}

fn paid(
    mut s: SettlementSheet,
    received: NaiveDate,
    paid_on: NaiveDate,
    amount: &str,
) -> SettlementSheet {
    s.state = SettlementState::Paid;
    s.received_on = Some(received);
    s.paid_on = Some(paid_on);
    s.paid_amount = Some(yuan(amount));
    s
}

fn with_invoice(mut s: SettlementSheet, kind: InvoiceKind, amount: &str) -> SettlementSheet {
    s.invoice = Some(invoice(
        "12345678",
        s.month.next().first_day(),
        kind,
        amount,
    ));
    s
}

struct Books {
    table: StatementTable,
    sheets: Vec<SettlementSheet>,
    history: Vec<ChangeRecord>,
    today: NaiveDate,
    calendar: WorkCalendar,
}

impl Books {
    /// Every month settled right: January on a special invoice, February (with a 10.00
    /// clawback) on a general one, paid on time; April on its way; March had no rebate.
    fn agreeing() -> Books {
        let jan = with_invoice(
            sheet("2026-01", &[("150.00", None)], SettlementState::Pending),
            InvoiceKind::SpecialVat,
            "150.00",
        );
        let feb = with_invoice(
            sheet(
                "2026-02",
                &[("30.00", None), ("-10.00", Some("2"))],
                SettlementState::Pending,
            ),
            InvoiceKind::GeneralVat,
            "20.00",
        );
        Books {
            table: table(),
            sheets: vec![
                // Received 2 March: due 16–23 March.
                paid(jan, date(2026, 2, 2), date(2026, 2, 13), "150.00"),
                // 20.00 less 6 % = 18.80.
                paid(feb, date(2026, 3, 2), date(2026, 3, 23), "18.80"),
                with_invoice(
                    sheet("2026-04", &[("7.77", None)], SettlementState::DocumentsSent),
                    InvoiceKind::SpecialVat,
                    "7.77",
                ),
            ],
            history: Vec::new(),
            today: date(2026, 5, 20),
            calendar: WorkCalendar::mainland(),
        }
    }

    fn reconcile(&self) -> Reconciliation {
        reconcile(&Ledger {
            rebates: Some(&rebate_by_month(&self.table)),
            sheets: &self.sheets,
            basis: StatementBasis::BillingPeriod,
            arrears: false,
            current_name: "新名称科技有限公司",
            history: &self.history,
            calendar: &self.calendar,
            today: self.today,
        })
    }
}

fn differences(r: &Reconciliation, month: &str) -> Vec<Difference> {
    r.months
        .iter()
        .find(|m| m.month == ym(month))
        .map(|m| m.differences.clone())
        .unwrap_or_else(|| panic!("no line for {month}"))
}

#[test]
fn agreeing_books_show_both_bases_and_no_difference() {
    let r = Books::agreeing().reconcile();
    assert_eq!(
        r.months.iter().map(|m| m.month).collect::<Vec<_>>(),
        vec![ym("2026-04"), ym("2026-02"), ym("2026-01")]
    );
    let feb = &r.months[1];
    assert_eq!(
        feb.statement,
        Some(RebateOnBothBases {
            billing: yuan("30.00"),
            deduction: yuan("80.00")
        })
    );
    let s = feb.sheet.as_ref().unwrap();
    assert_eq!(
        (
            s.rebate,
            s.clawbacks,
            s.amount,
            s.expected_net,
            s.paid_amount
        ),
        (
            yuan("30.00"),
            yuan("-10.00"),
            yuan("20.00"),
            Some(yuan("18.80")),
            Some(yuan("18.80"))
        )
    );
    assert!(r.months.iter().all(|m| m.differences.is_empty()), "{r:#?}");
    assert_eq!(r.totals.statement.billing, yuan("187.77"));
    assert_eq!(r.totals.statement.deduction, yuan("187.77"));
    assert_eq!(r.totals.sheets, yuan("177.77"));
    assert_eq!(r.totals.clawbacks, yuan("-10.00"));
    assert_eq!(r.totals.paid, yuan("168.80"));
    assert_eq!(r.totals.months_with_differences, 0);
}

#[test]
fn every_difference_is_named_with_its_figures() {
    let mut b = Books::agreeing();
    // January's sheet one fen short of the statement; its invoice says the statement's
    // figure (an invoice stored by another tool: recording would refuse it).
    b.sheets[0].lines[0].amount = yuan("149.99");
    // February: paid in full although the invoice is general (18.80 expected), and late.
    b.sheets[1].paid_amount = Some(yuan("20.00"));
    b.sheets[1].paid_on = Some(date(2026, 3, 24));
    // May has rebate and, by 1 July, no sheet.
    b.table = StatementTable::from_rows(
        &table()
            .rows()
            .chain([row("2026-05", "1", PaymentMode::Prepaid, "5.00")])
            .collect::<Vec<_>>(),
    )
    .unwrap();
    b.today = date(2026, 6, 30);
    assert_eq!(differences(&b.reconcile(), "2026-05"), Vec::new());
    b.today = date(2026, 7, 1);
    let r = b.reconcile();
    assert_eq!(
        differences(&r, "2026-01"),
        vec![
            // Paid what the invoice said, not the sheet's amount: 0.01 over.
            Difference::PaidDiffersFromExpected {
                paid: yuan("150.00"),
                expected: yuan("149.99")
            },
            Difference::InvoiceDiffersFromSheet {
                invoice: yuan("150.00"),
                sheet: yuan("149.99")
            },
            // Not the deduction basis's 100.00 either.
            Difference::SheetDiffersFromStatement {
                sheet: yuan("149.99"),
                statement: yuan("150.00"),
                basis: StatementBasis::BillingPeriod,
                agrees_on_other: false,
            },
        ]
    );
    // Paid in full on a general invoice: 1.20 more than the 18.80 due. Late by one
    // working day is not a difference of money: the status says it.
    assert_eq!(
        differences(&r, "2026-02"),
        vec![Difference::PaidDiffersFromExpected {
            paid: yuan("20.00"),
            expected: yuan("18.80")
        }]
    );
    assert_eq!(
        differences(&r, "2026-05"),
        vec![Difference::NoSheet {
            statement: yuan("5.00")
        }]
    );
    assert_eq!(differences(&r, "2026-04"), Vec::new());
    assert_eq!(r.totals.months_with_differences, 3);
}

#[test]
fn the_settlement_basis_decides_which_statement_figure_a_sheet_is_held_to() {
    let b = Books::agreeing();
    let r = reconcile(&Ledger {
        rebates: Some(&rebate_by_month(&b.table)),
        sheets: &b.sheets,
        basis: StatementBasis::DeductionPeriod,
        arrears: false,
        current_name: "",
        history: &b.history,
        calendar: &b.calendar,
        today: b.today,
    });
    // On the deduction basis January is 100.00 and February 80.00: both sheets differ.
    assert_eq!(
        differences(&r, "2026-01"),
        vec![Difference::SheetDiffersFromStatement {
            sheet: yuan("150.00"),
            statement: yuan("100.00"),
            basis: StatementBasis::DeductionPeriod,
            agrees_on_other: true,
        }]
    );
    assert_eq!(
        differences(&r, "2026-02"),
        vec![Difference::SheetDiffersFromStatement {
            sheet: yuan("30.00"),
            statement: yuan("80.00"),
            basis: StatementBasis::DeductionPeriod,
            agrees_on_other: true,
        }]
    );
    // Both differ only because the sheets were made on the billing basis: said so.
    assert_eq!(r.totals.months_with_differences, 2);
    assert_eq!(r.totals.months_agreeing_on_other_basis, 2);
    assert!(r.months[1].agrees_on_other_basis());
    assert_eq!(
        r.months[1].status.next_step(),
        NextStep::CheckBasis,
        "{:?}",
        r.months[1]
    );
}

#[test]
fn a_renamed_companys_older_sheet_keeps_the_name_of_its_month() {
    let mut b = Books::agreeing();
    b.history = vec![ChangeRecord {
        field: FormField::CompanyName,
        old: "旧名称有限公司".into(),
        new: "新名称科技有限公司".into(),
        // Renamed in February: from March on the new name.
        at: Utc.with_ymd_and_hms(2026, 2, 15, 9, 0, 0).unwrap(),
        by: Actor {
            role: Role::MainAccount,
            name: "main".into(),
        },
    }];
    let r = b.reconcile();
    let names: Vec<(YearMonth, &str)> = r
        .months
        .iter()
        .map(|m| (m.month, m.company.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (ym("2026-04"), "新名称科技有限公司"),
            (ym("2026-02"), "旧名称有限公司"),
            (ym("2026-01"), "旧名称有限公司"),
        ]
    );
    // The rename makes no difference to the money.
    assert!(r.months.iter().all(|m| m.differences.is_empty()));
}

#[test]
fn totals_over_100000_generated_rows_agree_with_a_recount() {
    let data = partner_console::domain::sample::generate(100_000, ym("2026-10"), 7);
    let table = &StatementTable::from_rows(&data.statements).unwrap();
    assert_eq!(table.len(), 100_000);
    let calendar = WorkCalendar::mainland();
    let r = reconcile(&Ledger {
        rebates: Some(&rebate_by_month(table)),
        sheets: &data.settlements,
        basis: StatementBasis::BillingPeriod,
        arrears: false,
        current_name: "样例公司",
        history: &[],
        calendar: &calendar,
        today: date(2026, 11, 29),
    });
    // Recount row by row, on each basis, with plain fen.
    let mut billing: std::collections::BTreeMap<YearMonth, i64> = Default::default();
    let mut deduction: std::collections::BTreeMap<YearMonth, i64> = Default::default();
    for row in table.rows() {
        *billing.entry(row.month).or_default() += row.rebate.fen();
        let deducted = match row.payment_mode {
            PaymentMode::Postpaid => row.month.next(),
            PaymentMode::Prepaid => row.month,
        };
        *deduction.entry(deducted).or_default() += row.rebate.fen();
    }
    for line in &r.months {
        assert_eq!(
            line.statement.unwrap().billing.fen(),
            billing.get(&line.month).copied().unwrap_or(0)
        );
        assert_eq!(
            line.statement.unwrap().deduction.fen(),
            deduction.get(&line.month).copied().unwrap_or(0)
        );
    }
    assert_eq!(
        r.totals.statement.billing.fen(),
        billing.values().sum::<i64>()
    );
    assert_eq!(
        r.totals.statement.deduction.fen(),
        deduction.values().sum::<i64>()
    );
    // The sample settles on the billing basis and records the invoices: every sheet agrees
    // with the statement, and the only clawbacks are the sample's.
    assert!(
        r.months
            .iter()
            .flat_map(|m| &m.differences)
            .all(|d| !matches!(
                d,
                Difference::SheetDiffersFromStatement { .. }
                    | Difference::InvoiceDiffersFromSheet { .. }
                    | Difference::PaidDiffersFromExpected { .. }
            )),
        "{:?}",
        r.months
            .iter()
            .map(|m| (m.month, &m.differences))
            .collect::<Vec<_>>()
    );
    let clawbacks: Cny = data
        .settlements
        .iter()
        .map(SettlementSheet::clawbacks)
        .sum();
    assert_eq!(r.totals.clawbacks, clawbacks);
}

// ---- the calendar file ----

#[test]
fn dated_to_dos_become_all_day_events_escaped_and_folded() {
    use partner_console::domain::workbench::ics::{DayEvent, calendar};
    let stamp = Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).unwrap();
    let long = "电子授权书将于 2026-12-31 到期，请于 1 月 1 日起申请下一年度的授权书；逗号, 分号; 反斜杠\\";
    let file = calendar(
        &[DayEvent {
            uid: "certificate-expiring".into(),
            day: date(2026, 12, 31),
            summary: long.into(),
            description: "预计付款时间为 2026-12-01 – 2026-12-08。\n打开：https://console.example.com/partners/settlements/2026-10".into(),
            url: Some("https://console.example.com/partners/settlements/2026-10".into()),
        }],
        stamp,
    );
    assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(file.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
    assert!(file.contains("DTSTAMP:20261201T083000Z\r\n"));
    assert!(file.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    // Every physical line at most 75 octets; unfolded, the summary is escaped text.
    assert!(file.split("\r\n").all(|l| l.len() <= 75), "{file}");
    let unfolded = file.replace("\r\n ", "");
    let expected = "SUMMARY:电子授权书将于 2026-12-31 到期，请于 1 月 1 日起申请下一年度的授权书；逗号\\, 分号\\; 反斜杠\\\\\r\n";
    assert!(unfolded.contains(expected), "{unfolded}");
    // The detail and the page it is done on (a URI, not escaped as text).
    assert!(unfolded.contains("DESCRIPTION:预计付款时间为 2026-12-01 – 2026-12-08。\\n打开：https://console.example.com/partners/settlements/2026-10\r\n"), "{unfolded}");
    assert!(
        unfolded.contains("\r\nURL:https://console.example.com/partners/settlements/2026-10\r\n"),
        "{unfolded}"
    );
}

#[test]
fn the_workbench_reads_an_applications_and_a_learners_standing_from_the_stored_record() {
    let mut app = application(ApplicationState::Rejected);
    app.form.company_name = "甲公司".into();
    let stored = serde_json::to_value(&app).unwrap();
    let read: ApplicationSummary = serde_json::from_value(stored).unwrap();
    assert_eq!(read, ApplicationSummary::from(&app));
    assert_eq!(
        read.status.rejection.unwrap().1,
        WizardStep::EnterpriseVerification
    );
    let l = learner("b", LearnerState::Pending);
    let read: LearnerSummary = serde_json::from_value(serde_json::to_value(&l).unwrap()).unwrap();
    assert_eq!(read, LearnerSummary::from(&l));
}

// ---- one status per month ----

/// A month's status and its differences, as the reconciliation, the home page and the
/// to-dos read them.
fn status_of(
    sheet: Option<&SettlementSheet>,
    statement: Option<(&str, &str)>,
    arrears: bool,
    today: NaiveDate,
) -> MonthStatus {
    let calendar = WorkCalendar::mainland();
    month_status(&MonthFacts {
        statement: statement.map(|(b, d)| (yuan(b), yuan(d))),
        basis: StatementBasis::BillingPeriod,
        sheet,
        sheet_due: true,
        arrears,
        calendar: &calendar,
        today,
    })
}

/// March 2026's sheet of 500.00 on a special invoice, received Monday 2 March: due 16–23
/// March.
fn march(state: SettlementState) -> SettlementSheet {
    let mut s = with_invoice(
        sheet("2026-02", &[("500.00", None)], state),
        InvoiceKind::SpecialVat,
        "500.00",
    );
    if !matches!(
        state,
        SettlementState::Pending | SettlementState::DocumentsSent
    ) {
        s.received_on = Some(date(2026, 3, 2));
    }
    s
}

#[test]
fn an_unpaid_month_never_agrees_whatever_its_stage() {
    let day = date(2026, 3, 10);
    let st = Some(("500.00", "500.00"));
    let at = |state| status_of(Some(&march(state)), st, false, day);
    assert_eq!(at(SettlementState::Pending), MonthStatus::ToSend);
    assert_eq!(
        at(SettlementState::DocumentsSent),
        MonthStatus::DocumentsSent
    );
    assert_eq!(at(SettlementState::Abnormal), MonthStatus::ToCorrect);
    let MonthStatus::AwaitingPayment { window } = at(SettlementState::Verified) else {
        panic!("{:?}", at(SettlementState::Verified));
    };
    assert_eq!(
        (window.earliest, window.latest),
        (date(2026, 3, 16), date(2026, 3, 23))
    );
    for state in SettlementState::ALL {
        if state != SettlementState::Paid {
            let status = at(state);
            assert!(
                !status.agrees() && !status.settled(),
                "{state:?}: {status:?}"
            );
        }
    }
    // Without a statement row nor a sheet there is nothing; with rebate, the sheet comes
    // the month after.
    assert_eq!(
        status_of(None, None, false, day),
        MonthStatus::NothingToSettle
    );
    let calendar = WorkCalendar::mainland();
    let not_due = month_status(&MonthFacts {
        statement: Some((yuan("5.00"), yuan("5.00"))),
        basis: StatementBasis::BillingPeriod,
        sheet: None,
        sheet_due: false,
        arrears: false,
        calendar: &calendar,
        today: day,
    });
    assert_eq!(not_due, MonthStatus::SheetNotYetDue);
}

#[test]
fn a_payment_is_overdue_by_working_days_held_by_arrears_or_a_missing_contract() {
    let s = march(SettlementState::Received);
    let st = Some(("500.00", "500.00"));
    // Monday 23 March is the last day: not overdue on it.
    assert!(matches!(
        status_of(Some(&s), st, false, date(2026, 3, 23)),
        MonthStatus::AwaitingPayment { .. }
    ));
    // Friday 27 March: four working days late.
    let MonthStatus::Overdue {
        working_days,
        window,
    } = status_of(Some(&s), st, false, date(2026, 3, 27))
    else {
        panic!();
    };
    assert_eq!((working_days, window.latest), (4, date(2026, 3, 23)));
    assert_eq!(
        status_of(Some(&s), st, false, date(2026, 3, 27)).next_step(),
        NextStep::AskChannelManager
    );
    // Arrears hold payment: no window runs, nothing is overdue; the step is to pay them.
    let held = status_of(Some(&s), st, true, date(2026, 3, 27));
    assert_eq!(held, MonthStatus::Held(PaymentHold::Arrears));
    assert_eq!(held.next_step(), NextStep::SettleArrears);
    let mut no_contract = s.clone();
    no_contract.contract_on_file = false;
    let held = status_of(Some(&no_contract), st, false, date(2026, 3, 27));
    assert_eq!(held, MonthStatus::Held(PaymentHold::ContractMissing));
    assert_eq!(held.next_step(), NextStep::SignAgreement);
    // The partner's paperwork comes before a hold: the documents are still to send.
    assert_eq!(
        status_of(
            Some(&march(SettlementState::Pending)),
            st,
            true,
            date(2026, 3, 27)
        ),
        MonthStatus::ToSend
    );
}

#[test]
fn agrees_only_when_paid_and_every_figure_matches() {
    let st = Some(("500.00", "500.00"));
    let on_time = paid(
        march(SettlementState::Pending),
        date(2026, 3, 2),
        date(2026, 3, 20),
        "500.00",
    );
    let status = status_of(Some(&on_time), st, false, date(2026, 4, 1));
    assert_eq!(
        status,
        MonthStatus::Paid {
            on: date(2026, 3, 20),
            late_by: 0
        }
    );
    assert!(status.agrees());
    // Paid right but two working days after the window: said, yet the money agrees.
    let late = paid(
        march(SettlementState::Pending),
        date(2026, 3, 2),
        date(2026, 3, 25),
        "500.00",
    );
    let status = status_of(Some(&late), st, false, date(2026, 4, 1));
    assert_eq!(
        status,
        MonthStatus::Paid {
            on: date(2026, 3, 25),
            late_by: 2
        }
    );
    assert!(status.agrees());
    // Paid, but no amount was recorded (a sheet from before amounts were): not "agrees".
    let mut unrecorded = on_time.clone();
    unrecorded.paid_amount = None;
    let status = status_of(Some(&unrecorded), st, false, date(2026, 4, 1));
    assert_eq!(
        status,
        MonthStatus::PaidUnchecked {
            on: date(2026, 3, 20)
        }
    );
    assert!(!status.agrees() && status.settled());
}

#[test]
fn a_short_payment_gives_the_gap_its_direction_and_whom_to_ask() {
    let mut s = paid(
        march(SettlementState::Pending),
        date(2026, 3, 2),
        date(2026, 3, 20),
        "3500000.00",
    );
    s.lines[0].amount = yuan("3548387.63");
    s.invoice.as_mut().unwrap().amount = yuan("3548387.63");
    let status = status_of(
        Some(&s),
        Some(("3548387.63", "3548387.63")),
        false,
        date(2026, 4, 1),
    );
    let MonthStatus::Differs(d) = &status else {
        panic!("{status:?}");
    };
    assert_eq!(
        d,
        &Difference::PaidDiffersFromExpected {
            paid: yuan("3500000.00"),
            expected: yuan("3548387.63")
        }
    );
    assert_eq!(d.gap(), yuan("-48387.63"), "short: negative");
    assert_eq!(status.next_step(), NextStep::AskChannelManager);
    assert!(status.needs_attention() && !status.agrees());
    // Every difference's gap is what is there less what should be.
    let over = Difference::InvoiceDiffersFromSheet {
        invoice: yuan("100.01"),
        sheet: yuan("100.00"),
    };
    assert_eq!(
        (over.gap(), over.next_step()),
        (yuan("0.01"), NextStep::ReissueInvoice)
    );
    let missing = Difference::NoSheet {
        statement: yuan("5.00"),
    };
    assert_eq!(missing.gap(), yuan("-5.00"));
    let sheet_short = Difference::SheetDiffersFromStatement {
        sheet: yuan("149.99"),
        statement: yuan("150.00"),
        basis: StatementBasis::BillingPeriod,
        agrees_on_other: false,
    };
    assert_eq!(
        (sheet_short.gap(), sheet_short.next_step()),
        (yuan("-0.01"), NextStep::CheckBeforeSigning)
    );
}

#[test]
fn the_home_page_the_to_dos_and_the_reconciliation_read_one_status() {
    // A short-paid August, a September held by arrears: what the to-dos say is what the
    // reconciliation's lines say.
    let mut w = World::quiet(Role::MainAccount);
    w.today = date(2026, 10, 20);
    let mut aug = paid(
        with_invoice(
            sheet("2026-08", &[("3548387.63", None)], SettlementState::Pending),
            InvoiceKind::SpecialVat,
            "3548387.63",
        ),
        date(2026, 9, 14),
        date(2026, 9, 28),
        "3500000.00",
    );
    aug.history.clear();
    let sep = with_invoice(
        sheet(
            "2026-09",
            &[("10.00", None)],
            SettlementState::DocumentsSent,
        ),
        InvoiceKind::SpecialVat,
        "10.00",
    );
    w.sheets = vec![aug, sep];
    w.customers = vec![customer("100001", "12.00", UnbindState::NotRequested)];
    w.statements = Some(
        StatementTable::from_rows(&[
            row("2026-08", "1", PaymentMode::Prepaid, "3548387.63"),
            row("2026-09", "1", PaymentMode::Prepaid, "10.00"),
        ])
        .unwrap(),
    );
    let short = Difference::PaidDiffersFromExpected {
        paid: yuan("3500000.00"),
        expected: yuan("3548387.63"),
    };
    let todos = w.todos();
    assert_eq!(
        todos[0],
        Todo::MonthDiffers {
            month: ym("2026-08"),
            sheet: Some("2026-08".into()),
            difference: short.clone(),
        }
    );
    assert!(
        matches!(&todos[1], Todo::PaymentHeld { months, .. } if months == &vec![ym("2026-09")])
    );
    assert_eq!(todos.len(), 2, "{todos:?}");
    let r = reconcile(&Ledger {
        rebates: Some(&rebate_by_month(w.statements.as_ref().unwrap())),
        sheets: &w.sheets,
        basis: StatementBasis::BillingPeriod,
        arrears: true,
        current_name: "",
        history: &[],
        calendar: &w.calendar,
        today: w.today,
    });
    assert_eq!(r.months[1].status, MonthStatus::Differs(short.clone()));
    assert_eq!(r.months[0].status, MonthStatus::Held(PaymentHold::Arrears));
    assert_eq!(
        (
            r.totals.months_with_differences,
            r.totals.months_late_or_held,
            r.totals.months_agreeing
        ),
        (1, 1, 0)
    );
    // The channel manager is asked to pay the difference: the same month, the same gap.
    w.role = Role::ChannelManager;
    assert!(w.todos().contains(&Todo::MonthDiffers {
        month: ym("2026-08"),
        sheet: Some("2026-08".into()),
        difference: short,
    }));
    // An employee too reads it (whom to ask), but sends no documents.
    w.role = Role::SubAccount;
    w.sheets[1].state = SettlementState::Pending;
    assert!(
        w.todos()
            .iter()
            .all(|t| !matches!(t, Todo::SheetAwaitsDocuments { .. }))
    );
}

#[test]
fn without_statement_totals_a_sheet_is_not_held_to_them() {
    // An index an earlier version wrote has no month totals: no false "differs".
    let s = march(SettlementState::Received);
    assert!(matches!(
        status_of(Some(&s), None, false, date(2026, 3, 10)),
        MonthStatus::AwaitingPayment { .. }
    ));
}

#[test]
fn without_any_statement_row_no_sheet_is_held_to_a_total_of_nothing() {
    // Statements never imported: the sheets stand on their own.
    let mut s = march(SettlementState::Received);
    s.month = ym("2026-02");
    let calendar = WorkCalendar::mainland();
    let r = reconcile(&Ledger {
        rebates: Some(&[]),
        sheets: &[s],
        basis: StatementBasis::BillingPeriod,
        arrears: false,
        current_name: "",
        history: &[],
        calendar: &calendar,
        today: date(2026, 3, 10),
    });
    assert_eq!(r.months.len(), 1);
    assert_eq!(r.months[0].statement, None);
    assert!(matches!(
        r.months[0].status,
        MonthStatus::AwaitingPayment { .. }
    ));
}
