//! The wizard's words: step titles, field labels (the guide's own in zh-CN), options.

use crate::data::error::FieldIssue;
use crate::domain::common::keyed::Keyed;
use crate::domain::onboarding::application::WizardStep;
use crate::domain::onboarding::application_form::{
    AccountKind, CompanySize, FormField, VerificationMethod,
};
use crate::i18n::*;
use crate::ui::I18n;

/// A step's title.
pub fn step_title(i18n: I18n, s: WizardStep) -> String {
    match s {
        WizardStep::SupplierDeclaration => t_string!(i18n, apply.step1),
        WizardStep::EnterpriseVerification => t_string!(i18n, apply.step2),
        WizardStep::BasicInformation => t_string!(i18n, apply.step3),
        WizardStep::ContactAndBank => t_string!(i18n, apply.step4),
        WizardStep::QualificationReview => t_string!(i18n, apply.step5),
        WizardStep::Partner => t_string!(i18n, apply.step6),
    }
    .to_string()
}

/// A field's label.
pub fn field_label(i18n: I18n, f: FormField) -> String {
    use FormField as F;
    match f {
        F::SupplierDeclaration => t_string!(i18n, apply.f_supplier),
        F::AccountKind => t_string!(i18n, apply.f_account_kind),
        F::VerificationMethod => t_string!(i18n, apply.f_method),
        F::VerifiedCompanyName => t_string!(i18n, apply.f_verified_name),
        F::VerifiedUscc => t_string!(i18n, apply.f_verified_uscc),
        F::CompanyName => t_string!(i18n, apply.f_company_name),
        F::CompanySize => t_string!(i18n, apply.f_company_size),
        F::Website => t_string!(i18n, apply.f_website),
        F::MainBusiness => t_string!(i18n, apply.f_main_business),
        F::CompanyAddress => t_string!(i18n, apply.f_address),
        F::PartnerType => t_string!(i18n, apply.f_partner_type),
        F::MainProducts => t_string!(i18n, apply.f_products),
        F::Uscc => t_string!(i18n, apply.f_uscc),
        F::LicenceCompanyName => t_string!(i18n, apply.f_licence_name),
        F::BusinessLicence => t_string!(i18n, apply.f_licence),
        F::ResellsCloud => t_string!(i18n, apply.f_resells),
        F::ResoldProviders => t_string!(i18n, apply.f_resold),
        F::ResellsOtherName => t_string!(i18n, apply.f_other_name),
        F::HeardFrom => t_string!(i18n, apply.f_heard_from),
        F::ContactPerson => t_string!(i18n, apply.f_contact),
        F::Phone => t_string!(i18n, apply.f_phone),
        F::Email => t_string!(i18n, apply.f_email),
        F::Qq => t_string!(i18n, apply.f_qq),
        F::MailingAddress => t_string!(i18n, apply.f_mailing),
        F::BankAccountName => t_string!(i18n, apply.f_bank_name),
        F::Bank => t_string!(i18n, apply.f_bank),
        F::BankLocation => t_string!(i18n, apply.f_bank_location),
        F::BankBranch => t_string!(i18n, apply.f_bank_branch),
        F::BankAccountNumber => t_string!(i18n, apply.f_bank_number),
        F::BankProof => t_string!(i18n, apply.f_bank_proof),
    }
    .to_string()
}

/// The element to focus for a field (the first radio of a group).
pub fn field_id(f: FormField) -> &'static str {
    use FormField as F;
    match f {
        F::SupplierDeclaration => "app-supplier",
        F::AccountKind => "app-account-kind-0",
        F::VerificationMethod => "app-method-0",
        F::VerifiedCompanyName => "app-verified-name",
        F::VerifiedUscc => "app-verified-uscc",
        F::CompanyName => "app-company-name",
        F::CompanySize => "app-company-size",
        F::Website => "app-website",
        F::MainBusiness => "app-main-business",
        F::CompanyAddress => "app-address",
        F::PartnerType => "app-partner-type-0",
        F::MainProducts => "app-products",
        F::Uscc => "app-uscc",
        F::LicenceCompanyName => "app-licence-name",
        F::BusinessLicence => "app-licence",
        F::ResellsCloud => "app-resells-0",
        F::ResoldProviders => "app-resold-alibaba",
        F::ResellsOtherName => "app-other-name",
        F::HeardFrom => "app-heard-from",
        F::ContactPerson => "app-contact",
        F::Phone => "app-phone",
        F::Email => "app-email",
        F::Qq => "app-qq",
        F::MailingAddress => "app-mailing",
        F::BankAccountName => "app-bank-name",
        F::Bank => "app-bank",
        F::BankLocation => "app-bank-location",
        F::BankBranch => "app-bank-branch",
        F::BankAccountNumber => "app-bank-number",
        F::BankProof => "app-bank-proof",
    }
}

/// Account registration options.
pub fn account_kind_options(i18n: I18n) -> Vec<(String, String)> {
    [
        (AccountKind::Wechat, t_string!(i18n, apply.acc_wechat)),
        (AccountKind::Qq, t_string!(i18n, apply.acc_qq)),
        (AccountKind::Email, t_string!(i18n, apply.acc_email)),
        (
            AccountKind::WechatOfficialAccount,
            t_string!(i18n, apply.acc_mp),
        ),
    ]
    .into_iter()
    .map(|(k, t)| (k.key().to_string(), t.to_string()))
    .collect()
}

/// Verification method options.
pub fn method_options(i18n: I18n) -> Vec<(String, String)> {
    VerificationMethod::ALL
        .into_iter()
        .map(|m| {
            let t = match m {
                VerificationMethod::LegalRepresentativeFace => t_string!(i18n, apply.m_face),
                VerificationMethod::CorporateTransfer => t_string!(i18n, apply.m_transfer),
                VerificationMethod::WechatOfficialAccount => t_string!(i18n, apply.m_mp),
                VerificationMethod::WechatPayMerchant => t_string!(i18n, apply.m_pay),
                VerificationMethod::ManualReview => t_string!(i18n, apply.m_manual),
            };
            (m.key().to_string(), t.to_string())
        })
        .collect()
}

/// Company size options.
pub fn size_options(i18n: I18n) -> Vec<(String, String)> {
    CompanySize::ALL
        .into_iter()
        .map(|s| {
            let t = match s {
                CompanySize::Under20 => t_string!(i18n, apply.size_1),
                CompanySize::From20To49 => t_string!(i18n, apply.size_2),
                CompanySize::From50To99 => t_string!(i18n, apply.size_3),
                CompanySize::From100To499 => t_string!(i18n, apply.size_4),
                CompanySize::From500 => t_string!(i18n, apply.size_5),
            };
            (s.key().to_string(), t.to_string())
        })
        .collect()
}

/// A server's 422 field errors as the form's fields and their messages (fields the
/// form does not have stay in the status line's list).
pub fn server_field_errors(i18n: I18n, issues: &[FieldIssue]) -> Vec<(FormField, String)> {
    issues
        .iter()
        .filter_map(|issue| {
            let field = FormField::from_wire(&issue.field)?;
            let label = field_label(i18n, field);
            let msg = t_string!(
                i18n,
                conn.field_refused,
                field = label,
                message = issue.message.clone().unwrap_or_else(|| issue.code.clone())
            );
            Some((field, msg.to_string()))
        })
        .collect()
}

/// How a sensitive field shows while it is not being edited (see `TextField`'s `mask`):
/// the bank account number, by its last four digits.
pub fn field_mask(field: FormField) -> Option<fn(&str) -> String> {
    match field {
        FormField::BankAccountNumber => Some(crate::domain::common::contact::masked_account),
        _ => None,
    }
}
