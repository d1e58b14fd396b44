//! Sign-in, sessions and who is calling. Passwords are argon2id hashes; a session is a
//! random token the client holds — in an HttpOnly, SameSite=Strict cookie for the app on
//! the same origin, or as a bearer token for an embedding host — and the server keeps only
//! its SHA-256. Repeated failures on one address slow sign-in down for that address.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use partner_domain::Role;
use partner_domain::common::transition::Actor;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::state::AppState;

/// The cookie that carries the session for the same-origin app.
pub const COOKIE: &str = "pc_session";
/// How long a session lasts without signing in again.
pub const SESSION_HOURS: i64 = 12;
/// Failures allowed before each further attempt waits (then 2, 4, 8 … s, at most 15 min).
const FREE_FAILURES: i32 = 5;

/// A password's argon2id PHC string (salt chosen by the crate). Slow by design: run it
/// off the async threads.
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 hashes any password")
        .to_string()
}

/// Whether `password` matches a stored PHC string.
pub fn password_matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A fresh random session token (32 bytes, URL-safe base64).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS gives random bytes");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The signed-in account a request acts for.
#[derive(Clone, Debug)]
pub struct Caller {
    /// The account's id (a UIN for partner accounts).
    pub account_id: String,
    /// Its role.
    pub role: Role,
    /// The partner it belongs to (main and sub accounts).
    pub partner_id: Option<String>,
}

impl Caller {
    /// Who acts, for histories and the audit log: the server's view, never the body's.
    pub fn actor(&self) -> Actor {
        Actor {
            role: self.role,
            name: self.account_id.clone(),
        }
    }
}

/// The role named by an account row.
pub fn role_of(key: &str) -> Role {
    Role::ALL
        .into_iter()
        .find(|r| r.key() == key)
        .unwrap_or(Role::Visitor)
}

/// The session token a request carries: `Authorization: Bearer …` first, else the cookie.
fn token_of(headers: &HeaderMap) -> Option<String> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_string());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = token_of(&parts.headers).ok_or(ApiError::SignedOut)?;
        if let Some(host) = &state.host_key
            && crate::host_token::looks_like_jwt(&token)
        {
            return host.caller(&token).ok_or(ApiError::SignedOut);
        }
        let row: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT a.id, a.role, a.partner_id FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = $1 AND s.expires_at > now()",
        )
        .bind(token_hash(&token))
        .fetch_optional(&state.pool)
        .await?;
        let (account_id, role, partner_id) = row.ok_or(ApiError::SignedOut)?;
        Ok(Caller {
            account_id,
            role: role_of(&role),
            partner_id,
        })
    }
}

/// `POST /api/sign-in`.
#[derive(Deserialize)]
pub struct SignIn {
    email: String,
    password: String,
    /// An embedding host asks for the token in the body instead of a cookie.
    #[serde(default)]
    bearer: bool,
}

/// The answer to a sign-in: the token only when asked for as bearer.
#[derive(Serialize)]
struct SignedIn {
    #[serde(skip_serializing_if = "Option::is_none")]
    token: Option<String>,
    expires_at: DateTime<Utc>,
}

/// How many password hashes run at once in this process.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// A PHC string for an address with no account, so a wrong address costs the same time
/// as a wrong password and the answer reveals nothing.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("no account has this password"))
}

/// Checks the password, counts failures, and opens a session.
pub async fn sign_in(
    State(state): State<AppState>,
    crate::error::JsonBody(body): crate::error::JsonBody<SignIn>,
) -> Result<Response, ApiError> {
    let email = body.email.trim().to_lowercase();
    let row: Option<(String, String, i32, Option<DateTime<Utc>>)> = sqlx::query_as(
        "SELECT id, password_hash, failed_sign_ins, locked_until FROM accounts WHERE email = $1",
    )
    .bind(&email)
    .fetch_optional(&state.pool)
    .await?;
    let now = Utc::now();
    if let Some((_, _, _, Some(until))) = &row
        && *until > now
    {
        return Err(ApiError::SlowDown(
            (*until - now).num_seconds().max(1) as u64
        ));
    }
    let phc = row
        .as_ref()
        .map_or_else(|| decoy_hash().to_string(), |r| r.1.clone());
    // Each attempt is counted before its password is checked, in one statement, so
    // guesses sent in parallel count one by one; a right password resets the count.
    if let Some((account_id, ..)) = &row {
        sqlx::query(
            "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1,
               locked_until = CASE WHEN failed_sign_ins + 1 > $2
                 THEN now() + make_interval(secs => least(900, power(2, least(failed_sign_ins + 1 - $2, 10))))
                 ELSE locked_until END
             WHERE id = $1",
        )
        .bind(account_id)
        .bind(FREE_FAILURES)
        .execute(&state.pool)
        .await?;
    }
    let password = body.password;
    // A bounded number of hashes at once: each takes ≈ 19 MiB and a core for a while.
    let permit = HASHING
        .acquire()
        .await
        .expect("the semaphore is never closed");
    let matches = tokio::task::spawn_blocking(move || password_matches(&password, &phc))
        .await
        .unwrap_or(false);
    drop(permit);
    let Some((account_id, ..)) = row else {
        return Err(ApiError::SignInFailed);
    };
    if !matches {
        return Err(ApiError::SignInFailed);
    }
    let token = new_token();
    let expires_at = now + Duration::hours(SESSION_HOURS);
    let mut tx = state.pool.begin().await?;
    sqlx::query("UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1")
        .bind(&account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash(&token))
        .bind(&account_id)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    if body.bearer {
        return Ok(Json(SignedIn {
            token: Some(token),
            expires_at,
        })
        .into_response());
    }
    let cookie = format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        SESSION_HOURS * 3600,
        if state.secure_cookies { "; Secure" } else { "" }
    );
    let mut response = Json(SignedIn {
        token: None,
        expires_at,
    })
    .into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("a token is URL-safe"),
    );
    Ok(response)
}

/// `POST /api/sign-out`: ends this session (whichever way it was carried).
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = token_of(&headers) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash(&token))
            .execute(&state.pool)
            .await?;
    }
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("pc_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    Ok(response)
}

/// The session as the app reads it (`data::model::Session`), plus the partner it works on
/// and, for a channel manager, the partners assigned to them.
#[derive(Serialize)]
pub struct SessionView {
    role: Role,
    account_id: Option<String>,
    company_name: Option<String>,
    partner_id: Option<String>,
    partners: Vec<PartnerItem>,
    /// This server applies the domain's effects itself (admission, history lines, email
    /// codes): the app sends only each event's record.
    applies_effects: bool,
}

/// A partner in a manager's list.
#[derive(Serialize, sqlx::FromRow)]
pub struct PartnerItem {
    id: String,
    company_name: String,
}

/// `GET /api/session`.
pub async fn session(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<SessionView>, ApiError> {
    let company_name: Option<String> = match &caller.partner_id {
        Some(p) => {
            sqlx::query_scalar("SELECT company_name FROM partners WHERE id = $1")
                .bind(p)
                .fetch_optional(&state.pool)
                .await?
        }
        None => None,
    };
    let partners = if caller.role == Role::ChannelManager {
        sqlx::query_as("SELECT id, company_name FROM partners WHERE manager_id = $1 ORDER BY id")
            .bind(&caller.account_id)
            .fetch_all(&state.pool)
            .await?
    } else {
        Vec::new()
    };
    Ok(Json(SessionView {
        role: caller.role,
        account_id: Some(caller.account_id),
        company_name,
        partner_id: caller.partner_id,
        partners,
        applies_effects: true,
    }))
}
