//! One customer: its facts, its unbinding (which termination waits for), and links to
//! its statements and special rebates.

use crate::data::Collection;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Link;
use crate::ui::router::Router;
use leptos::prelude::*;

use super::unbind_name;
use crate::data::money::{load_customers, save_customer};
use crate::domain::Permission;
use crate::domain::money::customer::{Customer, UnbindState};
use crate::i18n::*;
use crate::ui::components::Gated;
use crate::ui::components::money::money;
use crate::ui::components::{Busy, StatusLine, error_message};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;

/// `/customers/:uin`: the heading names the customer once it is loaded.
#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let uin = move || router.id().unwrap_or_default();
    let base = ctx.config.with_value(|c| c.route_base());
    let customer = RwSignal::new(None::<Customer>);
    view! {
        <section class="pc-page" aria-labelledby="pc-customer-heading">
            <p><Link href=format!("{base}/customers")>{tr(i18n, |i| t_string!(i, cust.back))}</Link></p>
            <h1 id="pc-customer-heading">{move || customer.get().map_or_else(uin, |c| c.name)}</h1>
            <Gated page=Page::CustomerDetail><CustomerDetail customer/></Gated>
        </section>
    }
}

/// The customer's facts and its unbinding, for the roles that see partner data.
#[component]
fn CustomerDetail(customer: RwSignal<Option<Customer>>) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let uin = move || router.id().unwrap_or_default();
    let base = ctx.config.with_value(|c| c.route_base());
    let loaded = RwSignal::new(false);
    let status = RwSignal::new(None::<Notice>);
    use_load(
        &[Collection::Customers],
        status,
        move |backend| {
            let id = uin();
            async move {
                let all = load_customers(&*backend).await?;
                Ok(all.into_iter().find(|c| c.uin == id))
            }
        },
        move |found| {
            customer.set(found);
            loaded.set(true);
        },
    );
    let may_edit = ctx.may_any(&[Permission::EditCompanyData]);
    let may_edit = move || may_edit.get();
    // The provider confirms an unbinding; in local mode the channel manager plays it.
    let is_manager = ctx.may_any(&[Permission::Review]);
    let is_manager = move || is_manager.get();
    let busy = Busy::new();
    let store = move |c: Customer| {
        let backend = ctx.backend();
        busy.run(async move {
            match save_customer(&*backend, &c).await {
                Ok(()) => {
                    ctx.wrote_todo_data();
                    status.set(Some(Notice::Done(t_string!(i18n, cust.saved).to_string())));
                    customer.set(Some(c));
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    let set_unbind = move |state: UnbindState| {
        if let Some(mut c) = customer.get_untracked() {
            c.unbind = state;
            store(c);
        }
    };
    // The provider records a payment; in local mode the channel manager plays it.
    let arrears_paid = move |_| {
        if let Some(mut c) = customer.get_untracked() {
            c.arrears = crate::domain::Cny::ZERO;
            store(c);
        }
    };
    view! {
            <StatusLine message=status/>
            <p class="pc-alert" role="status" hidden=move || !(loaded.get() && customer.with(Option::is_none))>
                {move || t_string!(i18n, cust.not_found, uin = uin()).to_string()}
            </p>
            {move || customer.get().map(|c| {
                let statements = format!("{base}/statements?customer={}", c.uin);
                let special = format!("{base}/special-rebates?customer={}", c.uin);
                let state = c.unbind;
                view! {
                    <div class="pc-card">
                        <dl class="pc-pairs" data-testid="customer-facts">
                            <dt>{tr(i18n, |i| t_string!(i, cust.uin))}</dt><dd>{c.uin.clone()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cust.name))}</dt><dd>{c.name.clone()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cust.since))}</dt><dd>{c.associated_since.to_string()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cust.arrears))}</dt><dd class="pc-num">{money(c.arrears)}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cust.special))}</dt><dd>{if c.special_rebates { tr(i18n, |i| t_string!(i, common.yes)).into_any() } else { tr(i18n, |i| t_string!(i, common.no)).into_any() }}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cust.unbind))}</dt><dd data-testid="unbind-state">{unbind_name(i18n, c.unbind)}</dd>
                        </dl>
                        <p class="pc-hint" hidden=c.arrears.is_zero()>{tr(i18n, |i| t_string!(i, cust.arrears_note))}</p>
                        <div class="pc-actions">
                            <Link href=statements>{tr(i18n, |i| t_string!(i, cust.to_statements))}</Link>
                            <Link href=special>{tr(i18n, |i| t_string!(i, cust.to_special))}</Link>
                        </div>
                    </div>
                    <section class="pc-card" aria-labelledby="pc-unbind-heading" hidden=move || !(may_edit() || is_manager())>
                        <h2 id="pc-unbind-heading">{tr(i18n, |i| t_string!(i, cust.unbind_heading))}</h2>
                        <p class="pc-hint">{tr(i18n, |i| t_string!(i, cust.unbind_intro))}</p>
                        <div class="pc-actions">
                            <button type="button" class="pc-button pc-button-secondary" hidden=move || !may_edit() disabled={state != UnbindState::NotRequested}
                                on:click=move |_| set_unbind(UnbindState::Requested)>{tr(i18n, |i| t_string!(i, cust.request_unbind))}</button>
                            <button type="button" class="pc-button pc-button-secondary" hidden=move || !may_edit() disabled={matches!(state, UnbindState::ProviderHelpNeeded | UnbindState::Unbound)}
                                on:click=move |_| set_unbind(UnbindState::ProviderHelpNeeded)>{tr(i18n, |i| t_string!(i, cust.need_help))}</button>
                            <button type="button" class="pc-button pc-button-secondary" hidden=move || !is_manager() disabled={c.arrears.is_zero()}
                                on:click=arrears_paid>{tr(i18n, |i| t_string!(i, cust.arrears_paid))}</button>
                            <button type="button" class="pc-button pc-button-secondary" hidden=move || !is_manager() disabled={state == UnbindState::Unbound}
                                on:click=move |_| set_unbind(UnbindState::Unbound)>{tr(i18n, |i| t_string!(i, cust.mark_unbound))}</button>
                        </div>
                    </section>
                }
            })}
    }
}
