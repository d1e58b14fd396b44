//! The partner application's fields (RULES §Application); their rules are in
//! `application_checks`.

use serde::{Deserialize, Serialize};

use crate::common::contact_and_bank::ContactAndBank;
use crate::onboarding::partner_type::PartnerType;

pub use crate::onboarding::application_checks::{FieldError, FieldProblem, is_website, same_name};

/// The five accepted ways to verify the enterprise (企业实名认证); any one will do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VerificationMethod {
    /// Legal representative face verification.
    LegalRepresentativeFace,
    /// Corporate bank-account transfer.
    CorporateTransfer,
    /// WeChat Official Account authorisation.
    WechatOfficialAccount,
    /// WeChat Pay merchant authorisation.
    WechatPayMerchant,
    /// Manual review of uploaded company documents.
    ManualReview,
}

crate::common::keyed::keyed!(VerificationMethod {
    LegalRepresentativeFace => "LegalRepresentativeFace",
    CorporateTransfer => "CorporateTransfer",
    WechatOfficialAccount => "WechatOfficialAccount",
    WechatPayMerchant => "WechatPayMerchant",
    ManualReview => "ManualReview",
});

impl VerificationMethod {
    /// All five, in the guide's order.
    pub const ALL: [VerificationMethod; 5] = [
        VerificationMethod::LegalRepresentativeFace,
        VerificationMethod::CorporateTransfer,
        VerificationMethod::WechatOfficialAccount,
        VerificationMethod::WechatPayMerchant,
        VerificationMethod::ManualReview,
    ];
}

/// How the partner account was registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountKind {
    /// WeChat.
    Wechat,
    /// QQ.
    Qq,
    /// Email.
    Email,
    /// WeChat Official Account.
    WechatOfficialAccount,
}

crate::common::keyed::keyed!(AccountKind {
    Wechat => "Wechat",
    Qq => "Qq",
    Email => "Email",
    WechatOfficialAccount => "WechatOfficialAccount",
});

/// The company size choices (公司规模).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompanySize {
    /// Fewer than 20 staff.
    Under20,
    /// 20–49.
    From20To49,
    /// 50–99.
    From50To99,
    /// 100–499.
    From100To499,
    /// 500 or more.
    From500,
}

crate::common::keyed::keyed!(CompanySize {
    Under20 => "Under20",
    From20To49 => "From20To49",
    From50To99 => "From50To99",
    From100To499 => "From100To499",
    From500 => "From500",
});

impl CompanySize {
    /// All sizes, smallest first.
    pub const ALL: [CompanySize; 5] = [
        CompanySize::Under20,
        CompanySize::From20To49,
        CompanySize::From50To99,
        CompanySize::From100To499,
        CompanySize::From500,
    ];
}

/// Everything the applicant enters, as typed (validated per step, never altered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationForm {
    // ① Supplier relationship declaration.
    /// The applicant confirms it filed the supplier relationship declaration.
    pub supplier_declaration_filed: bool,
    // ② Enterprise verification.
    /// How the account was registered.
    pub account_kind: Option<AccountKind>,
    /// The verification method used.
    pub verification_method: Option<VerificationMethod>,
    /// The company name the verification confirmed.
    pub verified_company_name: String,
    /// The USCC the verification confirmed.
    pub verified_uscc: String,
    // ③ Basic information.
    /// 公司名称.
    pub company_name: String,
    /// 公司规模.
    pub company_size: Option<CompanySize>,
    /// 公司网站.
    pub website: String,
    /// 主营业务.
    pub main_business: String,
    /// 注册推荐人 (optional).
    pub referrer: String,
    /// 公司地址.
    pub company_address: String,
    /// 合作类型.
    pub partner_type: Option<PartnerType>,
    /// 主要售卖产品.
    pub main_products: String,
    /// 统一社会信用代码.
    pub uscc: String,
    /// The company name as printed on the business licence.
    pub licence_company_name: String,
    /// Id of the stored business licence image.
    pub business_licence: Option<String>,
    /// 是否代理云产品.
    pub resells_cloud: Option<bool>,
    /// Resells Alibaba Cloud.
    pub resells_alibaba: bool,
    /// Resells West Digital.
    pub resells_west_digital: bool,
    /// Resells another provider.
    pub resells_other: bool,
    /// The other provider's name.
    pub resells_other_name: String,
    /// 链接途径: how it heard of the programme.
    pub heard_from: String,
    /// ④ Contact and bank.
    #[serde(flatten)]
    pub contact_and_bank: ContactAndBank,
}

/// A field of the form, for errors and focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FormField {
    /// See [`ApplicationForm::supplier_declaration_filed`].
    SupplierDeclaration,
    /// See [`ApplicationForm::account_kind`].
    AccountKind,
    /// See [`ApplicationForm::verification_method`].
    VerificationMethod,
    /// See [`ApplicationForm::verified_company_name`].
    VerifiedCompanyName,
    /// See [`ApplicationForm::verified_uscc`].
    VerifiedUscc,
    /// See [`ApplicationForm::company_name`].
    CompanyName,
    /// See [`ApplicationForm::company_size`].
    CompanySize,
    /// See [`ApplicationForm::website`].
    Website,
    /// See [`ApplicationForm::main_business`].
    MainBusiness,
    /// See [`ApplicationForm::company_address`].
    CompanyAddress,
    /// See [`ApplicationForm::partner_type`].
    PartnerType,
    /// See [`ApplicationForm::main_products`].
    MainProducts,
    /// See [`ApplicationForm::uscc`].
    Uscc,
    /// See [`ApplicationForm::licence_company_name`].
    LicenceCompanyName,
    /// See [`ApplicationForm::business_licence`].
    BusinessLicence,
    /// See [`ApplicationForm::resells_cloud`].
    ResellsCloud,
    /// The providers resold (at least one when reselling).
    ResoldProviders,
    /// See [`ApplicationForm::resells_other_name`].
    ResellsOtherName,
    /// See [`ApplicationForm::heard_from`].
    HeardFrom,
    /// See [`ContactAndBank::contact_person`].
    ContactPerson,
    /// See [`ContactAndBank::phone`].
    Phone,
    /// See [`ContactAndBank::email`].
    Email,
    /// See [`ContactAndBank::qq`].
    Qq,
    /// See [`ContactAndBank::mailing_address`].
    MailingAddress,
    /// See [`ContactAndBank::bank_account_name`].
    BankAccountName,
    /// See [`ContactAndBank::bank`].
    Bank,
    /// See [`ContactAndBank::bank_location`].
    BankLocation,
    /// See [`ContactAndBank::bank_branch`].
    BankBranch,
    /// See [`ContactAndBank::bank_account_number`].
    BankAccountNumber,
    /// See [`ContactAndBank::bank_proof`].
    BankProof,
}

impl ApplicationForm {
    /// The form with every code in its canonical form (see [`canonical_value`]), as it is
    /// submitted and shown.
    pub fn canonicalised(mut self) -> ApplicationForm {
        self.uscc = crate::common::uscc::canonical(&self.uscc);
        self.verified_uscc = crate::common::uscc::canonical(&self.verified_uscc);
        self
    }
}

/// What a field's value becomes once the user leaves it: codes with one valid spelling
/// (the USCC) take it, so the form shows what will be stored; `None` for fields kept as
/// typed.
pub fn canonical_value(field: FormField, value: &str) -> Option<String> {
    match field {
        FormField::Uscc | FormField::VerifiedUscc => Some(crate::common::uscc::canonical(value)),
        _ => None,
    }
}

impl FormField {
    /// Every field, in the form's order.
    pub const ALL: [FormField; 30] = [
        FormField::SupplierDeclaration,
        FormField::AccountKind,
        FormField::VerificationMethod,
        FormField::VerifiedCompanyName,
        FormField::VerifiedUscc,
        FormField::CompanyName,
        FormField::CompanySize,
        FormField::Website,
        FormField::MainBusiness,
        FormField::CompanyAddress,
        FormField::PartnerType,
        FormField::MainProducts,
        FormField::Uscc,
        FormField::LicenceCompanyName,
        FormField::BusinessLicence,
        FormField::ResellsCloud,
        FormField::ResoldProviders,
        FormField::ResellsOtherName,
        FormField::HeardFrom,
        FormField::ContactPerson,
        FormField::Phone,
        FormField::Email,
        FormField::Qq,
        FormField::MailingAddress,
        FormField::BankAccountName,
        FormField::Bank,
        FormField::BankLocation,
        FormField::BankBranch,
        FormField::BankAccountNumber,
        FormField::BankProof,
    ];

    /// The field's name in the stored JSON and in a server's 422 answer
    /// (public/openapi.yaml), e.g. `bank_account_number`.
    pub fn wire_name(self) -> &'static str {
        match self {
            FormField::SupplierDeclaration => "supplier_declaration_filed",
            FormField::AccountKind => "account_kind",
            FormField::VerificationMethod => "verification_method",
            FormField::VerifiedCompanyName => "verified_company_name",
            FormField::VerifiedUscc => "verified_uscc",
            FormField::CompanyName => "company_name",
            FormField::CompanySize => "company_size",
            FormField::Website => "website",
            FormField::MainBusiness => "main_business",
            FormField::CompanyAddress => "company_address",
            FormField::PartnerType => "partner_type",
            FormField::MainProducts => "main_products",
            FormField::Uscc => "uscc",
            FormField::LicenceCompanyName => "licence_company_name",
            FormField::BusinessLicence => "business_licence",
            FormField::ResellsCloud => "resells_cloud",
            FormField::ResoldProviders => "resold_providers",
            FormField::ResellsOtherName => "resells_other_name",
            FormField::HeardFrom => "heard_from",
            FormField::ContactPerson => "contact_person",
            FormField::Phone => "phone",
            FormField::Email => "email",
            FormField::Qq => "qq",
            FormField::MailingAddress => "mailing_address",
            FormField::BankAccountName => "bank_account_name",
            FormField::Bank => "bank",
            FormField::BankLocation => "bank_location",
            FormField::BankBranch => "bank_branch",
            FormField::BankAccountNumber => "bank_account_number",
            FormField::BankProof => "bank_proof",
        }
    }

    /// The field a server named in a 422 answer.
    pub fn from_wire(name: &str) -> Option<FormField> {
        FormField::ALL.into_iter().find(|f| f.wire_name() == name)
    }

    /// The wizard step the field is on.
    pub fn step(self) -> crate::onboarding::application::WizardStep {
        use crate::onboarding::application::WizardStep as S;
        use FormField as F;
        match self {
            F::SupplierDeclaration => S::SupplierDeclaration,
            F::AccountKind | F::VerificationMethod | F::VerifiedCompanyName | F::VerifiedUscc => {
                S::EnterpriseVerification
            }
            F::ContactPerson
            | F::Phone
            | F::Email
            | F::Qq
            | F::MailingAddress
            | F::BankAccountName
            | F::Bank
            | F::BankLocation
            | F::BankBranch
            | F::BankAccountNumber
            | F::BankProof => S::ContactAndBank,
            _ => S::BasicInformation,
        }
    }
}
