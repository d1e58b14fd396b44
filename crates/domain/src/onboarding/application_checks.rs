//! The rules of each wizard step (RULES §Application), including the cross-field ones: company
//! name = licence name = verified name, and bank account name = company name.

use serde::{Deserialize, Serialize};

use crate::common::contact::{ContactError, Email, Phone, parse_bank_account, parse_qq};
use crate::common::uscc::{Uscc, UsccError};
use crate::onboarding::application::WizardStep;
use crate::onboarding::application_form::{ApplicationForm, FormField};

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

impl FieldProblem {
    /// The rule's stable code, as a server's 422 answer names it.
    pub fn code(&self) -> &'static str {
        match self {
            FieldProblem::Required => "required",
            FieldProblem::Uscc(_) => "uscc",
            FieldProblem::Contact(_) => "contact",
            FieldProblem::Mismatch { .. } => "mismatch",
            FieldProblem::Website => "website",
        }
    }
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
        crate::common::text::to_half_width(s)
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
    crate::common::contact::website_host(value).is_some_and(|h| {
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
                let c = &self.contact_and_bank;
                required(&mut e, F::ContactPerson, &c.contact_person);
                check_contact(&mut e, F::Phone, &c.phone, Phone::parse);
                check_contact(&mut e, F::Email, &c.email, Email::parse);
                check_contact(&mut e, F::Qq, &c.qq, parse_qq);
                required(&mut e, F::MailingAddress, &c.mailing_address);
                required(&mut e, F::BankAccountName, &c.bank_account_name);
                mismatch(
                    &mut e,
                    F::BankAccountName,
                    &c.bank_account_name,
                    F::CompanyName,
                    &self.company_name,
                );
                required(&mut e, F::Bank, &c.bank);
                required(&mut e, F::BankLocation, &c.bank_location);
                required(&mut e, F::BankBranch, &c.bank_branch);
                check_contact(
                    &mut e,
                    F::BankAccountNumber,
                    &c.bank_account_number,
                    parse_bank_account,
                );
                require_some(&mut e, F::BankProof, &c.bank_proof);
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
