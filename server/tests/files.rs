//! Uploaded files and the app's own files: a file stays in its uploader's scope (the
//! applicant's, the partner's) and its type is what its bytes are; the app is served under
//! the base its `index.html` names, marked to talk to the API beside it.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use http_body_util::BodyExt;
use partner_server::{AppState, app, base_href, mark_index, seed};
use serde_json::json;
use sqlx::PgPool;
use support::*;
use tower::ServiceExt;

/// The smallest PNG header the domain's sniffing accepts as PNG.
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&[0; 32]);
    bytes
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_file_is_read_by_its_uploader_and_the_managers_and_by_nobody_else(pool: PgPool) {
    let api = Api::demo(pool).await;
    let visitor = api.token("visitor@example.com").await;
    let manager = api.token("manager@example.com").await;
    let main = api.token("main@example.com").await;
    let body = json!({"id": "licence-1", "mime": "image/gif", "base64": STANDARD.encode(png())});
    let up = api
        .send("POST", "/blobs", Some(&visitor), None, Some(body))
        .await;
    assert_eq!(up.status, StatusCode::CREATED, "{:?}", up.body);
    let got = api.get("/blobs/licence-1", &visitor).await;
    assert_eq!(got.status, StatusCode::OK);
    // The type is what the bytes are, whatever the body claimed.
    assert_eq!(got.body["mime"], "image/png");
    assert_eq!(got.body["base64"], STANDARD.encode(png()));
    // Every manager reads the queue's files; another partner's account does not.
    assert_eq!(
        api.get("/blobs/licence-1", &manager).await.status,
        StatusCode::OK
    );
    assert_eq!(
        api.get("/blobs/licence-1", &main).await.status,
        StatusCode::NOT_FOUND
    );

    // A partner's file: its accounts and its manager; not another partner.
    let proof = json!({"id": "proof-1", "mime": "image/png", "base64": STANDARD.encode(png())});
    let up = api
        .send("POST", "/blobs", Some(&main), None, Some(proof))
        .await;
    assert_eq!(up.status, StatusCode::CREATED);
    let staff = api.token("staff@example.com").await;
    let other = api.token("main2@example.com").await;
    assert_eq!(
        api.get("/blobs/proof-1", &staff).await.status,
        StatusCode::OK
    );
    assert_eq!(
        api.get("/blobs/proof-1", &manager).await.status,
        StatusCode::OK
    );
    assert_eq!(
        api.get("/blobs/proof-1", &other).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api.get("/blobs/proof-1", &visitor).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_file_that_is_not_an_image_is_refused_at_its_field(pool: PgPool) {
    let api = Api::demo(pool).await;
    let visitor = api.token("visitor@example.com").await;
    for (base64, code) in [
        (STANDARD.encode(b"%PDF-1.7 not an image"), "not-an-image"),
        ("%%% not base64".to_string(), "malformed"),
    ] {
        let body = json!({"id": "x", "mime": "image/png", "base64": base64});
        let a = api
            .send("POST", "/blobs", Some(&visitor), None, Some(body))
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(a.body["errors"][0]["field"], "base64");
        assert_eq!(a.body["errors"][0]["code"], code);
    }
    let unsigned = json!({"id": "x", "mime": "image/png", "base64": STANDARD.encode(png())});
    let a = api.send("POST", "/blobs", None, None, Some(unsigned)).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[test]
fn the_served_index_names_the_api_on_the_mount_element() {
    let index = r#"<base href="/partners/" /><div id="partner-console" data-partner-console>"#;
    assert_eq!(base_href(index), "/partners/");
    assert_eq!(base_href("<html>"), "/");
    assert!(mark_index(index).contains(r#"data-partner-console data-backend-url="api""#));
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn the_app_and_the_api_share_the_base_its_index_names(pool: PgPool) {
    seed::demo(&pool).await.unwrap();
    let dist = std::env::temp_dir().join(format!("pc-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        r#"<base href="/partners/" /><div data-partner-console></div>"#,
    )
    .unwrap();
    std::fs::write(dist.join("app.js"), "// the app").unwrap();
    let router = app(
        AppState {
            pool,
            secure_cookies: false,
            host_key: None,
        },
        &dist,
    );
    let get = |uri: &'static str| {
        let router = router.clone();
        async move {
            let res = router
                .oneshot(Request::get(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&body).to_string())
        }
    };
    for page in ["/partners/", "/partners/statements", "/partners/index.html"] {
        let (status, body) = get(page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(body.contains(r#"data-backend-url="api""#), "{page}: {body}");
    }
    assert_eq!(get("/partners/app.js").await.1, "// the app");
    assert_eq!(
        get("/partners/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );
    // An address under the API that names nothing is the API's 404, never the app's page.
    for nothing in ["/partners/api/profiles/partner", "/partners/api/a/b/c/d/e"] {
        let (status, body) = get(nothing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{nothing}: {body}");
        assert!(body.contains("not-found"), "{nothing}: {body}");
    }
    std::fs::remove_dir_all(&dist).unwrap();
}
