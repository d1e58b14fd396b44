//! `/special-rebates?customer=UIN`: a customer's special rebates, expired ones included,
//! with the guide's five filters. Main account only: others see why (and the data layer
//! refuses them as well).

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Router;
use leptos::prelude::*;

use crate::ui::routes::Page;

use crate::data::money::{load_customers, load_special_rebates};
use crate::domain::common::text::parse_date;
use crate::domain::money::customer::Customer;
use crate::domain::money::special_rebate::{
    RebateValidity, SpecialRebate, SpecialRebateFilter, for_customer, parse_percent,
};
use crate::domain::money::statement::PaymentMode;
use crate::domain::money::statement_csv::ratio_percent;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::{mode_name, mode_options};
use crate::ui::components::time::today;
use crate::ui::components::{ChoiceField, ChoiceLook, StatusLine, TextField};
use crate::ui::tr;

fn validity_name(i18n: I18n, v: RebateValidity) -> String {
    match v {
        RebateValidity::NotYetInForce => t_string!(i18n, srebate.not_yet),
        RebateValidity::InForce => t_string!(i18n, srebate.in_force),
        RebateValidity::Expired => t_string!(i18n, srebate.expired),
    }
    .to_string()
}

/// How a validity looks.
fn validity_tone(v: RebateValidity) -> &'static str {
    match v {
        RebateValidity::NotYetInForce => "pc-badge-state pc-tone-progress",
        RebateValidity::InForce => "pc-badge-state pc-tone-done",
        RebateValidity::Expired => "pc-badge-state pc-tone-off",
    }
}

/// The page.
#[component]
pub fn SpecialRebatesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-srebate-heading">
            <h1 id="pc-srebate-heading">{tr(i18n, |i| t_string!(i, srebate.heading))}</h1>
            <crate::ui::components::HelpLink topic="special-rebates"/>
            <Gated page=Page::SpecialRebates><SpecialRebates/></Gated>
        </section>
    }
}

#[component]
fn SpecialRebates() -> impl IntoView {
    let i18n = use_i18n();
    let router = Router::get();
    let customers = RwSignal::new(Vec::<Customer>::new());
    let rebates = RwSignal::new(Vec::<SpecialRebate>::new());
    let status = RwSignal::new(None::<Notice>);
    use_load(
        &[Collection::SpecialRebates, Collection::Customers],
        status,
        |backend| async move {
            let found = load_special_rebates(&*backend).await?;
            Ok((found, load_customers(&*backend).await.ok()))
        },
        move |(found, c)| {
            rebates.set(found);
            if let Some(c) = c {
                customers.set(c);
            }
        },
    );
    let customer = move || router.query("customer").unwrap_or_default();
    let choose = move |uin: String| {
        let to = if uin.is_empty() {
            "/special-rebates".to_string()
        } else {
            format!("/special-rebates?customer={uin}")
        };
        router.go(&to);
    };
    let product = RwSignal::new(String::new());
    let sub_product = RwSignal::new(String::new());
    let ratio_min = RwSignal::new(String::new());
    let ratio_max = RwSignal::new(String::new());
    let mode = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let error_of =
        move |field: fn(I18n) -> &'static str, ok: bool, rule: fn(I18n, String) -> String| {
            (!ok).then(|| rule(i18n, field(i18n).to_string()))
        };
    let min_error = Signal::derive(move || {
        error_of(
            |i| t_string!(i, srebate.ratio_min),
            parse_percent(&ratio_min.get()).is_ok(),
            |i, f| t_string!(i, srebate.bad_percent, field = f).to_string(),
        )
    });
    let max_error = Signal::derive(move || {
        error_of(
            |i| t_string!(i, srebate.ratio_max),
            parse_percent(&ratio_max.get()).is_ok(),
            |i, f| t_string!(i, srebate.bad_percent, field = f).to_string(),
        )
    });
    let date_ok = |s: String| s.trim().is_empty() || parse_date(&s).is_some();
    let from_error = Signal::derive(move || {
        error_of(
            |i| t_string!(i, srebate.from),
            date_ok(from.get()),
            |i, f| t_string!(i, srebate.bad_date, field = f).to_string(),
        )
    });
    let to_error = Signal::derive(move || {
        error_of(
            |i| t_string!(i, srebate.to),
            date_ok(to.get()),
            |i, f| t_string!(i, srebate.bad_date, field = f).to_string(),
        )
    });
    // A field with an error keeps its last good value out of the filter (no limit).
    let filter = move || SpecialRebateFilter {
        product: product.get(),
        sub_product: sub_product.get(),
        ratio_min: parse_percent(&ratio_min.get()).ok().flatten(),
        ratio_max: parse_percent(&ratio_max.get()).ok().flatten(),
        payment_mode: PaymentMode::ALL
            .into_iter()
            .find(|m| m.name() == mode.get()),
        from: parse_date(&from.get()),
        to: parse_date(&to.get()),
    };
    let day = today();
    let text = |id: &'static str,
                label: fn(I18n) -> &'static str,
                value: RwSignal<String>,
                error: Signal<Option<String>>,
                kind: &'static str| {
        view! {
            <TextField id kind label=Signal::derive(move || label(i18n).to_string()) value
                on_input=Callback::new(move |v| value.set(v)) error/>
        }
    };
    view! {
        <StatusLine message=status/>
        <p class="pc-hint">{tr(i18n, |i| t_string!(i, srebate.scope))}</p>
        <div class="pc-card">
            <ChoiceField id="srebate-customer" label=Signal::derive(move || t_string!(i18n, srebate.customer).to_string())
                options=Signal::derive(move || customers.with(|c| c.iter().filter(|c| c.special_rebates).map(|c| (c.uin.clone(), format!("{} {}", c.uin, c.name))).collect()))
                value=Signal::derive(customer) on_change=Callback::new(choose)
                look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, srebate.choose_customer).to_string()))/>
            <div class="pc-filters">
                {text("srebate-product", |i| t_string!(i, srebate.product), product, Signal::default(), "search")}
                {text("srebate-sub", |i| t_string!(i, srebate.sub_product), sub_product, Signal::default(), "search")}
                {text("srebate-min", |i| t_string!(i, srebate.ratio_min), ratio_min, min_error, "text")}
                {text("srebate-max", |i| t_string!(i, srebate.ratio_max), ratio_max, max_error, "text")}
                <ChoiceField id="srebate-mode" label=Signal::derive(move || t_string!(i18n, stmt.col_mode).to_string())
                    options=Signal::derive(move || mode_options(i18n)) value=mode on_change=Callback::new(move |v| mode.set(v)) look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, review.all).to_string()))/>
                {text("srebate-from", |i| t_string!(i, srebate.from), from, from_error, "date")}
                {text("srebate-to", |i| t_string!(i, srebate.to), to, to_error, "date")}
            </div>
        </div>
        <p class="pc-alert" role="status" hidden=move || !customer().is_empty()>{tr(i18n, |i| t_string!(i, srebate.pick_first))}</p>
        <table class="pc-table" data-testid="special-rebates-table" hidden=move || customer().is_empty()>
            <thead><tr>
                <th scope="col">{tr(i18n, |i| t_string!(i, srebate.product))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, srebate.sub_product))}</th>
                <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, stmt.col_ratio))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, stmt.col_mode))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, srebate.effective))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, srebate.expires))}</th>
                <th scope="col">{tr(i18n, |i| t_string!(i, srebate.state))}</th>
            </tr></thead>
            <tbody>
                {move || {
                    let f = filter();
                    let uin = customer();
                    rebates.with(|all| {
                        let shown = for_customer(all, &uin, &f);
                        if shown.is_empty() {
                            return view! { <tr><td colspan="7">{tr(i18n, |i| t_string!(i, srebate.none))}</td></tr> }.into_any();
                        }
                        shown.into_iter().map(|r| view! {
                            <tr>
                                <td>{r.product.clone()}</td>
                                <td>{r.sub_product.clone()}</td>
                                <td class="pc-num">{ratio_percent(r.ratio)}</td>
                                <td>{mode_name(i18n, r.payment_mode)}</td>
                                <td>{r.effective_from.to_string()}</td>
                                <td>{r.expires_on.to_string()}</td>
                                <td><span class=validity_tone(r.validity(day))>{validity_name(i18n, r.validity(day))}</span></td>
                            </tr>
                        }).collect_view().into_any()
                    })
                }}
            </tbody>
        </table>
    }
}
