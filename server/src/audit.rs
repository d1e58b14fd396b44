//! Reading the audit log: a partner's main account and its channel manager see every
//! write in the partner's scope; an employee's account does not.

use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use partner_domain::records::Refusal;
use partner_domain::{Permission, Role};
use serde::Serialize;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::scope;
use crate::state::AppState;

/// One write.
#[derive(Serialize, sqlx::FromRow)]
pub struct AuditLine {
    seq: i64,
    collection: String,
    record_id: String,
    actor: String,
    role: String,
    event: String,
    rev_before: i64,
    rev_after: i64,
    at: DateTime<Utc>,
}

/// `GET /api/partners/{partner}/audit`, newest first (at most 500 lines).
pub async fn partner_audit(
    State(s): State<AppState>,
    caller: Caller,
    Path(partner): Path<String>,
) -> Result<Json<Vec<AuditLine>>, ApiError> {
    if !scope::reaches_partner(&s.pool, &caller, &partner).await? {
        return Err(ApiError::NotFound);
    }
    if !matches!(caller.role, Role::MainAccount | Role::ChannelManager) {
        return Err(ApiError::Refused(Refusal::Role(
            Permission::EditCompanyData,
        )));
    }
    let lines = sqlx::query_as(
        "SELECT seq, collection, record_id, actor, role, event, rev_before, rev_after, at
         FROM audit WHERE scope = $1 ORDER BY seq DESC LIMIT 500",
    )
    .bind(scope::partner_scope(&partner))
    .fetch_all(&s.pool)
    .await?;
    Ok(Json(lines))
}
