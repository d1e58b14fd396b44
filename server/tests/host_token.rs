//! An embedding host's signed tokens: trusted when the host's key signed them for this
//! audience and they have not expired, and then held to the same scope as any session.

mod support;

use axum::http::StatusCode;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use partner_server::host_token::HostKey;
use partner_server::{AppState, api};
use serde_json::{Value, json};
use sqlx::PgPool;
use support::*;

const PUBLIC: &[u8] = include_bytes!("keys/host-public.pem");
const PRIVATE: &[u8] = include_bytes!("keys/host-private.pem");
const OTHER: &[u8] = include_bytes!("keys/other-private.pem");

fn token(key: &[u8], claims: Value) -> String {
    encode(
        &Header::new(Algorithm::EdDSA),
        &claims,
        &EncodingKey::from_ed_pem(key).unwrap(),
    )
    .unwrap()
}

fn claims(sub: &str, role: &str, partner: Option<&str>, exp_in: i64) -> Value {
    json!({
        "sub": sub, "role": role, "partner": partner, "iss": "https://console.example.com",
        "aud": "partner-console", "exp": chrono::Utc::now().timestamp() + exp_in,
    })
}

fn with_host(pool: PgPool) -> Api {
    let host = HostKey::from_pem(PUBLIC, "https://console.example.com", "partner-console").unwrap();
    Api {
        router: api(AppState {
            pool: pool.clone(),
            secure_cookies: false,
            host_key: Some(host),
        }),
        pool,
    }
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_hosts_token_names_the_user_role_and_partner(pool: PgPool) {
    partner_server::seed::demo(&pool).await.unwrap();
    let api = with_host(pool);
    let main = token(PRIVATE, claims("host-user-7", "main", Some(FIRST), 300));
    let s = api.get("/session", &main).await;
    assert_eq!(s.status, StatusCode::OK);
    assert_eq!(
        (s.body["role"].clone(), s.body["partner_id"].clone()),
        (json!("MainAccount"), json!(FIRST))
    );
    assert_eq!(
        api.get(&format!("/partners/{FIRST}/customers"), &main)
            .await
            .status,
        StatusCode::OK
    );
    // Held to its own partner like any session.
    assert_eq!(
        api.get(&format!("/partners/{SECOND}/customers"), &main)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn expired_foreign_or_malformed_tokens_are_signed_out(pool: PgPool) {
    partner_server::seed::demo(&pool).await.unwrap();
    let api = with_host(pool.clone());
    let refused = [
        token(PRIVATE, claims("u", "main", Some(FIRST), -120)),
        token(OTHER, claims("u", "main", Some(FIRST), 300)),
        token(PRIVATE, claims("u", "main", None, 300)),
        token(PRIVATE, claims("u", "admin", None, 300)),
        {
            let mut c = claims("u", "manager", None, 300);
            c["aud"] = json!("another-app");
            token(PRIVATE, c)
        },
        "a.b.c".to_string(),
    ];
    for t in refused {
        assert_eq!(
            api.get("/session", &t).await.status,
            StatusCode::UNAUTHORIZED,
            "{t}"
        );
    }
    // A server that trusts no host takes a valid host token for nobody.
    let plain = Api::plain(pool);
    let good = token(PRIVATE, claims("u", "main", Some(FIRST), 300));
    assert_eq!(
        plain.get("/session", &good).await.status,
        StatusCode::UNAUTHORIZED
    );
}
