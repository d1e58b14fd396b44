//! Profile checks, certificates, the partner lifecycle and announcements (SPEC §3.3–§3.5,
//! §3.11).
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::onboarding::application_checks::FieldProblem;
use partner_console::domain::onboarding::application_form::FormField;
use partner_console::domain::partner::announcement::{self, Announcement, AnnouncementField};
use partner_console::domain::partner::certificate::*;
use partner_console::domain::partner::lifecycle::*;
use partner_console::domain::partner::profile::*;
use partner_console::domain::{Cny, Role};

fn actor(role: Role) -> Actor {
    Actor {
        role,
        name: "t".into(),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn profile() -> PartnerProfile {
    PartnerProfile {
        company_name: "深圳示例科技有限公司".into(),
        uscc: "91440300708461136T".into(),
        contact_person: "李雷".into(),
        phone: "13800138000".into(),
        email: "li@example.com".into(),
        qq: "12345".into(),
        mailing_address: "深圳市南山区科技园".into(),
        bank_account_name: "深圳示例科技有限公司".into(),
        bank: "招商银行".into(),
        bank_location: "深圳".into(),
        bank_branch: "科技园支行".into(),
        bank_account_number: "6225880112345678".into(),
        bank_proof: Some("proof-1".into()),
        partner_type: None,
        website: "www.example.com".into(),
        account_id: "100012345678".into(),
    }
}

#[test]
fn a_profile_follows_the_wizards_field_rules() {
    assert!(profile().check().is_empty());
    let mut p = profile();
    p.phone = "1380013800".into();
    p.company_name = "深圳新名科技有限公司".into();
    let errors = p.check();
    let fields: Vec<FormField> = errors.iter().map(|e| e.field).collect();
    assert!(fields.contains(&FormField::Phone));
    // The bank account must be in the (new) company name.
    let mismatch = errors
        .iter()
        .find(|e| e.field == FormField::BankAccountName)
        .unwrap();
    assert!(matches!(mismatch.problem, FieldProblem::Mismatch { .. }));
    p.website = "not a site".into();
    assert!(p.check().iter().any(|e| e.field == FormField::Website));
}

#[test]
fn a_rename_keeps_the_uscc_and_a_bank_change_needs_a_new_proof() {
    let old = profile();
    let mut renamed = old.clone();
    renamed.company_name = "深圳新名科技有限公司".into();
    renamed.bank_account_name = "深圳新名科技有限公司".into();
    assert_eq!(
        check_change(&old, &renamed),
        Err(ProfileError::BankProofRequired)
    );
    renamed.bank_proof = Some("proof-2".into());
    assert_eq!(check_change(&old, &renamed), Ok(()));
    let at = Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap();
    let records = diff(&old, &renamed, at, &actor(Role::MainAccount));
    let changed: Vec<ProfileField> = records.iter().map(|r| r.field).collect();
    assert_eq!(
        changed,
        vec![
            ProfileField::CompanyName,
            ProfileField::BankAccountName,
            ProfileField::BankProof
        ]
    );
    let mut other = old.clone();
    other.uscc = "91110108563654948X".into();
    assert!(matches!(
        check_change(&old, &other),
        Err(ProfileError::NewLegalEntity { .. })
    ));
    // The same code typed in full-width is not a new entity.
    let mut same = old.clone();
    same.uscc = "９１４４０３００７０８４６１１３６Ｔ".into();
    assert_eq!(check_change(&old, &same), Ok(()));
}

#[test]
fn certificates_are_requested_approved_numbered_and_expire_at_year_end() {
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let mut c =
        CertificateRecord::request(None, day(2026, 3, 1), at, actor(Role::MainAccount)).unwrap();
    assert_eq!(
        c.reject("", at, actor(Role::ChannelManager)),
        Err(TransitionError::ReasonRequired)
    );
    let holder = CertificateHolder {
        name: "深圳示例科技有限公司".into(),
        uscc: "91440300708461136T".into(),
        partner_type: None,
    };
    c.approve(
        holder.clone(),
        day(2026, 3, 2),
        at,
        actor(Role::ChannelManager),
    )
    .unwrap();
    match &c.state {
        CertificateState::Approved { number, issued } => {
            assert_eq!(number, "PC-2026-000001");
            assert_eq!(*issued, day(2026, 3, 2));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.state.validity(day(2026, 12, 31)),
        Some(Validity::Valid {
            until: day(2026, 12, 31)
        })
    );
    assert!(
        CertificateRecord::request(Some(&c), day(2026, 6, 1), at, actor(Role::MainAccount))
            .is_err(),
        "not while one is valid"
    );
    assert!(matches!(
        c.state.validity(day(2027, 1, 1)),
        Some(Validity::Expired { .. })
    ));
    let mut next =
        CertificateRecord::request(Some(&c), day(2027, 1, 5), at, actor(Role::MainAccount))
            .unwrap();
    next.approve(holder, day(2027, 1, 6), at, actor(Role::ChannelManager))
        .unwrap();
    assert!(
        matches!(&next.state, CertificateState::Approved { number, .. } if number == "PC-2027-000002")
    );
    assert_eq!(next.history.len(), 4);
}

#[test]
fn the_lifecycle_needs_both_preconditions_then_walks_to_deregistered() {
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let mut l = Lifecycle::default();
    let blocked = TerminationPreconditions {
        arrears: Cny::yuan(10),
        customers_remaining: 1,
    };
    assert!(matches!(
        l.apply(
            PartnerEvent::RequestTermination(blocked),
            at,
            actor(Role::MainAccount),
            None
        ),
        Err(LifecycleError::Preconditions { customers: 1, .. })
    ));
    let clear = TerminationPreconditions {
        arrears: Cny::ZERO,
        customers_remaining: 0,
    };
    l.apply(
        PartnerEvent::RequestTermination(clear),
        at,
        actor(Role::MainAccount),
        None,
    )
    .unwrap();
    assert!(
        l.apply(
            PartnerEvent::Deregister,
            at,
            actor(Role::ChannelManager),
            None
        )
        .is_err()
    );
    l.apply(
        PartnerEvent::StartSettling,
        at,
        actor(Role::ChannelManager),
        None,
    )
    .unwrap();
    l.apply(
        PartnerEvent::Deregister,
        at,
        actor(Role::ChannelManager),
        None,
    )
    .unwrap();
    assert_eq!(l.state, PartnerState::Deregistered);
    assert!(l.state.is_read_only());
    assert_eq!(l.history.len(), 3);
}

#[test]
fn announcements_newest_first_and_need_a_title_and_body() {
    assert_eq!(
        announcement::check(" ", "x"),
        vec![AnnouncementField::Title]
    );
    assert!(announcement::check("t", "b").is_empty());
    let a = |id: &str, d: u32| Announcement {
        id: id.into(),
        title: id.into(),
        body: String::new(),
        published_at: Utc.with_ymd_and_hms(2026, 3, d, 9, 0, 0).unwrap(),
        author: "m".into(),
    };
    let mut list = vec![a("old", 1), a("new", 9), a("mid", 5)];
    announcement::newest_first(&mut list);
    let ids: Vec<&str> = list.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, vec!["new", "mid", "old"]);
}

#[test]
fn a_uscc_typed_another_way_is_the_same_code_stored_once() {
    let old = profile();
    let mut typed = old.clone();
    typed.uscc = " ９１４４ 0300-7084 6113 6t ".into();
    typed.contact_person = " 韩梅梅 ".into();
    let new = typed.canonicalised();
    assert_eq!(new.uscc, "91440300708461136T");
    assert_eq!(new.contact_person, "韩梅梅");
    assert_eq!(check_change(&old, &new), Ok(()));
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    let changes = diff(&old.canonicalised(), &new, at, &actor(Role::MainAccount));
    assert_eq!(
        changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        [ProfileField::ContactPerson],
        "no USCC line for the same code"
    );
    // A code that is not valid stays as typed (trimmed), for the user to correct.
    typed.uscc = " 91440300708461136x ".into();
    assert_eq!(typed.canonicalised().uscc, "91440300708461136x");
    assert_eq!(
        partner_console::domain::common::uscc::canonical("911101085636549482"),
        "911101085636549482"
    );
}

#[test]
fn admission_gives_the_partner_account_its_uin() {
    use partner_console::domain::onboarding::application::Application;
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 8, 30, 0).unwrap();
    let signed_in = Application {
        id: "100012345678".into(),
        ..Application::default()
    };
    assert_eq!(signed_in.partner_uin(at), "100012345678");
    let local = Application {
        id: "local-applicant".into(),
        ..Application::default()
    };
    let uin = local.partner_uin(at);
    assert_eq!(uin.len(), 12);
    assert!(uin.bytes().all(|b| b.is_ascii_digit()), "{uin}");
    assert_eq!(local.initial_profile(&uin).account_id, uin);
}
