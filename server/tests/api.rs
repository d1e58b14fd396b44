//! The reference server against a real PostgreSQL: sign-in, scope, the access tables,
//! forged and concurrent writes, bad input and a database failure. Each test gets a fresh
//! database (`#[sqlx::test]`); `make test-server` runs them under a throwaway cluster.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use partner_domain::Role;
use partner_domain::common::transition::Actor;
use partner_domain::onboarding::application::{Application, ApplicationEvent, ApplicationState};
use partner_domain::records::Collection;
use partner_domain::records::access;
use partner_domain::sample::{sample_application_form, sample_profile};
use partner_server::seed;
use serde_json::{Value, json};
use sqlx::PgPool;
use support::*;

const M: &str = "partner_server::MIGRATOR";

// ---- sign-in ------------------------------------------------------------------------

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn sign_in_gives_a_strict_http_only_cookie_and_reveals_nothing_on_failure(pool: PgPool) {
    let _ = M;
    let api = Api::demo(pool).await;
    let ok = api
        .send(
            "POST",
            "/sign-in",
            None,
            None,
            Some(json!({"email": "MAIN@example.com ", "password": "demo-password-2026"})),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(
        ok.body.get("token").is_none(),
        "a cookie sign-in sends no token in the body"
    );
    let cookie = ok.headers["set-cookie"].to_str().unwrap();
    for part in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let wrong = api
        .send(
            "POST",
            "/sign-in",
            None,
            None,
            Some(json!({"email": "main@example.com", "password": "nope"})),
        )
        .await;
    let nobody = api
        .send(
            "POST",
            "/sign-in",
            None,
            None,
            Some(json!({"email": "nobody@example.com", "password": "nope"})),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!((wrong.status, &wrong.body), (nobody.status, &nobody.body));

    // The cookie is a session.
    let token = cookie.split(';').next().unwrap();
    let req = Request::get("/session")
        .header("cookie", token)
        .body(Body::empty())
        .unwrap();
    let s = api.raw(req).await;
    assert_eq!(s.status, StatusCode::OK);
    assert_eq!(s.body["role"], "MainAccount");
    assert_eq!(s.body["partner_id"], FIRST);
    assert_eq!(s.body["company_name"], sample_profile().company_name);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn tokens_are_stored_only_as_hashes_and_sign_out_ends_the_session(pool: PgPool) {
    let api = Api::demo(pool).await;
    let token = api.token("main@example.com").await;
    let stored: Vec<Vec<u8>> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&api.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token.as_bytes());
    assert_eq!(api.get("/session", &token).await.status, StatusCode::OK);
    let out = api
        .send("POST", "/sign-out", Some(&token), None, None)
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert_eq!(
        api.get("/session", &token).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        api.get("/session", "made-up").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn an_expired_session_is_signed_out(pool: PgPool) {
    let api = Api::demo(pool).await;
    let token = api.token("main@example.com").await;
    sqlx::query("UPDATE sessions SET expires_at = now() - interval '1 second'")
        .execute(&api.pool)
        .await
        .unwrap();
    assert_eq!(
        api.get("/session", &token).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn repeated_failures_slow_sign_in_down_for_that_address(pool: PgPool) {
    let api = Api::demo(pool).await;
    let wrong = json!({"email": "main@example.com", "password": "wrong"});
    for _ in 0..6 {
        let a = api
            .send("POST", "/sign-in", None, None, Some(wrong.clone()))
            .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password waits.
    let right = json!({"email": "main@example.com", "password": "demo-password-2026"});
    let a = api.send("POST", "/sign-in", None, None, Some(right)).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(a.headers.contains_key("retry-after"));
    // Another address is not slowed down.
    api.token("main2@example.com").await;
}

// ---- scope and the access tables ----------------------------------------------------

/// Every role on its own partner's scope, every partner collection, read and write: the
/// answer is 403 exactly where the domain's access tables refuse.
#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn the_authorization_matrix_follows_the_domains_access_tables(pool: PgPool) {
    let api = Api::demo(pool).await;
    let who = [
        ("main@example.com", Role::MainAccount),
        ("staff@example.com", Role::SubAccount),
        ("manager@example.com", Role::ChannelManager),
    ];
    for (email, role) in who {
        let token = api.token(email).await;
        for collection in Collection::ALL {
            if !partner_server::scope::per_partner(collection) {
                continue;
            }
            let path = format!("/partners/{FIRST}/{}", collection.name());
            let read = api.get(&path, &token).await.status;
            let may_read = access::may_read(role, collection).is_ok();
            assert_eq!(
                read == StatusCode::FORBIDDEN,
                !may_read,
                "{role:?} reads {path}: {read}"
            );
            assert!(read == StatusCode::OK || read == StatusCode::FORBIDDEN);
            // A write of a record that does not read as the type: 403 before anything else.
            let write = api
                .put(&format!("{path}/x"), &token, Some(0), json!(1))
                .await
                .status;
            let may_write = access::may_write_on_server(role, collection).is_ok();
            assert_eq!(
                write == StatusCode::FORBIDDEN,
                !may_write,
                "{role:?} writes {path}: {write}"
            );
        }
    }
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn outside_ones_scope_everything_is_not_found(pool: PgPool) {
    let api = Api::demo(pool).await;
    let second = api.token("main2@example.com").await;
    let visitor = api.token("visitor@example.com").await;
    let first = api.token("main@example.com").await;
    for (token, who) in [(&second, "the other partner"), (&visitor, "a visitor")] {
        for path in [
            format!("/partners/{FIRST}/customers"),
            format!("/partners/{FIRST}/profiles/partner"),
            format!("/partners/{FIRST}/audit"),
        ] {
            assert_eq!(
                api.get(&path, token).await.status,
                StatusCode::NOT_FOUND,
                "{who}: {path}"
            );
        }
        let forged = api
            .put(
                &format!("/partners/{FIRST}/customers/c1"),
                token,
                Some(0),
                json!({}),
            )
            .await;
        assert_eq!(forged.status, StatusCode::NOT_FOUND, "{who} writes");
    }
    // Another applicant's application, and the server's own email codes.
    assert_eq!(
        api.get(&format!("/applications/{FIRST}"), &visitor)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api.get(&format!("/partners/{FIRST}/email-codes"), &first)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api.get(&format!("/partners/{FIRST}/no-such"), &first)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // An unassigned manager reaches no partner.
    partner_server::seed::account(
        &api.pool,
        "manager-2",
        "other@example.com",
        partner_server::seed::DEMO_PASSWORD,
        "manager",
        None,
    )
    .await
    .unwrap();
    let other = api.token("other@example.com").await;
    assert_eq!(
        api.get(&format!("/partners/{FIRST}/customers"), &other)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The partner's own data is there for its own accounts.
    let mine = api
        .get(&format!("/partners/{FIRST}/customers"), &first)
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(!mine.body.as_array().unwrap().is_empty());
}

// ---- applications: judged by the domain --------------------------------------------

fn draft_of(id: &str) -> Application {
    Application {
        id: id.into(),
        applicant: id.into(),
        form: sample_application_form(&sample_profile()),
        ..Application::default()
    }
}

fn moved(app: &Application, event: ApplicationEvent, role: Role) -> Value {
    let mut next = app.clone();
    next.status
        .record(
            event,
            Actor {
                role,
                name: "client".into(),
            },
            chrono::Utc::now(),
        )
        .unwrap();
    serde_json::to_value(next).unwrap()
}

async fn stored_app(api: &Api, token: &str) -> (Application, i64) {
    let a = api.get(&format!("/applications/{VISITOR}"), token).await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    (
        serde_json::from_value(a.body["data"].clone()).unwrap(),
        a.body["rev"].as_i64().unwrap(),
    )
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn an_application_applied_for_and_approved_makes_a_partner(pool: PgPool) {
    let api = Api::demo(pool).await;
    let visitor = api.token("visitor@example.com").await;
    let manager = api.token("manager@example.com").await;
    let path = format!("/applications/{VISITOR}");
    let created = api
        .put(
            &path,
            &visitor,
            Some(0),
            serde_json::to_value(draft_of(VISITOR)).unwrap(),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    let (draft, rev) = stored_app(&api, &visitor).await;
    let submitted = api
        .put(
            &path,
            &visitor,
            Some(rev),
            moved(&draft, ApplicationEvent::Submit, Role::Visitor),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{:?}", submitted.body);
    let (submitted, rev) = stored_app(&api, &visitor).await;
    assert_eq!(
        submitted.status.history[0].actor.name, VISITOR,
        "the server's actor"
    );
    // The queue: the manager sees it.
    let queue = api.get("/applications", &manager).await;
    assert_eq!(queue.body.as_array().unwrap().len(), 1);
    let approved = api
        .put(
            &path,
            &manager,
            Some(rev),
            moved(&submitted, ApplicationEvent::Approve, Role::ChannelManager),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);

    // The applicant is now the partner's main account, with the profile it applied with,
    // assigned to the approving manager.
    let s = api.get("/session", &visitor).await.body;
    assert_eq!(s["role"], "MainAccount");
    assert_eq!(s["partner_id"], VISITOR);
    let profile = api
        .get(&format!("/partners/{VISITOR}/profiles/partner"), &visitor)
        .await;
    assert_eq!(profile.status, StatusCode::OK);
    assert_eq!(
        profile.body["data"]["company_name"],
        sample_profile().company_name
    );
    let m = api.get("/session", &manager).await.body;
    assert!(
        m["partners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == VISITOR)
    );
    // And nobody else's.
    let second = api.token("main2@example.com").await;
    assert_eq!(
        api.get(&format!("/partners/{VISITOR}/profiles/partner"), &second)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(api.audit_count("applications", VISITOR).await, 3);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn an_application_referred_to_one_manager_is_in_no_other_managers_queue(pool: PgPool) {
    let api = Api::demo(pool).await;
    seed::account(
        &api.pool,
        "manager-2",
        "manager2@example.com",
        seed::DEMO_PASSWORD,
        "manager",
        None,
    )
    .await
    .unwrap();
    let visitor = api.token("visitor@example.com").await;
    let path = format!("/applications/{VISITOR}");
    let draft = serde_json::to_value(draft_of(VISITOR)).unwrap();
    assert_eq!(
        api.put(&path, &visitor, Some(0), draft).await.status,
        StatusCode::CREATED
    );
    let (draft, rev) = stored_app(&api, &visitor).await;
    let submit = moved(&draft, ApplicationEvent::Submit, Role::Visitor);
    assert_eq!(
        api.put(&path, &visitor, Some(rev), submit).await.status,
        StatusCode::OK
    );
    let (submitted, rev) = stored_app(&api, &visitor).await;
    let first = api.token("manager@example.com").await;
    let second = api.token("manager2@example.com").await;
    // Referred to nobody: in every manager's queue.
    for m in [&first, &second] {
        assert_eq!(
            api.get("/applications", m)
                .await
                .body
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }
    sqlx::query("UPDATE accounts SET referred_to = 'manager-2' WHERE id = $1")
        .bind(VISITOR)
        .execute(&api.pool)
        .await
        .unwrap();
    // Referred to the second: the first neither lists, reads nor decides it.
    assert!(
        api.get("/applications", &first)
            .await
            .body
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(api.get(&path, &first).await.status, StatusCode::NOT_FOUND);
    let approve = moved(&submitted, ApplicationEvent::Approve, Role::ChannelManager);
    assert_eq!(
        api.put(&path, &first, Some(rev), approve.clone())
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api.get("/applications", &second)
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.put(&path, &second, Some(rev), approve).await.status,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn forged_application_writes_are_refused_and_nothing_is_stored(pool: PgPool) {
    let api = Api::demo(pool).await;
    let visitor = api.token("visitor@example.com").await;
    let path = format!("/applications/{VISITOR}");
    api.put(
        &path,
        &visitor,
        Some(0),
        serde_json::to_value(draft_of(VISITOR)).unwrap(),
    )
    .await;
    let (draft, rev) = stored_app(&api, &visitor).await;

    // Sent as approved without a history entry.
    let mut approved = serde_json::to_value(&draft).unwrap();
    approved["status"]["state"] = json!("Approved");
    let a = api.put(&path, &visitor, Some(rev), approved).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.body["errors"][0]["field"], "status");

    // Submitted and approved by the applicant itself, in one write.
    let submitted: Application =
        serde_json::from_value(moved(&draft, ApplicationEvent::Submit, Role::Visitor)).unwrap();
    let twice = moved(&submitted, ApplicationEvent::Approve, Role::ChannelManager);
    let a = api.put(&path, &visitor, Some(rev), twice).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Approving one's own submitted application: the role may not.
    api.put(
        &path,
        &visitor,
        Some(rev),
        serde_json::to_value(&submitted).unwrap(),
    )
    .await;
    let (submitted, rev) = stored_app(&api, &visitor).await;
    let own = api
        .put(
            &path,
            &visitor,
            Some(rev),
            moved(&submitted, ApplicationEvent::Approve, Role::ChannelManager),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);

    // A draft moved straight to approved by the manager: not a move the machine has.
    let (after, rev_after) = stored_app(&api, &visitor).await;
    assert_eq!(
        (after.status.state, rev_after),
        (ApplicationState::Submitted, rev)
    );
    assert_eq!(api.audit_count("applications", VISITOR).await, 2);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_guarded_write_needs_if_match_and_a_stale_one_is_refused(pool: PgPool) {
    let api = Api::demo(pool).await;
    let visitor = api.token("visitor@example.com").await;
    let path = format!("/applications/{VISITOR}");
    let body = serde_json::to_value(draft_of(VISITOR)).unwrap();
    api.put(&path, &visitor, Some(0), body.clone()).await;
    assert_eq!(
        api.put(&path, &visitor, None, body.clone()).await.status,
        StatusCode::PRECONDITION_REQUIRED
    );
    let stale = api.put(&path, &visitor, Some(7), body.clone()).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.body["current"], 1);
    assert_eq!(
        api.put(&path, &visitor, Some(1), body).await.status,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn sixteen_clients_with_one_revision_one_wins_and_history_grows_by_one(pool: PgPool) {
    let api = Api::demo(pool).await;
    let visitor = api.token("visitor@example.com").await;
    let manager = api.token("manager@example.com").await;
    let path = format!("/applications/{VISITOR}");
    api.put(
        &path,
        &visitor,
        Some(0),
        serde_json::to_value(draft_of(VISITOR)).unwrap(),
    )
    .await;
    let (draft, rev) = stored_app(&api, &visitor).await;
    api.put(
        &path,
        &visitor,
        Some(rev),
        moved(&draft, ApplicationEvent::Submit, Role::Visitor),
    )
    .await;
    let (submitted, rev) = stored_app(&api, &visitor).await;
    let reject = ApplicationEvent::Reject {
        reason: "营业执照不清晰".into(),
        step: partner_domain::onboarding::application::WizardStep::BasicInformation,
    };
    let body = moved(&submitted, reject, Role::ChannelManager);
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let (api, manager, path, body) = (api.clone(), manager.clone(), path.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            api.put(&path, &manager, Some(rev), body).await.status
        }));
    }
    let codes = statuses(tasks).await;
    assert_eq!(codes.len(), 16);
    one_wins(&codes);
    let (after, _) = stored_app(&api, &visitor).await;
    assert_eq!(
        after.status.history.len(),
        submitted.status.history.len() + 1
    );
}

// ---- bad input and faults -----------------------------------------------------------

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn bad_bodies_are_answered_at_the_field_and_big_ones_before_reading(pool: PgPool) {
    let api = Api::demo(pool).await;
    let manager = api.token("manager@example.com").await;
    let path = format!("/partners/{FIRST}/customers/c-new");
    let req = |body: &str, len: Option<usize>| {
        let mut r = Request::put(&path)
            .header("authorization", format!("Bearer {manager}"))
            .header("content-type", "application/json");
        if let Some(n) = len {
            r = r.header("content-length", n);
        }
        r.body(Body::from(body.to_string())).unwrap()
    };
    let text = Request::put(&path)
        .header("authorization", format!("Bearer {manager}"))
        .header("content-type", "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    let wrong_type = api.raw(text).await;
    assert_eq!(wrong_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(wrong_type.body["code"], "not-json");
    let malformed = api.raw(req("{\"id\": ", None)).await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nested = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(
        api.raw(req(&nested, None)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let wrong_type = api.put(&path, &manager, Some(0), json!({"uin": 5})).await;
    assert_eq!(wrong_type.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!wrong_type.body.to_string().contains("SELECT"));
    let huge = api
        .raw(req("{}", Some(partner_server::BODY_LIMIT + 1)))
        .await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Found by the contract fuzzer: PostgreSQL holds no NUL, which had been a 503.
    let nul = api
        .put(
            &format!("/partners/{FIRST}/customers/a%00b"),
            &manager,
            Some(0),
            json!({}),
        )
        .await;
    assert_eq!(
        nul.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{:?}",
        nul.body
    );
    let nul_data = api
        .put(
            &format!("/partners/{FIRST}/statements/x"),
            &manager,
            Some(0),
            json!({"a": "b\u{0}c"}),
        )
        .await;
    assert_eq!(nul_data.body["errors"][0]["code"], "nul-character");
    let long_id = format!("/partners/{FIRST}/customers/{}", "9".repeat(500));
    assert_eq!(
        api.put(&long_id, &manager, Some(0), json!({})).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_database_failure_is_a_503_without_sql_text(pool: PgPool) {
    let api = Api::demo(pool).await;
    let token = api.token("main@example.com").await;
    api.pool.close().await;
    let a = api
        .get(&format!("/partners/{FIRST}/customers"), &token)
        .await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(a.body, json!({"code": "unavailable"}));
}
