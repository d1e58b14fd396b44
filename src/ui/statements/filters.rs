//! The statement filters and the basis switch. What the user types is kept as typed; a
//! month that cannot be read is named at its field and the last good filter stays.

use leptos::prelude::*;
use std::str::FromStr;

use super::Statements;
use crate::domain::YearMonth;
use crate::domain::money::statement::{PaymentMode, StatementBasis};
use crate::domain::money::statement_view::StatementFilter;
use crate::i18n::*;
use crate::ui::components::money::mode_options;
use crate::ui::components::{ChoiceField, ChoiceLook, TextField};
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
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
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
    let on = move |signal: RwSignal<String>| {
        Callback::new(move |v: String| {
            signal.set(v);
            apply();
        })
    };
    let product_options = move || {
        st.rows.with(|rows| {
            rows.products()
                .into_iter()
                .map(|p| (p.to_string(), p.to_string()))
                .collect::<Vec<_>>()
        })
    };
    let basis_value = move || match st.basis.get() {
        StatementBasis::BillingPeriod => "billing".to_string(),
        StatementBasis::DeductionPeriod => "deduction".to_string(),
    };
    let reset = move |_| {
        for s in [from, to, customer, product, mode] {
            s.set(String::new());
        }
        from_error.set(None);
        to_error.set(None);
        st.filter.set(StatementFilter::default());
    };
    let all = Signal::derive(move || t_string!(i18n, review.all).to_string());

    view! {
        <section class="pc-card" aria-labelledby="pc-stmt-filters">
            <h2 id="pc-stmt-filters">{tr(i18n, |i| t_string!(i, stmt.filters))}</h2>
            <ChoiceField look=ChoiceLook::Radios id="stmt-basis" label=Signal::derive(move || t_string!(i18n, stmt.basis).to_string())
                options=Signal::derive(move || vec![
                    ("billing".to_string(), t_string!(i18n, stmt.basis_billing).to_string()),
                    ("deduction".to_string(), t_string!(i18n, stmt.basis_deduction).to_string()),
                ])
                value=Signal::derive(basis_value)
                on_change=Callback::new(move |v: String| st.basis.set(if v == "deduction" { StatementBasis::DeductionPeriod } else { StatementBasis::BillingPeriod }))/>
            <div class="pc-filters">
                <TextField id="stmt-from" kind="month" label=Signal::derive(move || t_string!(i18n, stmt.from).to_string())
                    value=from on_input=on(from) error=from_error hint=Signal::derive(move || t_string!(i18n, stmt.month_hint).to_string())/>
                <TextField id="stmt-to" kind="month" label=Signal::derive(move || t_string!(i18n, stmt.to).to_string())
                    value=to on_input=on(to) error=to_error hint=Signal::derive(move || t_string!(i18n, stmt.month_hint).to_string())/>
                <TextField id="stmt-customer" kind="search" label=Signal::derive(move || t_string!(i18n, stmt.customer).to_string())
                    value=customer on_input=on(customer)/>
                <ChoiceField id="stmt-product" label=Signal::derive(move || t_string!(i18n, stmt.col_product).to_string())
                    options=Signal::derive(product_options) value=product on_change=on(product) look=ChoiceLook::Select(all)/>
                <ChoiceField id="stmt-mode" label=Signal::derive(move || t_string!(i18n, stmt.col_mode).to_string())
                    options=Signal::derive(move || mode_options(i18n)) value=mode on_change=on(mode) look=ChoiceLook::Select(all)/>
            </div>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-quiet" on:click=reset>{tr(i18n, |i| t_string!(i, stmt.reset))}</button>
            </div>
        </section>
    }
}
