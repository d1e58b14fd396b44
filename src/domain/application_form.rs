//! The partner application's fields (SPEC §3.2) and the rules of each wizard step,
//! including the cross-field ones: company name = licence name = verified name, and
//! bank account name = company name.

use serde::{Deserialize, Serialize};

use super::application::WizardStep;
use super::contact::{ContactError, Email, Phone, parse_bank_account, parse_qq};
use super::partner_type::PartnerType;
use super::uscc::{Uscc, UsccError};

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
    // ④ Contact and bank.
    /// 联系人.
    pub contact_person: String,
    /// 联系电话.
    pub phone: String,
    /// 联系邮箱.
    pub email: String,
    /// 联系QQ.
    pub qq: String,
    /// 邮寄地址.
    pub mailing_address: String,
    /// 银行开户名.
    pub bank_account_name: String,
    /// 开户银行.
    pub bank: String,
    /// 银行所在地.
    pub bank_location: String,
    /// 开户支行.
    pub bank_branch: String,
    /// 银行账号.
    pub bank_account_number: String,
    /// Id of the stored bank account proof image.
    pub bank_proof: Option<String>,
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
    /// See [`ApplicationForm::contact_person`].
    ContactPerson,
    /// See [`ApplicationForm::phone`].
    Phone,
    /// See [`ApplicationForm::email`].
    Email,
    /// See [`ApplicationForm::qq`].
    Qq,
    /// See [`ApplicationForm::mailing_address`].
    MailingAddress,
    /// See [`ApplicationForm::bank_account_name`].
    BankAccountName,
    /// See [`ApplicationForm::bank`].
    Bank,
    /// See [`ApplicationForm::bank_location`].
    BankLocation,
    /// See [`ApplicationForm::bank_branch`].
    BankBranch,
    /// See [`ApplicationForm::bank_account_number`].
    BankAccountNumber,
    /// See [`ApplicationForm::bank_proof`].
    BankProof,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldProblem {
    /// Required and empty.
    Required,
    /// The USCC rule that failed.
    Uscc(UsccError),
    /// The contact rule that failed.
    Contact(ContactError),
    /// Must equal another field; both values given.
    Mismatch {
        /// The field it must equal.
        other: FormField,
        /// That field's value.
        expected: String,
        /// This field's value.
        found: String,
    },
    /// Not a web address.
    Website,
}

/// A problem on a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field.
    pub field: FormField,
    /// What is wrong.
    pub problem: FieldProblem,
}

/// Names compare after trimming and turning full-width characters into ASCII, so
/// `（深圳）` and `(深圳)` match; anything else must be identical.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        super::text::to_half_width(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    norm(a) == norm(b)
}

fn required(errors: &mut Vec<FieldError>, field: FormField, value: &str) -> bool {
    if value.trim().is_empty() {
        errors.push(FieldError {
            field,
            problem: FieldProblem::Required,
        });
        false
    } else {
        true
    }
}

fn require_some<T>(errors: &mut Vec<FieldError>, field: FormField, value: &Option<T>) {
    if value.is_none() {
        errors.push(FieldError {
            field,
            problem: FieldProblem::Required,
        });
    }
}

fn check_uscc(errors: &mut Vec<FieldError>, field: FormField, value: &str) {
    if required(errors, field, value)
        && let Err(e) = Uscc::parse(value)
    {
        errors.push(FieldError {
            field,
            problem: FieldProblem::Uscc(e),
        });
    }
}

fn check_contact<T>(
    errors: &mut Vec<FieldError>,
    field: FormField,
    value: &str,
    parse: impl Fn(&str) -> Result<T, ContactError>,
) {
    if required(errors, field, value)
        && let Err(e) = parse(value)
    {
        errors.push(FieldError {
            field,
            problem: FieldProblem::Contact(e),
        });
    }
}

fn mismatch(
    errors: &mut Vec<FieldError>,
    field: FormField,
    found: &str,
    other: FormField,
    expected: &str,
) {
    if !found.trim().is_empty() && !expected.trim().is_empty() && !same_name(found, expected) {
        errors.push(FieldError {
            field,
            problem: FieldProblem::Mismatch {
                other,
                expected: expected.trim().to_string(),
                found: found.trim().to_string(),
            },
        });
    }
}

/// A website must look like a host name (`example.com`, `https://www.example.com/x`).
pub fn is_website(value: &str) -> bool {
    super::termination::website_host(value).is_some_and(|h| {
        h.split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
    })
}

impl ApplicationForm {
    /// Every problem of one step; an empty list means the step may be left forward.
    pub fn check_step(&self, step: WizardStep) -> Vec<FieldError> {
        use FormField as F;
        let mut e = Vec::new();
        match step {
            WizardStep::SupplierDeclaration => {
                if !self.supplier_declaration_filed {
                    e.push(FieldError {
                        field: F::SupplierDeclaration,
                        problem: FieldProblem::Required,
                    });
                }
            }
            WizardStep::EnterpriseVerification => {
                require_some(&mut e, F::AccountKind, &self.account_kind);
                require_some(&mut e, F::VerificationMethod, &self.verification_method);
                required(&mut e, F::VerifiedCompanyName, &self.verified_company_name);
                check_uscc(&mut e, F::VerifiedUscc, &self.verified_uscc);
            }
            WizardStep::BasicInformation => {
                required(&mut e, F::CompanyName, &self.company_name);
                mismatch(
                    &mut e,
                    F::CompanyName,
                    &self.company_name,
                    F::VerifiedCompanyName,
                    &self.verified_company_name,
                );
                require_some(&mut e, F::CompanySize, &self.company_size);
                if required(&mut e, F::Website, &self.website) && !is_website(&self.website) {
                    e.push(FieldError {
                        field: F::Website,
                        problem: FieldProblem::Website,
                    });
                }
                required(&mut e, F::MainBusiness, &self.main_business);
                required(&mut e, F::CompanyAddress, &self.company_address);
                require_some(&mut e, F::PartnerType, &self.partner_type);
                required(&mut e, F::MainProducts, &self.main_products);
                check_uscc(&mut e, F::Uscc, &self.uscc);
                if let (Ok(a), Ok(b)) = (Uscc::parse(&self.uscc), Uscc::parse(&self.verified_uscc))
                    && a != b
                {
                    e.push(FieldError {
                        field: F::Uscc,
                        problem: FieldProblem::Mismatch {
                            other: F::VerifiedUscc,
                            expected: b.to_string(),
                            found: a.to_string(),
                        },
                    });
                }
                required(&mut e, F::LicenceCompanyName, &self.licence_company_name);
                mismatch(
                    &mut e,
                    F::LicenceCompanyName,
                    &self.licence_company_name,
                    F::CompanyName,
                    &self.company_name,
                );
                require_some(&mut e, F::BusinessLicence, &self.business_licence);
                require_some(&mut e, F::ResellsCloud, &self.resells_cloud);
                if self.resells_cloud == Some(true) {
                    if !(self.resells_alibaba || self.resells_west_digital || self.resells_other) {
                        e.push(FieldError {
                            field: F::ResoldProviders,
                            problem: FieldProblem::Required,
                        });
                    }
                    if self.resells_other {
                        required(&mut e, F::ResellsOtherName, &self.resells_other_name);
                    }
                }
                required(&mut e, F::HeardFrom, &self.heard_from);
            }
            WizardStep::ContactAndBank => {
                required(&mut e, F::ContactPerson, &self.contact_person);
                check_contact(&mut e, F::Phone, &self.phone, Phone::parse);
                check_contact(&mut e, F::Email, &self.email, Email::parse);
                check_contact(&mut e, F::Qq, &self.qq, parse_qq);
                required(&mut e, F::MailingAddress, &self.mailing_address);
                required(&mut e, F::BankAccountName, &self.bank_account_name);
                mismatch(
                    &mut e,
                    F::BankAccountName,
                    &self.bank_account_name,
                    F::CompanyName,
                    &self.company_name,
                );
                required(&mut e, F::Bank, &self.bank);
                required(&mut e, F::BankLocation, &self.bank_location);
                required(&mut e, F::BankBranch, &self.bank_branch);
                check_contact(
                    &mut e,
                    F::BankAccountNumber,
                    &self.bank_account_number,
                    parse_bank_account,
                );
                require_some(&mut e, F::BankProof, &self.bank_proof);
            }
            WizardStep::QualificationReview | WizardStep::Partner => {}
        }
        e
    }

    /// The problems of every editable step, in step order (what submit checks).
    pub fn check_all(&self) -> Vec<(WizardStep, FieldError)> {
        WizardStep::ALL
            .into_iter()
            .take(4)
            .flat_map(|s| self.check_step(s).into_iter().map(move |e| (s, e)))
            .collect()
    }

    /// The first step with a problem, if any: where the wizard sends the applicant.
    pub fn first_incomplete_step(&self) -> Option<WizardStep> {
        self.check_all().first().map(|(s, _)| *s)
    }
}
