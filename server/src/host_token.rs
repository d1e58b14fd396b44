//! Embedding in an existing console: the host signs the user in itself and hands the app
//! a short-lived signed token (a JWT) naming the user, the role and the partner. The server
//! verifies it with the host's public key (never a shared secret: EdDSA, ES256 or RS256),
//! its issuer and audience and its expiry, and trusts nothing else in it. It issues none.

use std::sync::Arc;

use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use partner_domain::Role;
use serde::Deserialize;

use crate::auth::{Caller, role_of};

/// The host's key and what its tokens must say.
#[derive(Clone)]
pub struct HostKey {
    key: Arc<DecodingKey>,
    validation: Arc<Validation>,
}

/// What a host token carries.
#[derive(Deserialize)]
struct Claims {
    /// The user's id in the host's console.
    sub: String,
    /// The role key: `main`, `sub`, `manager` or `visitor`.
    role: String,
    /// The partner the user belongs to (main and sub accounts).
    #[serde(default)]
    partner: Option<String>,
}

impl HostKey {
    /// A key from a PEM public key (`-----BEGIN PUBLIC KEY-----`), for tokens of `issuer`
    /// meant for `audience`. The algorithm follows the key: Ed25519 → EdDSA, P-256 → ES256,
    /// RSA → RS256.
    pub fn from_pem(pem: &[u8], issuer: &str, audience: &str) -> Result<HostKey, String> {
        let (key, alg) = DecodingKey::from_ed_pem(pem)
            .map(|k| (k, Algorithm::EdDSA))
            .or_else(|_| DecodingKey::from_ec_pem(pem).map(|k| (k, Algorithm::ES256)))
            .or_else(|_| DecodingKey::from_rsa_pem(pem).map(|k| (k, Algorithm::RS256)))
            .map_err(|e| format!("not a PEM public key: {e}"))?;
        let mut validation = Validation::new(alg);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        Ok(HostKey {
            key: Arc::new(key),
            validation: Arc::new(validation),
        })
    }

    /// The caller a token names, if it is the host's, unexpired and well formed. A partner
    /// account without a partner, or a partner named for a role that has none, is refused.
    pub fn caller(&self, token: &str) -> Option<Caller> {
        let claims = decode::<Claims>(token.as_bytes(), &self.key, &self.validation)
            .ok()?
            .claims;
        let role = Role::ALL.into_iter().find(|r| r.key() == claims.role)?;
        let partner = match role {
            Role::MainAccount | Role::SubAccount => Some(claims.partner.filter(|p| !p.is_empty())?),
            Role::ChannelManager | Role::Visitor => None,
        };
        Some(Caller {
            account_id: claims.sub,
            role: role_of(role.key()),
            partner_id: partner,
        })
    }
}

/// Whether a bearer token looks like a JWT (three dot-separated parts) rather than one of
/// the server's own session tokens (URL-safe base64, no dots).
pub fn looks_like_jwt(token: &str) -> bool {
    token.split('.').count() == 3
}
