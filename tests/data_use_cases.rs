//! The data layer's use cases natively, on the memory backend: an application started,
//! decided (approval makes the partner), learners stored, and employees joining by email
//! or by account application.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{TimeZone, Utc};
use futures::executor::block_on;
use partner_console::data::applications::{
    DecisionError, decide, load_mine, start_application, store,
};
use partner_console::data::learners::{
    EmailJoinRefusal, all_learners, code, join_by_email, put_domains, put_learner, put_learners,
    remember_mine, request_by_account, send_code,
};
use partner_console::data::memory::{memory_backend, memory_backend_with_stores};
use partner_console::data::partner::PROFILE;
use partner_console::data::typed::{Versioned, load};
use partner_console::data::{Backend, Collection, DataError, Session};
use partner_console::domain::PartnerType;
use partner_console::domain::Role;
use partner_console::domain::common::contact::Email;
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::learning::learner::{
    CodeError, EnabledDomains, JoinForm, JoinMethod, Learner, LearnerState,
};
use partner_console::domain::onboarding::application::{
    Application, ApplicationEvent, ApplicationState, WizardStep,
};
use partner_console::domain::partner::profile::PartnerProfile;

fn manager() -> Actor {
    Actor::from(&Session {
        role: Role::ChannelManager,
        account_id: Some("100200300".into()),
        company_name: None,
        ..Session::default()
    })
}

/// A visitor's application, submitted, as the manager reads it.
fn submitted(b: &dyn Backend) -> Versioned<Application> {
    block_on(async {
        b.switch_role(Role::Visitor).await.unwrap();
        let session = b.session().await.unwrap();
        let mut app = load_mine(b, &session).await.unwrap().value;
        app.form.company_name = "  甲科技有限公司 ".into();
        app.form.partner_type = Some(PartnerType::Integration);
        let t = Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap();
        app.status
            .record(ApplicationEvent::Submit, Actor::from(&session), t)
            .unwrap();
        store(b, &app).await.unwrap();
        b.switch_role(Role::ChannelManager).await.unwrap();
        load::<Application>(b, Collection::Applications, &app.id)
            .await
            .unwrap()
            .unwrap()
    })
}

#[test]
fn an_actor_is_the_sessions_role_and_account() {
    let a = manager();
    assert_eq!(
        (a.role, a.name.as_str()),
        (Role::ChannelManager, "100200300")
    );
    let anonymous = Actor::from(&Session::default());
    assert_eq!(anonymous.name, "");
}

#[test]
fn starting_an_application_sets_its_type_until_it_is_submitted() {
    let b = memory_backend();
    block_on(async {
        b.switch_role(Role::Visitor).await.unwrap();
        let session = b.session().await.unwrap();
        start_application(&b, &session, PartnerType::Integration)
            .await
            .unwrap();
        let app = load_mine(&b, &session).await.unwrap().value;
        assert_eq!(app.form.partner_type, Some(PartnerType::Integration));
    });
    let before = submitted(&b);
    block_on(async {
        b.switch_role(Role::Visitor).await.unwrap();
        let session = b.session().await.unwrap();
        start_application(&b, &session, PartnerType::Agent)
            .await
            .unwrap();
        let app = load_mine(&b, &session).await.unwrap().value;
        assert_eq!(app.form.partner_type, before.value.form.partner_type);
    });
}

#[test]
fn approval_stores_the_decision_and_the_partners_profile_together() {
    let b = memory_backend();
    let before = submitted(&b);
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    let decided = block_on(decide(
        &b,
        &before,
        ApplicationEvent::Approve,
        manager(),
        now,
    ))
    .unwrap();
    assert_eq!(decided.value.status.state, ApplicationState::Approved);
    assert_eq!(decided.rev, before.rev + 1);
    block_on(async {
        let stored = load::<Application>(&b, Collection::Applications, &before.value.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored, decided);
        let last = stored.value.status.history.last().unwrap();
        assert_eq!((&last.actor, last.at), (&manager(), now));
        let profile = load::<PartnerProfile>(&b, Collection::Profiles, PROFILE)
            .await
            .unwrap()
            .unwrap()
            .value;
        assert_eq!(profile.company_name, "甲科技有限公司");
        assert_eq!(profile.partner_type, Some(PartnerType::Integration));
        assert_eq!(
            b.session().await.unwrap().company_name.as_deref(),
            Some("甲科技有限公司")
        );
    });
}

#[test]
fn a_rejection_keeps_its_reason_and_makes_no_partner() {
    let b = memory_backend();
    let before = submitted(&b);
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    let refused = block_on(decide(
        &b,
        &before,
        ApplicationEvent::Reject {
            reason: "   ".into(),
            step: WizardStep::ContactAndBank,
        },
        manager(),
        now,
    ));
    assert_eq!(
        refused,
        Err(DecisionError::Refused(TransitionError::ReasonRequired))
    );
    let decided = block_on(decide(
        &b,
        &before,
        ApplicationEvent::Reject {
            reason: " 开户许可证不清晰 ".into(),
            step: WizardStep::ContactAndBank,
        },
        manager(),
        now,
    ))
    .unwrap();
    assert_eq!(decided.value.status.state, ApplicationState::Rejected);
    assert_eq!(
        decided.value.status.rejection,
        Some(("开户许可证不清晰".into(), WizardStep::ContactAndBank))
    );
    block_on(async {
        assert_eq!(b.get(Collection::Profiles, PROFILE).await.unwrap(), None);
        assert_eq!(b.session().await.unwrap().company_name, None);
    });
}

#[test]
fn the_second_of_two_managers_deciding_at_once_is_refused_and_changes_nothing() {
    let b = memory_backend();
    let before = submitted(&b);
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    let reject = ApplicationEvent::Reject {
        reason: "资料不全".into(),
        step: WizardStep::BasicInformation,
    };
    block_on(decide(&b, &before, reject, manager(), now)).unwrap();
    let late = block_on(decide(
        &b,
        &before,
        ApplicationEvent::Approve,
        manager(),
        now,
    ));
    assert_eq!(
        late,
        Err(DecisionError::Data(DataError::Conflict {
            current: before.rev + 1
        }))
    );
    block_on(async {
        let stored = load::<Application>(&b, Collection::Applications, &before.value.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.value.status.state, ApplicationState::Rejected);
        assert_eq!(b.get(Collection::Profiles, PROFILE).await.unwrap(), None);
    });
}

fn learner(id: &str, minute: u32) -> Learner {
    Learner {
        id: id.into(),
        method: JoinMethod::AccountApplication,
        state: LearnerState::initial(JoinMethod::AccountApplication),
        name: format!("学员{id}"),
        mobile: "13800000000".into(),
        email: String::new(),
        account_id: id.into(),
        requested_at: Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).unwrap(),
        records: Vec::new(),
    }
}

#[test]
fn learners_come_back_newest_first_and_a_batch_is_all_or_nothing() {
    let (b, stores) = memory_backend_with_stores();
    block_on(async {
        b.switch_role(Role::MainAccount).await.unwrap();
        put_learner(&b, &learner("1001", 5)).await.unwrap();
        put_learner(&b, &learner("1002", 9)).await.unwrap();
        put_learner(&b, &learner("1003", 7)).await.unwrap();
        let ids: Vec<String> = all_learners(&b)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(ids, ["1002", "1003", "1001"]);

        // Approving two when the storage fills up half-way approves neither.
        let approve = |l: &Learner| Learner {
            state: l.state.approve().unwrap(),
            name: format!("{}{}", l.name, "长".repeat(100)),
            ..l.clone()
        };
        let (one, two) = (learner("1001", 5), learner("1002", 9));
        stores.kv.set_limit(Some(stores.kv.used() + 400));
        let batch = [(two.clone(), approve(&two)), (one.clone(), approve(&one))];
        assert_eq!(
            put_learners(&b, &batch).await,
            Err(DataError::QuotaExceeded)
        );
        stores.kv.set_limit(None);
        let stored = all_learners(&b).await.unwrap();
        assert!(stored.iter().all(|l| l.state == LearnerState::Pending));
        assert_eq!(stored[0], two);
    });
}

#[test]
fn a_request_made_in_this_browser_is_remembered_once() {
    let b = memory_backend();
    block_on(async {
        b.switch_role(Role::Visitor).await.unwrap();
        remember_mine(&b, "1001").await.unwrap();
        remember_mine(&b, "1001").await.unwrap();
        remember_mine(&b, "1002").await.unwrap();
        assert_eq!(b.settings().await.unwrap().my_learners, ["1001", "1002"]);
    });
}

#[test]
fn joining_by_email_needs_an_enabled_domain_and_the_code_sent() {
    let b = memory_backend();
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let address = Email::parse("Wang.Fang@Example.cn").unwrap();
    block_on(async {
        b.switch_role(Role::MainAccount).await.unwrap();
        put_domains(&b, &EnabledDomains(vec!["example.cn".into()]))
            .await
            .unwrap();
        let elsewhere = Email::parse("wang@qq.com").unwrap();
        match send_code(&b, &elsewhere, "123456".into(), now).await {
            Err(EmailJoinRefusal::Domain(d)) => assert_eq!(d.0, ["example.cn"]),
            other => panic!("a foreign domain must be refused, got {other:?}"),
        }
        assert!(matches!(
            join_by_email(&b, &address, Some("123456"), now).await,
            Err(EmailJoinRefusal::NoCode)
        ));
        send_code(&b, &address, "123456".into(), now).await.unwrap();

        // A wrong code is refused, and the try is kept (reloading does not reset it).
        let left = match join_by_email(&b, &address, Some("654321"), now).await {
            Err(EmailJoinRefusal::Code(CodeError::Wrong { remaining })) => remaining,
            other => panic!("a wrong code must be refused, got {other:?}"),
        };
        let key = address.to_string();
        let mut kept = code(&b, &key).await.unwrap().unwrap();
        assert_eq!(
            kept.verify("000000", now),
            Err(CodeError::Wrong {
                remaining: left - 1
            })
        );
        assert!(all_learners(&b).await.unwrap().is_empty(), "no learner yet");

        let joined = join_by_email(&b, &address, Some("123456"), now)
            .await
            .unwrap();
        assert_eq!(joined.id, "Wang.Fang@example.cn");
        assert_eq!(joined.name, "Wang.Fang");
        assert_eq!(
            joined.state,
            LearnerState::initial(JoinMethod::EnterpriseEmail)
        );
        assert_eq!(
            all_learners(&b).await.unwrap(),
            std::slice::from_ref(&joined)
        );
        assert_eq!(b.settings().await.unwrap().my_learners, [joined.id]);
        assert_eq!(code(&b, &key).await.unwrap(), None, "the used code is gone");
    });
}

#[test]
fn an_account_application_waits_for_the_admin_and_is_remembered_here() {
    let b = memory_backend();
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let form = JoinForm {
        enterprise_name: "深圳示例科技有限公司".into(),
        enterprise_uin: "100012345678".into(),
        name: " 王芳 ".into(),
        account_id: "2000-1234 5678".into(),
        mobile: "138 0013 8000".into(),
        agreed: true,
    };
    block_on(async {
        b.switch_role(Role::SubAccount).await.unwrap();
        let stored = request_by_account(&b, &form, now).await.unwrap();
        assert_eq!(stored.id, "200012345678");
        assert_eq!(stored.account_id, "200012345678");
        assert_eq!(stored.name, "王芳");
        assert_eq!(stored.mobile, "13800138000");
        assert_eq!(
            stored.state,
            LearnerState::initial(JoinMethod::AccountApplication)
        );
        assert_ne!(stored.state, LearnerState::Active);
        assert_eq!(
            all_learners(&b).await.unwrap(),
            std::slice::from_ref(&stored)
        );
        assert_eq!(b.settings().await.unwrap().my_learners, [stored.id]);
    });
    let next = form.next_request();
    assert_eq!(next.enterprise_uin, "100012345678");
    assert!(next.name.is_empty() && next.account_id.is_empty() && !next.agreed);
}
