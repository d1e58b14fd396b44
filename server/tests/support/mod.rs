//! A client for the API in-process (the router as a tower service, no socket), on a fresh
//! database per test (`#[sqlx::test]`, under the throwaway cluster `make test-server`
//! starts).
#![allow(dead_code)]

pub mod process;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use partner_server::{AppState, api, seed};
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;

/// The API over one database.
#[derive(Clone)]
pub struct Api {
    pub router: Router,
    pub pool: PgPool,
}

/// An answer: status and JSON body (`Null` when empty).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub headers: axum::http::HeaderMap,
}

impl Api {
    /// The API with the demo seeded.
    pub async fn demo(pool: PgPool) -> Api {
        seed::demo(&pool).await.unwrap();
        Api::plain(pool)
    }

    /// The API on an empty (migrated) database.
    pub fn plain(pool: PgPool) -> Api {
        Api {
            router: api(AppState {
                pool: pool.clone(),
                secure_cookies: false,
                host_key: None,
            }),
            pool,
        }
    }

    /// Sends a request; `token` as bearer, `if_match` as the header.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        if_match: Option<i64>,
        body: Option<Value>,
    ) -> Answer {
        let req = request(method, path, token, if_match, body.as_ref());
        self.raw(req).await
    }

    /// Sends a request as built.
    pub async fn raw(&self, req: Request<Body>) -> Answer {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            body,
            headers,
        }
    }

    /// Signs in for a bearer token.
    pub async fn token(&self, email: &str) -> String {
        let a = self
            .send(
                "POST",
                "/sign-in",
                None,
                None,
                Some(json!({"email": email, "password": seed::DEMO_PASSWORD, "bearer": true})),
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{email}: {:?}", a.body);
        a.body["token"].as_str().unwrap().to_string()
    }

    pub async fn get(&self, path: &str, token: &str) -> Answer {
        self.send("GET", path, Some(token), None, None).await
    }

    pub async fn put(&self, path: &str, token: &str, if_match: Option<i64>, data: Value) -> Answer {
        let id = path.rsplit('/').next().unwrap();
        self.send(
            "PUT",
            path,
            Some(token),
            if_match,
            Some(json!({"id": id, "rev": 0, "data": data})),
        )
        .await
    }

    /// How many audit lines a record has.
    pub async fn audit_count(&self, collection: &str, id: &str) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM audit WHERE collection = $1 AND record_id = $2")
            .bind(collection)
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

/// A request as the contract's clients send it: the token as bearer, the revision read as
/// `If-Match`, a JSON body. Shared by the in-process API and the real processes' client.
pub fn request(
    method: &str,
    uri: &str,
    token: Option<&str>,
    if_match: Option<i64>,
    body: Option<&Value>,
) -> Request<Body> {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if let Some(m) = if_match {
        req = req.header("if-match", m.to_string());
    }
    match body {
        Some(b) => req
            .header("content-type", "application/json")
            .body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .expect("a valid request")
}

/// The statuses of concurrent writes, once all have answered.
pub async fn statuses(tasks: Vec<tokio::task::JoinHandle<StatusCode>>) -> Vec<StatusCode> {
    let mut codes = Vec::new();
    for t in tasks {
        codes.push(t.await.expect("the task ends"));
    }
    codes
}

/// Of writes that all named one revision, exactly one was stored and every other was
/// refused as stale.
pub fn one_wins(codes: &[StatusCode]) {
    let count = |status| codes.iter().filter(|c| **c == status).count();
    assert_eq!(count(StatusCode::OK), 1, "{codes:?}");
    assert_eq!(
        count(StatusCode::PRECONDITION_FAILED),
        codes.len() - 1,
        "{codes:?}"
    );
}

/// The demo's first partner (main@, staff@), the second (main2@), and the visitor's id.
pub const FIRST: &str = "100099990001";
pub const SECOND: &str = "100099990002";
pub const VISITOR: &str = "100012345678";
