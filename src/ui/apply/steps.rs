//! Steps ① to ④: the fields, with the guide's wording and order.

use leptos::prelude::*;

use super::labels::{account_kind_options, field_label, method_options, size_options};
use super::wizard::{Wizard, check_field, choice_field, image_field, optional_text, text_field};
use crate::domain::PartnerType;
use crate::domain::common::keyed::{Keyed, key_or_empty};
use crate::domain::onboarding::application::WizardStep as S;
use crate::domain::onboarding::application_form::{
    AccountKind, CompanySize, FormField as F, VerificationMethod,
};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::{ChoiceField, ChoiceLook};
use crate::ui::eligibility::type_name;

fn type_options(i18n: I18n) -> Vec<(String, String)> {
    PartnerType::ALL
        .into_iter()
        .map(|t| (t.key().to_string(), type_name(i18n, t)))
        .collect()
}

fn yes_no(i18n: I18n) -> Vec<(String, String)> {
    vec![
        ("yes".into(), t_string!(i18n, common.yes).to_string()),
        ("no".into(), t_string!(i18n, common.no).to_string()),
    ]
}

/// ① Supplier relationship declaration.
#[component]
pub fn StepSupplier() -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    view! {
        <p class="pc-alert pc-alert-warn">{crate::ui::tr(i18n, |i| t_string!(i, apply.supplier_note))}</p>
        // The portal's address is deployment configuration (`supplierPortalUrl`); without
        // it the step names the portal instead of guessing a URL.
        {crate::ui::context::AppContext::get().config.with_value(|c| c.supplier_portal_url.clone()).map(|url| view! {
            <p><a href=url target="_blank" rel="noopener noreferrer">{crate::ui::tr(i18n, |i| t_string!(i, apply.supplier_link))}</a></p>
        })}
        {check_field(
            "app-supplier",
            Signal::derive(move || field_label(i18n, F::SupplierDeclaration)),
            |f| f.supplier_declaration_filed,
            |f, v| f.supplier_declaration_filed = v,
            w.error(i18n, S::SupplierDeclaration, F::SupplierDeclaration),
        )}
    }
}

/// ② Enterprise verification.
#[component]
pub fn StepVerification() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{crate::ui::tr(i18n, |i| t_string!(i, apply.verification_note))}</p>
        <div class="pc-form-grid">
        {choice_field(S::EnterpriseVerification, F::AccountKind, account_kind_options,
            |f| key_or_empty(f.account_kind).to_string(),
            |f, v| f.account_kind = AccountKind::from_key(v))}
        {choice_field(S::EnterpriseVerification, F::VerificationMethod, method_options,
            |f| key_or_empty(f.verification_method).to_string(),
            |f, v| f.verification_method = VerificationMethod::from_key(v))}
        {text_field(S::EnterpriseVerification, F::VerifiedCompanyName, |f| f.verified_company_name.clone(), |f, v| f.verified_company_name = v, "text", true)}
        {text_field(S::EnterpriseVerification, F::VerifiedUscc, |f| f.verified_uscc.clone(), |f, v| f.verified_uscc = v, "text", true)}
        </div>
    }
}

/// ③ Basic information.
#[component]
pub fn StepBasic() -> impl IntoView {
    let w = Wizard::get();
    let i18n = use_i18n();
    let reselling = Signal::derive(move || w.app.with(|a| a.form.resells_cloud == Some(true)));
    let other = Signal::derive(move || w.app.with(|a| a.form.resells_other));
    view! {
        <p class="pc-hint">{crate::ui::tr(i18n, |i| t_string!(i, apply.name_note))}</p>
        <div class="pc-form-grid">
        {text_field(S::BasicInformation, F::CompanyName, |f| f.company_name.clone(), |f, v| f.company_name = v, "text", true)}
        <ChoiceField
            id="app-company-size"
            look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, common.choose).to_string()))
            label=Signal::derive(move || field_label(i18n, F::CompanySize))
            options=Signal::derive(move || size_options(i18n))
            value=Signal::derive(move || w.app.with(|a| key_or_empty(a.form.company_size).to_string()))
            on_change=Callback::new(move |v: String| { w.edit(|f| f.company_size = CompanySize::from_key(&v)); w.touch(F::CompanySize); })
            error=w.error(i18n, S::BasicInformation, F::CompanySize)
            required=true
            disabled=Signal::derive(move || !w.editable.get())
        />
        {text_field(S::BasicInformation, F::Website, |f| f.website.clone(), |f, v| f.website = v, "url", true)}
        {text_field(S::BasicInformation, F::MainBusiness, |f| f.main_business.clone(), |f, v| f.main_business = v, "text", true)}
        {optional_text("app-referrer", |i| t_string!(i, apply.f_referrer).to_string(), |f| f.referrer.clone(), |f, v| f.referrer = v)}
        {text_field(S::BasicInformation, F::CompanyAddress, |f| f.company_address.clone(), |f, v| f.company_address = v, "text", true)}
        {choice_field(S::BasicInformation, F::PartnerType, type_options,
            |f| key_or_empty(f.partner_type).to_string(),
            |f, v| f.partner_type = PartnerType::from_key(v))}
        {text_field(S::BasicInformation, F::MainProducts, |f| f.main_products.clone(), |f, v| f.main_products = v, "text", true)}
        {text_field(S::BasicInformation, F::Uscc, |f| f.uscc.clone(), |f, v| f.uscc = v, "text", true)}
        {text_field(S::BasicInformation, F::LicenceCompanyName, |f| f.licence_company_name.clone(), |f, v| f.licence_company_name = v, "text", true)}
        {image_field(S::BasicInformation, F::BusinessLicence, "licence", |f| f.business_licence.clone(), |f, v| f.business_licence = v)}
        {choice_field(S::BasicInformation, F::ResellsCloud, yes_no,
            |f| match f.resells_cloud { Some(true) => "yes".into(), Some(false) => "no".into(), None => String::new() },
            |f, v| f.resells_cloud = Some(v == "yes"))}
        {move || reselling.get().then(|| view! {
            <fieldset class="pc-field pc-subfields" aria-describedby="app-resold-alibaba-error">
                <legend class="pc-label">{field_label(i18n, F::ResoldProviders)}<span class="pc-required" aria-hidden="true">" *"</span></legend>
                {check_field("app-resold-alibaba", Signal::derive(move || t_string!(i18n, apply.alibaba).to_string()),
                    |f| f.resells_alibaba, |f, v| f.resells_alibaba = v,
                    w.error(i18n, S::BasicInformation, F::ResoldProviders))}
                {check_field("app-resold-west", Signal::derive(move || t_string!(i18n, apply.west_digital).to_string()),
                    |f| f.resells_west_digital, |f, v| f.resells_west_digital = v, Signal::default())}
                {check_field("app-resold-other", Signal::derive(move || t_string!(i18n, apply.other).to_string()),
                    |f| f.resells_other, |f, v| f.resells_other = v, Signal::default())}
                {move || other.get().then(|| text_field(S::BasicInformation, F::ResellsOtherName, |f| f.resells_other_name.clone(), |f, v| f.resells_other_name = v, "text", true))}
            </fieldset>
        })}
        {text_field(S::BasicInformation, F::HeardFrom, |f| f.heard_from.clone(), |f, v| f.heard_from = v, "text", true)}
        </div>
    }
}

/// ④ Contact and bank.
#[component]
pub fn StepContactBank() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{crate::ui::tr(i18n, |i| t_string!(i, apply.contact_heading))}</h3>
        <p class="pc-hint">{crate::ui::tr(i18n, |i| t_string!(i, apply.privacy_note))}</p>
        <div class="pc-form-grid">
        {text_field(S::ContactAndBank, F::ContactPerson, |f| f.contact_and_bank.contact_person.clone(), |f, v| f.contact_and_bank.contact_person = v, "text", true)}
        {text_field(S::ContactAndBank, F::Phone, |f| f.contact_and_bank.phone.clone(), |f, v| f.contact_and_bank.phone = v, "tel", true)}
        {text_field(S::ContactAndBank, F::Email, |f| f.contact_and_bank.email.clone(), |f, v| f.contact_and_bank.email = v, "email", true)}
        {text_field(S::ContactAndBank, F::Qq, |f| f.contact_and_bank.qq.clone(), |f, v| f.contact_and_bank.qq = v, "text", true)}
        {text_field(S::ContactAndBank, F::MailingAddress, |f| f.contact_and_bank.mailing_address.clone(), |f, v| f.contact_and_bank.mailing_address = v, "text", true)}
        </div>
        <h3>{crate::ui::tr(i18n, |i| t_string!(i, apply.bank_heading))}</h3>
        <p class="pc-hint">{crate::ui::tr(i18n, |i| t_string!(i, apply.bank_note))}</p>
        <div class="pc-form-grid">
        {text_field(S::ContactAndBank, F::BankAccountName, |f| f.contact_and_bank.bank_account_name.clone(), |f, v| f.contact_and_bank.bank_account_name = v, "text", true)}
        {text_field(S::ContactAndBank, F::Bank, |f| f.contact_and_bank.bank.clone(), |f, v| f.contact_and_bank.bank = v, "text", true)}
        {text_field(S::ContactAndBank, F::BankLocation, |f| f.contact_and_bank.bank_location.clone(), |f, v| f.contact_and_bank.bank_location = v, "text", true)}
        {text_field(S::ContactAndBank, F::BankBranch, |f| f.contact_and_bank.bank_branch.clone(), |f, v| f.contact_and_bank.bank_branch = v, "text", true)}
        {text_field(S::ContactAndBank, F::BankAccountNumber, |f| f.contact_and_bank.bank_account_number.clone(), |f, v| f.contact_and_bank.bank_account_number = v, "text", true)}
        {image_field(S::ContactAndBank, F::BankProof, "bank-proof", |f| f.contact_and_bank.bank_proof.clone(), |f, v| f.contact_and_bank.bank_proof = v)}
        </div>
    }
}
