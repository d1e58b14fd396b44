//! `partner_server [serve|migrate|seed-demo]`, configured by the environment:
//! `DATABASE_URL` (required), `BIND` (default 127.0.0.1:8090), `DIST` (the app's release
//! files, default `dist`), `SECURE_COOKIES=1` behind HTTPS, `DEMO=1` to seed the demo
//! on start and print its sign-ins, `HOST_JWT_PUBLIC_KEY` + `HOST_JWT_ISSUER` to trust an
//! embedding host's signed tokens.

use std::path::PathBuf;

use partner_server::{AppState, MIGRATOR, app, seed};
use sqlx::postgres::PgPoolOptions;

#[tokio::main]
async fn main() {
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        eprintln!("DATABASE_URL is not set (postgres://user@host:port/database)");
        std::process::exit(2)
    });
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(std::time::Duration::from_secs(3))
        .connect_lazy(&url)
        .expect("DATABASE_URL is a postgres URL");
    match command.as_str() {
        "migrate" => migrate(&pool).await,
        "seed-demo" => {
            migrate(&pool).await;
            seed_demo(&pool).await;
        }
        "serve" => {
            migrate(&pool).await;
            if std::env::var("DEMO").is_ok_and(|v| v == "1") {
                seed_demo(&pool).await;
            }
            let bind = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:8090".into());
            let dist = PathBuf::from(std::env::var("DIST").unwrap_or_else(|_| "dist".into()));
            let state = AppState {
                pool,
                secure_cookies: std::env::var("SECURE_COOKIES").is_ok_and(|v| v == "1"),
                host_key: host_key(),
            };
            let listener = tokio::net::TcpListener::bind(&bind)
                .await
                .unwrap_or_else(|e| panic!("cannot listen on {bind}: {e}"));
            println!(
                "Partner Console server on http://{bind}/ (app from {})",
                dist.display()
            );
            let router = if std::env::var("TEST_HOOKS").is_ok_and(|v| v == "1") {
                eprintln!("TEST_HOOKS=1: test sessions without passwords — never in a deployment");
                let hooks = partner_server::test_hooks::routes(state.clone());
                partner_server::app_with(state, &dist, hooks)
            } else {
                app(state, &dist)
            };
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
                .expect("the server runs");
        }
        other => {
            eprintln!("unknown command {other:?}: serve, migrate or seed-demo");
            std::process::exit(2);
        }
    }
}

/// `HOST_JWT_PUBLIC_KEY` (a PEM file), `HOST_JWT_ISSUER` and `HOST_JWT_AUDIENCE`
/// (default `partner-console`): trust tokens the embedding host signs.
fn host_key() -> Option<partner_server::host_token::HostKey> {
    let path = std::env::var("HOST_JWT_PUBLIC_KEY").ok()?;
    let pem = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("cannot read HOST_JWT_PUBLIC_KEY {path}: {e}");
        std::process::exit(2)
    });
    let issuer = std::env::var("HOST_JWT_ISSUER").unwrap_or_else(|_| {
        eprintln!("HOST_JWT_ISSUER is required with HOST_JWT_PUBLIC_KEY");
        std::process::exit(2)
    });
    let audience = std::env::var("HOST_JWT_AUDIENCE").unwrap_or_else(|_| "partner-console".into());
    match partner_server::host_token::HostKey::from_pem(&pem, &issuer, &audience) {
        Ok(key) => Some(key),
        Err(e) => {
            eprintln!("HOST_JWT_PUBLIC_KEY {path}: {e}");
            std::process::exit(2)
        }
    }
}

async fn migrate(pool: &sqlx::PgPool) {
    if let Err(e) = MIGRATOR.run(pool).await {
        eprintln!("migrating the database failed: {e}");
        std::process::exit(1);
    }
}

async fn seed_demo(pool: &sqlx::PgPool) {
    if let Err(e) = seed::demo(pool).await {
        eprintln!("seeding the demo failed: {e}");
        std::process::exit(1);
    }
    println!("Demo sign-ins (password {}):", seed::DEMO_PASSWORD);
    for a in seed::DEMO {
        println!("  {:<22} {:<8} {}", a.email, a.role, a.what);
    }
}
