//! The remote backend over an in-memory server speaking the contract: the shared backend
//! contract (records and files), creates and replaces, revision guards, drafts kept until
//! the server confirms, retries for reads only, and every error status reaching the UI as
//! its own error.
#![cfg(not(target_arch = "wasm32"))]
mod support;

use async_trait::async_trait;
use futures::executor::block_on;
use serde_json::json;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use partner_console::data::memory::memory_backend_with_stores;
use partner_console::data::remote::drafts::Drafts;
use partner_console::data::remote::transport::{HttpRequest, HttpResponse, Method, Transport};
use partner_console::data::remote::{RemoteBackend, RemoteConfig};
use partner_console::data::{Backend, Collection, DataError, Record};
use partner_console::domain::Role;

/// A json-server-like server: records by URL, `If-Match` checked, files as sent, faults
/// on demand.
#[derive(Default)]
struct FakeServer {
    records: RefCell<BTreeMap<String, Record>>,
    /// Files by id, as the app sent them (JSON with the bytes in base64).
    blobs: RefCell<BTreeMap<String, String>>,
    log: RefCell<Vec<(Method, String)>>,
    /// The `If-Match` of every write, in order.
    guards: RefCell<Vec<Option<String>>>,
    /// While true, nothing answers (the server is stopped).
    down: Cell<bool>,
    /// The next N requests get this status.
    fail: Cell<(u32, u16)>,
    /// The body of a scripted failure.
    fail_body: RefCell<String>,
    /// Every request's start and end, to see whether requests overlap.
    events: RefCell<Vec<String>>,
}

/// Gives way to other futures once (as a network round trip would).
struct YieldOnce(bool);

impl std::future::Future for YieldOnce {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

const BASE: &str = "http://api.test";

fn answer(status: u16, body: String) -> Result<HttpResponse, DataError> {
    Ok(HttpResponse { status, body })
}

#[async_trait(?Send)]
impl Transport for FakeServer {
    async fn send(&self, r: &HttpRequest) -> Result<HttpResponse, DataError> {
        let what = format!(
            "{} {}",
            r.method.as_str(),
            r.body.clone().unwrap_or_default()
        );
        self.events.borrow_mut().push(format!("start {what}"));
        YieldOnce(false).await;
        let answer = self.answer(r);
        self.events.borrow_mut().push(format!("end {what}"));
        answer
    }

    async fn sleep(&self, _ms: u32) {}
}

impl FakeServer {
    fn answer(&self, r: &HttpRequest) -> Result<HttpResponse, DataError> {
        self.log.borrow_mut().push((r.method, r.url.clone()));
        if r.method != Method::Get {
            self.guards.borrow_mut().push(r.if_match.clone());
        }
        if self.down.get() {
            return Err(DataError::Offline);
        }
        let (n, status) = self.fail.get();
        if n > 0 {
            self.fail.set((n - 1, status));
            return answer(status, self.fail_body.borrow().clone());
        }
        // Ids arrive percent-encoded (only `@` occurs here).
        let path = r.url.strip_prefix(BASE).unwrap().replace("%40", "@");
        if path == "/session" {
            return answer(200, SESSION.into());
        }
        // A partner's records live under its scope, a user's under `/me`: this store keeps
        // one partner's, so the scope is read off and checked.
        let path = match path.strip_prefix("/partners/p1") {
            Some(rest) => rest.to_string(),
            None if path.starts_with("/partners/") => return answer(404, "{}".into()),
            None => path.strip_prefix("/me").unwrap_or(&path).to_string(),
        };
        if path == "/blobs" || path.starts_with("/blobs/") {
            return self.file(r.method, &path, r.body.as_deref());
        }
        let mut records = self.records.borrow_mut();
        match r.method {
            Method::Get if path.matches('/').count() == 1 => {
                let list: Vec<&Record> = records
                    .iter()
                    .filter(|(k, _)| k.starts_with(&format!("{path}/")))
                    .map(|(_, v)| v)
                    .collect();
                answer(200, serde_json::to_string(&list).unwrap())
            }
            Method::Get => match records.get(&path) {
                Some(rec) => answer(200, serde_json::to_string(rec).unwrap()),
                None => answer(404, "{}".into()),
            },
            Method::Post => {
                let mut rec: Record = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
                let key = format!("{path}/{}", rec.id);
                if records.contains_key(&key) {
                    return answer(409, r#"{"current":1}"#.into());
                }
                rec.rev = 1;
                records.insert(key, rec.clone());
                answer(201, serde_json::to_string(&rec).unwrap())
            }
            Method::Put => {
                let current = records.get(&path).map(|r| r.rev);
                let named = r.if_match.as_deref().map(|m| m.parse::<u64>().unwrap());
                // `If-Match: 0` creates only; another revision must be the stored one.
                if named.is_some_and(|n| n != current.unwrap_or(0)) {
                    let current = current.unwrap_or(0);
                    return answer(409, format!(r#"{{"current":{current}}}"#));
                }
                let mut rec: Record = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
                rec.rev = current.unwrap_or(0) + 1;
                records.insert(path, rec.clone());
                answer(
                    if current.is_some() { 200 } else { 201 },
                    serde_json::to_string(&rec).unwrap(),
                )
            }
            Method::Delete => {
                records.remove(&path);
                answer(204, String::new())
            }
        }
    }
}

impl FakeServer {
    /// `POST /blobs` stores a file under the id in its body; `GET` and `DELETE
    /// /blobs/{id}` read and remove it.
    fn file(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
    ) -> Result<HttpResponse, DataError> {
        let mut blobs = self.blobs.borrow_mut();
        let id = path.trim_start_matches("/blobs").trim_start_matches('/');
        match method {
            Method::Post => {
                let body = body.unwrap_or_default();
                let sent: serde_json::Value = serde_json::from_str(body).unwrap();
                blobs.insert(sent["id"].as_str().unwrap().to_string(), body.to_string());
                answer(201, String::new())
            }
            Method::Get => match blobs.get(id) {
                Some(text) => answer(200, text.clone()),
                None => answer(404, "{}".into()),
            },
            Method::Delete => {
                blobs.remove(id);
                answer(204, String::new())
            }
            Method::Put => answer(405, "{}".into()),
        }
    }
}

/// A channel manager with one partner, `p1`.
const SESSION: &str = r#"{"role":"ChannelManager","account_id":"100","partners":[{"id":"p1","company_name":"甲公司"}]}"#;

fn setup() -> (RemoteBackend, Rc<FakeServer>) {
    let server = Rc::new(FakeServer::default());
    let (local, stores) = memory_backend_with_stores();
    let backend = RemoteBackend::new(
        RemoteConfig::new(BASE),
        server.clone(),
        local,
        Drafts::new(stores.kv.clone()),
        stores.kv.clone(),
    );
    (backend, server)
}

fn requests(server: &FakeServer, method: Method) -> usize {
    server
        .log
        .borrow()
        .iter()
        .filter(|(m, _)| *m == method)
        .count()
}

#[test]
fn the_remote_backend_keeps_the_shared_contract_for_records_and_files() {
    block_on(async {
        // The fake server's session is the channel manager's; the contract's records are
        // written as the server allows, whatever the role (the server decides).
        let (b, _) = setup();
        support::contract::records(&b).await;
        let (b, _) = setup();
        support::contract::blobs(&b).await;
    });
}

#[test]
fn writes_create_then_replace_with_revisions() {
    block_on(async {
        let (b, server) = setup();
        // Every write is one PUT of the record: an unknown one is created.
        let r = b
            .put(Collection::Profiles, "partner", json!({"n": 1}), None)
            .await
            .unwrap();
        assert_eq!(r.rev, 1);
        assert_eq!(requests(&server, Method::Put), 1);
        let r = b
            .put(Collection::Profiles, "partner", json!({"n": 2}), Some(1))
            .await
            .unwrap();
        assert_eq!(r.rev, 2);
        let got = b
            .get(Collection::Profiles, "partner")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((got.rev, got.data), (2, json!({"n": 2})));
        // A stale guard: someone else changed it.
        let stale = b
            .put(Collection::Profiles, "partner", json!({"n": 3}), Some(1))
            .await;
        assert_eq!(stale, Err(DataError::Conflict { current: 2 }));
        // …and the refused draft does not hide the server's record.
        let got = b
            .get(Collection::Profiles, "partner")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(got.data, json!({"n": 2}));
        // "Must not exist yet" is a create; a second one conflicts.
        b.put(Collection::Learners, "a@x.cn", json!({}), Some(0))
            .await
            .unwrap();
        assert!(matches!(
            b.put(Collection::Learners, "a@x.cn", json!({}), Some(0))
                .await,
            Err(DataError::Conflict { .. })
        ));
        assert_eq!(b.list(Collection::Learners).await.unwrap().len(), 1);
        b.delete(Collection::Learners, "a@x.cn").await.unwrap();
        b.delete(Collection::Learners, "a@x.cn").await.unwrap();
        assert!(b.list(Collection::Learners).await.unwrap().is_empty());
    });
}

#[test]
fn a_save_while_the_server_is_down_keeps_the_draft_until_it_is_confirmed() {
    block_on(async {
        let (b, server) = setup();
        b.put(Collection::Profiles, "partner", json!({"n": 1}), None)
            .await
            .unwrap();
        server.down.set(true);
        let failed = b
            .put(Collection::Profiles, "partner", json!({"n": 2}), Some(1))
            .await;
        assert_eq!(failed, Err(DataError::Offline));
        assert_eq!(b.pending_drafts(), 1);
        server.down.set(false);
        // A reload reads what the server holds — an unconfirmed write never looks stored —
        // and the form restores the draft over it.
        let got = b
            .get(Collection::Profiles, "partner")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((got.rev, got.data.clone()), (1, json!({"n": 1})));
        let draft = b.draft(Collection::Profiles, "partner", got.rev).await;
        assert_eq!(draft, Some(json!({"n": 2})));
        let listed = b.list(Collection::Profiles).await.unwrap();
        assert_eq!(listed[0].data, json!({"n": 1}));
        // Saving again succeeds and the draft goes.
        b.put(
            Collection::Profiles,
            "partner",
            draft.unwrap(),
            Some(got.rev),
        )
        .await
        .unwrap();
        assert_eq!(b.pending_drafts(), 0);
        assert_eq!(b.draft(Collection::Profiles, "partner", 2).await, None);
        // A draft based on a revision someone else has since replaced is stale: dropped.
        server.down.set(true);
        let _ = b
            .put(Collection::Profiles, "partner", json!({"n": 3}), Some(2))
            .await;
        server.down.set(false);
        assert_eq!(b.draft(Collection::Profiles, "partner", 5).await, None);
        assert_eq!(b.pending_drafts(), 0);
    });
}

#[test]
fn field_errors_and_server_failures_keep_the_draft_and_say_why() {
    block_on(async {
        let (b, server) = setup();
        *server.fail_body.borrow_mut() =
            r#"{"errors":[{"field":"phone","code":"mobile_prefix","message":"bad"}]}"#.into();
        server.fail.set((1, 422));
        let r = b
            .put(Collection::Applications, "me", json!({"phone": "2"}), None)
            .await;
        let Err(DataError::Invalid(issues)) = r else {
            panic!("expected field errors, got {r:?}")
        };
        assert_eq!(issues[0].field, "phone");
        assert_eq!(b.pending_drafts(), 1);
        // A new record only drafted is not on the server, but its form gets it back.
        assert!(b.list(Collection::Applications).await.unwrap().is_empty());
        assert_eq!(
            b.draft(Collection::Applications, "me", 0).await,
            Some(json!({"phone": "2"}))
        );
        server.fail.set((1, 500));
        let r = b
            .put(Collection::Applications, "me", json!({"phone": "3"}), None)
            .await;
        assert_eq!(r, Err(DataError::Server(500)));
        assert_eq!(b.get(Collection::Applications, "me").await, Ok(None));
        assert_eq!(
            b.draft(Collection::Applications, "me", 0).await,
            Some(json!({"phone": "3"}))
        );
    });
}

#[test]
fn reads_are_retried_writes_are_not() {
    block_on(async {
        let (b, server) = setup();
        b.session().await.unwrap();
        server.log.borrow_mut().clear();
        server.fail.set((2, 503));
        assert!(b.list(Collection::Customers).await.unwrap().is_empty());
        assert_eq!(requests(&server, Method::Get), 3);
        server.fail.set((1, 500));
        let r = b.put(Collection::Customers, "1", json!({}), Some(0)).await;
        assert_eq!(r, Err(DataError::Server(500)));
        assert_eq!(requests(&server, Method::Put), 1);
        // Four failures outlast three retries.
        server.fail.set((4, 502));
        assert_eq!(
            b.list(Collection::Customers).await,
            Err(DataError::Server(502))
        );
        // A 403 is an answer, not a failure: no retry.
        server.log.borrow_mut().clear();
        server.fail.set((1, 403));
        assert_eq!(
            b.list(Collection::Customers).await,
            Err(DataError::Forbidden)
        );
        assert_eq!(requests(&server, Method::Get), 1);
    });
}

#[test]
fn the_server_decides_the_session() {
    block_on(async {
        let (b, server) = setup();
        let s = b.session().await.unwrap();
        assert_eq!(s.role, Role::ChannelManager);
        assert_eq!(
            b.switch_role(Role::Visitor).await,
            Err(DataError::Forbidden)
        );
        assert_eq!(b.save_session(&s).await.unwrap(), s);
        server.fail.set((1, 401));
        assert_eq!(b.session().await, Err(DataError::SessionEnded));
        // Preferences stay in the browser.
        let mut prefs = b.settings().await.unwrap();
        prefs.read_announcements.push("a1".into());
        b.save_settings(&prefs).await.unwrap();
        assert_eq!(b.settings().await.unwrap(), prefs);
    });
}

#[test]
fn writes_reach_the_server_one_at_a_time_in_the_order_asked() {
    block_on(async {
        let (b, server) = setup();
        b.put(Collection::Applications, "me", json!({"s": "Draft"}), None)
            .await
            .unwrap();
        server.events.borrow_mut().clear();
        // An autosave and the submission, started together.
        let (first, second) = futures::join!(
            b.put(Collection::Applications, "me", json!({"s": "Draft2"}), None),
            b.put(
                Collection::Applications,
                "me",
                json!({"s": "Submitted"}),
                None
            ),
        );
        first.unwrap();
        second.unwrap();
        let events = server.events.borrow().clone();
        let starts: Vec<usize> = (0..events.len())
            .filter(|i| events[*i].starts_with("start"))
            .collect();
        assert_eq!(starts.len(), 2);
        // The second write starts only after the first ended.
        assert!(events[1].starts_with("end"), "{events:?}");
        let got = b
            .get(Collection::Applications, "me")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(got.data, json!({"s": "Submitted"}));
    });
}

#[test]
fn a_partners_records_are_asked_for_in_the_partner_the_session_works_on() {
    block_on(async {
        let (b, server) = setup();
        let s = b.session().await.unwrap();
        // A manager works on their first partner until they pick another.
        assert_eq!(s.partner_id.as_deref(), Some("p1"));
        assert_eq!(s.company_name.as_deref(), Some("甲公司"));
        b.put(Collection::Customers, "c1", json!({}), None)
            .await
            .unwrap();
        b.list(Collection::Announcements).await.unwrap();
        b.get(Collection::EligibilityChecks, "mine").await.unwrap();
        let urls: Vec<String> = server.log.borrow().iter().map(|(_, u)| u.clone()).collect();
        assert!(
            urls.contains(&format!("{BASE}/partners/p1/customers/c1")),
            "{urls:?}"
        );
        assert!(urls.contains(&format!("{BASE}/announcements")), "{urls:?}");
        assert!(
            urls.contains(&format!("{BASE}/me/eligibility-checks/mine")),
            "{urls:?}"
        );
        // A partner that is not theirs is not offered, and nothing changes.
        assert_eq!(b.work_on("p2").await, Err(DataError::NotFound));
        assert_eq!(
            b.work_on("p1").await.unwrap().partner_id.as_deref(),
            Some("p1")
        );
        // Email codes are the server's own: no URL reaches them.
        assert_eq!(b.get(Collection::EmailCodes, "a@x.cn").await, Ok(None));
    });
}

#[test]
fn a_save_names_the_revision_this_browser_last_read() {
    block_on(async {
        let (b, server) = setup();
        b.put(Collection::Settlements, "2026-11", json!({"n": 1}), None)
            .await
            .unwrap();
        server.guards.borrow_mut().clear();
        // Read at revision 1: the save names it though the caller did not.
        assert_eq!(
            b.get(Collection::Settlements, "2026-11")
                .await
                .unwrap()
                .unwrap()
                .rev,
            1
        );
        b.put(Collection::Settlements, "2026-11", json!({"n": 2}), None)
            .await
            .unwrap();
        // Then it names the revision its own write stored.
        b.put(Collection::Settlements, "2026-11", json!({"n": 3}), None)
            .await
            .unwrap();
        assert_eq!(
            *server.guards.borrow(),
            vec![Some("1".to_string()), Some("2".to_string())]
        );
        // Someone else's write in between: the stale save is refused, not stored.
        server
            .records
            .borrow_mut()
            .get_mut("/settlements/2026-11")
            .unwrap()
            .rev = 9;
        assert!(matches!(
            b.put(Collection::Settlements, "2026-11", json!({"n": 4}), None)
                .await,
            Err(DataError::Conflict { .. })
        ));
        assert_eq!(
            server.records.borrow()["/settlements/2026-11"].data,
            json!({"n": 3})
        );
    });
}
