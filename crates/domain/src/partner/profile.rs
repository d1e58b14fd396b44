//! Partner profile changes (RULES §Profile): a new name needs the same USCC; new bank details
//! need a new proof; every change is recorded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::common::contact_and_bank::ContactAndBank;
use crate::common::transition::Actor;
use crate::common::uscc::Uscc;
use crate::onboarding::application::{Application, WizardStep};
use crate::onboarding::application_checks::FieldError;
use crate::onboarding::application_form::{ApplicationForm, FormField};

/// The editable partner information.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerProfile {
    /// 公司名称.
    pub company_name: String,
    /// 统一社会信用代码 (as typed, validated on save).
    pub uscc: String,
    /// 联系人与银行信息.
    #[serde(flatten)]
    pub contact_and_bank: ContactAndBank,
    /// The cooperation type the partner was admitted as.
    pub partner_type: Option<crate::onboarding::partner_type::PartnerType>,
    /// 公司网站 (its domain decides how the termination email must be sent).
    pub website: String,
    /// The partner account's id (合作伙伴 UIN), given at admission; the termination email
    /// names it.
    pub account_id: String,
}

impl PartnerProfile {
    /// The profile an approved application starts with: the form's company, contact and
    /// bank details as stored (trimmed, the USCC canonical). `account_id` is the partner
    /// account's UIN ([`Application::partner_uin`]).
    pub fn admitted(application: &Application, account_id: &str) -> PartnerProfile {
        let f = &application.form;
        PartnerProfile {
            company_name: f.company_name.trim().to_string(),
            uscc: crate::common::uscc::canonical(&f.uscc),
            contact_and_bank: f.contact_and_bank.trimmed(),
            partner_type: f.partner_type,
            website: f.website.trim().to_string(),
            account_id: account_id.to_string(),
        }
    }

    /// Every field the profile holds with its value, in form order (the wizard's fields:
    /// one set of labels, messages and change-history names for both).
    pub fn fields(&self) -> Vec<(FormField, String)> {
        use FormField::*;
        let c = &self.contact_and_bank;
        vec![
            (CompanyName, self.company_name.clone()),
            (Uscc, self.uscc.clone()),
            (ContactPerson, c.contact_person.clone()),
            (Phone, c.phone.clone()),
            (Email, c.email.clone()),
            (Qq, c.qq.clone()),
            (MailingAddress, c.mailing_address.clone()),
            (BankAccountName, c.bank_account_name.clone()),
            (Bank, c.bank.clone()),
            (BankLocation, c.bank_location.clone()),
            (BankBranch, c.bank_branch.clone()),
            (BankAccountNumber, c.bank_account_number.clone()),
            (BankProof, c.bank_proof.clone().unwrap_or_default()),
            (Website, self.website.clone()),
        ]
    }

    /// The value of one of [`PartnerProfile::fields`] (empty for a field it does not hold).
    pub fn text(&self, field: FormField) -> String {
        self.fields()
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v)
            .unwrap_or_default()
    }

    /// Sets a text field (the bank proof is set as an image, not as text); a field the
    /// profile does not hold is left alone.
    pub fn set_text(&mut self, field: FormField, value: String) {
        use FormField::*;
        let c = &mut self.contact_and_bank;
        let slot = match field {
            CompanyName => &mut self.company_name,
            Uscc => &mut self.uscc,
            Website => &mut self.website,
            ContactPerson => &mut c.contact_person,
            Phone => &mut c.phone,
            Email => &mut c.email,
            Qq => &mut c.qq,
            MailingAddress => &mut c.mailing_address,
            BankAccountName => &mut c.bank_account_name,
            Bank => &mut c.bank,
            BankLocation => &mut c.bank_location,
            BankBranch => &mut c.bank_branch,
            BankAccountNumber => &mut c.bank_account_number,
            _ => return,
        };
        *slot = value;
    }

    /// The profile as it is stored: every field trimmed and the USCC in its canonical
    /// form, so a code typed in lower case or full width is the same code (no history
    /// line, the same text on the certificate).
    pub fn canonicalised(&self) -> PartnerProfile {
        let t = |s: &str| s.trim().to_string();
        PartnerProfile {
            company_name: t(&self.company_name),
            uscc: crate::common::uscc::canonical(&self.uscc),
            contact_and_bank: self.contact_and_bank.trimmed(),
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
            contact_and_bank: self.contact_and_bank.clone(),
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
            .unwrap_or_else(|_| crate::common::text::compact(s).to_ascii_uppercase())
    };
    if norm(&old.uscc) != norm(&new.uscc) {
        return Err(ProfileError::NewLegalEntity {
            current: old.uscc.clone(),
            typed: new.uscc.clone(),
        });
    }
    let (new_bank, old_bank) = (&new.contact_and_bank, &old.contact_and_bank);
    if new_bank.bank_differs(old_bank)
        && (new_bank.bank_proof.is_none() || new_bank.bank_proof == old_bank.bank_proof)
    {
        return Err(ProfileError::BankProofRequired);
    }
    Ok(())
}

/// One recorded change: what, old → new, when, who.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    /// The field changed (stored by its name: `CompanyName`, `BankProof`, …).
    pub field: FormField,
    /// Its value before.
    pub old: String,
    /// Its value after.
    pub new: String,
    /// When.
    #[serde(deserialize_with = "crate::common::iso::date_time")]
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
    month: crate::money::month::YearMonth,
    current: &str,
    history: &[ChangeRecord],
) -> String {
    let mut renames: Vec<&ChangeRecord> = history
        .iter()
        .filter(|c| c.field == FormField::CompanyName)
        .collect();
    crate::common::order::sort_by_key(&mut renames, |c| c.at);
    let effective = |c: &ChangeRecord| crate::money::month::YearMonth::of(c.at.date_naive()).next();
    match renames.iter().rev().find(|c| effective(c) <= month) {
        Some(c) => c.new.clone(),
        None => renames
            .first()
            .map_or_else(|| current.to_string(), |c| c.old.clone()),
    }
}
