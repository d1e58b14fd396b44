//! The remote backend: every operation of [`Backend`] as a request of the contract
//! (`public/openapi.yaml`). Per-browser things — preferences, unconfirmed drafts — stay in
//! browser storage; the session and every record come from the server.

use async_trait::async_trait;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;

use super::drafts::{Draft, Drafts, keeps_draft};
use super::policy::{
    RemoteConfig, error_for, parse_record, parse_records, retry_delay_ms, retryable,
};
use super::transport::{HttpRequest, HttpResponse, Method, Transport};
use crate::data::backend::{Backend, PutRecord};
use crate::data::backup::BackupBlob;
use crate::data::error::DataError;
use crate::data::model::{
    Blob, Collection, Mode, QuarantineReason, Quarantined, Record, Session, Settings,
};
use crate::data::store::StoreBackend;
use crate::data::store::traits::KeyValue;
use crate::domain::Role;

/// Remote mode: the server over a [`Transport`], with a local store for preferences and
/// drafts.
pub struct RemoteBackend {
    pub(super) config: RemoteConfig,
    pub(super) transport: Rc<dyn Transport>,
    /// Preferences (and what local storage set aside) stay in the browser.
    local: StoreBackend,
    pub(super) drafts: Drafts,
    /// Preferences of this browser that are not settings (the manager's picked partner).
    pub(super) kv: Rc<dyn KeyValue>,
    /// The session as last read, with the partner the pages work on; `None` until read.
    pub(super) session: RefCell<Option<Session>>,
    /// The revision each record was last read or written at by this browser: a save that
    /// names no revision names this one (`If-Match`), so a record someone else changed
    /// since it was shown is refused as stale instead of overwritten.
    pub(super) seen: RefCell<std::collections::HashMap<(Collection, String), u64>>,
    /// Writes go one at a time, in the order they were asked for: two requests in flight
    /// may reach a server in either order, and the later save must be the one that stays.
    pub(super) writes: futures::lock::Mutex<()>,
}

impl RemoteBackend {
    /// A backend for the server at `config.base_url`. `local` keeps preferences; `drafts`
    /// unconfirmed writes.
    pub fn new(
        config: RemoteConfig,
        transport: Rc<dyn Transport>,
        local: StoreBackend,
        drafts: Drafts,
        kv: Rc<dyn KeyValue>,
    ) -> Self {
        RemoteBackend {
            config,
            transport,
            local,
            drafts,
            kv,
            session: RefCell::new(None),
            seen: RefCell::new(std::collections::HashMap::new()),
            writes: futures::lock::Mutex::new(()),
        }
    }

    /// How many saves are waiting for the server (shown in the connection banner).
    pub fn pending_drafts(&self) -> usize {
        self.drafts.count()
    }

    /// Sends a request; reads are retried with backoff when the server was unreachable
    /// or failed, writes are sent once. A non-success status becomes its error.
    pub(super) async fn exchange(&self, request: &HttpRequest) -> Result<HttpResponse, DataError> {
        let mut attempt = 0;
        loop {
            let outcome = match self.transport.send(request).await {
                Ok(r) if (200..300).contains(&r.status) => return Ok(r),
                Ok(r) => error_for(r.status, &r.body),
                Err(e) => e,
            };
            attempt += 1;
            let delay = retry_delay_ms(&self.config, attempt)
                .filter(|_| request.method.idempotent_read() && retryable(&outcome));
            match delay {
                Some(ms) => self.transport.sleep(ms).await,
                None => return Err(outcome),
            }
        }
    }

    async fn get_text(&self, url: String) -> Result<Option<String>, DataError> {
        match self.exchange(&HttpRequest::new(Method::Get, url)).await {
            Ok(r) => Ok(Some(r.body)),
            Err(DataError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn server_record(
        &self,
        collection: Collection,
        id: &str,
    ) -> Result<Option<Record>, DataError> {
        let Some(url) = self.record_url(collection, id).await? else {
            return Ok(None);
        };
        match self.get_text(url).await? {
            Some(text) => {
                let record = parse_record(&text)?;
                self.saw(collection, &record.id, Some(record.rev));
                Ok(Some(record))
            }
            None => {
                self.saw(collection, id, None);
                Ok(None)
            }
        }
    }

    /// How a server record is named in the problem list.
    fn problem_key(collection: Collection, id: &str) -> String {
        format!("{}/{id}", collection.name())
    }

    fn withhold(&self, key: &str, detail: String, data: &Value) {
        self.local
            .withheld()
            .add(key, QuarantineReason::WrongShape, detail, data.to_string());
    }
}

#[async_trait(?Send)]
impl Backend for RemoteBackend {
    fn mode(&self) -> Mode {
        Mode::Remote
    }

    async fn session(&self) -> Result<Session, DataError> {
        let text = self
            .get_text(self.config.session_url())
            .await?
            .ok_or(DataError::SessionEnded)?;
        let session = serde_json::from_str(&text)
            .map_err(|e| DataError::Storage(format!("the server sent a malformed session: {e}")))?;
        Ok(self.working_session(session))
    }

    fn applies_effects(&self) -> bool {
        self.session
            .borrow()
            .as_ref()
            .is_some_and(|s| s.applies_effects)
    }

    async fn put_together(&self, writes: &[PutRecord]) -> Option<Result<Vec<Record>, DataError>> {
        // Only a server that applies the effects speaks the batch of the contract; a plain
        // record store gets the writes one by one.
        if !self.applies_effects() {
            return None;
        }
        Some(self.send_batch(writes).await)
    }

    async fn sign_in(&self, email: &str, password: &str) -> Result<Session, DataError> {
        let body = json!({ "email": email, "password": password });
        // The answer sets the session cookie; the token never reaches this code.
        self.post(self.config.sign_in_url(), body).await?;
        self.session().await
    }

    async fn sign_out(&self) -> Result<(), DataError> {
        let request = HttpRequest::new(Method::Post, self.config.sign_out_url());
        let outcome = self.exchange(&request).await.map(|_| ());
        // Another account may sign in here next: it gets none of this one's drafts.
        self.drafts.clear();
        *self.session.borrow_mut() = None;
        outcome
    }

    async fn work_on(&self, partner: &str) -> Result<Session, DataError> {
        let known = self.session.borrow().clone();
        let session = match known {
            Some(s) => s,
            None => self.session().await?,
        };
        if !session.partners.iter().any(|p| p.id == partner) {
            return Err(DataError::NotFound);
        }
        self.kv.set(super::scope::PICKED_PARTNER, partner)?;
        Ok(self.working_session(session))
    }

    async fn send_email_code(&self, email: &str) -> Result<(), DataError> {
        let partner = self.partner().await?.ok_or(DataError::Forbidden)?;
        let url = self.config.email_code_url(&partner, false);
        self.post(url, json!({ "email": email })).await.map(|_| ())
    }

    async fn confirm_email_code(&self, email: &str, code: &str) -> Result<(), DataError> {
        let partner = self.partner().await?.ok_or(DataError::Forbidden)?;
        let url = self.config.email_code_url(&partner, true);
        self.post(url, json!({ "email": email, "code": code }))
            .await
            .map(|_| ())
    }

    async fn switch_role(&self, _role: Role) -> Result<Session, DataError> {
        // The server's session decides the role.
        Err(DataError::Forbidden)
    }

    async fn save_session(&self, _session: &Session) -> Result<Session, DataError> {
        // The server derives the session (e.g. the company name after admission); the
        // app only reads it back.
        self.session().await
    }

    async fn settings(&self) -> Result<Settings, DataError> {
        self.local.settings().await
    }

    async fn save_settings(&self, settings: &Settings) -> Result<(), DataError> {
        self.local.save_settings(settings).await
    }

    async fn list(&self, collection: Collection) -> Result<Vec<Record>, DataError> {
        let Some(url) = self.collection_url(collection).await? else {
            return Ok(Vec::new());
        };
        let text = self
            .get_text(url)
            .await?
            .unwrap_or_else(|| "[]".to_string());
        let mut records = parse_records(&text)?;
        for r in &records {
            self.saw(collection, &r.id, Some(r.rev));
        }
        crate::domain::common::order::sort_by(&mut records, |a, b| a.id.cmp(&b.id));
        Ok(records)
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Record>, DataError> {
        self.server_record(collection, id).await
    }

    async fn draft(&self, collection: Collection, id: &str, current_rev: u64) -> Option<Value> {
        self.drafts.current(collection, id, current_rev)
    }

    async fn put(
        &self,
        collection: Collection,
        id: &str,
        data: Value,
        expected_rev: Option<u64>,
    ) -> Result<Record, DataError> {
        self.drafts.keep(
            collection,
            id,
            &Draft {
                base_rev: expected_rev,
                data: data.clone(),
            },
        );
        let result = {
            let _turn = self.writes.lock().await;
            // Named once the writes before it are done: one of them may be this record's.
            let expected_rev = self.expected(collection, id, expected_rev);
            self.send_write(collection, id, &data, expected_rev).await
        };
        match &result {
            Err(e) if keeps_draft(e) => {}
            _ => self.drafts.forget(collection, id),
        }
        if let Ok(stored) = &result {
            self.saw(collection, id, Some(stored.rev));
        }
        result
    }

    async fn delete(&self, collection: Collection, id: &str) -> Result<(), DataError> {
        let Some(url) = self.record_url(collection, id).await? else {
            return Ok(());
        };
        let request = HttpRequest::new(Method::Delete, url);
        let _turn = self.writes.lock().await;
        match self.exchange(&request).await {
            Ok(_) | Err(DataError::NotFound) => {
                self.drafts.forget(collection, id);
                self.saw(collection, id, None);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    async fn put_blob(&self, blob: &Blob) -> Result<(), DataError> {
        let body = serde_json::to_string(&BackupBlob::from_blob(blob))
            .map_err(|e| DataError::Storage(e.to_string()))?;
        let request = HttpRequest {
            method: Method::Post,
            url: self.config.blob_url(None),
            if_match: None,
            body: Some(body),
        };
        let _turn = self.writes.lock().await;
        self.exchange(&request).await.map(|_| ())
    }

    async fn get_blob(&self, id: &str) -> Result<Option<Blob>, DataError> {
        match self.get_text(self.config.blob_url(Some(id))).await? {
            Some(text) => serde_json::from_str::<BackupBlob>(&text)
                .map_err(|e| DataError::Storage(format!("the server sent a malformed file: {e}")))?
                .to_blob()
                .map(Some),
            None => Ok(None),
        }
    }

    async fn delete_blob(&self, id: &str) -> Result<(), DataError> {
        let request = HttpRequest::new(Method::Delete, self.config.blob_url(Some(id)));
        match self.exchange(&request).await {
            Ok(_) | Err(DataError::NotFound) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn quarantined(&self) -> Result<Vec<Quarantined>, DataError> {
        self.local.quarantined().await
    }

    fn on_problem(&self, notify: crate::data::withheld::Notify) {
        self.local.on_problem(notify);
    }

    async fn set_aside(&self, collection: Collection, id: &str, detail: &str) {
        // The server's record stays where it is; this page only withholds it.
        let data = match self.server_record(collection, id).await {
            Ok(Some(r)) => r.data,
            _ => Value::Null,
        };
        self.withhold(
            &Self::problem_key(collection, id),
            detail.to_string(),
            &data,
        );
    }

    async fn quarantined_raw(&self, key: &str) -> Result<Option<String>, DataError> {
        self.local.quarantined_raw(key).await
    }

    async fn discard_quarantined(&self, key: &str) -> Result<(), DataError> {
        self.local.discard_quarantined(key).await
    }

    async fn clear_all(&self) -> Result<(), DataError> {
        // Only this browser's part: preferences and unsent drafts.
        self.drafts.clear();
        self.local.save_settings(&Settings::default()).await
    }
}
