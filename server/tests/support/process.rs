//! Server processes for the tests that need real ones: two processes on one database, a
//! server killed mid-batch, a database restarted under a running server.
#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::body::Body;
use axum::http::StatusCode;
use http_body_util::BodyExt;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;
use sqlx::PgPool;

/// The URL of the database a `#[sqlx::test]` pool is on.
pub fn database_url(pool: &PgPool) -> String {
    let base = std::env::var("DATABASE_URL").expect("run under scripts/pg.sh (make test-server)");
    let name = pool
        .connect_options()
        .get_database()
        .expect("a database")
        .to_string();
    let (server, _) = base.rsplit_once('/').expect("a URL with a database");
    format!("{server}/{name}")
}

/// A running `partner_server serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// Its API.
    pub client: ApiClient,
}

/// An HTTP client for one server's API.
#[derive(Clone)]
pub struct ApiClient {
    /// `http://127.0.0.1:<port>/api`.
    pub base: String,
}

impl std::ops::Deref for Server {
    type Target = ApiClient;
    fn deref(&self) -> &ApiClient {
        &self.client
    }
}

impl Server {
    /// Starts a server on a free port and waits until it answers.
    pub async fn start(database_url: &str) -> Server {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let child = Command::new(env!("CARGO_BIN_EXE_partner_server"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND", format!("127.0.0.1:{port}"))
            .env("DIST", std::env::temp_dir())
            .stdout(Stdio::null())
            .spawn()
            .expect("the server binary runs");
        let server = Server {
            child,
            client: ApiClient {
                base: format!("http://127.0.0.1:{port}/api"),
            },
        };
        for _ in 0..200 {
            if server
                .call("GET", "/session", None, None, None)
                .await
                .is_some()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not start on port {port}");
    }

    /// Kills the process at once (SIGKILL: no graceful shutdown).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ApiClient {
    /// One request; `None` when the server could not be reached.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        if_match: Option<i64>,
        body: Option<&Value>,
    ) -> Option<(StatusCode, Value)> {
        let client: Client<HttpConnector, Body> =
            Client::builder(TokioExecutor::new()).build_http();
        let req = super::request(
            method,
            &format!("{}{path}", self.base),
            token,
            if_match,
            body,
        );
        let res = client.request(req).await.ok()?;
        let status = res.status();
        let bytes = res.into_body().collect().await.ok()?.to_bytes();
        Some((
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        ))
    }

    /// Signs in for a bearer token.
    pub async fn token(&self, email: &str) -> String {
        let body = serde_json::json!({
            "email": email, "password": partner_server::seed::DEMO_PASSWORD, "bearer": true
        });
        let (status, answer) = self
            .call("POST", "/sign-in", None, None, Some(&body))
            .await
            .unwrap();
        assert_eq!(status, StatusCode::OK, "{answer:?}");
        answer["token"].as_str().unwrap().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}
