//! The partner profile: the wizard's field rules, a rename keeps the USCC, a bank change
//! needs a new proof, every change recorded, the name valid for a month, and the profile
//! an approval starts with.
#![cfg(not(target_arch = "wasm32"))]
use chrono::{TimeZone, Utc};
use partner_console::domain::common::contact_and_bank::ContactAndBank;
use partner_console::domain::common::transition::Actor;
use partner_console::domain::onboarding::application_checks::FieldProblem;
use partner_console::domain::onboarding::application_form::FormField;
use partner_console::domain::partner::profile::*;
use partner_console::domain::{Role, YearMonth};

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn actor(role: Role) -> Actor {
    Actor {
        role,
        name: "t".into(),
    }
}

fn profile() -> PartnerProfile {
    PartnerProfile {
        company_name: "深圳示例科技有限公司".into(),
        uscc: "91440300708461136T".into(),
        contact_and_bank: ContactAndBank {
            contact_person: "李雷".into(),
            phone: "13800138000".into(),
            email: "li@example.com".into(),
            qq: "12345".into(),
            mailing_address: "深圳市南山区科技园".into(),
            bank_account_name: "深圳示例科技有限公司".into(),
            bank: "招商银行".into(),
            bank_location: "深圳".into(),
            bank_branch: "科技园支行".into(),
            bank_account_number: "6225880112345678".into(),
            bank_proof: Some("proof-1".into()),
        },
        partner_type: None,
        website: "www.example.com".into(),
        account_id: "100012345678".into(),
    }
}

#[test]
fn a_profile_follows_the_wizards_field_rules() {
    assert!(profile().check().is_empty());
    let mut p = profile();
    p.contact_and_bank.phone = "1380013800".into();
    p.company_name = "深圳新名科技有限公司".into();
    let errors = p.check();
    let fields: Vec<FormField> = errors.iter().map(|e| e.field).collect();
    assert!(fields.contains(&FormField::Phone));
    // The bank account must be in the (new) company name.
    let mismatch = errors
        .iter()
        .find(|e| e.field == FormField::BankAccountName)
        .unwrap();
    assert!(matches!(mismatch.problem, FieldProblem::Mismatch { .. }));
    p.website = "not a site".into();
    assert!(p.check().iter().any(|e| e.field == FormField::Website));
}

#[test]
fn a_rename_keeps_the_uscc_and_a_bank_change_needs_a_new_proof() {
    let old = profile();
    let mut renamed = old.clone();
    renamed.company_name = "深圳新名科技有限公司".into();
    renamed.contact_and_bank.bank_account_name = "深圳新名科技有限公司".into();
    assert_eq!(
        check_change(&old, &renamed),
        Err(ProfileError::BankProofRequired)
    );
    renamed.contact_and_bank.bank_proof = Some("proof-2".into());
    assert_eq!(check_change(&old, &renamed), Ok(()));
    let at = Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap();
    let records = diff(&old, &renamed, at, &actor(Role::MainAccount));
    let changed: Vec<FormField> = records.iter().map(|r| r.field).collect();
    assert_eq!(
        changed,
        vec![
            FormField::CompanyName,
            FormField::BankAccountName,
            FormField::BankProof
        ]
    );
    let mut other = old.clone();
    other.uscc = "91110108563654948X".into();
    assert!(matches!(
        check_change(&old, &other),
        Err(ProfileError::NewLegalEntity { .. })
    ));
    // The same code typed in full-width is not a new entity.
    let mut same = old.clone();
    same.uscc = "９１４４０３００７０８４６１１３６Ｔ".into();
    assert_eq!(check_change(&old, &same), Ok(()));
}

#[test]
fn a_uscc_typed_another_way_is_the_same_code_stored_once() {
    let old = profile();
    let mut typed = old.clone();
    typed.uscc = " ９１４４ 0300-7084 6113 6t ".into();
    typed.contact_and_bank.contact_person = " 韩梅梅 ".into();
    let new = typed.canonicalised();
    assert_eq!(new.uscc, "91440300708461136T");
    assert_eq!(new.contact_and_bank.contact_person, "韩梅梅");
    assert_eq!(check_change(&old, &new), Ok(()));
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    let changes = diff(&old.canonicalised(), &new, at, &actor(Role::MainAccount));
    assert_eq!(
        changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        [FormField::ContactPerson],
        "no USCC line for the same code"
    );
    // A code that is not valid stays as typed (trimmed), for the user to correct.
    typed.uscc = " 91440300708461136x ".into();
    assert_eq!(typed.canonicalised().uscc, "91440300708461136x");
    assert_eq!(
        partner_console::domain::common::uscc::canonical("911101085636549482"),
        "911101085636549482"
    );
}

fn bank_only_profile() -> PartnerProfile {
    PartnerProfile {
        company_name: "深圳示例科技有限公司".into(),
        uscc: "91440300708461136T".into(),
        contact_and_bank: ContactAndBank {
            bank_account_name: "深圳示例科技有限公司".into(),
            bank_account_number: "110907316810601".into(),
            bank_proof: Some("proof-1".into()),
            ..ContactAndBank::default()
        },
        ..PartnerProfile::default()
    }
}

#[test]
fn rename_keeps_uscc_new_uscc_is_refused() {
    let old = bank_only_profile();
    let renamed = PartnerProfile {
        company_name: "深圳新示例科技有限公司".into(),
        ..old.clone()
    };
    assert_eq!(check_change(&old, &renamed), Ok(()));
    let full_width = PartnerProfile {
        uscc: "９１４４０３００７０８４６１１３６ｔ".into(),
        ..renamed.clone()
    };
    assert_eq!(
        check_change(&old, &full_width),
        Ok(()),
        "same code typed differently"
    );
    let other = PartnerProfile {
        uscc: "911101085636549482".into(),
        ..renamed
    };
    assert!(matches!(
        check_change(&old, &other),
        Err(ProfileError::NewLegalEntity { .. })
    ));
}

#[test]
fn bank_change_needs_a_new_proof_and_is_recorded() {
    let old = bank_only_profile();
    let mut changed = old.clone();
    changed.contact_and_bank.bank_account_number = "6222021234567890".into();
    assert_eq!(
        check_change(&old, &changed),
        Err(ProfileError::BankProofRequired)
    );
    let mut with_proof = changed.clone();
    with_proof.contact_and_bank.bank_proof = Some("proof-2".into());
    assert_eq!(check_change(&old, &with_proof), Ok(()));
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let by = Actor {
        role: Role::MainAccount,
        name: "admin".into(),
    };
    let records = diff(&old, &with_proof, at, &by);
    let fields: Vec<_> = records.iter().map(|r| r.field).collect();
    assert_eq!(fields, [FormField::BankAccountNumber, FormField::BankProof]);
    assert_eq!(records[0].old, "110907316810601");
    assert_eq!(records[0].new, "6222021234567890");
}

#[test]
fn company_name_valid_for_a_month() {
    let actor = Actor {
        role: Role::MainAccount,
        name: "admin".into(),
    };
    let renamed = ChangeRecord {
        field: FormField::CompanyName,
        old: "旧名称有限公司".into(),
        new: "新名称科技有限公司".into(),
        at: Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap(),
        by: actor,
    };
    let history = vec![renamed];
    // Renamed in June: June's sheet keeps the old name, July's carries the new one.
    assert_eq!(
        company_name_in(ym("2026-06"), "新名称科技有限公司", &history),
        "旧名称有限公司"
    );
    assert_eq!(
        company_name_in(ym("2026-07"), "新名称科技有限公司", &history),
        "新名称科技有限公司"
    );
    assert_eq!(
        company_name_in(ym("2026-01"), "现名有限公司", &[]),
        "现名有限公司"
    );
}

#[test]
fn admission_gives_the_partner_account_its_uin() {
    use partner_console::domain::onboarding::application::Application;
    let at = Utc.with_ymd_and_hms(2026, 3, 1, 8, 30, 0).unwrap();
    let signed_in = Application {
        id: "100012345678".into(),
        ..Application::default()
    };
    assert_eq!(signed_in.partner_uin(at), "100012345678");
    let local = Application {
        id: "local-applicant".into(),
        ..Application::default()
    };
    let uin = local.partner_uin(at);
    assert_eq!(uin.len(), 12);
    assert!(uin.bytes().all(|b| b.is_ascii_digit()), "{uin}");
    assert_eq!(PartnerProfile::admitted(&local, &uin).account_id, uin);
}

#[test]
fn a_profile_stored_before_contact_and_bank_were_one_type_still_reads() {
    // The flat shape every stored profile and draft has; the shared type is flattened
    // into it, so nothing stored needs migrating.
    let stored = r#"{"company_name":"深圳示例科技有限公司","uscc":"91440300708461136T",
        "contact_person":"李雷","phone":"13800138000","bank_account_number":"6225880112345678",
        "bank_proof":"proof-1","website":"www.example.com","account_id":"100012345678"}"#;
    let read: PartnerProfile = serde_json::from_str(stored).unwrap();
    assert_eq!(read.contact_and_bank.contact_person, "李雷");
    assert_eq!(read.contact_and_bank.bank_proof.as_deref(), Some("proof-1"));
    assert_eq!(
        read.contact_and_bank.email, "",
        "a missing field takes its default"
    );
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(written["phone"], "13800138000", "written flat, as before");
    assert!(written.get("contact_and_bank").is_none());
}

#[test]
fn every_text_field_of_the_profile_is_read_and_written_by_its_form_field() {
    let mut p = PartnerProfile::default();
    for (field, _) in PartnerProfile::default().fields() {
        if field == FormField::BankProof {
            continue; // an image, set by its upload
        }
        let value = format!("{field:?} value");
        p.set_text(field, value.clone());
        assert_eq!(p.text(field), value);
    }
    let before = p.clone();
    p.set_text(FormField::MainBusiness, "not a profile field".into());
    assert_eq!(p, before, "a field the profile does not hold is left alone");
    assert_eq!(p.text(FormField::MainBusiness), "");
}

#[test]
fn a_change_history_stored_with_field_names_still_reads() {
    let stored = r#"{"field":"BankAccountNumber","old":"110907316810601",
        "new":"6222021234567890","at":"2026-11-26T10:00:00Z",
        "by":{"role":"MainAccount","name":"admin"}}"#;
    let record: ChangeRecord = serde_json::from_str(stored).unwrap();
    assert_eq!(record.field, FormField::BankAccountNumber);
}
