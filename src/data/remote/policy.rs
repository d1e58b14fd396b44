//! Remote mode's HTTP policy, written once and tested natively: where each operation goes
//! (public/openapi.yaml), how a response status becomes a [`DataError`], and which
//! failures are retried and after how long.

use serde::Deserialize;

use crate::data::error::{DataError, FieldIssue};
use crate::data::model::{Collection, Record};

/// Where the backend is and how patient to be with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteConfig {
    /// The API root, e.g. `https://partners.example.com/api` (no trailing slash needed).
    pub base_url: String,
    /// How long one request may take before it counts as offline.
    pub timeout_ms: u32,
    /// How many times a failed read is tried again (writes never are).
    pub read_retries: u32,
}

impl RemoteConfig {
    /// A config with the defaults: 15 s per request, 3 retries for reads.
    pub fn new(base_url: &str) -> Self {
        RemoteConfig {
            base_url: base_url.trim_end_matches('/').to_string(),
            timeout_ms: 15_000,
            read_retries: 3,
        }
    }

    /// `GET /session`.
    pub fn session_url(&self) -> String {
        format!("{}/session", self.base_url)
    }

    /// `/{collection}`.
    pub fn collection_url(&self, collection: Collection) -> String {
        format!("{}/{}", self.base_url, collection.name())
    }

    /// `/{collection}/{id}`, the id percent-encoded.
    pub fn record_url(&self, collection: Collection, id: &str) -> String {
        format!("{}/{}", self.collection_url(collection), encode_segment(id))
    }

    /// `/blobs/{id}`.
    pub fn blob_url(&self, id: &str) -> String {
        format!("{}/blobs/{}", self.base_url, encode_segment(id))
    }
}

/// Percent-encodes a path segment (everything but RFC 3986's unreserved characters).
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Deserialize)]
struct ConflictBody {
    current: u64,
}

#[derive(Deserialize)]
struct InvalidBody {
    errors: Vec<FieldIssue>,
}

/// The error a non-success status stands for (the body is read for 409 and 422).
pub fn error_for(status: u16, body: &str) -> DataError {
    match status {
        401 => DataError::SessionEnded,
        403 => DataError::Forbidden,
        404 => DataError::NotFound,
        // 409: the record moved on (a revision or a state); 412 and 428: HTTP's own codes
        // for a stale or a missing `If-Match` (the reference server) — each means the page
        // no longer shows what is stored: reload and say what changed.
        409 | 412 | 428 => DataError::Conflict {
            current: serde_json::from_str::<ConflictBody>(body).map_or(0, |b| b.current),
        },
        413 => DataError::QuotaExceeded,
        422 => match serde_json::from_str::<InvalidBody>(body) {
            Ok(b) => DataError::Invalid(b.errors),
            Err(_) => DataError::Server(422),
        },
        other => DataError::Server(other),
    }
}

/// Whether a failed request is worth trying again: only when the server was not reached
/// or failed itself — never when it answered about the request.
pub fn retryable(error: &DataError) -> bool {
    matches!(error, DataError::Offline) || matches!(error, DataError::Server(s) if *s >= 500)
}

/// How long to wait before retry number `attempt` (1-based) of a read, or `None` when the
/// retries are used up: 300 ms, 600 ms, 1.2 s, … (doubling).
pub fn retry_delay_ms(config: &RemoteConfig, attempt: u32) -> Option<u32> {
    (attempt >= 1 && attempt <= config.read_retries).then(|| 300u32 << (attempt - 1).min(6))
}

/// Reads a record the backend sent, refusing one that does not fit the contract.
pub fn parse_record(text: &str) -> Result<Record, DataError> {
    serde_json::from_str::<Record>(text)
        .map_err(|e| DataError::Storage(format!("the server sent a malformed record: {e}")))
}

/// Reads a list of records.
pub fn parse_records(text: &str) -> Result<Vec<Record>, DataError> {
    serde_json::from_str::<Vec<Record>>(text)
        .map_err(|e| DataError::Storage(format!("the server sent a malformed list: {e}")))
}

/// The `If-Match` header value for an expected revision.
pub fn if_match(expected_rev: Option<u64>) -> Option<String> {
    expected_rev.map(|r| r.to_string())
}

/// Why a backend address was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseUrlProblem {
    /// Nothing typed.
    Empty,
    /// Not `http://…` or `https://…` with a host.
    NotHttp,
    /// Carries a query, fragment or credentials — the token goes in a header, never in
    /// the address.
    Extras,
}

/// Checks a backend address typed by a user; returns it trimmed, without trailing slash.
pub fn check_base_url(url: &str) -> Result<String, BaseUrlProblem> {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        return Err(BaseUrlProblem::Empty);
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or(BaseUrlProblem::NotHttp)?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(BaseUrlProblem::NotHttp);
    }
    if url.contains(['?', '#']) || host.contains('@') {
        return Err(BaseUrlProblem::Extras);
    }
    Ok(url.to_string())
}
