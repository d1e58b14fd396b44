//! The data layer natively: the contract on the memory backend, plus migration,
//! corruption and quota handling with planted data.
#![cfg(not(target_arch = "wasm32"))]
mod support;

use futures::executor::block_on;
use partner_console::data::envelope::{self, EnvelopeError};
use partner_console::data::memory::{memory_backend, memory_backend_with_stores};
use partner_console::data::model::QuarantineReason;
use partner_console::data::shapes;
use partner_console::data::{Backend, Collection, DataError, Settings};
use partner_console::domain::{Lang, Role};
use serde_json::json;

#[test]
fn memory_backend_meets_the_contract() {
    block_on(support::contract::all(async || memory_backend()));
}

#[test]
fn v0_values_migrate_to_v1_and_are_written_back() {
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        // What the first prototype wrote: bare JSON, no envelope.
        stores.kv.raw_set(
            "pc/session",
            r#"{"role":"MainAccount","account_id":null,"company_name":"旧数据公司"}"#,
        );
        let bare = support::customer("c1", "甲");
        stores.kv.raw_set("pc/r/customers/c1", &bare.to_string());
        assert!(b.scan().await.unwrap().is_empty());
        let s = b.session().await.unwrap();
        assert_eq!(
            (s.role, s.company_name.as_deref()),
            (Role::MainAccount, Some("旧数据公司"))
        );
        let rec = b.get(Collection::Customers, "c1").await.unwrap().unwrap();
        assert_eq!((rec.rev, rec.data), (1, bare));
        let stored = stores.kv.get_raw("pc/r/customers/c1");
        assert_eq!(
            envelope::decode(&stored).unwrap().stored_version,
            1,
            "rewritten as v1"
        );
    });
}

#[test]
fn newer_schema_is_refused_not_rewritten() {
    assert_eq!(
        envelope::decode(r#"{"v":7,"rev":1,"data":{}}"#),
        Err(EnvelopeError::Newer {
            found: 7,
            supported: 1
        })
    );
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        let newer = r#"{"v":7,"rev":3,"data":{"role":"MainAccount"}}"#;
        stores.kv.raw_set("pc/session", newer);
        stores.kv.raw_set("pc/r/customers/n", newer);
        let found = b.scan().await.unwrap();
        assert!(
            found.iter().all(|q| q.in_place && q.key == q.original_key),
            "listed, not set aside: {found:?}"
        );
        assert_eq!(found.len(), 2);
        assert_eq!(b.session().await, Err(DataError::NewerVersion { found: 7 }));
        assert_eq!(
            b.switch_role(Role::Visitor).await,
            Err(DataError::NewerVersion { found: 7 })
        );
        assert_eq!(
            stores.kv.get_raw("pc/session"),
            newer,
            "left exactly as it was"
        );
        assert_eq!(stores.kv.get_raw("pc/r/customers/n"), newer);
    });
}

#[test]
fn corrupt_values_are_set_aside_and_the_rest_keeps_working() {
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        b.switch_role(Role::MainAccount).await.unwrap();
        b.put(
            Collection::Customers,
            "good",
            support::customer("good", "好"),
            None,
        )
        .await
        .unwrap();
        stores.kv.raw_set(
            "pc/r/customers/bad",
            "{\"v\":1,\"rev\":1,\"data\":{\"name\":\"坏",
        );
        stores.bulk.raw_set("r/statements/x", "garbage");
        let q = b.scan().await.unwrap();
        assert_eq!(q.len(), 2);
        let bad = q
            .iter()
            .find(|e| e.original_key == "pc/r/customers/bad")
            .unwrap();
        assert_eq!(bad.reason, QuarantineReason::NotJson);
        let list = b.list(Collection::Customers).await.unwrap();
        assert_eq!(
            list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["good"]
        );
        // The raw text is kept for export, byte for byte.
        let key = &q
            .iter()
            .find(|e| e.original_key == "pc/r/customers/bad")
            .unwrap()
            .key;
        assert_eq!(
            b.quarantined_raw(key).await.unwrap().unwrap(),
            "{\"v\":1,\"rev\":1,\"data\":{\"name\":\"坏"
        );
        b.discard_quarantined(key).await.unwrap();
        assert_eq!(b.quarantined().await.unwrap().len(), 1);
    });
}

#[test]
fn a_full_quota_refuses_the_write_and_keeps_the_old_value() {
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        b.switch_role(Role::MainAccount).await.unwrap();
        b.put(Collection::Customers, "c", json!({"note": "old"}), None)
            .await
            .unwrap();
        stores.kv.set_limit(Some(400));
        let big = "x".repeat(1000);
        assert_eq!(
            b.put(Collection::Customers, "c", json!({"note": big}), None)
                .await,
            Err(DataError::QuotaExceeded)
        );
        let rec = b.get(Collection::Customers, "c").await.unwrap().unwrap();
        assert_eq!((rec.rev, rec.data), (1, json!({"note": "old"})));
        assert_eq!(
            b.save_settings(&Settings {
                lang: Some(Lang::EnUs),
                ..Default::default()
            })
            .await
            .map(|_| ()),
            Ok(()),
            "small writes still fit"
        );
    });
}

#[test]
fn statements_round_trip_in_chunks_and_a_full_quota_keeps_the_old_ones() {
    use partner_console::data::money::{CHUNK_ROWS, save_statements, stored_bytes};
    use partner_console::domain::money::statement_table::StatementTable;
    use partner_console::domain::sample::generate;
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        b.switch_role(Role::MainAccount).await.unwrap();
        assert!(support::stored_rows(&b).await.unwrap().is_empty());
        let rows = |n, seed| {
            let rows = generate(n, "2026-10".parse().unwrap(), seed).statements;
            StatementTable::from_rows(&rows).unwrap()
        };
        let first = rows(CHUNK_ROWS + 10, 1);
        save_statements(&b, &first).await.unwrap();
        assert_eq!(support::stored_rows(&b).await.unwrap(), first);
        // Index plus two chunks; a second save leaves no old chunk behind.
        let second = rows(50, 2);
        save_statements(&b, &second).await.unwrap();
        assert_eq!(b.list(Collection::Statements).await.unwrap().len(), 2);
        assert_eq!(support::stored_rows(&b).await.unwrap(), second);
        // A quota that cannot hold the new set: refused, the previous rows intact.
        stores.bulk.set_limit(Some(40_000));
        assert_eq!(
            save_statements(&b, &first).await,
            Err(DataError::QuotaExceeded)
        );
        stores.bulk.set_limit(None);
        assert_eq!(support::stored_rows(&b).await.unwrap(), second);
        assert_eq!(b.list(Collection::Statements).await.unwrap().len(), 2);
        // What a refusal says is needed is what the rows take once stored: the chunks'
        // text (the index and the record envelopes are a few bytes more).
        save_statements(&b, &first).await.unwrap();
        let stored: usize = b
            .list(Collection::Statements)
            .await
            .unwrap()
            .iter()
            .filter_map(|r| r.data.get("rows").and_then(|v| v.as_str()).map(str::len))
            .sum();
        assert_eq!(stored_bytes(&first), stored);
        assert!(
            stored > first.len() * 10,
            "{stored} bytes for {} rows",
            first.len()
        );
    });
}

#[test]
fn statements_stored_as_csv_by_an_earlier_version_are_still_read() {
    use partner_console::data::money::{StoredStatements, load_statements, save_statements};
    use partner_console::domain::money::statement_csv::write_statements;
    use partner_console::domain::money::statement_table::StatementTable;
    use partner_console::domain::sample::generate;
    block_on(async {
        let b = memory_backend();
        b.switch_role(Role::MainAccount).await.unwrap();
        let rows = generate(120, "2026-10".parse().unwrap(), 4).statements;
        let (old, new) = rows.split_at(70);
        // The stored shape before the table's own form: an index and CSV chunks.
        for (id, part) in [("g1-0000", old), ("g1-0001", new)] {
            let csv = write_statements(part, Lang::EnUs);
            b.put(Collection::Statements, id, json!({ "csv": csv }), None)
                .await
                .unwrap();
        }
        let index = json!({ "generation": 1, "chunks": ["g1-0000", "g1-0001"], "rows": 120 });
        b.put(Collection::Statements, "index", index, None)
            .await
            .unwrap();
        let table = StatementTable::from_rows(&rows).unwrap();
        // Without the import's reader the caller is told to bring it.
        assert_eq!(
            load_statements(&b, None).await.unwrap(),
            StoredStatements::WrittenAsCsv
        );
        assert_eq!(support::stored_rows(&b).await.unwrap(), table);
        // The next save writes the new form; it reads back the same.
        save_statements(&b, &table).await.unwrap();
        let chunk = b
            .get(Collection::Statements, "g2-0000")
            .await
            .unwrap()
            .unwrap();
        assert!(chunk.data.get("csv").is_none() && chunk.data.get("rows").is_some());
        assert_eq!(support::stored_rows(&b).await.unwrap(), table);
        // A damaged chunk is an error of the whole table, never fewer rows.
        b.put(
            Collection::Statements,
            "g2-0000",
            json!({ "rows": "AQAAAA==" }),
            None,
        )
        .await
        .unwrap();
        assert!(support::stored_rows(&b).await.is_err());
    });
}

#[test]
fn special_rebates_are_main_account_only_in_the_data_layer() {
    use partner_console::data::money::{load_special_rebates, save_sample};
    use partner_console::domain::sample::SampleGenerator;
    block_on(async {
        let b = memory_backend();
        b.switch_role(Role::MainAccount).await.unwrap();
        let data = SampleGenerator::new(600, "2026-10".parse().unwrap(), 4).finish();
        save_sample(&b, &data).await.unwrap();
        assert_eq!(
            load_special_rebates(&b).await.unwrap().len(),
            data.special_rebates.len()
        );
        b.switch_role(Role::SubAccount).await.unwrap();
        assert!(matches!(
            load_special_rebates(&b).await,
            Err(DataError::NotAllowed(_))
        ));
        assert!(matches!(
            save_sample(&b, &data).await,
            Err(DataError::NotAllowed(_))
        ));
    });
}

#[test]
fn the_shell_reads_the_partner_state_alone() {
    use partner_console::data::partner::{LIFECYCLE, load_lifecycle, load_partner_state};
    use partner_console::domain::partner::lifecycle::PartnerState;
    block_on(async {
        let b = memory_backend();
        b.switch_role(Role::ChannelManager).await.unwrap();
        assert_eq!(load_partner_state(&b).await.unwrap(), PartnerState::Active);
        // A history the shell does not need to read: a damaged timestamp in it does not
        // stop the shell; the whole read (a lifecycle page) still sets the record aside.
        b.put(
            Collection::Profiles,
            LIFECYCLE,
            json!({"state": "Settling", "history": [{"from": null, "to": "Settling",
                "at": "not a time", "actor": "Provider", "reason": null}]}),
            None,
        )
        .await
        .unwrap();
        assert_eq!(
            load_partner_state(&b).await.unwrap(),
            PartnerState::Settling
        );
        assert!(b.quarantined().await.unwrap().is_empty());
        assert_eq!(
            load_lifecycle(&b).await.unwrap().state,
            PartnerState::Active
        );
        assert_eq!(b.quarantined().await.unwrap().len(), 1);
    });
}

#[test]
fn a_deregistered_partner_reads_but_no_longer_writes() {
    use partner_console::data::partner::{load_profile, save_lifecycle};
    use partner_console::domain::partner::lifecycle::{Lifecycle, PartnerState};
    block_on(async {
        let b = memory_backend();
        b.switch_role(Role::MainAccount).await.unwrap();
        b.put(
            Collection::Profiles,
            "partner",
            json!({"company_name": "甲"}),
            None,
        )
        .await
        .unwrap();
        b.switch_role(Role::ChannelManager).await.unwrap();
        let gone = Lifecycle {
            state: PartnerState::Deregistered,
            history: Vec::new(),
        };
        save_lifecycle(&b, &gone).await.unwrap();
        b.switch_role(Role::MainAccount).await.unwrap();
        assert!(load_profile(&b).await.unwrap().is_some(), "reading stays");
        assert!(matches!(
            b.put(Collection::Profiles, "partner", json!({}), None)
                .await,
            Err(DataError::NotAllowed(_))
        ));
        assert!(matches!(
            b.delete(Collection::Customers, "c").await,
            Err(DataError::NotAllowed(_))
        ));
        // The provider still settles.
        b.switch_role(Role::ChannelManager).await.unwrap();
        b.put(Collection::Customers, "c", json!({}), None)
            .await
            .unwrap();
    });
}

#[test]
fn a_record_of_the_wrong_shape_is_set_aside_and_reported_when_read() {
    use partner_console::data::partner::load_profile;
    use std::cell::Cell;
    use std::rc::Rc;
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        let told = Rc::new(Cell::new(0));
        let t = told.clone();
        b.on_problem(Rc::new(move || t.set(t.get() + 1)));
        b.switch_role(Role::MainAccount).await.unwrap();
        stores.kv.raw_set(
            "pc/r/profiles/partner",
            r#"{"v":1,"rev":1,"data":"garbage"}"#,
        );
        // Read as a profile: absent, not a parser's message; set aside and reported.
        assert_eq!(load_profile(&b).await.unwrap(), None);
        assert!(told.get() >= 1, "the listener was told");
        let q = b.quarantined().await.unwrap();
        assert_eq!(q.len(), 1);
        assert_eq!(
            (q[0].original_key.as_str(), &q[0].reason),
            ("pc/r/profiles/partner", &QuarantineReason::WrongShape)
        );
        assert!(q[0].detail.contains("invalid type"), "{}", q[0].detail);
        assert_eq!(
            b.quarantined_raw(&q[0].key).await.unwrap().unwrap(),
            r#"{"v":1,"rev":1,"data":"garbage"}"#
        );
    });
}

#[test]
fn the_start_up_scan_sets_aside_records_of_the_wrong_shape_and_an_unreadable_session() {
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        stores
            .kv
            .raw_set("pc/session", r#"{"v":1,"rev":1,"data":{"role":"Emperor"}}"#);
        stores.kv.raw_set(
            "pc/r/customers/good",
            &json!({"v": 1, "rev": 1, "data": support::customer("good", "好")}).to_string(),
        );
        stores.kv.raw_set(
            "pc/r/customers/bad",
            r#"{"v":1,"rev":1,"data":{"name":"只有名字"}}"#,
        );
        // The start-up scan sets aside the session that is not one; records are read
        // as their types by the sweep (and by every typed read).
        let q = b.scan().await.unwrap();
        let keys: Vec<_> = q.iter().map(|e| e.original_key.as_str()).collect();
        assert_eq!(keys, ["pc/session"]);
        assert_eq!(b.session().await.unwrap().role, Role::Visitor);
        b.switch_role(Role::MainAccount).await.unwrap();
        shapes::sweep(&b, shapes::check).await;
        let q = b.quarantined().await.unwrap();
        let mut keys: Vec<_> = q.iter().map(|e| e.original_key.as_str()).collect();
        keys.sort();
        assert_eq!(keys, ["pc/r/customers/bad", "pc/session"]);
        assert!(q.iter().all(|e| e.reason == QuarantineReason::WrongShape));
        assert_eq!(b.list(Collection::Customers).await.unwrap().len(), 1);
    });
}

#[test]
fn one_newer_record_is_withheld_not_its_whole_collection() {
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        b.switch_role(Role::MainAccount).await.unwrap();
        for id in ["a", "b"] {
            b.put(Collection::Customers, id, support::customer(id, id), None)
                .await
                .unwrap();
        }
        let newer = r#"{"v":99,"rev":1,"data":{"from":"the future"}}"#;
        stores.kv.raw_set("pc/r/customers/n", newer);
        let ids: Vec<_> = b
            .list(Collection::Customers)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        let q = b.quarantined().await.unwrap();
        assert_eq!(q.len(), 1);
        assert!(q[0].in_place);
        assert_eq!(q[0].original_key, "pc/r/customers/n");
        assert_eq!(b.quarantined_raw(&q[0].key).await.unwrap().unwrap(), newer);
        assert_eq!(
            stores.kv.get_raw("pc/r/customers/n"),
            newer,
            "left as it was"
        );
    });
}

#[test]
fn several_writes_are_stored_together_or_not_at_all() {
    use partner_console::data::typed::{Write, save_all};
    block_on(async {
        let (b, stores) = memory_backend_with_stores();
        b.switch_role(Role::MainAccount).await.unwrap();
        b.put(
            Collection::Customers,
            "a",
            support::customer("a", "旧"),
            None,
        )
        .await
        .unwrap();
        // The second write conflicts: the first is undone.
        let outcome = save_all(
            &b,
            vec![
                Write::new(
                    Collection::Customers,
                    "a",
                    &support::customer("a", "新"),
                    Some(1),
                )
                .unwrap(),
                Write::new(
                    Collection::Customers,
                    "b",
                    &support::customer("b", "乙"),
                    None,
                )
                .unwrap(),
                Write::new(
                    Collection::Customers,
                    "a",
                    &support::customer("a", "x"),
                    Some(1),
                )
                .unwrap(),
            ],
        )
        .await;
        assert_eq!(outcome, Err(DataError::Conflict { current: 2 }));
        let a = b.get(Collection::Customers, "a").await.unwrap().unwrap();
        assert_eq!(a.data, support::customer("a", "旧"));
        assert_eq!(b.get(Collection::Customers, "b").await.unwrap(), None);
        // A full quota half-way: the same.
        stores.kv.set_limit(Some(stores.kv.used() + 300));
        let long = "长".repeat(200);
        let outcome = save_all(
            &b,
            vec![
                Write::new(
                    Collection::Customers,
                    "a",
                    &support::customer("a", "新"),
                    None,
                )
                .unwrap(),
                Write::new(
                    Collection::Customers,
                    "c",
                    &support::customer("c", &long),
                    None,
                )
                .unwrap(),
            ],
        )
        .await;
        assert_eq!(outcome, Err(DataError::QuotaExceeded));
        let a = b.get(Collection::Customers, "a").await.unwrap().unwrap();
        assert_eq!(a.data, support::customer("a", "旧"));
    });
}

#[test]
fn a_backup_with_a_record_of_the_wrong_shape_is_refused() {
    use partner_console::data::backup::Backup;
    use partner_console::data::error::BackupProblem;
    let text = json!({
        "format": "partner-console-backup", "schema": 1, "exported_at": "2026-11-29T00:00:00Z",
        "session": {"role": "Visitor", "account_id": null, "company_name": null},
        "settings": {},
        "records": [
            {"collection": "customers", "id": "ok", "rev": 1, "data": support::customer("ok", "好")},
            {"collection": "profiles", "id": "partner", "rev": 1, "data": "garbage"}
        ],
        "blobs": []
    })
    .to_string();
    match Backup::parse(&text) {
        Err(DataError::BadBackup(BackupProblem::BadRecord(what))) => {
            assert!(what.starts_with("profiles/partner: "), "{what}")
        }
        other => panic!("accepted or wrong error: {other:?}"),
    }
}

/// A backend whose tab closes after `puts` writes: the next write never completes (the
/// page is gone), so whatever was to follow it never runs.
struct ClosesAfter<'a> {
    inner: &'a dyn Backend,
    puts: std::cell::Cell<usize>,
}

#[async_trait::async_trait(?Send)]
impl Backend for ClosesAfter<'_> {
    fn mode(&self) -> partner_console::data::Mode {
        self.inner.mode()
    }
    async fn session(&self) -> Result<partner_console::data::Session, DataError> {
        self.inner.session().await
    }
    async fn switch_role(&self, role: Role) -> Result<partner_console::data::Session, DataError> {
        self.inner.switch_role(role).await
    }
    async fn save_session(
        &self,
        session: &partner_console::data::Session,
    ) -> Result<partner_console::data::Session, DataError> {
        self.inner.save_session(session).await
    }
    async fn settings(&self) -> Result<Settings, DataError> {
        self.inner.settings().await
    }
    async fn save_settings(&self, settings: &Settings) -> Result<(), DataError> {
        self.inner.save_settings(settings).await
    }
    async fn list(&self, c: Collection) -> Result<Vec<partner_console::data::Record>, DataError> {
        self.inner.list(c).await
    }
    async fn get(
        &self,
        c: Collection,
        id: &str,
    ) -> Result<Option<partner_console::data::Record>, DataError> {
        self.inner.get(c, id).await
    }
    async fn put(
        &self,
        c: Collection,
        id: &str,
        data: serde_json::Value,
        rev: Option<u64>,
    ) -> Result<partner_console::data::Record, DataError> {
        match self.puts.get() {
            0 => futures::future::pending().await,
            n => {
                self.puts.set(n - 1);
                self.inner.put(c, id, data, rev).await
            }
        }
    }
    async fn delete(&self, c: Collection, id: &str) -> Result<(), DataError> {
        self.inner.delete(c, id).await
    }
    async fn put_blob(&self, blob: &partner_console::data::Blob) -> Result<(), DataError> {
        self.inner.put_blob(blob).await
    }
    async fn get_blob(&self, id: &str) -> Result<Option<partner_console::data::Blob>, DataError> {
        self.inner.get_blob(id).await
    }
    async fn delete_blob(&self, id: &str) -> Result<(), DataError> {
        self.inner.delete_blob(id).await
    }
    async fn quarantined(&self) -> Result<Vec<partner_console::data::Quarantined>, DataError> {
        self.inner.quarantined().await
    }
    fn on_problem(&self, notify: partner_console::data::withheld::Notify) {
        self.inner.on_problem(notify)
    }
    async fn set_aside(&self, c: Collection, id: &str, detail: &str) {
        self.inner.set_aside(c, id, detail).await
    }
    async fn quarantined_raw(&self, key: &str) -> Result<Option<String>, DataError> {
        self.inner.quarantined_raw(key).await
    }
    async fn discard_quarantined(&self, key: &str) -> Result<(), DataError> {
        self.inner.discard_quarantined(key).await
    }
    async fn clear_all(&self) -> Result<(), DataError> {
        self.inner.clear_all().await
    }
}

#[test]
fn a_tab_closed_while_statements_are_stored_leaves_the_previous_ones() {
    use partner_console::data::money::{CHUNK_ROWS, save_statements};
    use partner_console::domain::sample::SampleGenerator;
    use std::future::Future;
    use std::task::{Context, Poll};
    let table = |n, seed| {
        SampleGenerator::new(n, "2026-10".parse().unwrap(), seed)
            .finish()
            .statements
    };
    block_on(async {
        let b = memory_backend();
        b.switch_role(Role::MainAccount).await.unwrap();
        let old = table(300, 1);
        save_statements(&b, &old).await.unwrap();
        let new = table(3 * CHUNK_ROWS, 2);
        // The tab closes after each number of writes the new rows take (three chunks and
        // the index): before any, between chunks, and before the index switches.
        for puts in 0..4 {
            let closing = ClosesAfter {
                inner: &b,
                puts: std::cell::Cell::new(puts),
            };
            let mut save = Box::pin(save_statements(&closing, &new));
            let waker = futures::task::noop_waker();
            let polled = save.as_mut().poll(&mut Context::from_waker(&waker));
            assert!(
                matches!(polled, Poll::Pending),
                "closed after {puts} writes"
            );
            drop(save);
            assert_eq!(
                support::stored_rows(&b).await.unwrap(),
                old,
                "closed after {puts} writes"
            );
        }
        // The next import stores in full over whatever the closed one left.
        save_statements(&b, &new).await.unwrap();
        assert_eq!(support::stored_rows(&b).await.unwrap(), new);
        assert_eq!(b.list(Collection::Statements).await.unwrap().len(), 4);
    });
}

#[test]
fn the_statements_index_carries_the_month_rebates_and_an_older_index_learns_them() {
    use partner_console::data::money::{
        load_month_rebates, remember_month_rebates, save_statements,
    };
    use partner_console::domain::money::statement_table::StatementTable;
    use partner_console::domain::sample::generate;
    block_on(async {
        let b = memory_backend();
        b.switch_role(Role::MainAccount).await.unwrap();
        // Nothing stored: no months (not unknown).
        assert_eq!(load_month_rebates(&b).await.unwrap(), Some(Vec::new()));
        let rows = generate(500, "2026-10".parse().unwrap(), 3).statements;
        let table = StatementTable::from_rows(&rows).unwrap();
        save_statements(&b, &table).await.unwrap();
        let months = load_month_rebates(&b).await.unwrap().unwrap();
        // Recounted from the rows: October on the billing basis.
        let october: i64 = rows
            .iter()
            .filter(|r| r.month == "2026-10".parse().unwrap())
            .map(|r| r.rebate.fen())
            .sum();
        let (_, last) = months
            .iter()
            .rev()
            .find(|(m, _)| *m == "2026-10".parse().unwrap())
            .unwrap();
        assert_eq!(last.billing.fen(), october);
        // An index written before it carried them: unknown, until the rows are read once.
        let mut index = b
            .get(Collection::Statements, "index")
            .await
            .unwrap()
            .unwrap();
        index.data.as_object_mut().unwrap().remove("months");
        b.put(
            Collection::Statements,
            "index",
            index.data.clone(),
            Some(index.rev),
        )
        .await
        .unwrap();
        assert_eq!(load_month_rebates(&b).await.unwrap(), None);
        remember_month_rebates(&b, &table).await;
        assert_eq!(load_month_rebates(&b).await.unwrap(), Some(months));
    });
}
