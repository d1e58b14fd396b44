//! Partner profile changes (SPEC §3.3): a new name needs the same USCC; new bank details
//! need a new proof; every change is recorded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::common::transition::Actor;
use crate::domain::common::uscc::Uscc;
use crate::domain::onboarding::application::WizardStep;
use crate::domain::onboarding::application_checks::FieldError;
use crate::domain::onboarding::application_form::{ApplicationForm, FormField};

/// The editable partner information.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerProfile {
    /// 公司名称.
    pub company_name: String,
    /// 统一社会信用代码 (as typed, validated on save).
    pub uscc: String,
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
    /// The cooperation type the partner was admitted as.
    pub partner_type: Option<crate::domain::partner::partner_type::PartnerType>,
    /// 公司网站 (its domain decides how the termination email must be sent).
    pub website: String,
    /// The partner account's id (合作伙伴 UIN), given at admission; the termination email
    /// names it.
    pub account_id: String,
}

/// A field of the profile, for the change history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProfileField {
    /// 公司名称.
    CompanyName,
    /// 统一社会信用代码.
    Uscc,
    /// 联系人.
    ContactPerson,
    /// 联系电话.
    Phone,
    /// 联系邮箱.
    Email,
    /// 联系QQ.
    Qq,
    /// 邮寄地址.
    MailingAddress,
    /// 银行开户名.
    BankAccountName,
    /// 开户银行.
    Bank,
    /// 银行所在地.
    BankLocation,
    /// 开户支行.
    BankBranch,
    /// 银行账号.
    BankAccountNumber,
    /// 银行账号证明.
    BankProof,
    /// 公司网站.
    Website,
}

impl ProfileField {
    /// The wizard field it corresponds to (for labels and messages shared with the
    /// application form).
    pub fn form_field(self) -> FormField {
        use ProfileField as P;
        match self {
            P::CompanyName => FormField::CompanyName,
            P::Uscc => FormField::Uscc,
            P::ContactPerson => FormField::ContactPerson,
            P::Phone => FormField::Phone,
            P::Email => FormField::Email,
            P::Qq => FormField::Qq,
            P::MailingAddress => FormField::MailingAddress,
            P::BankAccountName => FormField::BankAccountName,
            P::Bank => FormField::Bank,
            P::BankLocation => FormField::BankLocation,
            P::BankBranch => FormField::BankBranch,
            P::BankAccountNumber => FormField::BankAccountNumber,
            P::BankProof => FormField::BankProof,
            P::Website => FormField::Website,
        }
    }
}

impl PartnerProfile {
    /// Every field with its value, in form order.
    pub fn fields(&self) -> Vec<(ProfileField, String)> {
        use ProfileField::*;
        vec![
            (CompanyName, self.company_name.clone()),
            (Uscc, self.uscc.clone()),
            (ContactPerson, self.contact_person.clone()),
            (Phone, self.phone.clone()),
            (Email, self.email.clone()),
            (Qq, self.qq.clone()),
            (MailingAddress, self.mailing_address.clone()),
            (BankAccountName, self.bank_account_name.clone()),
            (Bank, self.bank.clone()),
            (BankLocation, self.bank_location.clone()),
            (BankBranch, self.bank_branch.clone()),
            (BankAccountNumber, self.bank_account_number.clone()),
            (BankProof, self.bank_proof.clone().unwrap_or_default()),
            (Website, self.website.clone()),
        ]
    }

    /// The profile as it is stored: every field trimmed and the USCC in its canonical
    /// form, so a code typed in lower case or full width is the same code (no history
    /// line, the same text on the certificate).
    pub fn canonicalised(&self) -> PartnerProfile {
        let t = |s: &str| s.trim().to_string();
        PartnerProfile {
            company_name: t(&self.company_name),
            uscc: crate::domain::common::uscc::canonical(&self.uscc),
            contact_person: t(&self.contact_person),
            phone: t(&self.phone),
            email: t(&self.email),
            qq: t(&self.qq),
            mailing_address: t(&self.mailing_address),
            bank_account_name: t(&self.bank_account_name),
            bank: t(&self.bank),
            bank_location: t(&self.bank_location),
            bank_branch: t(&self.bank_branch),
            bank_account_number: t(&self.bank_account_number),
            bank_proof: self.bank_proof.clone(),
            partner_type: self.partner_type,
            website: t(&self.website),
            account_id: t(&self.account_id),
        }
    }

    /// The profile as an application form, so the wizard's rules check it.
    fn as_form(&self) -> ApplicationForm {
        ApplicationForm {
            company_name: self.company_name.clone(),
            verified_company_name: self.company_name.clone(),
            licence_company_name: self.company_name.clone(),
            uscc: self.uscc.clone(),
            verified_uscc: self.uscc.clone(),
            website: self.website.clone(),
            contact_person: self.contact_person.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            qq: self.qq.clone(),
            mailing_address: self.mailing_address.clone(),
            bank_account_name: self.bank_account_name.clone(),
            bank: self.bank.clone(),
            bank_location: self.bank_location.clone(),
            bank_branch: self.bank_branch.clone(),
            bank_account_number: self.bank_account_number.clone(),
            bank_proof: self.bank_proof.clone(),
            ..Default::default()
        }
    }

    /// Every field problem, by the same rules as the application wizard (company name,
    /// USCC and website from step ③, contacts and bank from step ④, including bank
    /// account name = company name).
    pub fn check(&self) -> Vec<FieldError> {
        let form = self.as_form();
        let mut errors: Vec<FieldError> = form
            .check_step(WizardStep::BasicInformation)
            .into_iter()
            .filter(|e| {
                matches!(
                    e.field,
                    FormField::CompanyName | FormField::Uscc | FormField::Website
                )
            })
            .collect();
        errors.extend(form.check_step(WizardStep::ContactAndBank));
        errors
    }

    /// Whether any bank field differs from `other` (the proof itself excluded).
    pub fn bank_differs(&self, other: &PartnerProfile) -> bool {
        self.bank_account_name != other.bank_account_name
            || self.bank != other.bank
            || self.bank_location != other.bank_location
            || self.bank_branch != other.bank_branch
            || self.bank_account_number != other.bank_account_number
    }
}

/// Why a profile change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// A different USCC is a different legal entity, not a rename.
    #[error("a new USCC is a new legal entity")]
    NewLegalEntity {
        /// The USCC on file.
        current: String,
        /// The USCC typed.
        typed: String,
    },
    /// Bank details changed without a new bank account proof.
    #[error("changing bank information needs a new bank account proof")]
    BankProofRequired,
}

/// Checks the rules of a change from `old` to `new`. USCCs are compared after
/// normalising, so `9144…` and `９１４４…` are the same code.
pub fn check_change(old: &PartnerProfile, new: &PartnerProfile) -> Result<(), ProfileError> {
    let norm = |s: &str| {
        Uscc::parse(s)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| crate::domain::common::text::compact(s).to_ascii_uppercase())
    };
    if norm(&old.uscc) != norm(&new.uscc) {
        return Err(ProfileError::NewLegalEntity {
            current: old.uscc.clone(),
            typed: new.uscc.clone(),
        });
    }
    if new.bank_differs(old) && (new.bank_proof.is_none() || new.bank_proof == old.bank_proof) {
        return Err(ProfileError::BankProofRequired);
    }
    Ok(())
}

/// One recorded change: what, old → new, when, who.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    /// The field changed.
    pub field: ProfileField,
    /// Its value before.
    pub old: String,
    /// Its value after.
    pub new: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub by: Actor,
}

/// The change records between two profiles, one per changed field.
pub fn diff(
    old: &PartnerProfile,
    new: &PartnerProfile,
    at: DateTime<Utc>,
    by: &Actor,
) -> Vec<ChangeRecord> {
    old.fields()
        .into_iter()
        .zip(new.fields())
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, old), (_, new))| ChangeRecord {
            field,
            old,
            new,
            at,
            by: by.clone(),
        })
        .collect()
}

/// The company name valid for a settlement month. A rename shows on sheets from the
/// month after it is made (the guide: "修改成功次月结算单就会同步新公司名称"); before any
/// rename took effect the oldest recorded name applies.
pub fn company_name_in(
    month: crate::domain::money::month::YearMonth,
    current: &str,
    history: &[ChangeRecord],
) -> String {
    let mut renames: Vec<&ChangeRecord> = history
        .iter()
        .filter(|c| c.field == ProfileField::CompanyName)
        .collect();
    renames.sort_by_key(|c| c.at);
    let effective =
        |c: &ChangeRecord| crate::domain::money::month::YearMonth::of(c.at.date_naive()).next();
    match renames.iter().rev().find(|c| effective(c) <= month) {
        Some(c) => c.new.clone(),
        None => renames
            .first()
            .map_or_else(|| current.to_string(), |c| c.old.clone()),
    }
}
