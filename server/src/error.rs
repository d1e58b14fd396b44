//! Every refusal and failure as an HTTP answer of the contract (public/openapi.yaml): a
//! status and a small JSON body with a stable code. A database failure answers 503 and
//! never carries SQL text or a driver message.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use partner_domain::records::Refusal;
use serde_json::json;

/// What a request ends in when it does not succeed.
#[derive(Debug)]
pub enum ApiError {
    /// No valid session (401).
    SignedOut,
    /// Sign-in refused; the same answer whether or not the address has an account.
    SignInFailed,
    /// Too many failed sign-ins: try again after this many seconds (429).
    SlowDown(u64),
    /// Outside the caller's scope, or absent: the same answer either way (404).
    NotFound,
    /// The domain refused the write (403, 409 or 422).
    Refused(Refusal),
    /// A guarded record written without `If-Match` (428).
    PreconditionRequired,
    /// `If-Match` names a revision that is no longer current (412).
    Stale {
        /// The revision stored now.
        current: i64,
    },
    /// A create of a record that exists (409).
    Exists {
        /// Its revision.
        current: i64,
    },
    /// The body is not what the operation takes (422 naming the body).
    BadBody(String),
    /// The body is not JSON by its `Content-Type` (415).
    NotJson,
    /// The database could not be reached or failed (503).
    Unavailable,
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        ApiError::Refused(r)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        // The detail goes to the server's log, never to the client.
        eprintln!("database: {e}");
        ApiError::Unavailable
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::SignedOut => (StatusCode::UNAUTHORIZED, json!({"code": "signed-out"})),
            ApiError::SignInFailed => (StatusCode::UNAUTHORIZED, json!({"code": "sign-in-failed"})),
            ApiError::SlowDown(seconds) => {
                let mut r = (
                    StatusCode::TOO_MANY_REQUESTS,
                    Json(json!({"code": "slow-down", "retry_after": seconds})),
                )
                    .into_response();
                r.headers_mut()
                    .insert("retry-after", seconds.to_string().parse().unwrap());
                return r;
            }
            ApiError::NotFound => (StatusCode::NOT_FOUND, json!({"code": "not-found"})),
            ApiError::Refused(Refusal::Role(permission)) => (
                StatusCode::FORBIDDEN,
                json!({"code": "forbidden", "permission": format!("{permission:?}")}),
            ),
            ApiError::Refused(Refusal::State(e)) => (
                StatusCode::CONFLICT,
                json!({"code": "illegal-move", "message": e.to_string()}),
            ),
            ApiError::Refused(Refusal::Field { field, code }) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"code": "invalid", "errors": [{"field": field, "code": code}]}),
            ),
            ApiError::PreconditionRequired => (
                StatusCode::PRECONDITION_REQUIRED,
                json!({"code": "if-match-required"}),
            ),
            ApiError::Stale { current } => (
                StatusCode::PRECONDITION_FAILED,
                json!({"code": "stale", "current": current}),
            ),
            ApiError::Exists { current } => (
                StatusCode::CONFLICT,
                json!({"code": "exists", "current": current}),
            ),
            ApiError::BadBody(detail) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"code": "invalid", "errors": [{"field": "body", "code": "malformed", "message": detail}]}),
            ),
            ApiError::NotJson => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                json!({"code": "not-json"}),
            ),
            ApiError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"code": "unavailable"}),
            ),
        };
        (status, Json(body)).into_response()
    }
}

/// A JSON request body: `Content-Type: application/json` (else 415), parsed as `T` (else
/// 422 naming the body) — every refusal in the contract's JSON, never the framework's text.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Response> {
        let json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("application/json")
            });
        if !json {
            return Err(ApiError::NotJson.into_response());
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| ApiError::BadBody(e.to_string()).into_response())
    }
}
