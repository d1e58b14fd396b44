//! The statement filters and the basis switch. What the user types is kept as typed; a
//! month that cannot be read is named at its field and the last good filter stays.
//!
//! Plain controls rather than the shared `TextField` / `ChoiceField`: the page needs none
//! of their options (masking, required marks, disabled states), and not reaching them keeps
//! ≈ 90 KB of generic view code (before optimisation) out of the statements' first visit.

use leptos::prelude::*;
use std::str::FromStr;

use super::Statements;
use crate::domain::YearMonth;
use crate::domain::money::statement::{PaymentMode, StatementBasis};
use crate::domain::money::statement_view::StatementFilter;
use crate::i18n::*;
use crate::ui::components::money::mode_options;
use crate::ui::tr;

/// A typed month: empty is "no limit", anything else must be `YYYY-MM`.
fn month(text: &str) -> Result<Option<YearMonth>, ()> {
    let t = text.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        YearMonth::from_str(t).map(Some).map_err(|_| ())
    }
}

/// The filter form.
#[component]
pub(super) fn Filters(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let initial = st.filter.get_untracked();
    // A link may open the page on a month range (`?from=2026-10&to=2026-10`).
    let from = RwSignal::new(initial.from.map(|m| m.to_string()).unwrap_or_default());
    let to = RwSignal::new(initial.to.map(|m| m.to_string()).unwrap_or_default());
    let customer = RwSignal::new(initial.customer.clone());
    let product = RwSignal::new(String::new());
    let mode = RwSignal::new(String::new());
    let from_error = RwSignal::new(None::<String>);
    let to_error = RwSignal::new(None::<String>);

    // Every change rebuilds the filter from what is typed; bad months keep the last
    // good value for that bound and say why at the field.
    let apply = move || {
        let label_from = t_string!(i18n, stmt.from).to_string();
        let label_to = t_string!(i18n, stmt.to).to_string();
        let bad = |field: String| t_string!(i18n, stmt.bad_month, field = field).to_string();
        let mut next = st.filter.get_untracked();
        match month(&from.get_untracked()) {
            Ok(m) => {
                from_error.set(None);
                next.from = m;
            }
            Err(()) => from_error.set(Some(bad(label_from))),
        }
        match month(&to.get_untracked()) {
            Ok(m) => {
                to_error.set(None);
                next.to = m;
            }
            Err(()) => to_error.set(Some(bad(label_to.clone()))),
        }
        if let (Some(f), Some(t)) = (next.from, next.to)
            && f > t
        {
            to_error.set(Some(
                t_string!(i18n, stmt.range_backwards, field = label_to).to_string(),
            ));
        }
        next.customer = customer.get_untracked();
        next.product = product.get_untracked();
        next.payment_mode = PaymentMode::ALL
            .into_iter()
            .find(|m| m.name() == mode.get_untracked());
        if next != st.filter.get_untracked() {
            st.filter.set(next);
        }
    };
    let typed = move |signal: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            signal.set(event_target_value(&ev));
            apply();
        }
    };
    let reset = move |_| {
        for s in [from, to, customer, product, mode] {
            s.set(String::new());
        }
        from_error.set(None);
        to_error.set(None);
        st.filter.set(StatementFilter::default());
    };
    let all = move || t_string!(i18n, review.all);
    let products = move || {
        st.rows.with(|rows| {
            rows.products()
                .into_iter()
                .map(|p| {
                    let (value, chosen) = (p.to_string(), p.to_string());
                    view! { <option value=value selected=move || product.with(|v| *v == chosen)>{p.to_string()}</option> }
                })
                .collect_view()
        })
    };
    let modes = move || {
        mode_options(i18n)
            .into_iter()
            .map(|(value, text)| {
                let chosen = value.clone();
                view! { <option value=value selected=move || mode.with(|v| *v == chosen)>{text}</option> }
            })
            .collect_view()
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-stmt-filters">
            <h2 id="pc-stmt-filters">{tr(i18n, |i| t_string!(i, stmt.filters))}</h2>
            <fieldset id="stmt-basis" class="pc-field pc-radios">
                <legend class="pc-label">{tr(i18n, |i| t_string!(i, stmt.basis))}</legend>
                {basis_radio(st, StatementBasis::BillingPeriod, "stmt-basis-0", tr(i18n, |i| t_string!(i, stmt.basis_billing)))}
                {basis_radio(st, StatementBasis::DeductionPeriod, "stmt-basis-1", tr(i18n, |i| t_string!(i, stmt.basis_deduction)))}
            </fieldset>
            <div class="pc-filters">
                {month_field("stmt-from", tr(i18n, |i| t_string!(i, stmt.from)), from, from_error, typed(from))}
                {month_field("stmt-to", tr(i18n, |i| t_string!(i, stmt.to)), to, to_error, typed(to))}
                <div class="pc-field">
                    <label for="stmt-customer" class="pc-label">{tr(i18n, |i| t_string!(i, stmt.customer))}</label>
                    <input id="stmt-customer" type="search" prop:value=move || customer.get() on:input=typed(customer)/>
                </div>
                <div class="pc-field">
                    <label for="stmt-product" class="pc-label">{tr(i18n, |i| t_string!(i, stmt.col_product))}</label>
                    <select id="stmt-product" on:change=typed(product)>
                        <option value="" selected=move || product.with(String::is_empty)>{all}</option>
                        {products}
                    </select>
                </div>
                <div class="pc-field">
                    <label for="stmt-mode" class="pc-label">{tr(i18n, |i| t_string!(i, stmt.col_mode))}</label>
                    <select id="stmt-mode" on:change=typed(mode)>
                        <option value="" selected=move || mode.with(String::is_empty)>{all}</option>
                        {modes}
                    </select>
                </div>
            </div>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-quiet" on:click=reset>{tr(i18n, |i| t_string!(i, stmt.reset))}</button>
            </div>
        </section>
    }
}

/// One of the two bases, as a radio button.
fn basis_radio(
    st: Statements,
    basis: StatementBasis,
    id: &'static str,
    text: impl IntoView + 'static,
) -> AnyView {
    view! {
        <span class="pc-radio">
            <input type="radio" id=id name="stmt-basis" prop:checked=move || st.basis.get() == basis
                on:change=move |_| st.basis.set(basis)/>
            <label for=id>{text}</label>
        </span>
    }
    .into_any()
}

/// A month bound: its label, the `YYYY-MM` hint and the message when it cannot be read.
fn month_field(
    id: &'static str,
    label: impl IntoView + 'static,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    on_input: impl FnMut(leptos::ev::Event) + 'static,
) -> AnyView {
    let i18n = use_i18n();
    view! {
        <div class="pc-field">
            <label for=id class="pc-label">{label}</label>
            <input id=id type="month" prop:value=move || value.get() on:input=on_input
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=format!("{id}-hint {id}-error")/>
            <p id=format!("{id}-hint") class="pc-hint">{tr(i18n, |i| t_string!(i, stmt.month_hint))}</p>
            <p id=format!("{id}-error") class="pc-field-error">{move || error.get()}</p>
        </div>
    }
    .into_any()
}
