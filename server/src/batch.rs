//! `POST /api/batch`: several writes that stand or fall together (an approval and what it
//! brings, a sheet and its customer …) in one transaction — each judged exactly as if sent
//! alone; the first refusal rolls every one back and is the answer, naming its index.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use partner_domain::records::Record;
use serde::Deserialize;
use serde_json::Value;

use crate::auth::Caller;
use crate::error::{ApiError, JsonBody};
use crate::records::{target_of_path, write_in};
use crate::state::AppState;

/// The most writes one batch may hold.
pub const MAX_WRITES: usize = 100;

/// One write of a batch.
#[derive(Deserialize)]
pub struct BatchWrite {
    /// The record's path, as for a single `PUT` (`/partners/{p}/settlements/2026-11`).
    path: String,
    /// The revision read (`0`: must not exist yet); required for records with a state
    /// machine, as `If-Match` is.
    #[serde(default)]
    if_match: Option<i64>,
    /// The record's data.
    data: Value,
}

/// The body.
#[derive(Deserialize)]
pub struct Batch {
    writes: Vec<BatchWrite>,
}

/// Runs the writes in order in one transaction.
pub async fn batch(
    State(s): State<AppState>,
    caller: Caller,
    JsonBody(batch): JsonBody<Batch>,
) -> Result<Response, ApiError> {
    if batch.writes.is_empty() || batch.writes.len() > MAX_WRITES {
        return Err(ApiError::BadBody(format!("1 to {MAX_WRITES} writes")));
    }
    let mut targets = Vec::with_capacity(batch.writes.len());
    for w in &batch.writes {
        targets.push(target_of_path(&s, &caller, &w.path).await?);
    }
    let mut tx = s.pool.begin().await?;
    let mut stored: Vec<Record> = Vec::with_capacity(targets.len());
    for (index, (w, (target, id))) in batch.writes.into_iter().zip(targets).enumerate() {
        match write_in(&mut tx, &caller, &target, id, w.if_match, w.data, false).await {
            Ok((_, record)) => stored.push(record),
            Err(e) => {
                // Dropping the transaction rolls back every earlier write of the batch.
                let mut response = e.into_response();
                response
                    .headers_mut()
                    .insert("x-batch-index", index.to_string().parse().expect("digits"));
                return Ok(response);
            }
        }
    }
    tx.commit().await?;
    Ok((StatusCode::OK, Json(stored)).into_response())
}
