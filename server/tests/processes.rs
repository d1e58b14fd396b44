//! Real server processes on one database: nothing a second process would need is kept in
//! a process, so two of them guard one sheet as one; a killed process leaves no half batch.

mod support;

use axum::http::StatusCode;
use chrono::Utc;
use partner_domain::common::transition::Actor;
use partner_domain::money::settlement::{ChecklistItem, SettlementSheet, SettlementState};
use partner_domain::sample::generate;
use partner_domain::{Role, YearMonth};
use serde_json::{Value, json};
use sqlx::PgPool;
use support::process::{Server, database_url};
use support::*;

/// A pending sheet issued through `server`; its path.
async fn issue(server: &Server, manager: &str, id: &str) -> (String, SettlementSheet) {
    let mut sheet = generate(50, YearMonth::new(2026, 11).unwrap(), 5)
        .settlements
        .pop()
        .unwrap();
    sheet.state = SettlementState::Pending;
    sheet.history.clear();
    (sheet.received_on, sheet.corrected_on, sheet.paid_on) = (None, None, None);
    (sheet.paid_amount, sheet.invoice) = (None, None);
    sheet.checked.clear();
    let path = format!("/partners/{FIRST}/settlements/{id}");
    let body = json!({"id": id, "rev": 0, "data": sheet});
    let (status, answer) = server
        .call("PUT", &path, Some(manager), Some(0), Some(&body))
        .await
        .unwrap();
    assert_eq!(status, StatusCode::CREATED, "{answer:?}");
    (
        path,
        serde_json::from_value(answer["data"].clone()).unwrap(),
    )
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn sixteen_clients_through_two_processes_one_move_wins(pool: PgPool) {
    partner_server::seed::demo(&pool).await.unwrap();
    let url = database_url(&pool);
    let servers = [Server::start(&url).await, Server::start(&url).await];
    let manager = servers[0].token("manager@example.com").await;
    let main = servers[1].token("main@example.com").await;
    let (path, sheet) = issue(&servers[0], &manager, "2026-11-x").await;
    let mut sent = sheet.clone();
    sent.advance(
        SettlementState::DocumentsSent,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        Utc::now(),
        Actor {
            role: Role::MainAccount,
            name: "c".into(),
        },
        None,
    )
    .unwrap();
    let body = json!({"id": "2026-11-x", "rev": 1, "data": sent});
    let servers = std::sync::Arc::new(servers);
    let mut tasks = Vec::new();
    for i in 0..16 {
        let (servers, main, path, body) =
            (servers.clone(), main.clone(), path.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            servers[i % 2]
                .call("PUT", &path, Some(&main), Some(1), Some(&body))
                .await
                .unwrap()
                .0
        }));
    }
    let codes = statuses(tasks).await;
    assert_eq!(codes.len(), 16);
    one_wins(&codes);
    let (_, stored) = servers[0]
        .call("GET", &path, Some(&main), None, None)
        .await
        .unwrap();
    assert_eq!(stored["data"]["history"].as_array().unwrap().len(), 1);
    assert_eq!(stored["rev"], 2);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn retried_read_modify_writes_through_two_processes_lose_nothing(pool: PgPool) {
    partner_server::seed::demo(&pool).await.unwrap();
    let url = database_url(&pool);
    let servers = std::sync::Arc::new([Server::start(&url).await, Server::start(&url).await]);
    let manager = servers[0].token("manager@example.com").await;
    let main = servers[0].token("main@example.com").await;
    let (path, _) = issue(&servers[0], &manager, "2026-11-y").await;
    // Five clients each tick one item, reading again whenever their revision was stale.
    let mut tasks = Vec::new();
    for (i, item) in ChecklistItem::ALL.into_iter().enumerate() {
        let (servers, main, path) = (servers.clone(), main.clone(), path.clone());
        tasks.push(tokio::spawn(async move {
            let server = &servers[i % 2];
            for _ in 0..50 {
                let (_, current) = server
                    .call("GET", &path, Some(&main), None, None)
                    .await
                    .unwrap();
                let rev = current["rev"].as_i64().unwrap();
                let mut data: SettlementSheet =
                    serde_json::from_value(current["data"].clone()).unwrap();
                data.checked.push(item);
                let body = json!({"id": "x", "rev": rev, "data": data});
                let (status, _) = server
                    .call("PUT", &path, Some(&main), Some(rev), Some(&body))
                    .await
                    .unwrap();
                match status {
                    StatusCode::OK => return,
                    StatusCode::PRECONDITION_FAILED => continue,
                    other => panic!("{other}"),
                }
            }
            panic!("never got through");
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let (_, stored) = servers[1]
        .call("GET", &path, Some(&main), None, None)
        .await
        .unwrap();
    let mut ticked: Vec<ChecklistItem> =
        serde_json::from_value(stored["data"]["checked"].clone()).unwrap();
    ticked.sort_by_key(|i| ChecklistItem::ALL.iter().position(|a| a == i));
    assert_eq!(ticked, ChecklistItem::ALL.to_vec(), "every tick kept");
    assert_eq!(stored["rev"], 6);
}

#[sqlx::test(migrator = "partner_server::MIGRATOR")]
async fn a_server_killed_mid_batch_leaves_all_or_nothing(pool: PgPool) {
    partner_server::seed::demo(&pool).await.unwrap();
    let url = database_url(&pool);
    let mut server = Server::start(&url).await;
    let manager = server.token("manager@example.com").await;
    let customer = |i: usize| {
        json!({"path": format!("/partners/{FIRST}/customers/3000000{i:05}"), "if_match": 0, "data": {
            "uin": "x", "name": format!("客户 {i}"), "associated_since": "2026-01-05",
            "arrears": "0.00", "special_rebates": false, "unbind": "NotRequested"
        }})
    };
    let writes: Vec<Value> = (0..100).map(customer).collect();
    let body = json!({ "writes": writes });
    let call = {
        let (client, manager) = (server.client.clone(), manager.clone());
        tokio::spawn(async move {
            client
                .call("POST", "/batch", Some(&manager), None, Some(&body))
                .await
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(40)).await;
    server.kill();
    let _ = call.await;
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM records WHERE collection = 'customers' AND id LIKE '3000000%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    eprintln!("killed mid-batch: {stored} of 100 stored");
    assert!(stored == 0 || stored == 100, "{stored} of 100 stored");
}
