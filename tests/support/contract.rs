//! The data-layer contract: what every backend must do, run natively against the memory
//! backend and the remote backend (over a fake server), and in the browser against
//! localStorage + IndexedDB. `records` and `blobs` hold for every backend; the session,
//! the role rules and backups are local mode's (a server decides the session and keeps
//! its own rules and backups).
#![allow(dead_code)]

use partner_console::data::backup::Backup;
use partner_console::data::error::{BackupProblem, DataError};
use partner_console::data::store::StoreBackend;
use partner_console::data::{Backend, Blob, Collection, Settings};
use partner_console::domain::{Lang, Permission, Role};
use serde_json::json;

/// Role and settings persist.
pub async fn session_and_settings(b: &dyn Backend) {
    assert_eq!(
        b.session().await.unwrap().role,
        Role::Visitor,
        "a fresh store is a visitor"
    );
    let s = b.switch_role(Role::SubAccount).await.unwrap();
    assert_eq!(s.role, Role::SubAccount);
    assert_eq!(b.session().await.unwrap().role, Role::SubAccount);
    b.save_settings(&Settings {
        lang: Some(Lang::EnUs),
        my_learners: vec!["200001".into()],
        read_announcements: vec!["a1".into()],
    })
    .await
    .unwrap();
    assert_eq!(b.settings().await.unwrap().lang, Some(Lang::EnUs));
}

/// Records: create, read, list in id order, revisions, conflicts, delete. The backend's
/// session must be one that writes customers and statements (a main account).
pub async fn records(b: &dyn Backend) {
    let c = Collection::Customers;
    let r1 = b.put(c, "b", json!({"name": "乙"}), Some(0)).await.unwrap();
    assert_eq!(r1.rev, 1);
    b.put(c, "a", json!({"name": "甲"}), None).await.unwrap();
    let ids: Vec<String> = b.list(c).await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(
        b.put(c, "b", json!({"name": "x"}), Some(0)).await,
        Err(DataError::Conflict { current: 1 }),
        "creating over an existing record is a conflict"
    );
    let r2 = b
        .put(c, "b", json!({"name": "乙2"}), Some(1))
        .await
        .unwrap();
    assert_eq!(r2.rev, 2);
    assert_eq!(
        b.put(c, "b", json!({"name": "stale"}), Some(1)).await,
        Err(DataError::Conflict { current: 2 })
    );
    assert_eq!(
        b.get(c, "b").await.unwrap().unwrap().data,
        json!({"name": "乙2"})
    );
    b.delete(c, "b").await.unwrap();
    assert_eq!(b.get(c, "b").await.unwrap(), None);
    // Large-tier collections behave the same.
    let s = Collection::Statements;
    b.put(s, "2026-01/1", json!({"rebate": "1.00"}), None)
        .await
        .unwrap();
    b.put(s, "2026-01/2", json!({"rebate": "2.00"}), None)
        .await
        .unwrap();
    assert_eq!(b.list(s).await.unwrap().len(), 2);
}

/// The data layer refuses what the role may not do, whatever the UI shows.
pub async fn access_rules(b: &dyn Backend) {
    b.switch_role(Role::SubAccount).await.unwrap();
    assert_eq!(
        b.put(Collection::Profiles, "me", json!({}), None).await,
        Err(DataError::NotAllowed(Permission::EditCompanyData))
    );
    assert!(matches!(
        b.list(Collection::SpecialRebates).await,
        Err(DataError::NotAllowed(_))
    ));
    assert!(b.list(Collection::Statements).await.is_ok());
    b.switch_role(Role::MainAccount).await.unwrap();
    assert!(b.list(Collection::SpecialRebates).await.is_ok());
}

/// A 2 MiB PNG survives a round trip byte for byte, and comes back as a PNG (a server's
/// file is typed by its content, not by what it claims).
pub async fn blobs(b: &dyn Backend) {
    let mut bytes: Vec<u8> = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    bytes.extend((8..2 * 1024 * 1024).map(|i| (i % 251) as u8));
    let blob = Blob {
        id: "licence".into(),
        mime: "image/png".into(),
        bytes,
    };
    b.put_blob(&blob).await.unwrap();
    assert_eq!(b.get_blob("licence").await.unwrap(), Some(blob));
    b.delete_blob("licence").await.unwrap();
    assert_eq!(b.get_blob("licence").await.unwrap(), None);
}

/// Export → clear → import gives back everything; bad files change nothing.
pub async fn backup_round_trip(b: &StoreBackend) {
    b.switch_role(Role::MainAccount).await.unwrap();
    b.save_settings(&Settings {
        lang: Some(Lang::EnUs),
        my_learners: vec!["200001".into()],
        read_announcements: vec!["a1".into()],
    })
    .await
    .unwrap();
    b.put(
        Collection::Customers,
        "c1",
        super::customer("c1", "客户一"),
        None,
    )
    .await
    .unwrap();
    b.put(Collection::Statements, "s1", super::chunk("9.99"), None)
        .await
        .unwrap();
    b.put_blob(&Blob {
        id: "f".into(),
        mime: "image/jpeg".into(),
        bytes: vec![0xFF, 0xD8, 0xFF, 1],
    })
    .await
    .unwrap();
    let text = b.export_all().await.unwrap().to_json();

    b.clear_all().await.unwrap();
    assert_eq!(b.session().await.unwrap().role, Role::Visitor);
    assert_eq!(b.get_blob("f").await.unwrap(), None);

    let backup = Backup::parse(&text).unwrap();
    b.import_all(&backup).await.unwrap();
    assert_eq!(b.session().await.unwrap().role, Role::MainAccount);
    assert_eq!(b.settings().await.unwrap().lang, Some(Lang::EnUs));
    assert_eq!(
        b.get(Collection::Customers, "c1")
            .await
            .unwrap()
            .unwrap()
            .data,
        super::customer("c1", "客户一")
    );
    assert_eq!(
        b.get(Collection::Statements, "s1")
            .await
            .unwrap()
            .unwrap()
            .data,
        super::chunk("9.99")
    );
    assert_eq!(
        b.get_blob("f").await.unwrap().unwrap().bytes,
        vec![0xFF, 0xD8, 0xFF, 1]
    );

    assert_eq!(
        Backup::parse("not json").unwrap_err(),
        DataError::BadBackup(BackupProblem::NotABackup)
    );
    assert_eq!(
        Backup::parse(r#"{"format":"other"}"#).unwrap_err(),
        DataError::BadBackup(BackupProblem::NotABackup)
    );
    let newer = text.replacen("\"schema\": 1", "\"schema\": 99", 1);
    assert_eq!(
        Backup::parse(&newer).unwrap_err(),
        DataError::BadBackup(BackupProblem::NewerVersion {
            found: 99,
            supported: 1
        })
    );
    let bad_blob = text.replacen("\"base64\": \"", "\"base64\": \"!!", 1);
    assert!(matches!(
        Backup::parse(&bad_blob),
        Err(DataError::BadBackup(BackupProblem::BadRecord(_)))
    ));
    // Nothing was touched by the refused files.
    assert_eq!(
        b.get(Collection::Customers, "c1")
            .await
            .unwrap()
            .unwrap()
            .rev,
        1
    );
}

/// Runs every contract check on fresh backends made by `make`.
pub async fn all<F: AsyncFnMut() -> StoreBackend>(mut make: F) {
    session_and_settings(&make().await).await;
    let b = make().await;
    b.switch_role(Role::MainAccount).await.unwrap();
    records(&b).await;
    access_rules(&make().await).await;
    blobs(&make().await).await;
    backup_round_trip(&make().await).await;
}
