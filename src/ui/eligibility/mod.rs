//! `/eligibility`: the self-check (SPEC §3.1). Open to everyone; the inputs are kept, and
//! a type can be carried into the application wizard.

mod results;
mod words;

pub use words::type_name;

use crate::ui::load::use_load;
use crate::ui::router::Router;
use leptos::prelude::*;

use self::results::Results;
use self::words::declaration_text;
use crate::data::Collection;
use crate::data::applications::start_application;
use crate::data::typed::{load, save};
use crate::domain::PartnerType;
use crate::domain::eligibility_input::{
    BadInput, CHECK_ID, EligibilityInput, read_count, read_date, read_money,
};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::time::today;
use crate::ui::components::{RadioGroup, StatusLine, TextField, error_message};
use crate::ui::context::AppContext;

fn yes_no(i18n: I18n) -> Vec<(String, String)> {
    vec![
        ("yes".into(), t_string!(i18n, common.yes).to_string()),
        ("no".into(), t_string!(i18n, common.no).to_string()),
    ]
}

fn yes_no_value(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
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

/// The self-check page.
#[component]
pub fn EligibilityPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let input = RwSignal::new(EligibilityInput::default());
    let loaded = RwSignal::new(false);
    let status = RwSignal::new(None::<(bool, String)>);
    // Learner counts come from the learner records once there are any (SPEC §3.1).
    let from_records = RwSignal::new(None::<(u32, u32)>);
    // A role that may not read learners enters the counts by hand.
    use_load(
        &[Collection::Learners],
        status,
        |backend| async move {
            Ok(match crate::data::learners::all_learners(&*backend).await {
                Ok(list) if !list.is_empty() => {
                    Some(crate::domain::learner::qualified_counts(&list))
                }
                _ => None,
            })
        },
        move |counts| from_records.set(counts),
    );

    // Restore what was entered last time.
    leptos::task::spawn_local(async move {
        let backend = ctx.backend();
        if let Ok(Some(saved)) =
            load::<EligibilityInput>(&*backend, Collection::EligibilityChecks, CHECK_ID).await
        {
            input.set(saved.value);
        }
        loaded.set(true);
    });
    // Keep it as it is typed (after the first load, so the empty form never overwrites).
    Effect::new(move |_| {
        let current = input.get();
        if !loaded.get_untracked() {
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            if let Err(e) = save(
                &*backend,
                Collection::EligibilityChecks,
                CHECK_ID,
                &current,
                None,
            )
            .await
            {
                status.set(Some((true, error_message(i18n, &e))));
            }
        });
    });

    let decl_group = move |id: &'static str,
                           d,
                           get: fn(&EligibilityInput) -> Option<bool>,
                           set: fn(&mut EligibilityInput, Option<bool>)| {
        view! {
            <RadioGroup
                id=id
                legend=Signal::derive(move || declaration_text(i18n, d))
                options=Signal::derive(move || yes_no(i18n))
                value=Signal::derive(move || yes_no_value(input.with(get)))
                on_change=Callback::new(move |v: String| input.update(|i| set(i, Some(v == "yes"))))
                error=Signal::derive(|| None::<String>)
            />
        }
    };
    use crate::domain::eligibility::Declaration as D;

    let text = move |id: &'static str,
                     label: fn(I18n) -> String,
                     get: fn(&EligibilityInput) -> String,
                     set: fn(&mut EligibilityInput, String),
                     check: fn(&str) -> Option<BadInput>,
                     kind: &'static str| {
        view! {
            <TextField
                id=id
                label=Signal::derive(move || label(i18n))
                value=Signal::derive(move || input.with(get))
                on_input=Callback::new(move |v: String| input.update(|i| set(i, v)))
                error=Signal::derive(move || input.with(get).as_str().pipe_check(check).map(|b| bad_input_message(i18n, label(i18n), b)))
                kind=kind
                inputmode=if kind == "date" { "numeric" } else { "decimal" }
            />
        }
    };
    let money = |t: &str| read_money(t).err();
    let count = |t: &str| read_count(t).err();
    let date = |t: &str| read_date(t, today()).err();

    let cap_group = move |id: &'static str,
                          label: fn(I18n) -> String,
                          get: fn(&EligibilityInput) -> Option<bool>,
                          set: fn(&mut EligibilityInput, Option<bool>)| {
        view! {
            <RadioGroup
                id=id
                legend=Signal::derive(move || label(i18n))
                options=Signal::derive(move || yes_no(i18n))
                value=Signal::derive(move || yes_no_value(input.with(get)))
                on_change=Callback::new(move |v: String| input.update(|i| set(i, Some(v == "yes"))))
                error=Signal::derive(|| None::<String>)
            />
        }
    };

    let apply_as = Callback::new(move |t: PartnerType| {
        let backend = ctx.backend();
        let session = ctx.session.get_untracked();
        leptos::task::spawn_local(async move {
            match start_application(&*backend, &session, t).await {
                Ok(()) => router.go("/apply"),
                Err(e) => status.set(Some((true, error_message(i18n, &e)))),
            }
        });
    });

    view! {
        <section class="pc-page" aria-labelledby="pc-elig-heading">
            <h1 id="pc-elig-heading">{crate::ui::tr(i18n, |i| t_string!(i, elig.heading))}</h1>
            <p>{crate::ui::tr(i18n, |i| t_string!(i, elig.intro))}</p>
            <StatusLine message=status/>
            <div class="pc-elig-layout">
                <form class="pc-card pc-elig-form" on:submit=|ev| ev.prevent_default() aria-labelledby="pc-elig-form-heading">
                    <h2 id="pc-elig-form-heading">{crate::ui::tr(i18n, |i| t_string!(i, elig.basic_heading))}</h2>
                    {decl_group("elig-lawful", D::LawfulBusiness, |i| i.declarations.lawful_business, |i, v| i.declarations.lawful_business = v)}
                    {decl_group("elig-agreement", D::AcceptsAgreement, |i| i.declarations.accepts_agreement, |i, v| i.declarations.accepts_agreement = v)}
                    {decl_group("elig-management", D::AcceptsManagement, |i| i.declarations.accepts_management, |i, v| i.declarations.accepts_management = v)}
                    {decl_group("elig-brand", D::NoBrandConflict, |i| i.declarations.no_brand_conflict, |i, v| i.declarations.no_brand_conflict = v)}
                    {decl_group("elig-terminated", D::NeverTerminated, |i| i.declarations.never_terminated, |i, v| i.declarations.never_terminated = v)}
                    {decl_group("elig-disputes", D::NoDisputes, |i| i.declarations.no_disputes, |i, v| i.declarations.no_disputes = v)}
                    {decl_group("elig-risk", D::NoOperatingRisk, |i| i.declarations.no_operating_risk, |i, v| i.declarations.no_operating_risk = v)}

                    <h2>{crate::ui::tr(i18n, |i| t_string!(i, elig.facts_heading))}</h2>
                    {text("elig-capital", |i| t_string!(i, elig.f_capital).to_string(), |i| i.capital.clone(), |i, v| i.capital = v, money, "text")}
                    {text("elig-registered", |i| t_string!(i, elig.f_registered).to_string(), |i| i.registered.clone(), |i, v| i.registered = v, date, "date")}
                    {text("elig-staff", |i| t_string!(i, elig.f_staff).to_string(), |i| i.staff.clone(), |i, v| i.staff = v, count, "text")}
                    {text("elig-technical", |i| t_string!(i, elig.f_technical).to_string(), |i| i.technical.clone(), |i, v| i.technical = v, count, "text")}
                    {text("elig-rnd", |i| t_string!(i, elig.f_rnd).to_string(), |i| i.rnd.clone(), |i, v| i.rnd = v, count, "text")}
                    {text("elig-delivery", |i| t_string!(i, elig.f_delivery).to_string(), |i| i.delivery.clone(), |i, v| i.delivery = v, count, "text")}
                    {text("elig-sales", |i| t_string!(i, elig.f_sales).to_string(), |i| i.sales.clone(), |i, v| i.sales = v, count, "text")}
                    {cap_group("elig-customer-ops", |i| t_string!(i, elig.req_customer_ops).to_string(), |i| i.customer_ops, |i, v| i.customer_ops = v)}
                    {cap_group("elig-bizdev", |i| t_string!(i, elig.req_bizdev).to_string(), |i| i.bizdev, |i, v| i.bizdev = v)}
                    {cap_group("elig-solution", |i| t_string!(i, elig.req_solution).to_string(), |i| i.own_solution, |i, v| i.own_solution = v)}
                    {text("elig-copyrights", |i| t_string!(i, elig.f_copyrights).to_string(), |i| i.copyrights.clone(), |i, v| i.copyrights = v, count, "text")}
                    {text("elig-deposit", |i| t_string!(i, elig.f_deposit).to_string(), |i| i.deposit.clone(), |i, v| i.deposit = v, money, "text")}
                    <div hidden=move || from_records.with(Option::is_some)>
                        {text("elig-passed", |i| t_string!(i, elig.f_passed).to_string(), |i| i.passed.clone(), |i, v| i.passed = v, count, "text")}
                        {text("elig-certified", |i| t_string!(i, elig.f_certified).to_string(), |i| i.certified.clone(), |i, v| i.certified = v, count, "text")}
                    </div>
                    <dl class="pc-from-records" hidden=move || from_records.with(Option::is_none) data-testid="learner-counts">
                        <dt>{crate::ui::tr(i18n, |i| t_string!(i, elig.f_passed))}</dt>
                        <dd>{move || from_records.get().map(|(p, _)| t_string!(i18n, learn.from_records, count = p).to_string())}</dd>
                        <dt>{crate::ui::tr(i18n, |i| t_string!(i, elig.f_certified))}</dt>
                        <dd>{move || from_records.get().map(|(_, c)| t_string!(i18n, learn.from_records, count = c).to_string())}</dd>
                    </dl>
                </form>
                <Results input=input from_records apply_as/>
            </div>
        </section>
    }
}

/// Runs an input check on a text (keeps the field closures short).
trait PipeCheck {
    fn pipe_check(&self, check: fn(&str) -> Option<BadInput>) -> Option<BadInput>;
}

impl PipeCheck for str {
    fn pipe_check(&self, check: fn(&str) -> Option<BadInput>) -> Option<BadInput> {
        check(self)
    }
}
