//! Where a record lives, from the session and the URL — never from the record's data. A
//! record outside the caller's reach answers 404 whatever the operation, so nobody learns
//! what exists in another partner's scope; a role refusal inside one's own scope is 403.

use partner_domain::Role;
use partner_domain::records::Collection;
use sqlx::PgPool;

use crate::auth::Caller;
use crate::error::ApiError;

/// The collections kept per partner.
pub fn per_partner(collection: Collection) -> bool {
    collection.scope() == partner_domain::records::ScopeKind::Partner
}

/// The scope key of a partner's records: the partner's id, leading every key.
pub fn partner_scope(partner: &str) -> String {
    partner.to_string()
}

/// An applicant's scope.
pub fn applicant_scope(account: &str) -> String {
    format!("~applicant/{account}")
}

/// A user's own scope (the eligibility self-check).
pub fn user_scope(account: &str) -> String {
    format!("~user/{account}")
}

/// The one global scope (announcements).
pub const GLOBAL: &str = "~global";

/// Whether the caller works on `partner`: its own accounts, or its assigned manager.
pub async fn reaches_partner(
    pool: &PgPool,
    caller: &Caller,
    partner: &str,
) -> Result<bool, ApiError> {
    Ok(match caller.role {
        Role::MainAccount | Role::SubAccount => caller.partner_id.as_deref() == Some(partner),
        Role::ChannelManager => {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM partners WHERE id = $1 AND manager_id = $2",
            )
            .bind(partner)
            .bind(&caller.account_id)
            .fetch_one(pool)
            .await?
                > 0
        }
        Role::Visitor => false,
    })
}

/// The collection a URL names, if the server serves it there. Email codes are the
/// server's own: no URL reaches them.
pub fn collection_named(name: &str) -> Result<Collection, ApiError> {
    match Collection::from_name(name) {
        Some(Collection::EmailCodes) | None => Err(ApiError::NotFound),
        Some(c) => Ok(c),
    }
}
