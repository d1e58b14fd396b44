//! The state machines: application, partner lifecycle, certificate, settlement, learner.
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::learning::learner::*;
use partner_console::domain::money::settlement::*;
use partner_console::domain::onboarding::application::*;
use partner_console::domain::partner::certificate::*;
use partner_console::domain::partner::lifecycle::*;
use partner_console::domain::{Cny, Role};

fn actor(role: Role) -> Actor {
    Actor {
        role,
        name: format!("{role:?}"),
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn application_round_trip_with_rejection() {
    let mut s = ApplicationStatus::default();
    let t = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    s.record(ApplicationEvent::Submit, actor(Role::Visitor), t)
        .unwrap();
    assert!(!s.state.is_editable());
    let reject = ApplicationEvent::Reject {
        reason: "  ".into(),
        step: WizardStep::ContactAndBank,
    };
    assert_eq!(
        s.record(reject, actor(Role::ChannelManager), t),
        Err(TransitionError::ReasonRequired)
    );
    assert_eq!(
        s.state,
        ApplicationState::Submitted,
        "a refused event changes nothing"
    );
    let reject = ApplicationEvent::Reject {
        reason: "银行账号证明不清晰".into(),
        step: WizardStep::ContactAndBank,
    };
    s.record(reject, actor(Role::ChannelManager), t).unwrap();
    assert_eq!(
        s.rejection,
        Some(("银行账号证明不清晰".into(), WizardStep::ContactAndBank))
    );
    s.record(ApplicationEvent::Reopen, actor(Role::Visitor), t)
        .unwrap();
    assert!(s.state.is_editable());
    s.record(ApplicationEvent::Submit, actor(Role::Visitor), t)
        .unwrap();
    assert_eq!(s.rejection, None);
    s.record(ApplicationEvent::Approve, actor(Role::ChannelManager), t)
        .unwrap();
    assert_eq!(s.state, ApplicationState::Approved);
    let states: Vec<_> = s.history.iter().map(|c| c.to).collect();
    use ApplicationState::*;
    assert_eq!(states, [Submitted, Rejected, Draft, Submitted, Approved]);
    assert_eq!(s.history[1].reason.as_deref(), Some("银行账号证明不清晰"));
    assert_eq!(s.history[1].actor.role, Role::ChannelManager);
}

#[test]
fn application_illegal_moves_are_errors() {
    use ApplicationState::*;
    assert!(Draft.apply(&ApplicationEvent::Approve).is_err());
    assert!(Approved.apply(&ApplicationEvent::Submit).is_err());
    assert!(Submitted.apply(&ApplicationEvent::Submit).is_err());
    assert!(Draft.apply(&ApplicationEvent::Reopen).is_err());
    assert_eq!(WizardStep::from_number(4), Some(WizardStep::ContactAndBank));
    assert_eq!(WizardStep::from_number(0), None);
    assert_eq!(WizardStep::from_number(7), None);
}

#[test]
fn termination_needs_both_preconditions() {
    let blocked = TerminationPreconditions {
        arrears: Cny::yuan(120),
        customers_remaining: 1,
    };
    assert_eq!(
        PartnerState::Active.apply(PartnerEvent::RequestTermination(blocked)),
        Err(LifecycleError::Preconditions {
            arrears: Cny::yuan(120),
            customers: 1
        })
    );
    let arrears_only = TerminationPreconditions {
        arrears: Cny::yuan(1),
        customers_remaining: 0,
    };
    assert!(!arrears_only.hold());
    let ok = TerminationPreconditions {
        arrears: Cny::ZERO,
        customers_remaining: 0,
    };
    let s = PartnerState::Active
        .apply(PartnerEvent::RequestTermination(ok))
        .unwrap();
    let s = s.apply(PartnerEvent::StartSettling).unwrap();
    let s = s.apply(PartnerEvent::Deregister).unwrap();
    assert_eq!(s, PartnerState::Deregistered);
    assert!(s.is_read_only());
    assert!(
        PartnerState::Active
            .apply(PartnerEvent::Deregister)
            .is_err()
    );
}

#[test]
fn certificate_valid_until_year_end_then_expired() {
    let req = CertificateState::Requested;
    assert!(req.reject("").is_err());
    let ok = req
        .approve(certificate_number(d(2026, 3, 5), 42), d(2026, 3, 5))
        .unwrap();
    assert_eq!(valid_until(d(2026, 3, 5)), d(2026, 12, 31));
    assert_eq!(
        ok.validity(d(2026, 12, 31)),
        Some(Validity::Valid {
            until: d(2026, 12, 31)
        })
    );
    assert_eq!(
        ok.validity(d(2027, 1, 1)),
        Some(Validity::Expired {
            until: d(2026, 12, 31)
        })
    );
    assert!(!ok.may_request_new(d(2026, 12, 31)));
    assert!(ok.may_request_new(d(2027, 1, 1)));
    assert!(ok.approve("x".into(), d(2026, 3, 6)).is_err());
    assert!(
        matches!(ok, CertificateState::Approved { ref number, .. } if number == "PC-2026-000042")
    );
}

#[test]
fn settlement_paths() {
    use SettlementState::*;
    let mut s = Pending;
    for next in [DocumentsSent, Received, Abnormal, Corrected, Verified, Paid] {
        s = s.advance(next).unwrap();
    }
    assert_eq!(s, Paid);
    assert!(Pending.advance(Paid).is_err());
    assert!(Received.advance(Verified).is_ok());
    assert!(Paid.next_states().is_empty());
    assert_eq!(payment_hold(true, false), PaymentHold::Arrears);
    assert_eq!(payment_hold(false, false), PaymentHold::ContractMissing);
    assert_eq!(payment_hold(false, true), PaymentHold::Normal);
}

#[test]
fn learner_requests_and_counting() {
    assert_eq!(
        LearnerState::initial(JoinMethod::EnterpriseEmail),
        LearnerState::Active
    );
    let p = LearnerState::initial(JoinMethod::AccountApplication);
    assert_eq!(p, LearnerState::Pending);
    assert!(p.reject(" ").is_err());
    assert!(matches!(
        p.reject("非本公司员工"),
        Ok(LearnerState::Rejected { .. })
    ));
    let a = p.approve().unwrap();
    assert!(a.approve().is_err());
    let removed = a.remove().unwrap();
    assert!(!removed.counts());

    let exam = [
        Achievement::Exam {
            sales_foundation: true,
        },
        Achievement::Course,
    ];
    let both = [
        Achievement::Exam {
            sales_foundation: true,
        },
        Achievement::Certification {
            sales_manager: true,
        },
    ];
    let other = [Achievement::Exam {
        sales_foundation: false,
    }];
    let learners = [
        (LearnerState::Active, &exam[..]),
        (LearnerState::Active, &both[..]),
        (LearnerState::Removed, &both[..]),
        (LearnerState::Pending, &both[..]),
        (LearnerState::Active, &other[..]),
    ];
    let counts = count_qualified(learners.iter().map(|(s, a)| (s, *a)));
    assert_eq!(counts, (2, 1));
}

#[test]
fn email_code_expiry_and_lock() {
    let t0 = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let mut c = EmailCode::issue("123456".into(), t0);
    assert_eq!(c.verify("12345", t0), Err(CodeError::Format));
    assert_eq!(
        c.verify("000000", t0),
        Err(CodeError::Wrong { remaining: 4 })
    );
    assert_eq!(c.verify("123 456", t0), Ok(()));
    let late = t0 + chrono::Duration::minutes(10) + chrono::Duration::seconds(1);
    assert_eq!(
        EmailCode::issue("123456".into(), t0).verify("123456", late),
        Err(CodeError::Expired)
    );
    let mut c = EmailCode::issue("123456".into(), t0);
    for remaining in (1..5).rev() {
        assert_eq!(c.verify("111111", t0), Err(CodeError::Wrong { remaining }));
    }
    assert_eq!(c.verify("111111", t0), Err(CodeError::Locked));
    assert_eq!(
        c.verify("123456", t0),
        Err(CodeError::Locked),
        "locked even with the right code"
    );
}
