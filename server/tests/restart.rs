//! The database restarted under a running server: clear 503s without SQL text while it is
//! down, then the same process serves again — nothing to restart. Its own test binary, so
//! no other test's database goes down with it.

mod support;

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use support::FIRST;
use support::process::{Server, database_url};

fn pg(args: &[&str]) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/pg.sh");
    let status = std::process::Command::new(script)
        .args(args)
        .status()
        .expect("scripts/pg.sh runs");
    assert!(status.success(), "pg.sh {args:?}");
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_database_restart_is_a_clear_503_then_service_resumes(pool: PgPool) {
    partner_server::seed::demo(&pool).await.unwrap();
    let server = Server::start(&database_url(&pool)).await;
    let token = server.token("main@example.com").await;
    let path = format!("/partners/{FIRST}/customers");
    assert_eq!(
        server
            .call("GET", &path, Some(&token), None, None)
            .await
            .unwrap()
            .0,
        StatusCode::OK
    );

    let dir = std::env::var("PG_DIR").expect("run under scripts/pg.sh");
    let port = std::env::var("PG_PORT").expect("run under scripts/pg.sh");
    pg(&["stop", &dir]);
    let (status, body) = server
        .call("GET", &path, Some(&token), None, None)
        .await
        .unwrap();
    pg(&["start", &dir, &port]);
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        body,
        json!({"code": "unavailable"}),
        "no SQL, no driver text"
    );

    let mut back = None;
    for _ in 0..50 {
        let (status, _) = server
            .call("GET", &path, Some(&token), None, None)
            .await
            .unwrap();
        if status == StatusCode::OK {
            back = Some(status);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(back, Some(StatusCode::OK), "the same process serves again");
}
