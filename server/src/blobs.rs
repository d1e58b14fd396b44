//! Uploaded files (a bank proof, a licence), kept by the uploader's scope: a partner
//! account's go with its partner, anyone else's with their applicant scope. The bytes are
//! checked with the domain's own rule (`check_image`: JPEG or PNG, at most 2 MiB), and the
//! stored type is the one the bytes show, never the one the body claims.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use partner_domain::Role;
use partner_domain::common::file::check_image;
use partner_domain::records::Refusal;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Caller;
use crate::error::{ApiError, JsonBody};
use crate::scope::{applicant_scope, partner_scope};
use crate::state::AppState;

/// `POST /api/blobs`, as the app's backups write a file.
#[derive(Deserialize)]
pub struct Upload {
    id: String,
    base64: String,
}

/// Where the caller's own files go.
fn own_scope(caller: &Caller) -> String {
    match (&caller.partner_id, caller.role) {
        (Some(p), Role::MainAccount | Role::SubAccount) => partner_scope(p),
        _ => applicant_scope(&caller.account_id),
    }
}

/// Stores a file in the caller's scope (the same id again replaces it).
pub async fn upload(
    State(s): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody<Upload>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    if body.id.is_empty() || body.id.len() > 128 || body.id.chars().any(char::is_control) {
        return Err(Refusal::field("id", "malformed").into());
    }
    let bytes = STANDARD
        .decode(body.base64.as_bytes())
        .map_err(|_| Refusal::field("base64", "malformed"))?;
    let kind = check_image(&bytes).map_err(|_| Refusal::field("base64", "not-an-image"))?;
    sqlx::query(
        "INSERT INTO blobs (scope, id, mime, bytes) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, id) DO UPDATE SET mime = excluded.mime, bytes = excluded.bytes",
    )
    .bind(own_scope(&caller))
    .bind(&body.id)
    .bind(kind.mime())
    .bind(&bytes)
    .execute(&s.pool)
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": body.id }))))
}

/// `GET /api/blobs/{id}`: a file of the caller's own scopes; a channel manager also reads
/// applicants' files (every manager reads the queue) and their partners'. Anything else
/// answers 404, as if it did not exist.
pub async fn download(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let partner = caller.partner_id.as_deref().map(partner_scope);
    let row: Option<(String, Vec<u8>)> = sqlx::query_as(
        "SELECT mime, bytes FROM blobs WHERE id = $1 AND (
           scope = $2 OR scope = $3
           OR ($4 AND (scope LIKE '~applicant/%'
                       OR scope IN (SELECT id FROM partners WHERE manager_id = $5))))
         ORDER BY scope LIMIT 1",
    )
    .bind(&id)
    .bind(applicant_scope(&caller.account_id))
    .bind(partner.unwrap_or_default())
    .bind(caller.role == Role::ChannelManager)
    .bind(&caller.account_id)
    .fetch_optional(&s.pool)
    .await?;
    let (mime, bytes) = row.ok_or(ApiError::NotFound)?;
    Ok(Json(
        json!({ "id": id, "mime": mime, "base64": STANDARD.encode(bytes) }),
    ))
}
