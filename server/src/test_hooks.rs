//! Hooks for the app's end-to-end suite, mounted only when the server starts with
//! `TEST_HOOKS=1` (never in a deployment: they hand out sessions without a password).
//! Each test gets a *tenant* of its own — a visitor, a channel manager, and a partner
//! with a main and a sub account, all new — so parallel scenarios never meet, and can
//! plant records as a provider's import would. Outside `/api`: no client of the contract
//! ever sees them.
//!
//! * `POST /__test/token {tenant, role}` — a session for the tenant's account in that
//!   role (`main`: the visitor's own account once it was admitted, else the partner's).
//! * `POST /__test/plant {tenant, collection, id, data}` — stores a record where the
//!   tenant's accounts read it, at the next revision.
//! * `GET /__test/code?tenant=…&email=…` — the code last mailed to that address.
//! * `POST /__test/password {tenant, role, password}` — gives the tenant's account in that
//!   role a password, for the sign-in page; answers its email address.
//! * `POST /__test/sample {tenant, rows}` — what the app's sample-data button stores in
//!   local mode (the same generator and seed), as a provider's import: a partner's money
//!   data replaced, and a company that is no partner yet made the sample's partner.

use axum::extract::{Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{Duration, Utc};
use partner_domain::records::{Collection, ScopeKind};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::auth::token_hash;
use crate::error::ApiError;
use crate::scope::{GLOBAL, applicant_scope, partner_scope, user_scope};
use crate::state::AppState;

/// The hooks' routes.
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/__test/token", post(token))
        .route("/__test/plant", post(plant))
        .route("/__test/code", get(code))
        .route("/__test/sample", post(sample))
        .route("/__test/password", post(password))
        .with_state(state)
}

/// A tenant's accounts, named from a digest of the tenant's name: twelve-digit ids like
/// the UINs the app shows.
struct Tenant {
    visitor: String,
    partner: String,
    sub: String,
    manager: String,
}

impl Tenant {
    fn of(name: &str) -> Tenant {
        let digest = Sha256::digest(name.as_bytes());
        let n = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes")) % 100_000_000;
        Tenant {
            visitor: format!("1000{n:08}"),
            partner: format!("1001{n:08}"),
            sub: format!("1002{n:08}"),
            manager: format!("m{n:08}"),
        }
    }

    /// Creates the tenant's accounts and partner once.
    async fn ensure(&self, s: &AppState) -> Result<(), ApiError> {
        let mut tx = s.pool.begin().await?;
        let account = |id: &str, role: &str, partner: Option<&str>| {
            sqlx::query(
                "INSERT INTO accounts (id, email, password_hash, role, partner_id)
                 VALUES ($1, $1 || '@tenant.test', '!', $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(id.to_string())
            .bind(role.to_string())
            .bind(partner.map(str::to_string))
        };
        account(&self.manager, "manager", None)
            .execute(&mut *tx)
            .await?;
        account(&self.visitor, "visitor", None)
            .execute(&mut *tx)
            .await?;
        // The tenant's application is in its own manager's queue only.
        sqlx::query("UPDATE accounts SET referred_to = $2 WHERE id = $1")
            .bind(&self.visitor)
            .bind(&self.manager)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO partners (id, company_name, manager_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(&self.partner)
        .bind(format!("测试伙伴 {}", self.partner))
        .bind(&self.manager)
        .execute(&mut *tx)
        .await?;
        account(&self.partner, "main", Some(&self.partner))
            .execute(&mut *tx)
            .await?;
        account(&self.sub, "sub", Some(&self.partner))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The partner the tenant's main account works on: the visitor's own once admitted.
    async fn current_partner(&self, s: &AppState) -> Result<String, ApiError> {
        let admitted: Option<String> =
            sqlx::query_scalar("SELECT partner_id FROM accounts WHERE id = $1")
                .bind(&self.visitor)
                .fetch_one(&s.pool)
                .await?;
        Ok(admitted.unwrap_or_else(|| self.partner.clone()))
    }
}

#[derive(Deserialize)]
pub struct TokenAsk {
    tenant: String,
    role: String,
}

/// The tenant's account in a role.
async fn account_of(s: &AppState, t: &Tenant, role: &str) -> Result<String, ApiError> {
    Ok(match role {
        "visitor" => t.visitor.clone(),
        "main" => t.current_partner(s).await?,
        "sub" => t.sub.clone(),
        "manager" => t.manager.clone(),
        _ => return Err(ApiError::NotFound),
    })
}

#[derive(Deserialize)]
pub struct PasswordAsk {
    tenant: String,
    role: String,
    password: String,
}

/// Gives one of the tenant's accounts a password; answers its email address.
async fn password(
    State(s): State<AppState>,
    Json(ask): Json<PasswordAsk>,
) -> Result<Json<Value>, ApiError> {
    let t = Tenant::of(&ask.tenant);
    t.ensure(&s).await?;
    let account = account_of(&s, &t, &ask.role).await?;
    let hash = tokio::task::spawn_blocking(move || crate::auth::hash_password(&ask.password))
        .await
        .map_err(|_| ApiError::Unavailable)?;
    let email: String =
        sqlx::query_scalar("UPDATE accounts SET password_hash = $2 WHERE id = $1 RETURNING email")
            .bind(&account)
            .bind(hash)
            .fetch_one(&s.pool)
            .await?;
    Ok(Json(json!({ "email": email })))
}

/// A session for one of the tenant's accounts; the token is derived from the account
/// (the suite asks for it on every request, and a new session each time would pile up).
async fn token(
    State(s): State<AppState>,
    Json(ask): Json<TokenAsk>,
) -> Result<Json<Value>, ApiError> {
    let t = Tenant::of(&ask.tenant);
    t.ensure(&s).await?;
    let account = account_of(&s, &t, &ask.role).await?;
    let token = format!(
        "test-{}",
        hex(&Sha256::digest(format!("{}/{account}", ask.tenant)))
    );
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(token_hash(&token))
    .bind(&account)
    .bind(Utc::now() + Duration::hours(12))
    .execute(&s.pool)
    .await?;
    Ok(Json(json!({ "token": token, "account": account })))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Deserialize)]
pub struct Plant {
    tenant: String,
    collection: String,
    id: String,
    data: Value,
}

/// Stores a record as a provider's import would, where the tenant's accounts read it.
async fn plant(State(s): State<AppState>, Json(p): Json<Plant>) -> Result<Json<Value>, ApiError> {
    let t = Tenant::of(&p.tenant);
    t.ensure(&s).await?;
    let collection = Collection::from_name(&p.collection).ok_or(ApiError::NotFound)?;
    let partner = t.current_partner(&s).await?;
    let scope = match collection.scope() {
        ScopeKind::Partner => partner_scope(&partner),
        ScopeKind::Applicant => applicant_scope(&t.visitor),
        ScopeKind::User => user_scope(&t.visitor),
        ScopeKind::Global => GLOBAL.to_string(),
        ScopeKind::ServerOnly => {
            sqlx::query(
                "INSERT INTO email_codes (partner_id, email, data) VALUES ($1, $2, $3)
                 ON CONFLICT (partner_id, email) DO UPDATE SET data = excluded.data",
            )
            .bind(&partner)
            .bind(&p.id)
            .bind(&p.data)
            .execute(&s.pool)
            .await?;
            return Ok(Json(json!({ "ok": true })));
        }
    };
    sqlx::query(
        "INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
         VALUES ($1, $2, $3, 1, $4, now(), 'test-plant')
         ON CONFLICT (scope, collection, id)
         DO UPDATE SET rev = records.rev + 1, data = excluded.data, updated_at = now()",
    )
    .bind(&scope)
    .bind(collection.name())
    .bind(&p.id)
    .bind(&p.data)
    .execute(&s.pool)
    .await?;
    Ok(Json(json!({ "ok": true })))
}

#[derive(Deserialize)]
pub struct CodeAsk {
    tenant: String,
    email: String,
}

/// The code the server last made for an address of the tenant's partner (what the
/// outbox would have mailed).
async fn code(
    State(s): State<AppState>,
    Query(ask): Query<CodeAsk>,
) -> Result<Json<Value>, ApiError> {
    let t = Tenant::of(&ask.tenant);
    let partner = t.current_partner(&s).await?;
    let data: Option<Value> =
        sqlx::query_scalar("SELECT data FROM email_codes WHERE partner_id = $1 AND email = $2")
            .bind(&partner)
            .bind(ask.email.trim().to_lowercase())
            .fetch_optional(&s.pool)
            .await?;
    let data = data.ok_or(ApiError::NotFound)?;
    Ok(Json(json!({ "code": data["code"] })))
}

#[derive(Deserialize)]
pub struct SampleAsk {
    tenant: String,
    rows: usize,
    /// The last statement month (`2026-10`); the month before this one when absent.
    #[serde(default)]
    last: Option<partner_domain::YearMonth>,
}

/// The app's sample data for the tenant's partner (`ui/statements/sample.rs` makes the
/// same rows from the same seed).
async fn sample(
    State(s): State<AppState>,
    Json(ask): Json<SampleAsk>,
) -> Result<Json<Value>, ApiError> {
    use partner_domain::records::ids::PROFILE;
    use partner_domain::sample::{SAMPLE_PROOF_ID, SAMPLE_PROOF_PNG, sample_profile};
    let t = Tenant::of(&ask.tenant);
    t.ensure(&s).await?;
    let partner = t.current_partner(&s).await?;
    sqlx::query(
        "DELETE FROM records WHERE scope = $1
         AND collection IN ('statements', 'customers', 'settlements', 'special-rebates')",
    )
    .bind(&partner)
    .execute(&s.pool)
    .await?;
    let rows = ask.rows.min(1_000_000);
    crate::seed::money(&s.pool, &partner, rows, ask.last, 0x5eed ^ rows as u64).await?;
    let has_profile: Option<i64> = sqlx::query_scalar(
        "SELECT rev FROM records WHERE scope = $1 AND collection = 'profiles' AND id = $2",
    )
    .bind(&partner)
    .bind(PROFILE)
    .fetch_optional(&s.pool)
    .await?;
    if has_profile.is_none() {
        let mut profile = sample_profile();
        profile.account_id = partner.clone();
        crate::seed::put_new(&s.pool, &partner, "profiles", PROFILE, &profile).await?;
        sqlx::query("UPDATE partners SET company_name = $2 WHERE id = $1")
            .bind(&partner)
            .bind(&profile.company_name)
            .execute(&s.pool)
            .await?;
        sqlx::query(
            "INSERT INTO blobs (scope, id, mime, bytes) VALUES ($1, $2, 'image/png', $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(&partner)
        .bind(SAMPLE_PROOF_ID)
        .bind(SAMPLE_PROOF_PNG)
        .execute(&s.pool)
        .await?;
    }
    Ok(Json(json!({ "ok": true })))
}
