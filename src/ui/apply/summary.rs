//! Every field read-only (step ⑤ before submitting, and the channel manager's detail),
//! and the state history.

use leptos::prelude::*;

use super::labels::{account_kind_options, field_label, method_options, size_options, step_title};
use crate::domain::common::contact::masked_account;
use crate::domain::common::keyed::key_or_empty;
use crate::domain::common::transition::StateChange;
use crate::domain::common::uscc::canonical;
use crate::domain::onboarding::application::{Application, ApplicationState};
use crate::domain::onboarding::application_form::{ApplicationForm, FormField as F};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::StoredImage;
use crate::ui::eligibility::type_name;

fn option_text(options: Vec<(String, String)>, value: String) -> String {
    options
        .into_iter()
        .find(|(v, _)| *v == value)
        .map(|(_, t)| t)
        .unwrap_or_default()
}

fn yes_no(i18n: I18n, v: Option<bool>) -> String {
    match v {
        Some(true) => t_string!(i18n, common.yes).to_string(),
        Some(false) => t_string!(i18n, common.no).to_string(),
        None => String::new(),
    }
}

/// The text rows of the form, grouped by step.
fn rows(i18n: I18n, f: &ApplicationForm) -> Vec<(String, Vec<(String, String)>)> {
    use crate::domain::onboarding::application::WizardStep as S;
    let l = |field| field_label(i18n, field);
    let resold = {
        let mut names = Vec::new();
        if f.resells_alibaba {
            names.push(t_string!(i18n, apply.alibaba).to_string());
        }
        if f.resells_west_digital {
            names.push(t_string!(i18n, apply.west_digital).to_string());
        }
        if f.resells_other {
            names.push(crate::ui::components::named(
                i18n,
                t_string!(i18n, apply.other),
                f.resells_other_name.trim(),
            ));
        }
        crate::ui::components::list(i18n, names)
    };
    vec![
        (
            step_title(i18n, S::SupplierDeclaration),
            vec![(
                l(F::SupplierDeclaration),
                yes_no(i18n, Some(f.supplier_declaration_filed)),
            )],
        ),
        (
            step_title(i18n, S::EnterpriseVerification),
            vec![
                (
                    l(F::AccountKind),
                    option_text(
                        account_kind_options(i18n),
                        key_or_empty(f.account_kind).to_string(),
                    ),
                ),
                (
                    l(F::VerificationMethod),
                    option_text(
                        method_options(i18n),
                        key_or_empty(f.verification_method).to_string(),
                    ),
                ),
                (l(F::VerifiedCompanyName), f.verified_company_name.clone()),
                (l(F::VerifiedUscc), canonical(&f.verified_uscc)),
            ],
        ),
        (
            step_title(i18n, S::BasicInformation),
            vec![
                (l(F::CompanyName), f.company_name.clone()),
                (
                    l(F::CompanySize),
                    option_text(size_options(i18n), key_or_empty(f.company_size).to_string()),
                ),
                (l(F::Website), f.website.clone()),
                (l(F::MainBusiness), f.main_business.clone()),
                (
                    t_string!(i18n, apply.f_referrer).to_string(),
                    f.referrer.clone(),
                ),
                (l(F::CompanyAddress), f.company_address.clone()),
                (
                    l(F::PartnerType),
                    f.partner_type
                        .map(|t| type_name(i18n, t))
                        .unwrap_or_default(),
                ),
                (l(F::MainProducts), f.main_products.clone()),
                (l(F::Uscc), canonical(&f.uscc)),
                (l(F::LicenceCompanyName), f.licence_company_name.clone()),
                (l(F::ResellsCloud), yes_no(i18n, f.resells_cloud)),
                (l(F::ResoldProviders), resold),
                (l(F::HeardFrom), f.heard_from.clone()),
            ],
        ),
        (
            step_title(i18n, S::ContactAndBank),
            vec![
                (
                    l(F::ContactPerson),
                    f.contact_and_bank.contact_person.clone(),
                ),
                (l(F::Phone), f.contact_and_bank.phone.clone()),
                (l(F::Email), f.contact_and_bank.email.clone()),
                (l(F::Qq), f.contact_and_bank.qq.clone()),
                (
                    l(F::MailingAddress),
                    f.contact_and_bank.mailing_address.clone(),
                ),
                (
                    l(F::BankAccountName),
                    f.contact_and_bank.bank_account_name.clone(),
                ),
                (l(F::Bank), f.contact_and_bank.bank.clone()),
                (l(F::BankLocation), f.contact_and_bank.bank_location.clone()),
                (l(F::BankBranch), f.contact_and_bank.bank_branch.clone()),
                (
                    l(F::BankAccountNumber),
                    masked_account(&f.contact_and_bank.bank_account_number),
                ),
            ],
        ),
    ]
}

/// Every field and both images, read-only. User text is always rendered as text.
#[component]
pub fn FormSummary(#[prop(into)] app: Signal<Application>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="pc-summary" data-testid="application-summary">
            {move || app.with(|a| rows(i18n, &a.form)).into_iter().map(|(title, items)| view! {
                <section class="pc-summary-group">
                    <h3>{title}</h3>
                    <dl>
                        {items.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
            <div class="pc-summary-images">
                <figure>
                    <StoredImage blob_id=Signal::derive(move || app.with(|a| a.form.business_licence.clone())) alt=Signal::derive(move || field_label(i18n, F::BusinessLicence))/>
                    <figcaption>{move || field_label(i18n, F::BusinessLicence)}</figcaption>
                </figure>
                <figure>
                    <StoredImage blob_id=Signal::derive(move || app.with(|a| a.form.contact_and_bank.bank_proof.clone())) alt=Signal::derive(move || field_label(i18n, F::BankProof))/>
                    <figcaption>{move || field_label(i18n, F::BankProof)}</figcaption>
                </figure>
            </div>
        </div>
    }
}

/// A state's name.
pub fn state_name(i18n: I18n, s: ApplicationState) -> String {
    match s {
        ApplicationState::Draft => t_string!(i18n, apply.state_draft),
        ApplicationState::Submitted => t_string!(i18n, apply.state_submitted),
        ApplicationState::Approved => t_string!(i18n, apply.state_approved),
        ApplicationState::Rejected => t_string!(i18n, apply.state_rejected),
    }
    .to_string()
}

/// The history of states with time and actor.
#[component]
pub fn History(#[prop(into)] history: Signal<Vec<StateChange<ApplicationState>>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-history" aria-labelledby="pc-history-heading" hidden=move || history.with(Vec::is_empty)>
            <h3 id="pc-history-heading">{crate::ui::tr(i18n, |i| t_string!(i, apply.history))}</h3>
            <ol data-testid="application-history">
                {move || history.get().into_iter().rev().map(|c| {
                    let when = crate::ui::components::time::local_minute(c.at);
                    view! {
                        <li>
                            <time datetime=c.at.to_rfc3339()>{when}</time>" · "
                            {crate::ui::components::actor_text(i18n, &c.actor)}" · "
                            {state_name(i18n, c.to)}
                            {c.reason.map(|r| view! { <span class="pc-reason">" — "{r}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
