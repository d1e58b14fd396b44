//! The three partner types side by side, every requirement met / not met / unknown with
//! its exact gap.

use leptos::prelude::*;

use super::words::{gap_text, outcome_label, requirement_text, type_name};
use crate::domain::PartnerType;
use crate::domain::common::keyed::Keyed;
use crate::domain::onboarding::eligibility::{Check, Outcome, Requirement, assess_all};
use crate::domain::onboarding::eligibility_input::EligibilityInput;
use crate::i18n::*;
use crate::ui::context::AppContext;

use crate::ui::components::time::today;

fn outcome_class(o: &Outcome) -> &'static str {
    match o {
        Outcome::Met => "pc-met",
        Outcome::NotMet(_) => "pc-not-met",
        Outcome::Unknown => "pc-unknown",
    }
}

/// The seven basic declarations are the same for every type: one row sums them up
/// (the form beside it shows each).
fn basic_row(i18n: crate::ui::I18n, checks: &[Check]) -> impl IntoView + use<> {
    let basic: Vec<&Check> = checks
        .iter()
        .filter(|c| matches!(c.requirement, Requirement::Basic(_)))
        .collect();
    let declined = basic
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::NotMet(_)))
        .count();
    let open = basic
        .iter()
        .filter(|c| c.outcome == Outcome::Unknown)
        .count();
    let (outcome, detail) = if declined > 0 {
        (
            Outcome::NotMet(crate::domain::onboarding::eligibility::Gap::Declined),
            Some(t_string!(i18n, elig.basic_declined, count = declined).to_string()),
        )
    } else if open > 0 {
        (
            Outcome::Unknown,
            Some(t_string!(i18n, elig.basic_open, count = open).to_string()),
        )
    } else {
        (Outcome::Met, None)
    };
    view! {
        <li class=outcome_class(&outcome)>
            <span class="pc-req-state">{outcome_label(i18n, &outcome)}</span>
            <span class="pc-req-name">{crate::ui::tr(i18n, |i| t_string!(i, elig.basic_heading))}</span>
            {detail.map(|d| view! { <span class="pc-req-gap">{d}</span> })}
        </li>
    }
}

/// The results column.
#[component]
pub fn Results(
    input: RwSignal<EligibilityInput>,
    from_records: RwSignal<Option<(u32, u32)>>,
    apply_as: Callback<PartnerType>,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let results = Memo::new(move |_| {
        input.with(|i| {
            let mut facts = i.facts(today());
            if let Some((passed, certified)) = from_records.get() {
                facts.learners_passed_sales_foundation = Some(passed);
                facts.learners_certified_sales_manager = Some(certified);
            }
            assess_all(&i.declarations, &facts, today())
        })
    });
    view! {
        <section class="pc-elig-results" aria-labelledby="pc-elig-results-heading" aria-live="polite">
            <h2 id="pc-elig-results-heading">{crate::ui::tr(i18n, |i| t_string!(i, elig.results_heading))}</h2>
            <p class="pc-alert pc-alert-warn">{crate::ui::tr(i18n, |i| t_string!(i, elig.not_approval))}</p>
            <div class="pc-elig-columns">
                {move || {
                    let lang = ctx.lang.get();
                    results
                        .get()
                        .into_iter()
                        .map(|a| {
                            let overall = a.overall();
                            let t = a.partner_type;
                            let unmet = a.unmet();
                            view! {
                                <article class="pc-card pc-elig-type" data-testid=format!("elig-{}", t.key().to_lowercase())>
                                    <h3>{type_name(i18n, t)}</h3>
                                    <p class=format!("pc-outcome {}", outcome_class(&overall))>
                                        {outcome_label(i18n, &overall)}
                                        {(unmet > 0).then(|| view! { " · " {t!(i18n, elig.unmet_count, count = unmet)} })}
                                    </p>
                                    <ul class="pc-reqs">
                                        {basic_row(i18n, &a.checks)}
                                        {a.checks
                                            .iter()
                                            .filter(|c| !matches!(c.requirement, Requirement::Basic(_)))
                                            .map(|c| {
                                                let gap = match c.outcome {
                                                    Outcome::NotMet(g) => Some(gap_text(i18n, lang, c.requirement, g)),
                                                    _ => None,
                                                };
                                                view! {
                                                    <li class=outcome_class(&c.outcome)>
                                                        <span class="pc-req-state">{outcome_label(i18n, &c.outcome)}</span>
                                                        <span class="pc-req-name">{requirement_text(i18n, lang, c.requirement)}</span>
                                                        {gap.map(|g| view! { <span class="pc-req-gap">{g}</span> })}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <button type="button" class="pc-button pc-button-secondary" on:click=move |_| apply_as.run(t)>
                                        {t!(i18n, elig.apply_as, kind = type_name(i18n, t))}
                                    </button>
                                </article>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}
