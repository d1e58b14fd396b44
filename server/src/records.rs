//! Reading and writing records. Every write happens in one transaction that locks the
//! stored record, checks the revision the client read (`If-Match`), has the domain judge
//! the change against the stored value ([`crate::judge`]), stores what the judge computed,
//! and adds one line to the audit log.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use partner_domain::records::access;
use partner_domain::records::{Collection, Record, Refusal};
use partner_domain::{Permission, Role};
use serde_json::Value;
use sqlx::{Postgres, Transaction};

use crate::auth::Caller;
use crate::error::{ApiError, JsonBody};
use crate::judge::{self, Judged};
use crate::scope::{self, GLOBAL};
use crate::state::AppState;

/// Which records an operation reaches.
#[derive(Clone, Debug)]
pub enum Scope {
    /// One scope.
    One(String),
    /// The applications in a channel manager's queue: every applicant's referred to them
    /// or to nobody.
    AllApplicants {
        /// The manager.
        manager: String,
    },
}

/// A collection in a scope, after the caller's reach was checked.
#[derive(Clone, Debug)]
pub struct Target {
    /// Where.
    pub scope: Scope,
    /// What.
    pub collection: Collection,
}

impl Target {
    /// The one scope a record `id` of this target is in.
    fn scope_of(&self, id: &str) -> String {
        match &self.scope {
            Scope::One(s) => s.clone(),
            Scope::AllApplicants { .. } => scope::applicant_scope(id),
        }
    }
}

/// A path segment with a control character names nothing (PostgreSQL's text cannot even
/// hold a NUL): 404, as for any record that is not there.
fn named(segment: &str) -> Result<(), ApiError> {
    if segment.chars().any(char::is_control) {
        Err(ApiError::NotFound)
    } else {
        Ok(())
    }
}

/// A partner's collection, if the caller reaches the partner (else 404).
async fn partner_target(
    state: &AppState,
    caller: &Caller,
    partner: &str,
    collection: &str,
) -> Result<Target, ApiError> {
    named(partner)?;
    let collection = scope::collection_named(collection)?;
    if !scope::per_partner(collection)
        || !scope::reaches_partner(&state.pool, caller, partner).await?
    {
        return Err(ApiError::NotFound);
    }
    Ok(Target {
        scope: Scope::One(scope::partner_scope(partner)),
        collection,
    })
}

/// Applications: an applicant reaches its own (its id is its account's), a channel
/// manager every one.
async fn applications_target(
    state: &AppState,
    caller: &Caller,
    id: Option<&str>,
) -> Result<Target, ApiError> {
    let scope = match caller.role {
        Role::ChannelManager => {
            // An application referred to another manager is not in this one's queue.
            if let Some(id) = id {
                let other: Option<String> = sqlx::query_scalar(
                    "SELECT referred_to FROM accounts WHERE id = $1 AND referred_to <> $2",
                )
                .bind(id)
                .bind(&caller.account_id)
                .fetch_optional(&state.pool)
                .await?
                .flatten();
                if other.is_some() {
                    return Err(ApiError::NotFound);
                }
            }
            Scope::AllApplicants {
                manager: caller.account_id.clone(),
            }
        }
        _ => {
            if id.is_some_and(|id| id != caller.account_id) {
                return Err(ApiError::NotFound);
            }
            Scope::One(scope::applicant_scope(&caller.account_id))
        }
    };
    Ok(Target {
        scope,
        collection: Collection::Applications,
    })
}

/// The target and id a record's path names (`/partners/{p}/{collection}/{id}`,
/// `/applications/{id}`, `/announcements/{id}`, `/me/eligibility-checks/{id}`), with the
/// caller's reach checked as the routes check it; anything else is 404.
pub async fn target_of_path(
    state: &AppState,
    caller: &Caller,
    path: &str,
) -> Result<(Target, String), ApiError> {
    let parts: Vec<String> = path
        .trim_start_matches("/api")
        .trim_matches('/')
        .split('/')
        .map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| ApiError::NotFound)
        })
        .collect::<Result<_, _>>()?;
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["partners", partner, collection, id] => Ok((
            partner_target(state, caller, partner, collection).await?,
            id.to_string(),
        )),
        ["applications", id] => Ok((
            applications_target(state, caller, Some(id)).await?,
            id.to_string(),
        )),
        ["announcements", id] => Ok((global(Collection::Announcements), id.to_string())),
        ["me", "eligibility-checks", id] => Ok((mine(caller), id.to_string())),
        _ => Err(ApiError::NotFound),
    }
}

fn refuse(permission: Result<(), Permission>) -> Result<(), ApiError> {
    permission.map_err(|p| ApiError::Refused(Refusal::Role(p)))
}

/// The revision an `If-Match` header names (`"3"`, `3`, `W/"3"`); a malformed one is 412
/// like a stale one — it matches nothing.
fn if_match(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(value) = headers.get("if-match") else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or("");
    let text = text.trim().trim_start_matches("W/").trim_matches('"');
    text.parse::<i64>()
        .map(Some)
        .map_err(|_| ApiError::Stale { current: -1 })
}

fn record_of(id: String, rev: i64, data: Value) -> Record {
    Record {
        id,
        rev: rev as u64,
        data,
    }
}

async fn list(
    state: &AppState,
    caller: &Caller,
    target: Target,
) -> Result<Json<Vec<Record>>, ApiError> {
    refuse(access::may_read(caller.role, target.collection))?;
    let rows: Vec<(String, i64, Value)> = match &target.scope {
        Scope::One(s) => sqlx::query_as(
            "SELECT id, rev, data FROM records WHERE scope = $1 AND collection = $2 ORDER BY id",
        )
        .bind(s)
        .bind(target.collection.name())
        .fetch_all(&state.pool)
        .await?,
        Scope::AllApplicants { manager } => {
            sqlx::query_as(
                "SELECT r.id, r.rev, r.data FROM records r
             LEFT JOIN accounts a ON a.id = substring(r.scope from 12)
             WHERE r.scope LIKE '~applicant/%' AND r.collection = $1
               AND (a.referred_to IS NULL OR a.referred_to = $2)
             ORDER BY r.id",
            )
            .bind(target.collection.name())
            .bind(manager)
            .fetch_all(&state.pool)
            .await?
        }
    };
    Ok(Json(
        rows.into_iter()
            .map(|(id, rev, data)| record_of(id, rev, data))
            .collect(),
    ))
}

async fn get(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: String,
) -> Result<Json<Record>, ApiError> {
    refuse(access::may_read(caller.role, target.collection))?;
    named(&id)?;
    let row: Option<(i64, Value)> = sqlx::query_as(
        "SELECT rev, data FROM records WHERE scope = $1 AND collection = $2 AND id = $3",
    )
    .bind(target.scope_of(&id))
    .bind(target.collection.name())
    .bind(&id)
    .fetch_optional(&state.pool)
    .await?;
    let (rev, data) = row.ok_or(ApiError::NotFound)?;
    Ok(Json(record_of(id, rev, data)))
}

/// The stored record, locked until the transaction ends.
async fn locked(
    tx: &mut Transaction<'_, Postgres>,
    scope: &str,
    collection: Collection,
    id: &str,
) -> Result<Option<(i64, Value)>, ApiError> {
    Ok(sqlx::query_as(
        "SELECT rev, data FROM records WHERE scope = $1 AND collection = $2 AND id = $3 FOR UPDATE",
    )
    .bind(scope)
    .bind(collection.name())
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// One write, judged: `create_only` for a POST (the record must not exist).
async fn write(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: String,
    headers: &HeaderMap,
    body: Record,
    create_only: bool,
) -> Result<Response, ApiError> {
    let expected = if create_only {
        Some(0)
    } else {
        if_match(headers)?
    };
    let mut tx = state.pool.begin().await?;
    let (status, record) = write_in(
        &mut tx,
        caller,
        &target,
        id,
        expected,
        body.data,
        create_only,
    )
    .await?;
    tx.commit().await?;
    Ok((status, Json(record)).into_response())
}

/// One write inside a transaction: lock the stored record, check the revision the client
/// read, judge, store with the next revision, audit, carry out the effects. Nothing is
/// committed here, so a batch is all or nothing.
pub async fn write_in(
    tx: &mut Transaction<'_, Postgres>,
    caller: &Caller,
    target: &Target,
    id: String,
    expected: Option<i64>,
    proposed: Value,
    create_only: bool,
) -> Result<(StatusCode, Record), ApiError> {
    refuse(access::may_write_on_server(caller.role, target.collection))?;
    if id.is_empty() || id.len() > 200 {
        return Err(ApiError::Refused(Refusal::field("id", "length")));
    }
    if id.chars().any(char::is_control) {
        return Err(ApiError::Refused(Refusal::field("id", "control-character")));
    }
    // PostgreSQL's text and jsonb hold no NUL character: refused here as the client's
    // mistake (422), not met in the database as a failure (503). Found by the fuzzer.
    if holds_nul(&proposed) {
        return Err(ApiError::Refused(Refusal::field("data", "nul-character")));
    }
    let scope = target.scope_of(&id);
    let stored = locked(tx, &scope, target.collection, &id).await?;
    let current = stored.as_ref().map_or(0, |(rev, _)| *rev);
    match expected {
        None if stored.is_some() && judge::guarded(target.collection) => {
            return Err(ApiError::PreconditionRequired);
        }
        Some(0) if stored.is_some() && create_only => return Err(ApiError::Exists { current }),
        Some(rev) if rev != current => return Err(ApiError::Stale { current }),
        _ => {}
    }
    let now = Utc::now();
    let write = judge::Write {
        scope: &scope,
        collection: target.collection,
        id: &id,
        caller,
        now,
    };
    let stored_data = stored.as_ref().map(|(_, data)| data);
    let Judged {
        data,
        event,
        effects,
    } = judge::judge(tx, &write, stored_data, proposed).await?;
    if let Some((rev, before)) = &stored
        && *before == data
    {
        // Nothing changed: no new revision, no audit line.
        return Ok((StatusCode::OK, record_of(id, *rev, data)));
    }
    let rev = current + 1;
    // A create that raced another create: the unique key refuses the second.
    let written = sqlx::query(
        "INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (scope, collection, id) DO UPDATE
           SET rev = EXCLUDED.rev, data = EXCLUDED.data,
               updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           WHERE records.rev = $4 - 1",
    )
    .bind(&scope)
    .bind(target.collection.name())
    .bind(&id)
    .bind(rev)
    .bind(&data)
    .bind(now)
    .bind(&caller.account_id)
    .execute(&mut **tx)
    .await?;
    if written.rows_affected() != 1 {
        return Err(ApiError::Stale { current: rev });
    }
    audit(
        tx,
        &scope,
        target.collection,
        &id,
        caller,
        event,
        current,
        rev,
    )
    .await?;
    for effect in effects {
        effect.apply(tx, caller, now).await?;
    }
    let status = if current == 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, record_of(id, rev, data)))
}

/// Whether a JSON value holds a NUL character in any string or key.
fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().any(holds_nul),
        Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || holds_nul(v)),
        _ => false,
    }
}

/// One line of the audit log.
#[allow(clippy::too_many_arguments)]
pub async fn audit(
    tx: &mut Transaction<'_, Postgres>,
    scope: &str,
    collection: Collection,
    id: &str,
    caller: &Caller,
    event: &str,
    rev_before: i64,
    rev_after: i64,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO audit (scope, collection, record_id, actor, role, event, rev_before, rev_after, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())",
    )
    .bind(scope)
    .bind(collection.name())
    .bind(id)
    .bind(&caller.account_id)
    .bind(caller.role.key())
    .bind(event)
    .bind(rev_before)
    .bind(rev_after)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn delete(
    state: &AppState,
    caller: &Caller,
    target: Target,
    id: String,
) -> Result<StatusCode, ApiError> {
    refuse(access::may_write_on_server(caller.role, target.collection))?;
    named(&id)?;
    if judge::guarded(target.collection) {
        // A record with a history is never deleted: its state machine ends it.
        return Err(ApiError::Refused(Refusal::field("id", "cannot-delete")));
    }
    let scope = target.scope_of(&id);
    let mut tx = state.pool.begin().await?;
    let Some((rev, _)) = locked(&mut tx, &scope, target.collection, &id).await? else {
        return Err(ApiError::NotFound);
    };
    sqlx::query("DELETE FROM records WHERE scope = $1 AND collection = $2 AND id = $3")
        .bind(&scope)
        .bind(target.collection.name())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        &scope,
        target.collection,
        &id,
        caller,
        "delete",
        rev,
        0,
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- routes -------------------------------------------------------------------------

/// `GET /api/partners/{partner}/{collection}`
pub async fn partner_list(
    State(s): State<AppState>,
    caller: Caller,
    Path((partner, collection)): Path<(String, String)>,
) -> Result<Json<Vec<Record>>, ApiError> {
    let t = partner_target(&s, &caller, &partner, &collection).await?;
    list(&s, &caller, t).await
}

/// `GET /api/partners/{partner}/{collection}/{id}`
pub async fn partner_get(
    State(s): State<AppState>,
    caller: Caller,
    Path((partner, collection, id)): Path<(String, String, String)>,
) -> Result<Json<Record>, ApiError> {
    let t = partner_target(&s, &caller, &partner, &collection).await?;
    get(&s, &caller, t, id).await
}

/// `PUT /api/partners/{partner}/{collection}/{id}`
pub async fn partner_put(
    State(s): State<AppState>,
    caller: Caller,
    Path((partner, collection, id)): Path<(String, String, String)>,
    headers: HeaderMap,
    JsonBody(body): JsonBody<Record>,
) -> Result<Response, ApiError> {
    let t = partner_target(&s, &caller, &partner, &collection).await?;
    write(&s, &caller, t, id, &headers, body, false).await
}

/// `POST /api/partners/{partner}/{collection}`
pub async fn partner_post(
    State(s): State<AppState>,
    caller: Caller,
    Path((partner, collection)): Path<(String, String)>,
    headers: HeaderMap,
    JsonBody(record): JsonBody<Record>,
) -> Result<Response, ApiError> {
    let t = partner_target(&s, &caller, &partner, &collection).await?;
    write(&s, &caller, t, record.id.clone(), &headers, record, true).await
}

/// `DELETE /api/partners/{partner}/{collection}/{id}`
pub async fn partner_delete(
    State(s): State<AppState>,
    caller: Caller,
    Path((partner, collection, id)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    let t = partner_target(&s, &caller, &partner, &collection).await?;
    delete(&s, &caller, t, id).await
}

/// `GET /api/applications`
pub async fn applications_list(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Record>>, ApiError> {
    let t = applications_target(&s, &caller, None).await?;
    list(&s, &caller, t).await
}

/// `GET /api/applications/{id}`
pub async fn application_get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Record>, ApiError> {
    let t = applications_target(&s, &caller, Some(&id)).await?;
    get(&s, &caller, t, id).await
}

/// `PUT /api/applications/{id}`
pub async fn application_put(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    JsonBody(body): JsonBody<Record>,
) -> Result<Response, ApiError> {
    let t = applications_target(&s, &caller, Some(&id)).await?;
    write(&s, &caller, t, id, &headers, body, false).await
}

/// `GET /api/announcements`
pub async fn announcements_list(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Record>>, ApiError> {
    list(&s, &caller, global(Collection::Announcements)).await
}

/// `PUT /api/announcements/{id}`
pub async fn announcement_put(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    JsonBody(body): JsonBody<Record>,
) -> Result<Response, ApiError> {
    write(
        &s,
        &caller,
        global(Collection::Announcements),
        id,
        &headers,
        body,
        false,
    )
    .await
}

/// `DELETE /api/announcements/{id}`
pub async fn announcement_delete(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    delete(&s, &caller, global(Collection::Announcements), id).await
}

fn global(collection: Collection) -> Target {
    Target {
        scope: Scope::One(GLOBAL.to_string()),
        collection,
    }
}

fn mine(caller: &Caller) -> Target {
    Target {
        scope: Scope::One(scope::user_scope(&caller.account_id)),
        collection: Collection::EligibilityChecks,
    }
}

/// `GET /api/me/eligibility-checks/{id}`
pub async fn self_check_get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Record>, ApiError> {
    let t = mine(&caller);
    get(&s, &caller, t, id).await
}

/// `PUT /api/me/eligibility-checks/{id}`
pub async fn self_check_put(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    JsonBody(body): JsonBody<Record>,
) -> Result<Response, ApiError> {
    let t = mine(&caller);
    write(&s, &caller, t, id, &headers, body, false).await
}
