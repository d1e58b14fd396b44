//! The wizard's step rules (RULES §Application), cross-field rules included.
#![cfg(not(target_arch = "wasm32"))]
use partner_console::domain::PartnerType;
use partner_console::domain::common::contact::ContactError;
use partner_console::domain::common::contact_and_bank::ContactAndBank;
use partner_console::domain::common::uscc::UsccError;
use partner_console::domain::onboarding::application::WizardStep;
use partner_console::domain::onboarding::application_form::*;

pub fn valid() -> ApplicationForm {
    ApplicationForm {
        supplier_declaration_filed: true,
        account_kind: Some(AccountKind::Wechat),
        verification_method: Some(VerificationMethod::CorporateTransfer),
        verified_company_name: "深圳示例科技有限公司".into(),
        verified_uscc: "91440300708461136T".into(),
        company_name: "深圳示例科技有限公司".into(),
        company_size: Some(CompanySize::From50To99),
        website: "https://www.example.com".into(),
        main_business: "云计算集成".into(),
        referrer: String::new(),
        company_address: "深圳市南山区科技园".into(),
        partner_type: Some(PartnerType::Agent),
        main_products: "云服务器、数据库".into(),
        uscc: "91440300708461136T".into(),
        licence_company_name: "深圳示例科技有限公司".into(),
        business_licence: Some("licence".into()),
        resells_cloud: Some(false),
        heard_from: "渠道经理介绍".into(),
        contact_and_bank: ContactAndBank {
            contact_person: "李雷".into(),
            phone: "13800138000".into(),
            email: "lilei@example.com".into(),
            qq: "12345678".into(),
            mailing_address: "深圳市南山区科技园 1 号".into(),
            bank_account_name: "深圳示例科技有限公司".into(),
            bank: "招商银行".into(),
            bank_location: "深圳".into(),
            bank_branch: "科技园支行".into(),
            bank_account_number: "755912345610601".into(),
            bank_proof: Some("proof".into()),
        },
        ..ApplicationForm::default()
    }
}

fn problems(form: &ApplicationForm, step: WizardStep) -> Vec<(FormField, FieldProblem)> {
    form.check_step(step)
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_complete_form_passes_every_step() {
    let f = valid();
    for step in WizardStep::ALL {
        assert!(
            f.check_step(step).is_empty(),
            "{step:?}: {:?}",
            f.check_step(step)
        );
    }
    assert_eq!(f.first_incomplete_step(), None);
}

#[test]
fn an_empty_form_stops_at_step_one_and_lists_every_required_field() {
    let f = ApplicationForm::default();
    assert_eq!(
        f.first_incomplete_step(),
        Some(WizardStep::SupplierDeclaration)
    );
    let fields: Vec<FormField> = f
        .check_step(WizardStep::ContactAndBank)
        .into_iter()
        .map(|e| e.field)
        .collect();
    use FormField::*;
    assert_eq!(
        fields,
        [
            ContactPerson,
            Phone,
            Email,
            Qq,
            MailingAddress,
            BankAccountName,
            Bank,
            BankLocation,
            BankBranch,
            BankAccountNumber,
            BankProof
        ]
    );
    assert!(
        !f.check_step(WizardStep::BasicInformation)
            .iter()
            .any(|e| e.field == FormField::ResellsOtherName)
    );
}

#[test]
fn bank_account_name_must_be_the_company_name_and_both_are_shown() {
    let mut f = valid();
    f.contact_and_bank.bank_account_name = "李雷".into();
    assert_eq!(
        problems(&f, WizardStep::ContactAndBank),
        vec![(
            FormField::BankAccountName,
            FieldProblem::Mismatch {
                other: FormField::CompanyName,
                expected: "深圳示例科技有限公司".into(),
                found: "李雷".into()
            }
        )]
    );
}

#[test]
fn company_licence_and_verified_names_must_agree() {
    let f = ApplicationForm {
        company_name: "深圳示例有限公司".into(),
        licence_company_name: "深圳示例有限公司".into(),
        ..valid()
    };
    let p = problems(&f, WizardStep::BasicInformation);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(matches!(
        &p[0],
        (
            FormField::CompanyName,
            FieldProblem::Mismatch {
                other: FormField::VerifiedCompanyName,
                ..
            }
        )
    ));
    let f = ApplicationForm {
        licence_company_name: "别的公司".into(),
        ..valid()
    };
    assert!(matches!(
        &problems(&f, WizardStep::BasicInformation)[0],
        (
            FormField::LicenceCompanyName,
            FieldProblem::Mismatch {
                other: FormField::CompanyName,
                ..
            }
        )
    ));
    // Full-width brackets and stray spaces are the same name.
    let f = ApplicationForm {
        licence_company_name: " 深圳示例科技有限公司 ".into(),
        ..valid()
    };
    assert!(problems(&f, WizardStep::BasicInformation).is_empty());
}

#[test]
fn uscc_rules_and_the_verified_code() {
    let f = ApplicationForm {
        uscc: "911101085636549483".into(),
        ..valid()
    };
    assert_eq!(
        problems(&f, WizardStep::BasicInformation),
        vec![(
            FormField::Uscc,
            FieldProblem::Uscc(UsccError::CheckCharacter {
                expected: '2',
                found: '3'
            })
        )]
    );
    let f = ApplicationForm {
        uscc: "911101085636549482".into(),
        ..valid()
    };
    assert!(matches!(
        &problems(&f, WizardStep::BasicInformation)[0],
        (
            FormField::Uscc,
            FieldProblem::Mismatch {
                other: FormField::VerifiedUscc,
                ..
            }
        )
    ));
}

#[test]
fn reselling_needs_a_provider_and_other_needs_a_name() {
    let f = ApplicationForm {
        resells_cloud: Some(true),
        ..valid()
    };
    assert_eq!(
        problems(&f, WizardStep::BasicInformation),
        vec![(FormField::ResoldProviders, FieldProblem::Required)]
    );
    let f = ApplicationForm {
        resells_cloud: Some(true),
        resells_other: true,
        ..valid()
    };
    assert_eq!(
        problems(&f, WizardStep::BasicInformation),
        vec![(FormField::ResellsOtherName, FieldProblem::Required)]
    );
    let f = ApplicationForm {
        resells_cloud: Some(true),
        resells_alibaba: true,
        resells_west_digital: true,
        ..valid()
    };
    assert!(problems(&f, WizardStep::BasicInformation).is_empty());
}

#[test]
fn contact_rules_reach_the_fields() {
    let mut f = valid();
    f.contact_and_bank.phone = "12345".into();
    f.contact_and_bank.qq = "0123".into();
    f.contact_and_bank.email = "nope".into();
    let p = problems(&f, WizardStep::ContactAndBank);
    assert!(p.contains(&(
        FormField::Qq,
        FieldProblem::Contact(ContactError::LeadingZero)
    )));
    assert!(p.contains(&(
        FormField::Email,
        FieldProblem::Contact(ContactError::EmailAt)
    )));
    assert!(p.iter().any(|(f, _)| *f == FormField::Phone));
    let mut f = valid();
    f.contact_and_bank.phone = "010-82173652".into();
    assert!(
        problems(&f, WizardStep::ContactAndBank).is_empty(),
        "a landline is a valid 联系电话"
    );
}

#[test]
fn website_and_referrer() {
    assert!(is_website("example.com"));
    assert!(is_website("http://www.example.com.cn/path"));
    assert!(!is_website("example"));
    assert!(!is_website("http://exa mple.com"));
    let f = ApplicationForm {
        website: "not a site".into(),
        ..valid()
    };
    assert_eq!(
        problems(&f, WizardStep::BasicInformation),
        vec![(FormField::Website, FieldProblem::Website)]
    );
    // The referrer is optional.
    assert!(
        ApplicationForm {
            referrer: String::new(),
            ..valid()
        }
        .check_step(WizardStep::BasicInformation)
        .is_empty()
    );
}

#[test]
fn forms_round_trip_through_json_and_tolerate_missing_fields() {
    let f = valid();
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(serde_json::from_str::<ApplicationForm>(&json).unwrap(), f);
    let partial: ApplicationForm = serde_json::from_str(r#"{"company_name":"甲"}"#).unwrap();
    assert_eq!(partial.company_name, "甲");
}
