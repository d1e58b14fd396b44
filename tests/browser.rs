//! Browser unit tests (wasm-bindgen-test in headless Chromium): the local backend against
//! real localStorage and IndexedDB, and the app mounted for real.
#![cfg(target_arch = "wasm32")]

mod support;

use partner_console::data::local::{LocalBackend, open_local};
use partner_console::data::{Backend, Collection, DataError};
use partner_console::domain::Role;
use serde_json::json;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh backend: localStorage emptied, a database of its own.
async fn fresh() -> LocalBackend {
    static N: AtomicU32 = AtomicU32::new(0);
    storage().clear().unwrap();
    let name = format!(
        "pc-test-{}-{}",
        js_sys::Date::now(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    open_local(&name).await.unwrap()
}

#[wasm_bindgen_test]
async fn local_backend_meets_the_contract() {
    support::contract::all(fresh).await;
}

#[wasm_bindgen_test]
async fn v0_localstorage_value_migrates() {
    let b = fresh().await;
    storage()
        .set_item(
            "pc/session",
            r#"{"role":"ChannelManager","account_id":null,"company_name":null}"#,
        )
        .unwrap();
    assert!(b.scan().await.unwrap().is_empty());
    assert_eq!(b.session().await.unwrap().role, Role::ChannelManager);
    let stored = storage().get_item("pc/session").unwrap().unwrap();
    assert!(
        stored.starts_with(r#"{"data":"#) || stored.contains(r#""v":1"#),
        "{stored}"
    );
}

#[wasm_bindgen_test]
async fn corrupt_values_move_aside_in_both_stores() {
    let b = fresh().await;
    b.switch_role(Role::MainAccount).await.unwrap();
    b.put(
        Collection::Customers,
        "ok",
        support::customer("ok", "好"),
        None,
    )
    .await
    .unwrap();
    b.put(Collection::Statements, "ok", support::chunk("csv"), None)
        .await
        .unwrap();
    storage()
        .set_item("pc/r/customers/broken", "{not json")
        .unwrap();
    b.bulk_raw_set("r/statements/broken", "\u{0}garbage").await;
    let q = b.scan().await.unwrap();
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        storage().get_item("pc/r/customers/broken").unwrap(),
        None,
        "moved, not left"
    );
    let kept = storage()
        .get_item(&q.iter().find(|e| e.key.starts_with("pc/q/")).unwrap().key)
        .unwrap();
    assert!(kept.unwrap().contains("{not json"), "raw text kept");
    assert_eq!(b.list(Collection::Customers).await.unwrap().len(), 1);
    assert_eq!(b.list(Collection::Statements).await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn a_full_localstorage_refuses_and_keeps_the_old_value() {
    let b = fresh().await;
    b.switch_role(Role::MainAccount).await.unwrap();
    b.put(Collection::Customers, "c", json!({"note": "old"}), None)
        .await
        .unwrap();
    // Fill the quota with filler keys outside the app's prefix, in shrinking chunks so
    // that less than a few hundred characters remain free.
    let mut i = 0;
    for size in [512 * 1024, 32 * 1024, 1024, 64] {
        let chunk = "x".repeat(size);
        while storage().set_item(&format!("filler/{i}"), &chunk).is_ok() {
            i += 1;
            assert!(i < 5000, "quota never reached");
        }
    }
    let big = "y".repeat(4 * 1024);
    let result = b
        .put(Collection::Customers, "c", json!({"note": big}), None)
        .await;
    for j in 0..=i {
        storage().remove_item(&format!("filler/{j}")).unwrap();
    }
    assert!(
        matches!(result, Err(DataError::QuotaExceeded)),
        "the write was not refused"
    );
    let rec = b.get(Collection::Customers, "c").await.unwrap().unwrap();
    assert_eq!((rec.rev, rec.data), (1, json!({"note": "old"})));
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_visitor_home() {
    storage().clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let config = js_sys::JSON::parse(&format!(
        r#"{{"dbName":"pc-mount-{}"}}"#,
        js_sys::Date::now()
    ))
    .unwrap();
    let mut handle = partner_console::embed::mount(host.clone(), config).unwrap();
    let mut text = String::new();
    for _ in 0..100 {
        gloo_timers_sleep(20).await;
        text = host.text_content().unwrap_or_default();
        if text.contains("访客") {
            break;
        }
    }
    assert!(text.contains("欢迎使用合作伙伴控制台"), "{text}");
    assert!(text.contains("访客"), "{text}");
    assert_eq!(
        host.query_selector(".pc-root")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("zh-CN")
    );
    handle.unmount();
    assert_eq!(host.child_element_count(), 0, "nothing left after unmount");
}

use wasm_bindgen::JsCast;

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `cond` holds (polling every 20 ms, up to 3 s).
async fn wait_for(mut cond: impl FnMut() -> bool) -> bool {
    for _ in 0..150 {
        if cond() {
            return true;
        }
        gloo_timers_sleep(20).await;
    }
    cond()
}

fn new_host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn text_field_reports_input_and_ties_its_error() {
    use leptos::prelude::*;
    use partner_console::ui::components::TextField;
    let host = new_host();
    let value = RwSignal::new(String::from("甲"));
    let error = RwSignal::new(None::<String>);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <TextField
                id="t-name"
                label=Signal::derive(|| "公司名称".to_string())
                value=value
                on_input=Callback::new(move |v| value.set(v))
                error=error
                required=true
            />
        }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = host
        .query_selector("#t-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "甲");
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let label = host.query_selector("label[for=t-name]").unwrap().unwrap();
    assert!(label.text_content().unwrap().contains("公司名称"));
    input.set_value("乙公司");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(value.get_untracked(), "乙公司");
    error.set(Some("公司名称为必填项".into()));
    leptos::task::tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap();
    let err = host
        .query_selector(&format!("#{}", described.split(' ').next_back().unwrap()))
        .unwrap()
        .unwrap();
    assert_eq!(err.text_content().unwrap(), "公司名称为必填项");
    // User text is text: markup typed into a field never becomes elements.
    value.set("<img src=x onerror=alert(1)>".into());
    leptos::task::tick().await;
    assert_eq!(input.value(), "<img src=x onerror=alert(1)>");
    assert!(host.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_wizard_draft_saves_itself_as_the_user_types() {
    storage().clear().unwrap();
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/apply/1"))
        .unwrap();
    let host = new_host();
    let config = js_sys::JSON::parse(&format!(
        r#"{{"dbName":"pc-draft-{}"}}"#,
        js_sys::Date::now()
    ))
    .unwrap();
    let mut handle = partner_console::embed::mount(host.clone(), config).unwrap();
    assert!(
        wait_for(|| host.query_selector("#app-supplier").unwrap().is_some()).await,
        "wizard shown"
    );
    let check: web_sys::HtmlInputElement = host
        .query_selector("#app-supplier")
        .unwrap()
        .unwrap()
        .unchecked_into();
    check.click();
    let saved = wait_for(|| {
        storage()
            .get_item("pc/r/applications/local-applicant")
            .unwrap()
            .is_some_and(|v| v.contains(r#""supplier_declaration_filed":true"#))
    })
    .await;
    assert!(saved, "the draft reached localStorage");
    handle.unmount();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn statements_round_trip_through_indexeddb_in_chunks() {
    use partner_console::data::money::{CHUNK_ROWS, save_statements};
    use partner_console::domain::money::statement_table::StatementTable;
    use partner_console::domain::sample::generate;
    let b = fresh().await;
    b.switch_role(Role::MainAccount).await.unwrap();
    let generated = generate(CHUNK_ROWS + 500, "2026-10".parse().unwrap(), 8).statements;
    let rows = StatementTable::from_rows(&generated).unwrap();
    save_statements(&b, &rows).await.unwrap();
    // A new page reads them back from IndexedDB, every row and amount exact.
    let again = support::stored_rows(&b).await.unwrap();
    assert_eq!(again.len(), rows.len());
    assert_eq!(again, rows);
    // A sub-account reads them; it may not replace them.
    b.switch_role(Role::SubAccount).await.unwrap();
    assert_eq!(support::stored_rows(&b).await.unwrap().len(), rows.len());
    let few = StatementTable::from_rows(&generated[..10]).unwrap();
    assert!(save_statements(&b, &few).await.is_err());
}

#[wasm_bindgen_test]
async fn the_fetch_transport_calls_an_unreachable_server_offline_and_keeps_the_draft() {
    use partner_console::data::remote::open_remote;
    use std::cell::Cell;
    use std::rc::Rc;
    storage().clear().unwrap();
    // Port 9 (discard) refuses connections on the test machine: a network error.
    let seen = Rc::new(Cell::new(0i32));
    let peak = Rc::new(Cell::new(0i32));
    let (s, p) = (seen.clone(), peak.clone());
    let remote = open_remote(
        "http://127.0.0.1:9/api",
        Some("secret-token".into()),
        Rc::new(move |d| {
            s.set(s.get() + d);
            p.set(p.get().max(s.get()));
        }),
    );
    assert_eq!(remote.session().await, Err(DataError::Offline));
    // Every request and retry wait was reported, and all of them ended.
    assert_eq!(seen.get(), 0);
    assert!(peak.get() >= 1);
    let r = remote
        .put(
            Collection::Profiles,
            "partner",
            json!({"contact_person": "韩梅梅"}),
            Some(3),
        )
        .await;
    assert_eq!(r, Err(DataError::Offline));
    // The draft is in real localStorage, under its own prefix, without the token.
    assert_eq!(
        remote.draft(Collection::Profiles, "partner", 3).await,
        Some(json!({"contact_person": "韩梅梅"}))
    );
    let s = storage();
    let mut keys = Vec::new();
    for i in 0..s.length().unwrap() {
        keys.push(s.key(i).unwrap().unwrap());
    }
    assert!(
        keys.iter()
            .any(|k| k.starts_with("pc-remote/drafts/profiles/"))
    );
    for k in keys {
        assert!(!s.get_item(&k).unwrap().unwrap().contains("secret-token"));
    }
}

#[wasm_bindgen_test]
async fn only_bytes_the_browser_decodes_count_as_an_image() {
    use partner_console::ui::components::browser::decodes_as_image;
    // A 1×1 PNG (the smallest well-formed one) and the same first bytes with filler.
    const PNG: [u8; 68] = [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
        0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60,
        0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00,
        0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    assert!(decodes_as_image(&PNG, "image/png").await);
    let mut fake = PNG[..8].to_vec();
    fake.extend(std::iter::repeat_n(0x11, 4000));
    assert!(!decodes_as_image(&fake, "image/png").await);
    assert!(!decodes_as_image(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png").await);
}
