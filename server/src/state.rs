//! What every handler shares. Nothing here is state a second server process would need:
//! sessions, records and sign-in failures are all in the database.

use sqlx::PgPool;

/// The server's shared handles.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub pool: PgPool,
    /// Whether the session cookie is marked `Secure` (served over HTTPS).
    pub secure_cookies: bool,
    /// The embedding host's token key, when the server trusts host-issued tokens.
    pub host_key: Option<crate::host_token::HostKey>,
}
