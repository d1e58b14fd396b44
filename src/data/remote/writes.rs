//! The remote backend's writes as requests: one record as a `PUT` naming the revision it
//! was read at, several as one `POST /batch`, and the plain POSTs of the contract's
//! actions (sign-in, email codes).

use serde_json::{Value, json};

use super::backend::RemoteBackend;
use super::policy::{if_match, parse_record, parse_records};
use super::transport::{HttpRequest, HttpResponse, Method};
use crate::data::backend::PutRecord;
use crate::data::error::DataError;
use crate::data::model::{Collection, Record};

impl RemoteBackend {
    /// `POST /batch`: the writes in one transaction; each names the revision it was read at.
    pub(super) async fn send_batch(&self, writes: &[PutRecord]) -> Result<Vec<Record>, DataError> {
        let mut items = Vec::with_capacity(writes.len());
        for w in writes {
            let url = self
                .record_url(w.collection, &w.id)
                .await?
                .ok_or(DataError::Forbidden)?;
            let path = url[self.config.base_url.len()..].to_string();
            let if_match = self.expected(w.collection, &w.id, w.expected_rev);
            items.push(json!({ "path": path, "if_match": if_match, "data": w.data }));
        }
        let response = {
            let _turn = self.writes.lock().await;
            self.post(self.config.batch_url(), json!({ "writes": items }))
                .await?
        };
        let stored = parse_records(&response.body)?;
        // The server answers the stored records in the order written.
        for (w, r) in writes.iter().zip(&stored) {
            self.saw(w.collection, &w.id, Some(r.rev));
        }
        Ok(stored)
    }

    /// A POST of a JSON body that answers with nothing the app reads.
    pub(super) async fn post(&self, url: String, body: Value) -> Result<HttpResponse, DataError> {
        let request = HttpRequest {
            method: Method::Post,
            url,
            if_match: None,
            body: Some(body.to_string()),
        };
        self.exchange(&request).await
    }

    /// The write itself: a `PUT` of the record, naming the revision it was read at in
    /// `If-Match` (`0`: it must not exist yet; none: whatever is there).
    pub(super) async fn send_write(
        &self,
        collection: Collection,
        id: &str,
        data: &Value,
        expected_rev: Option<u64>,
    ) -> Result<Record, DataError> {
        let sent = Record {
            id: id.to_string(),
            // The server sets the real revision.
            rev: expected_rev.map_or(1, |r| r + 1),
            data: data.clone(),
        };
        let body = serde_json::to_string(&sent).map_err(|e| DataError::Storage(e.to_string()))?;
        // A record no session of this account reaches (a partner's, before it is one).
        let url = self
            .record_url(collection, id)
            .await?
            .ok_or(DataError::Forbidden)?;
        let request = HttpRequest {
            method: Method::Put,
            url,
            if_match: if_match(expected_rev),
            body: Some(body),
        };
        let response = self.exchange(&request).await?;
        // A server that answers without the record (204) stored what was sent.
        Ok(parse_record(&response.body).unwrap_or(sent))
    }
}
