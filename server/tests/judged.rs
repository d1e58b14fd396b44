//! Forged writes against the server, one per rule the issue names: each refused with the
//! status and field the domain's judge gives, and nothing stored.

mod support;

use axum::http::StatusCode;
use chrono::Utc;
use partner_domain::common::transition::Actor;
use partner_domain::money::settlement::{SettlementSheet, SettlementState};
use partner_domain::sample::generate;
use partner_domain::{Cny, Role, YearMonth};
use serde_json::{Value, json};
use sqlx::PgPool;
use support::*;

/// A pending sheet issued by the manager; its path and revision.
async fn issued(api: &Api, manager: &str) -> (String, SettlementSheet, i64) {
    let mut sheet = generate(50, YearMonth::new(2026, 11).unwrap(), 3)
        .settlements
        .pop()
        .unwrap();
    sheet.state = SettlementState::Pending;
    sheet.history.clear();
    (sheet.received_on, sheet.corrected_on, sheet.paid_on) = (None, None, None);
    sheet.paid_amount = None;
    sheet.invoice = None;
    sheet.checked.clear();
    let path = format!("/partners/{FIRST}/settlements/2026-11-new");
    let a = api
        .put(
            &path,
            manager,
            Some(0),
            serde_json::to_value(&sheet).unwrap(),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.body);
    (
        path,
        serde_json::from_value(a.body["data"].clone()).unwrap(),
        1,
    )
}

fn moved(sheet: &SettlementSheet, to: SettlementState) -> Value {
    let mut next = sheet.clone();
    next.advance(
        to,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        Utc::now(),
        Actor {
            role: Role::ChannelManager,
            name: "x".into(),
        },
        None,
    )
    .unwrap();
    serde_json::to_value(next).unwrap()
}

async fn rev_of(api: &Api, path: &str, token: &str) -> i64 {
    api.get(path, token).await.body["rev"].as_i64().unwrap()
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_partner_cannot_move_a_sheet_to_a_providers_state_nor_rewrite_it(pool: PgPool) {
    let api = Api::demo(pool).await;
    let manager = api.token("manager@example.com").await;
    let main = api.token("main@example.com").await;
    // A partner does not issue sheets.
    let own = api
        .put(
            &format!("/partners/{FIRST}/settlements/mine"),
            &main,
            Some(0),
            json!({}),
        )
        .await;
    assert_eq!(
        own.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not even a sheet"
    );
    let (path, sheet, rev) = issued(&api, &manager).await;

    let sent = api
        .put(
            &path,
            &main,
            Some(rev),
            moved(&sheet, SettlementState::DocumentsSent),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{:?}", sent.body);
    let sheet: SettlementSheet = serde_json::from_value(sent.body["data"].clone()).unwrap();
    assert_eq!(
        sheet.history[0].actor.name, "100099990001",
        "the server's actor"
    );

    let received = api
        .put(
            &path,
            &main,
            Some(2),
            moved(&sheet, SettlementState::Received),
        )
        .await;
    assert_eq!(received.status, StatusCode::FORBIDDEN);

    let mut rewritten = serde_json::to_value(&sheet).unwrap();
    rewritten["history"][0]["actor"]["name"] = json!("someone else");
    let a = api.put(&path, &main, Some(2), rewritten).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        a.body["errors"][0],
        json!({"field": "history", "code": "history-rewritten"})
    );

    let mut invoice = serde_json::to_value(&sheet).unwrap();
    invoice["invoice"] = json!({
        "number": "12345678", "date": "2026-12-01", "kind": "SpecialVat",
        "amount": (sheet.amount() + Cny::yuan(1)).amount().to_string(),
    });
    let a = api.put(&path, &main, Some(2), invoice).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", a.body);
    assert_eq!(a.body["errors"][0]["field"], "invoice.amount");

    assert_eq!(rev_of(&api, &path, &main).await, 2, "nothing stored");
    assert_eq!(api.audit_count("settlements", "2026-11-new").await, 2);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_partner_cannot_rewrite_arrears_change_its_uscc_or_write_its_history(pool: PgPool) {
    let api = Api::demo(pool).await;
    let main = api.token("main@example.com").await;
    let customers = api
        .get(&format!("/partners/{FIRST}/customers"), &main)
        .await
        .body;
    let first = &customers[0];
    let uin = first["id"].as_str().unwrap();
    // Arrears are the provider's figure, whichever way a partner would move them.
    let mut zeroed = first["data"].clone();
    zeroed["arrears"] = json!("-1.00");
    let path = format!("/partners/{FIRST}/customers/{uin}");
    let a = api
        .put(&path, &main, Some(first["rev"].as_i64().unwrap()), zeroed)
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "{:?}", a.body);

    let profile_path = format!("/partners/{FIRST}/profiles/partner");
    let profile = api.get(&profile_path, &main).await.body;
    let mut other = profile["data"].clone();
    other["uscc"] = json!("91440300708461136T");
    let a = api.put(&profile_path, &main, Some(1), other).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        a.body["errors"][0],
        json!({"field": "uscc", "code": "new-legal-entity"})
    );

    let a = api
        .put(
            &format!("/partners/{FIRST}/profiles/history"),
            &main,
            Some(0),
            json!([]),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A real change: the server writes the history line itself.
    let mut moved = profile["data"].clone();
    moved["mailing_address"] = json!("浙江省杭州市滨江区 1 号");
    let a = api.put(&profile_path, &main, Some(1), moved).await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    let history = api
        .get(&format!("/partners/{FIRST}/profiles/history"), &main)
        .await;
    assert_eq!(
        history.body["data"].as_array().map(Vec::len),
        Some(1),
        "{:?}",
        history.body
    );
    assert_eq!(history.body["data"][0]["by"]["name"], FIRST);

    // Statements are the provider's to write.
    let a = api
        .put(
            &format!("/partners/{FIRST}/statements/index"),
            &main,
            Some(0),
            json!({}),
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn an_email_code_is_sent_never_shown_and_confirms_a_learner(pool: PgPool) {
    let api = Api::demo(pool).await;
    let main = api.token("main@example.com").await;
    let staff = api.token("staff@example.com").await;
    let a = api
        .put(
            &format!("/partners/{FIRST}/learning-settings/enabled-domains"),
            &main,
            None,
            json!(["example.com"]),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.body);
    let codes = format!("/partners/{FIRST}/email-codes");
    let email = "li.lei@example.com";
    let learner = json!({
        "id": email, "method": "EnterpriseEmail", "state": "Active", "name": "li.lei",
        "mobile": "", "email": email, "account_id": "", "requested_at": "2026-12-01T00:00:00Z",
        "records": [],
    });
    let learner_path = format!("/partners/{FIRST}/learners/{email}");
    let early = api
        .put(&learner_path, &staff, Some(0), learner.clone())
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(early.body["errors"][0]["code"], "not-confirmed");

    let elsewhere = api
        .send(
            "POST",
            &codes,
            Some(&staff),
            None,
            Some(json!({"email": "li@other.com"})),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    let sent = api
        .send(
            "POST",
            &codes,
            Some(&staff),
            None,
            Some(json!({"email": email})),
        )
        .await;
    assert_eq!(sent.status, StatusCode::ACCEPTED);
    let code: String = sqlx::query_scalar("SELECT data->>'code' FROM email_codes")
        .fetch_one(&api.pool)
        .await
        .unwrap();
    assert!(!sent.body.to_string().contains(&code), "never in an answer");
    assert_eq!(api.get(&codes, &staff).await.status, StatusCode::NOT_FOUND);
    let outbox: String = sqlx::query_scalar("SELECT body FROM outbox")
        .fetch_one(&api.pool)
        .await
        .unwrap();
    assert!(outbox.contains(&code));

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let confirm = format!("{codes}/confirm");
    let a = api
        .send(
            "POST",
            &confirm,
            Some(&staff),
            None,
            Some(json!({"email": email, "code": wrong})),
        )
        .await;
    // The domain's stable code, with the tries left.
    assert_eq!(a.body["errors"][0]["code"], "wrong-4");
    let a = api
        .send(
            "POST",
            &confirm,
            Some(&staff),
            None,
            Some(json!({"email": email, "code": code})),
        )
        .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    let joined = api.put(&learner_path, &staff, Some(0), learner).await;
    assert_eq!(joined.status, StatusCode::CREATED, "{:?}", joined.body);
    assert_eq!(joined.body["data"]["state"], "Active");
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_batch_stands_or_falls_together(pool: PgPool) {
    let api = Api::demo(pool).await;
    let manager = api.token("manager@example.com").await;
    let customer = |uin: &str| {
        json!({"path": format!("/partners/{FIRST}/customers/{uin}"), "if_match": 0, "data": {
            "uin": uin, "name": "新客户", "associated_since": "2026-01-05",
            "arrears": "0.00", "special_rebates": false, "unbind": "NotRequested"
        }})
    };
    let refused = json!({"writes": [
        customer("300000000001"),
        {"path": format!("/partners/{FIRST}/settlements/2026-12"), "if_match": 0, "data": {"oops": 1}},
    ]});
    let a = api
        .send("POST", "/batch", Some(&manager), None, Some(refused))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.headers["x-batch-index"], "1");
    let first = api
        .get(
            &format!("/partners/{FIRST}/customers/300000000001"),
            &manager,
        )
        .await;
    assert_eq!(
        first.status,
        StatusCode::NOT_FOUND,
        "rolled back with the second"
    );

    let both = json!({"writes": [customer("300000000001"), customer("300000000002")]});
    let a = api
        .send("POST", "/batch", Some(&manager), None, Some(both))
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    assert_eq!(a.body.as_array().unwrap().len(), 2);

    // Outside one's scope inside a batch: 404, as alone.
    let second = api.token("main2@example.com").await;
    let theirs = json!({"writes": [customer("300000000003")]});
    let a = api
        .send("POST", "/batch", Some(&second), None, Some(theirs))
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn approval_never_takes_over_an_existing_partner(pool: PgPool) {
    use partner_domain::onboarding::application::{Application, ApplicationEvent};
    use partner_domain::sample::{sample_application_form, second_sample_profile};
    let api = Api::demo(pool).await;
    let main = api.token("main@example.com").await;
    let manager = api.token("manager@example.com").await;
    // The first partner's main account applies again, as another company.
    let path = format!("/applications/{FIRST}");
    let draft = Application {
        id: FIRST.into(),
        applicant: FIRST.into(),
        form: sample_application_form(&second_sample_profile()),
        ..Application::default()
    };
    let a = api
        .put(&path, &main, Some(0), serde_json::to_value(&draft).unwrap())
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.body);
    let actor = |role| Actor {
        role,
        name: "c".into(),
    };
    let mut submitted = draft.clone();
    submitted
        .status
        .record(
            ApplicationEvent::Submit,
            actor(Role::MainAccount),
            Utc::now(),
        )
        .unwrap();
    let a = api
        .put(
            &path,
            &main,
            Some(1),
            serde_json::to_value(&submitted).unwrap(),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    let stored: Application = serde_json::from_value(a.body["data"].clone()).unwrap();
    let mut approved = stored.clone();
    approved
        .status
        .record(
            ApplicationEvent::Approve,
            actor(Role::ChannelManager),
            Utc::now(),
        )
        .unwrap();
    let a = api
        .put(
            &path,
            &manager,
            Some(2),
            serde_json::to_value(&approved).unwrap(),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", a.body);
    assert_eq!(a.body["errors"][0]["field"], "applicant");
    let name: String = sqlx::query_scalar("SELECT company_name FROM partners WHERE id = $1")
        .bind(FIRST)
        .fetch_one(&api.pool)
        .await
        .unwrap();
    assert_eq!(
        name,
        partner_domain::sample::sample_profile().company_name,
        "untouched"
    );
    assert_eq!(
        api.get(&path, &main).await.body["rev"],
        2,
        "the approval rolled back"
    );
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn smaller_refusals_the_review_asked_for(pool: PgPool) {
    let api = Api::demo(pool).await;
    let main = api.token("main@example.com").await;
    let manager = api.token("manager@example.com").await;
    // One certificate record per partner.
    let a = api
        .put(
            &format!("/partners/{FIRST}/certificates/second"),
            &main,
            Some(0),
            json!({}),
        )
        .await;
    assert_eq!(a.body["errors"][0]["code"], "unknown-certificate-record");
    // A NUL in a path names nothing.
    assert_eq!(
        api.get(&format!("/partners/{FIRST}/customers/a%00"), &main)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api.get("/partners/a%00/customers", &manager).await.status,
        StatusCode::NOT_FOUND
    );
    // An announcement's author and time are the server's.
    let a = api
        .put("/announcements/n1", &manager, None, json!({
            "id": "other", "title": "通知", "body": "正文", "published_at": "2001-01-01T00:00:00Z", "author": "someone"
        }))
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.body);
    assert_eq!(
        (
            a.body["data"]["author"].clone(),
            a.body["data"]["id"].clone()
        ),
        (json!("manager-1"), json!("n1"))
    );
    assert_ne!(a.body["data"]["published_at"], "2001-01-01T00:00:00Z");
    // A second code for the same address waits a minute.
    api.put(
        &format!("/partners/{FIRST}/learning-settings/enabled-domains"),
        &main,
        None,
        json!(["example.com"]),
    )
    .await;
    let codes = format!("/partners/{FIRST}/email-codes");
    let body = json!({"email": "wang@example.com"});
    assert_eq!(
        api.send("POST", &codes, Some(&main), None, Some(body.clone()))
            .await
            .status,
        StatusCode::ACCEPTED
    );
    let again = api
        .send("POST", &codes, Some(&main), None, Some(body))
        .await;
    assert_eq!(again.body["errors"][0]["code"], "too-soon");
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn guesses_sent_at_once_each_count(pool: PgPool) {
    let api = Api::demo(pool).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            api.send(
                "POST",
                "/sign-in",
                None,
                None,
                Some(json!({"email": "main2@example.com", "password": "guess"})),
            )
            .await
            .status
        }));
    }
    let codes = statuses(tasks).await;
    let failures: i32 = sqlx::query_scalar(
        "SELECT failed_sign_ins FROM accounts WHERE email = 'main2@example.com'",
    )
    .fetch_one(&api.pool)
    .await
    .unwrap();
    // Each guess was counted (401), or came after the lock the counted ones set and was
    // turned away (429) — none slipped through uncounted, as when the count was written
    // back as a fixed value.
    let refused = |status| codes.iter().filter(|c| **c == status).count();
    assert_eq!(
        failures as usize,
        refused(StatusCode::UNAUTHORIZED),
        "{codes:?}"
    );
    assert_eq!(
        refused(StatusCode::UNAUTHORIZED) + refused(StatusCode::TOO_MANY_REQUESTS),
        8,
        "{codes:?}"
    );
    assert!(
        failures >= 6,
        "the lock came only after five free failures: {codes:?}"
    );
}
