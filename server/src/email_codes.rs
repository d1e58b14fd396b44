//! Email confirmation codes for joining the learning platform by enterprise email: the
//! server makes the code, keeps it to itself and sends it (the outbox; the development
//! server prints it); the employee types it back; a learner joins by that address only
//! once it was confirmed (`learning::learner_judge`). No answer ever carries a code.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use partner_domain::common::contact::Email;
use partner_domain::learning::learner::{EmailCode, EnabledDomains};
use partner_domain::records::access;
use partner_domain::records::ids::DOMAINS;
use partner_domain::records::{Collection, Refusal};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Caller;
use crate::error::{ApiError, JsonBody};
use crate::scope;
use crate::state::AppState;

/// `POST …/email-codes`.
#[derive(Deserialize)]
pub struct SendCode {
    email: String,
}

/// `POST …/email-codes/confirm`.
#[derive(Deserialize)]
pub struct ConfirmCode {
    email: String,
    code: String,
}

async fn reach(s: &AppState, caller: &Caller, partner: &str) -> Result<(), ApiError> {
    if !scope::reaches_partner(&s.pool, caller, partner).await? {
        return Err(ApiError::NotFound);
    }
    access::may_write(caller.role, Collection::EmailCodes)
        .map_err(|p| ApiError::Refused(Refusal::Role(p)))
}

fn address(text: &str) -> Result<Email, ApiError> {
    Email::parse(text).map_err(|_| Refusal::field("email", "contact").into())
}

/// Six random digits.
fn six_digits() -> String {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the OS gives random bytes");
    format!("{:06}", u32::from_le_bytes(bytes) % 1_000_000)
}

/// Makes and sends a code for an address on an enabled domain (202; a new code replaces
/// the last).
pub async fn send(
    State(s): State<AppState>,
    caller: Caller,
    Path(partner): Path<String>,
    JsonBody(body): JsonBody<SendCode>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    reach(&s, &caller, &partner).await?;
    let email = address(&body.email)?;
    let domains: Option<Value> = sqlx::query_scalar(
        "SELECT data FROM records WHERE scope = $1 AND collection = 'learning-settings' AND id = $2",
    )
    .bind(scope::partner_scope(&partner))
    .bind(DOMAINS)
    .fetch_optional(&s.pool)
    .await?;
    let domains: EnabledDomains = domains
        .and_then(|d| serde_json::from_value(d).ok())
        .unwrap_or_default();
    if !domains.allows(&email) {
        return Err(Refusal::field("email", "domain-not-enabled").into());
    }
    let now = Utc::now();
    let key = email.to_string();
    let mut tx = s.pool.begin().await?;
    let last: Option<Value> = sqlx::query_scalar(
        "SELECT data FROM email_codes WHERE partner_id = $1 AND email = $2 FOR UPDATE",
    )
    .bind(&partner)
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await?;
    let last: Option<EmailCode> = last.and_then(|v| serde_json::from_value(v).ok());
    let code = match &last {
        // A minute between codes, and the wrong tries carried over: no more guesses by
        // asking again, no mailbox flooded.
        Some(l) if !l.may_resend(now) => return Err(Refusal::field("email", "too-soon").into()),
        Some(l) => l.reissue(six_digits(), now),
        None => EmailCode::issue(six_digits(), now),
    };
    sqlx::query(
        "INSERT INTO email_codes (partner_id, email, data) VALUES ($1, $2, $3)
         ON CONFLICT (partner_id, email) DO UPDATE SET data = EXCLUDED.data, confirmed_at = NULL",
    )
    .bind(&partner)
    .bind(&key)
    .bind(serde_json::to_value(&code).expect("a code serialises"))
    .execute(&mut *tx)
    .await?;
    let body = format!(
        "您的验证码是 {c}，10 分钟内有效。\nYour confirmation code is {c}; it works for 10 minutes.",
        c = code.code()
    );
    sqlx::query("INSERT INTO outbox (recipient, subject, body) VALUES ($1, $2, $3)")
        .bind(&key)
        .bind("合作伙伴学习平台验证码 · Learning platform confirmation code")
        .bind(&body)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // The development server's mail: printed, as the outbox holds it — only for the demo
    // (`DEMO=1`): a code in a production log is a code anyone with the log can use.
    if std::env::var("DEMO").is_ok_and(|v| v == "1") {
        println!("[outbox] to {key}: {body}");
    }
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({"expires_at": code.expires_at()})),
    ))
}

/// Checks a typed code (the domain's rules: six digits, ten minutes, five tries).
pub async fn confirm(
    State(s): State<AppState>,
    caller: Caller,
    Path(partner): Path<String>,
    JsonBody(body): JsonBody<ConfirmCode>,
) -> Result<StatusCode, ApiError> {
    reach(&s, &caller, &partner).await?;
    let key = address(&body.email)?.to_string();
    let mut tx = s.pool.begin().await?;
    let stored: Option<Value> = sqlx::query_scalar(
        "SELECT data FROM email_codes WHERE partner_id = $1 AND email = $2 FOR UPDATE",
    )
    .bind(&partner)
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await?;
    let mut code: EmailCode = stored
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or(Refusal::field("code", "none-sent"))?;
    let outcome = code.verify(&body.code, Utc::now());
    sqlx::query(
        "UPDATE email_codes SET data = $3, confirmed_at = CASE WHEN $4 THEN now() ELSE NULL END
         WHERE partner_id = $1 AND email = $2",
    )
    .bind(&partner)
    .bind(&key)
    .bind(serde_json::to_value(&code).expect("a code serialises"))
    .bind(outcome.is_ok())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    outcome.map(|_| StatusCode::NO_CONTENT).map_err(|e| {
        ApiError::Refused(Refusal::Field {
            field: "code",
            code: e.code(),
        })
    })
}
