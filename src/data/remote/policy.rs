//! Remote mode's HTTP policy, written once and tested natively: where each operation goes
//! (public/openapi.yaml), how a response status becomes a [`DataError`], and which
//! failures are retried and after how long.

use serde::Deserialize;

use crate::data::error::{DataError, FieldIssue};
use crate::data::model::{Collection, Record};
use crate::domain::records::ScopeKind;

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

    /// `POST /sign-in`.
    pub fn sign_in_url(&self) -> String {
        format!("{}/sign-in", self.base_url)
    }

    /// `POST /batch`.
    pub fn batch_url(&self) -> String {
        format!("{}/batch", self.base_url)
    }

    /// `POST /sign-out`.
    pub fn sign_out_url(&self) -> String {
        format!("{}/sign-out", self.base_url)
    }

    /// Where a collection lives for a session working on `partner` (`None`: on no
    /// partner — a visitor, or a manager who has none yet). `None` when the caller
    /// reaches no such records: a partner's collections without a partner, and email
    /// codes, which only the server reads.
    pub fn collection_url(&self, collection: Collection, partner: Option<&str>) -> Option<String> {
        let base = &self.base_url;
        let name = collection.name();
        match collection.scope() {
            ScopeKind::Partner => {
                partner.map(|p| format!("{base}/partners/{}/{name}", encode_segment(p)))
            }
            ScopeKind::Applicant | ScopeKind::Global => Some(format!("{base}/{name}")),
            ScopeKind::User => Some(format!("{base}/me/{name}")),
            ScopeKind::ServerOnly => None,
        }
    }

    /// `…/{collection}/{id}`, the id percent-encoded (see [`Self::collection_url`]).
    pub fn record_url(
        &self,
        collection: Collection,
        partner: Option<&str>,
        id: &str,
    ) -> Option<String> {
        self.collection_url(collection, partner)
            .map(|c| format!("{c}/{}", encode_segment(id)))
    }

    /// `/partners/{partner}/email-codes` (send) and `…/email-codes/confirm`.
    pub fn email_code_url(&self, partner: &str, confirm: bool) -> String {
        format!(
            "{}/partners/{}/email-codes{}",
            self.base_url,
            encode_segment(partner),
            if confirm { "/confirm" } else { "" }
        )
    }

    /// `/blobs` (upload) and `/blobs/{id}`.
    pub fn blob_url(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => format!("{}/blobs/{}", self.base_url, encode_segment(id)),
            None => format!("{}/blobs", self.base_url),
        }
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
struct CodeBody {
    #[serde(default)]
    code: String,
    #[serde(default)]
    retry_after: u64,
}

#[derive(Deserialize)]
struct InvalidBody {
    errors: Vec<FieldIssue>,
}

/// The error a non-success status stands for (the body is read for 401, 409, 422 and 429).
pub fn error_for(status: u16, body: &str) -> DataError {
    match status {
        401 => match serde_json::from_str::<CodeBody>(body) {
            Ok(b) if b.code == "sign-in-failed" => DataError::SignInRefused,
            _ => DataError::SessionEnded,
        },
        429 => DataError::SlowDown(
            serde_json::from_str::<CodeBody>(body).map_or(1, |b| b.retry_after.max(1)),
        ),
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
