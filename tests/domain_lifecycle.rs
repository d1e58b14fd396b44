//! Certificates, the partner lifecycle and announcements (RULES §Certificate, §Termination, §Announcements).
#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, TimeZone, Utc};
use partner_console::domain::common::transition::{Actor, TransitionError};
use partner_console::domain::partner::announcement::{self, Announcement, AnnouncementField};
use partner_console::domain::partner::certificate::*;
use partner_console::domain::partner::lifecycle::*;
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
