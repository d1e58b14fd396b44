//! The self-check's inputs: the seven declarations, the company's facts and capabilities,
//! and the learner counts (typed, or counted from the learner records once there are any).

use leptos::prelude::*;

use super::words::declaration_text;
use crate::domain::onboarding::eligibility::Declaration as D;
use crate::domain::onboarding::eligibility_input::{
    BadInput, EligibilityInput, read_count, read_date, read_money,
};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::time::today;
use crate::ui::components::{ChoiceField, ChoiceLook, TextField};
use crate::ui::tr;

/// How a yes/no input is read and written.
type YesNo = (
    fn(&EligibilityInput) -> Option<bool>,
    fn(&mut EligibilityInput, Option<bool>),
);
/// How a typed input is read and written.
type Typed = (
    fn(&EligibilityInput) -> String,
    fn(&mut EligibilityInput, String),
);
/// What a typed input must be.
type Check = fn(&str) -> Option<BadInput>;

const MONEY: Check = |t| read_money(t).err();
const COUNT: Check = |t| read_count(t).err();
const DATE: Check = |t| read_date(t, today()).err();

/// The form.
#[component]
pub(super) fn SelfCheckForm(
    input: RwSignal<EligibilityInput>,
    /// Learners passed and certified, when counted from the records.
    from_records: RwSignal<Option<(u32, u32)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let declaration = move |id: &'static str, d: D, (get, set): YesNo| {
        let legend = Signal::derive(move || declaration_text(i18n, d));
        view! { <YesNoField id legend input get set/> }
    };
    let capability = move |id: &'static str, label: fn(I18n) -> &'static str, (get, set): YesNo| {
        let legend = Signal::derive(move || label(i18n).to_string());
        view! { <YesNoField id legend input get set/> }
    };
    let fact = move |id: &'static str,
                     label: fn(I18n) -> &'static str,
                     (get, set): Typed,
                     check: Check,
                     kind: &'static str| {
        view! { <FactField id label input get set check kind/> }
    };
    view! {
        <form class="pc-card pc-elig-form" on:submit=|ev| ev.prevent_default() aria-labelledby="pc-elig-form-heading">
            <h2 id="pc-elig-form-heading">{tr(i18n, |i| t_string!(i, elig.basic_heading))}</h2>
            {declaration("elig-lawful", D::LawfulBusiness, (|i| i.declarations.lawful_business, |i, v| i.declarations.lawful_business = v))}
            {declaration("elig-agreement", D::AcceptsAgreement, (|i| i.declarations.accepts_agreement, |i, v| i.declarations.accepts_agreement = v))}
            {declaration("elig-management", D::AcceptsManagement, (|i| i.declarations.accepts_management, |i, v| i.declarations.accepts_management = v))}
            {declaration("elig-brand", D::NoBrandConflict, (|i| i.declarations.no_brand_conflict, |i, v| i.declarations.no_brand_conflict = v))}
            {declaration("elig-terminated", D::NeverTerminated, (|i| i.declarations.never_terminated, |i, v| i.declarations.never_terminated = v))}
            {declaration("elig-disputes", D::NoDisputes, (|i| i.declarations.no_disputes, |i, v| i.declarations.no_disputes = v))}
            {declaration("elig-risk", D::NoOperatingRisk, (|i| i.declarations.no_operating_risk, |i, v| i.declarations.no_operating_risk = v))}

            <h2>{tr(i18n, |i| t_string!(i, elig.facts_heading))}</h2>
            {fact("elig-capital", |i| t_string!(i, elig.f_capital), (|i| i.capital.clone(), |i, v| i.capital = v), MONEY, "text")}
            {fact("elig-registered", |i| t_string!(i, elig.f_registered), (|i| i.registered.clone(), |i, v| i.registered = v), DATE, "date")}
            {fact("elig-staff", |i| t_string!(i, elig.f_staff), (|i| i.staff.clone(), |i, v| i.staff = v), COUNT, "text")}
            {fact("elig-technical", |i| t_string!(i, elig.f_technical), (|i| i.technical.clone(), |i, v| i.technical = v), COUNT, "text")}
            {fact("elig-rnd", |i| t_string!(i, elig.f_rnd), (|i| i.rnd.clone(), |i, v| i.rnd = v), COUNT, "text")}
            {fact("elig-delivery", |i| t_string!(i, elig.f_delivery), (|i| i.delivery.clone(), |i, v| i.delivery = v), COUNT, "text")}
            {fact("elig-sales", |i| t_string!(i, elig.f_sales), (|i| i.sales.clone(), |i, v| i.sales = v), COUNT, "text")}
            {capability("elig-customer-ops", |i| t_string!(i, elig.req_customer_ops), (|i| i.customer_ops, |i, v| i.customer_ops = v))}
            {capability("elig-bizdev", |i| t_string!(i, elig.req_bizdev), (|i| i.bizdev, |i, v| i.bizdev = v))}
            {capability("elig-solution", |i| t_string!(i, elig.req_solution), (|i| i.own_solution, |i, v| i.own_solution = v))}
            {fact("elig-copyrights", |i| t_string!(i, elig.f_copyrights), (|i| i.copyrights.clone(), |i, v| i.copyrights = v), COUNT, "text")}
            {fact("elig-deposit", |i| t_string!(i, elig.f_deposit), (|i| i.deposit.clone(), |i, v| i.deposit = v), MONEY, "text")}
            <div hidden=move || from_records.with(Option::is_some)>
                {fact("elig-passed", |i| t_string!(i, elig.f_passed), (|i| i.passed.clone(), |i, v| i.passed = v), COUNT, "text")}
                {fact("elig-certified", |i| t_string!(i, elig.f_certified), (|i| i.certified.clone(), |i, v| i.certified = v), COUNT, "text")}
            </div>
            <dl class="pc-from-records" hidden=move || from_records.with(Option::is_none) data-testid="learner-counts">
                <dt>{tr(i18n, |i| t_string!(i, elig.f_passed))}</dt>
                <dd>{move || from_records.get().map(|(p, _)| t_string!(i18n, learn.from_records, count = p).to_string())}</dd>
                <dt>{tr(i18n, |i| t_string!(i, elig.f_certified))}</dt>
                <dd>{move || from_records.get().map(|(_, c)| t_string!(i18n, learn.from_records, count = c).to_string())}</dd>
            </dl>
        </form>
    }
}

/// A yes/no question.
#[component]
fn YesNoField(
    id: &'static str,
    legend: Signal<String>,
    input: RwSignal<EligibilityInput>,
    get: fn(&EligibilityInput) -> Option<bool>,
    set: fn(&mut EligibilityInput, Option<bool>),
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        vec![
            ("yes".to_string(), t_string!(i18n, common.yes).to_string()),
            ("no".to_string(), t_string!(i18n, common.no).to_string()),
        ]
    };
    let value = move || match input.with(get) {
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
        None => String::new(),
    };
    view! {
        <ChoiceField look=ChoiceLook::Radios id label=legend options=Signal::derive(options) value=Signal::derive(value)
            on_change=Callback::new(move |v: String| input.update(|i| set(i, Some(v == "yes"))))/>
    }
}

/// A typed fact, its problem said as it is typed.
#[component]
fn FactField(
    id: &'static str,
    label: fn(I18n) -> &'static str,
    input: RwSignal<EligibilityInput>,
    get: fn(&EligibilityInput) -> String,
    set: fn(&mut EligibilityInput, String),
    check: Check,
    kind: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || {
        let field = label(i18n).to_string();
        check(&input.with(get)).map(|bad| bad_input_message(i18n, field, bad))
    };
    view! {
        <TextField id label=Signal::derive(move || label(i18n).to_string())
            value=Signal::derive(move || input.with(get))
            on_input=Callback::new(move |v: String| input.update(|i| set(i, v)))
            error=Signal::derive(error) kind
            inputmode=if kind == "date" { "numeric" } else { "decimal" }/>
    }
}

fn bad_input_message(i18n: I18n, field: String, bad: BadInput) -> String {
    match bad {
        BadInput::Money => t_string!(i18n, elig.bad_money, field = field),
        BadInput::Count => t_string!(i18n, elig.bad_count, field = field),
        BadInput::Date => t_string!(i18n, elig.bad_date, field = field),
        BadInput::DateOutOfRange => t_string!(i18n, elig.bad_date_range, field = field),
    }
    .to_string()
}
