//! Partner Console's reference server: `/api` of the contract (public/openapi.yaml) on
//! PostgreSQL, and the app's release files on the same origin, so the app's strict CSP
//! (`connect-src 'self'`) holds. Stateless: any number of processes may serve one database.
//!
//! * [`auth`] — sign-in, sessions, who is calling.
//! * [`scope`] — where a record lives, from the session and the URL.
//! * [`records`] — reads, and writes in one locked, audited transaction.
//! * [`judge`] — each write read as one event and judged by the domain.
//! * [`seed`] — the demo: a channel manager, two partners, a visitor.

pub mod audit;
pub mod auth;
pub mod batch;
pub mod email_codes;
pub mod error;
pub mod host_token;
pub mod judge;
pub mod records;
pub mod scope;
pub mod seed;
pub mod state;

use std::path::Path;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};

pub use state::AppState;

/// The largest request body: a 2 MiB image as base64 (≈ 2.8 MB) with its record around
/// it. A longer `Content-Length` is refused (413) before the body is read.
pub const BODY_LIMIT: usize = 3 * 1024 * 1024;

/// The migrations, applied at start (`sqlx::migrate!`; never edit an applied one).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The API's routes.
pub fn api(state: AppState) -> Router {
    use records::*;
    Router::new()
        .route("/sign-in", post(auth::sign_in))
        .route("/sign-out", post(auth::sign_out))
        .route("/session", get(auth::session))
        .route("/batch", post(batch::batch))
        .route("/applications", get(applications_list))
        .route(
            "/applications/{id}",
            get(application_get).put(application_put),
        )
        .route("/announcements", get(announcements_list))
        .route(
            "/announcements/{id}",
            put(announcement_put).delete(announcement_delete),
        )
        .route(
            "/me/eligibility-checks/{id}",
            get(self_check_get).put(self_check_put),
        )
        .route("/partners/{partner}/audit", get(audit::partner_audit))
        // Codes are never readable: a read answers as a record outside one's scope.
        .route(
            "/partners/{partner}/email-codes",
            post(email_codes::send).get(|| async { error::ApiError::NotFound }),
        )
        .route(
            "/partners/{partner}/email-codes/confirm",
            post(email_codes::confirm),
        )
        .route(
            "/partners/{partner}/{collection}",
            get(partner_list).post(partner_post),
        )
        .route(
            "/partners/{partner}/{collection}/{id}",
            get(partner_get).put(partner_put).delete(partner_delete),
        )
        .fallback(|| async { error::ApiError::NotFound })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .with_state(state)
}

/// The whole server: `/api`, and the app's files from `dist` with the single-page
/// fallback (any other path is the app's `index.html`).
pub fn app(state: AppState, dist: &Path) -> Router {
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(dist.join("index.html")));
    Router::new()
        .nest("/api", api(state))
        .fallback_service(files)
}
