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
pub mod blobs;
pub mod email_codes;
pub mod error;
pub mod host_token;
pub mod judge;
pub mod records;
pub mod scope;
pub mod seed;
pub mod state;
pub mod test_hooks;

use std::path::Path;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post, put};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;

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
        .route("/blobs", post(blobs::upload))
        .route("/blobs/{id}", get(blobs::download))
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
        // Any other address under the API names nothing. A route, not only the fallback: a
        // nested router's fallback gives way to the app's files nested beside it, and an
        // unknown API address must never answer with the app's page.
        .route("/{*rest}", any(|| async { error::ApiError::NotFound }))
        .fallback(|| async { error::ApiError::NotFound })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .with_state(state)
}

/// The whole server: the app's files from `dist` under the base its `index.html` names
/// (`<base href="/partners/">`), with `api/` beside them and the single-page fallback
/// (any other path under the base is the app). The `index.html` it serves names the API
/// on the app's mount element (`data-backend-url="api"`), so the app starts in remote
/// mode on this origin — no inline script, the strict CSP holds.
pub fn app(state: AppState, dist: &Path) -> Router {
    app_with(state, dist, Router::new())
}

/// [`app`] with `extra` routes beside it (the end-to-end suite's test hooks). They join
/// before the app's files: merged afterwards, they cost the API its own 404s.
pub fn app_with(state: AppState, dist: &Path, extra: Router) -> Router {
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let base = base_href(&index);
    let page = axum::response::Html(mark_index(&index));
    let serve_page = move || {
        let page = page.clone();
        async move { page }
    };
    let files = ServeDir::new(dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(get(serve_page.clone()).with_state(()));
    let prefix = base.trim_end_matches('/').to_string();
    // The base itself is the app's page too (the files' fallback), never the unmarked
    // file on disk.
    let routes = extra
        .nest(&format!("{prefix}/api"), api(state))
        .route(&format!("{prefix}/index.html"), get(serve_page));
    if prefix.is_empty() {
        routes.fallback_service(files)
    } else {
        routes.nest_service(&prefix, files)
    }
}

/// The path `index.html`'s `<base href>` names (`/` when it names none).
pub fn base_href(index: &str) -> String {
    let Some(at) = index.find("<base href=\"") else {
        return "/".into();
    };
    let rest = &index[at + "<base href=\"".len()..];
    let href = rest.split('"').next().unwrap_or("/");
    if href.starts_with('/') {
        href.to_string()
    } else {
        "/".into()
    }
}

/// `index.html` with the API named on the mount element.
pub fn mark_index(index: &str) -> String {
    index.replacen(
        "data-partner-console",
        "data-partner-console data-backend-url=\"api\"",
        1,
    )
}
