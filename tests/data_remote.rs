//! Remote mode's HTTP policy (ARCHITECTURE.md §Storage, public/openapi.yaml): URLs, status → error, which
//! failures are retried and when.
#![cfg(not(target_arch = "wasm32"))]
use partner_console::data::error::FieldIssue;
use partner_console::data::remote::*;
use partner_console::data::{Collection, DataError};

#[test]
fn urls_follow_the_contract() {
    let c = RemoteConfig::new("https://partners.example.com/api/");
    let api = "https://partners.example.com/api";
    assert_eq!(c.session_url(), format!("{api}/session"));
    assert_eq!(c.sign_in_url(), format!("{api}/sign-in"));
    assert_eq!(c.batch_url(), format!("{api}/batch"));
    // A partner's records under its scope; without a partner there is nothing to reach.
    assert_eq!(
        c.collection_url(Collection::SpecialRebates, Some("100099990001")),
        Some(format!("{api}/partners/100099990001/special-rebates"))
    );
    assert_eq!(c.collection_url(Collection::Customers, None), None);
    assert_eq!(
        c.record_url(Collection::Learners, Some("p 1"), "b@example.com"),
        Some(format!("{api}/partners/p%201/learners/b%40example.com"))
    );
    // An applicant's, a user's own and everyone's, whatever the partner.
    assert_eq!(
        c.record_url(Collection::Applications, Some("p"), "100012345678"),
        Some(format!("{api}/applications/100012345678"))
    );
    assert_eq!(
        c.record_url(Collection::EligibilityChecks, None, "mine"),
        Some(format!("{api}/me/eligibility-checks/mine"))
    );
    assert_eq!(
        c.collection_url(Collection::Announcements, None),
        Some(format!("{api}/announcements"))
    );
    // Email codes are the server's alone.
    assert_eq!(c.collection_url(Collection::EmailCodes, Some("p")), None);
    assert_eq!(
        c.email_code_url("p", true),
        format!("{api}/partners/p/email-codes/confirm")
    );
    assert_eq!(encode_segment("客户/1"), "%E5%AE%A2%E6%88%B7%2F1");
    assert_eq!(
        c.blob_url(Some("proof 1")),
        format!("{api}/blobs/proof%201")
    );
    assert_eq!(c.blob_url(None), format!("{api}/blobs"));
}

#[test]
fn statuses_become_errors_the_ui_can_explain() {
    assert_eq!(error_for(401, ""), DataError::SessionEnded);
    assert_eq!(
        error_for(401, r#"{"code":"sign-in-failed"}"#),
        DataError::SignInRefused
    );
    assert_eq!(
        error_for(429, r#"{"code":"slow-down","retry_after":8}"#),
        DataError::SlowDown(8)
    );
    assert_eq!(error_for(403, ""), DataError::Forbidden);
    assert_eq!(error_for(404, ""), DataError::NotFound);
    assert_eq!(
        error_for(409, r#"{"message":"changed","current":7}"#),
        DataError::Conflict { current: 7 }
    );
    assert_eq!(
        error_for(409, "not json"),
        DataError::Conflict { current: 0 }
    );
    assert_eq!(
        error_for(
            422,
            r#"{"errors":[{"field":"phone","code":"mobile_prefix"}]}"#
        ),
        DataError::Invalid(vec![FieldIssue {
            field: "phone".into(),
            code: "mobile_prefix".into(),
            message: None,
        }])
    );
    // The reference server's answers to a stale and a missing If-Match.
    assert_eq!(
        error_for(412, r#"{"code":"stale","current":4}"#),
        DataError::Conflict { current: 4 }
    );
    assert_eq!(
        error_for(428, r#"{"code":"if-match-required"}"#),
        DataError::Conflict { current: 0 }
    );
    assert_eq!(error_for(422, "<html>"), DataError::Server(422));
    assert_eq!(error_for(503, ""), DataError::Server(503));
    assert_eq!(error_for(413, ""), DataError::QuotaExceeded);
}

#[test]
fn only_unreached_or_failed_servers_are_retried_with_growing_waits() {
    assert!(retryable(&DataError::Offline));
    assert!(retryable(&DataError::Server(502)));
    for answered in [
        DataError::NotFound,
        DataError::SessionEnded,
        DataError::Forbidden,
        DataError::Conflict { current: 1 },
        DataError::Invalid(Vec::new()),
        DataError::Server(422),
    ] {
        assert!(!retryable(&answered), "{answered:?}");
    }
    let c = RemoteConfig::new("/api");
    let waits: Vec<Option<u32>> = (0..=4).map(|a| retry_delay_ms(&c, a)).collect();
    assert_eq!(waits, vec![None, Some(300), Some(600), Some(1200), None]);
    assert_eq!(if_match(Some(3)).as_deref(), Some("3"));
    assert_eq!(if_match(None), None);
}

#[test]
fn records_from_the_server_are_checked() {
    let r = parse_record(r#"{"id":"c1","rev":2,"data":{"name":"甲"}}"#).unwrap();
    assert_eq!((r.id.as_str(), r.rev), ("c1", 2));
    assert!(matches!(
        parse_record(r#"{"id":"c1"}"#),
        Err(DataError::Storage(_))
    ));
    assert_eq!(parse_records("[]").unwrap().len(), 0);
    assert!(parse_records("{}").is_err());
}

#[test]
fn a_server_field_error_names_a_form_field() {
    use partner_console::domain::onboarding::application_form::FormField;
    for f in FormField::ALL {
        assert_eq!(FormField::from_wire(f.wire_name()), Some(f));
    }
    assert_eq!(FormField::from_wire("phone"), Some(FormField::Phone));
    assert_eq!(
        FormField::from_wire("bank_account_number"),
        Some(FormField::BankAccountNumber)
    );
    assert_eq!(FormField::from_wire("nope"), None);
    // The names are the stored JSON's (the providers resold are three flags, one field).
    let form = serde_json::to_value(
        partner_console::domain::onboarding::application_form::ApplicationForm::default(),
    )
    .unwrap();
    for f in FormField::ALL {
        if f != FormField::ResoldProviders {
            assert!(form.get(f.wire_name()).is_some(), "{}", f.wire_name());
        }
    }
}

#[test]
fn a_typed_backend_address_is_checked_and_remembered_without_the_token() {
    use partner_console::data::store::memory::MemoryKv;
    use partner_console::data::store::traits::KeyValue;
    assert_eq!(
        check_base_url(" https://api.example.com/partners/ "),
        Ok("https://api.example.com/partners".into())
    );
    assert_eq!(
        check_base_url("http://127.0.0.1:4174/api"),
        Ok("http://127.0.0.1:4174/api".into())
    );
    assert_eq!(check_base_url("  "), Err(BaseUrlProblem::Empty));
    assert_eq!(check_base_url("ftp://x"), Err(BaseUrlProblem::NotHttp));
    assert_eq!(check_base_url("https://"), Err(BaseUrlProblem::NotHttp));
    assert_eq!(
        check_base_url("https://api.example.com/?token=abc"),
        Err(BaseUrlProblem::Extras)
    );
    assert_eq!(
        check_base_url("https://me:secret@api.example.com"),
        Err(BaseUrlProblem::Extras)
    );
    let kv = MemoryKv::new();
    assert_eq!(saved_connection(&kv), None);
    save_connection(&kv, "https://api.example.com").unwrap();
    assert_eq!(
        saved_connection(&kv),
        Some("https://api.example.com".into())
    );
    let stored = kv.get("pc-remote/connection").unwrap().unwrap();
    assert!(!stored.contains("token"));
    forget_connection(&kv).unwrap();
    assert_eq!(saved_connection(&kv), None);
}

#[test]
fn every_form_field_belongs_to_the_step_that_checks_it() {
    use partner_console::domain::onboarding::application::WizardStep;
    use partner_console::domain::onboarding::application_form::{ApplicationForm, FormField};
    // An empty form fails every required field at its own step.
    let empty = ApplicationForm::default();
    for step in WizardStep::ALL.into_iter().take(4) {
        for e in empty.check_step(step) {
            assert_eq!(e.field.step(), step, "{:?}", e.field);
        }
    }
    assert_eq!(FormField::Phone.step(), WizardStep::ContactAndBank);
    assert_eq!(FormField::Uscc.step(), WizardStep::BasicInformation);
    assert_eq!(
        FormField::VerifiedUscc.step(),
        WizardStep::EnterpriseVerification
    );
}
