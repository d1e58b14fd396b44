//! An application write read as one event and replayed on the stored record: what the
//! reference server stores, and the refusals of forged writes.
#![cfg(not(target_arch = "wasm32"))]
use chrono::{DateTime, TimeZone, Utc};
use partner_console::domain::Role;
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::onboarding::application::{
    Application, ApplicationEvent, ApplicationState, WizardStep,
};
use partner_console::domain::onboarding::application_judge::judge;
use partner_console::domain::records::Refusal;
use partner_console::domain::sample::{sample_application_form, sample_profile};
use partner_console::domain::{PartnerType, Permission};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 9, 0, 0).unwrap()
}

fn applicant() -> Actor {
    Actor {
        role: Role::Visitor,
        name: "100012345678".into(),
    }
}

fn manager() -> Actor {
    Actor {
        role: Role::ChannelManager,
        name: "manager-1".into(),
    }
}

/// A complete draft as stored.
fn draft() -> Application {
    Application {
        id: "100012345678".into(),
        applicant: "100012345678".into(),
        form: sample_application_form(&sample_profile()),
        ..Application::default()
    }
}

/// What a client would send for an event: the stored record moved by the client's clock.
fn moved(stored: &Application, event: ApplicationEvent, actor: Actor) -> Application {
    let mut next = stored.clone();
    next.status.record(event, actor, at(1)).unwrap();
    next
}

fn submitted() -> Application {
    let d = draft();
    judge(
        Some(&d),
        &moved(&d, ApplicationEvent::Submit, applicant()),
        "100012345678",
        "100012345678",
        applicant(),
        at(2),
    )
    .unwrap()
}

#[test]
fn a_new_draft_takes_its_id_and_applicant_from_the_caller_not_the_body() {
    let mut sent = draft();
    sent.id = "someone-else".into();
    sent.applicant = "someone-else".into();
    let stored = judge(
        None,
        &sent,
        "100012345678",
        "100012345678",
        applicant(),
        at(2),
    )
    .unwrap();
    assert_eq!(stored.id, "100012345678");
    assert_eq!(stored.applicant, "100012345678");
    assert_eq!(stored.form, sent.form);
    assert_eq!(stored.status.state, ApplicationState::Draft);
    assert_eq!(stored.updated_at, Some(at(2)));
}

#[test]
fn a_submit_is_replayed_with_the_judges_actor_and_clock() {
    let s = submitted();
    assert_eq!(s.status.state, ApplicationState::Submitted);
    assert_eq!(s.status.history.len(), 1);
    assert_eq!(
        s.status.history[0].at,
        at(2),
        "the server's clock, not the client's"
    );
    assert_eq!(s.status.history[0].actor, applicant());
}

#[test]
fn an_applicant_cannot_approve_its_own_application() {
    let s = submitted();
    let forged = moved(&s, ApplicationEvent::Approve, manager());
    let refused = judge(Some(&s), &forged, &s.id, &s.applicant, applicant(), at(3));
    assert_eq!(refused, Err(Refusal::Role(Permission::Review)));
}

#[test]
fn a_draft_sent_as_approved_is_an_illegal_move_whoever_sends_it() {
    let d = draft();
    let mut forged = d.clone();
    forged.status.state = ApplicationState::Approved;
    forged.status.history.push(
        moved(&submitted(), ApplicationEvent::Approve, manager())
            .status
            .history
            .pop()
            .unwrap(),
    );
    forged.status.history[0].from = Some(ApplicationState::Draft);
    let refused = judge(Some(&d), &forged, &d.id, &d.applicant, manager(), at(3));
    assert_eq!(
        refused,
        Err(Refusal::State(TransitionError::Illegal {
            state: "draft",
            event: "approve"
        }))
    );
}

#[test]
fn a_state_changed_without_a_history_entry_is_refused() {
    let d = draft();
    let mut forged = d.clone();
    forged.status.state = ApplicationState::Approved;
    assert_eq!(
        judge(Some(&d), &forged, &d.id, &d.applicant, applicant(), at(3)),
        Err(Refusal::field("status", "must-not-change"))
    );
}

#[test]
fn histories_only_grow_by_one_entry() {
    let s = submitted();
    let mut rewritten = moved(&s, ApplicationEvent::Approve, manager());
    rewritten.status.history[0].actor.name = "nobody".into();
    assert_eq!(
        judge(Some(&s), &rewritten, &s.id, &s.applicant, manager(), at(3)),
        Err(Refusal::field("status.history", "history-rewritten"))
    );
    let d = draft();
    let twice = moved(
        &moved(&d, ApplicationEvent::Submit, applicant()),
        ApplicationEvent::Approve,
        manager(),
    );
    assert_eq!(
        judge(Some(&d), &twice, &d.id, &d.applicant, manager(), at(3)),
        Err(Refusal::field("status.history", "one-event-per-write"))
    );
}

#[test]
fn a_manager_approves_and_rejects_with_a_reason_and_a_step() {
    let s = submitted();
    let approved = judge(
        Some(&s),
        &moved(&s, ApplicationEvent::Approve, manager()),
        &s.id,
        &s.applicant,
        manager(),
        at(3),
    )
    .unwrap();
    assert_eq!(approved.status.state, ApplicationState::Approved);
    assert_eq!(approved.status.history.len(), 2);

    let reject = ApplicationEvent::Reject {
        reason: "  营业执照不清晰 ".into(),
        step: WizardStep::BasicInformation,
    };
    let rejected = judge(
        Some(&s),
        &moved(&s, reject, manager()),
        &s.id,
        &s.applicant,
        manager(),
        at(3),
    )
    .unwrap();
    assert_eq!(rejected.status.state, ApplicationState::Rejected);
    assert_eq!(
        rejected.status.rejection,
        Some(("营业执照不清晰".into(), WizardStep::BasicInformation))
    );
}

#[test]
fn a_submitted_form_is_frozen_and_an_incomplete_one_cannot_be_submitted() {
    let s = submitted();
    let mut edited = s.clone();
    edited.form.partner_type = Some(PartnerType::Integration);
    assert_eq!(
        judge(Some(&s), &edited, &s.id, &s.applicant, applicant(), at(3)),
        Err(Refusal::field("form", "not-editable"))
    );
    let mut empty = draft();
    empty.form.uscc.clear();
    let sent = moved(&empty, ApplicationEvent::Submit, applicant());
    assert_eq!(
        judge(
            Some(&empty),
            &sent,
            &empty.id,
            &empty.applicant,
            applicant(),
            at(3)
        ),
        Err(Refusal::field("uscc", "required"))
    );
}

#[test]
fn a_manager_cannot_edit_an_applicants_draft() {
    let d = draft();
    let mut edited = d.clone();
    edited.form.website = "https://evil.example".into();
    assert_eq!(
        judge(Some(&d), &edited, &d.id, &d.applicant, manager(), at(3)),
        Err(Refusal::Role(Permission::Apply))
    );
}
