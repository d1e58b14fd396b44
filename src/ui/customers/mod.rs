//! `/customers`: the associated customers with search, sort and paging, and
//! `/customers/:uin`: one customer, its unbinding, and the way to its special rebates.

mod detail;

pub use detail::CustomerDetailPage;

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Link;
use leptos::prelude::*;

use crate::data::money::load_customers;
use crate::domain::money::customer::{Customer, CustomerColumn, UnbindState, search};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;
use crate::ui::components::{StatusLine, TextField};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;

const PAGE: usize = 50;

/// An unbind state in words.
pub(crate) fn unbind_name(i18n: I18n, s: UnbindState) -> String {
    match s {
        UnbindState::NotRequested => t_string!(i18n, cust.unbind_none),
        UnbindState::Requested => t_string!(i18n, cust.unbind_requested),
        UnbindState::ProviderHelpNeeded => t_string!(i18n, cust.unbind_help),
        UnbindState::Unbound => t_string!(i18n, cust.unbind_done),
    }
    .to_string()
}

fn column_name(i18n: I18n, c: CustomerColumn) -> String {
    match c {
        CustomerColumn::Uin => t_string!(i18n, cust.uin),
        CustomerColumn::Name => t_string!(i18n, cust.name),
        CustomerColumn::AssociatedSince => t_string!(i18n, cust.since),
        CustomerColumn::Arrears => t_string!(i18n, cust.arrears),
        CustomerColumn::SpecialRebates => t_string!(i18n, cust.special),
        CustomerColumn::Unbind => t_string!(i18n, cust.unbind),
    }
    .to_string()
}

/// The customer list.
#[component]
pub fn CustomersPage() -> impl IntoView {
    view! {
        <Gated page=Page::Customers><CustomerList/></Gated>
    }
}

#[component]
fn CustomerList() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let customers = RwSignal::new(Vec::<Customer>::new());
    let status = RwSignal::new(None::<Notice>);
    use_load(
        &[Collection::Customers],
        status,
        |backend| async move { load_customers(&*backend).await },
        move |c| customers.set(c),
    );
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new((CustomerColumn::Arrears, true));
    let page = RwSignal::new(0usize);
    let found = Memo::new(move |_| {
        let (column, descending) = sort.get();
        customers.with(|c| search(c, &query.get(), column, descending))
    });
    let pages = move || found.with(|f| f.len().div_ceil(PAGE).max(1));
    let header = move || {
        CustomerColumn::ALL
            .into_iter()
            .map(|c| {
                let state = move || match sort.get() {
                    (col, false) if col == c => "ascending",
                    (col, true) if col == c => "descending",
                    _ => "none",
                };
                view! {
                    <th scope="col" aria-sort=state>
                        <button type="button" class="pc-sort" on:click=move |_| {
                            sort.update(|s| *s = if s.0 == c { (c, !s.1) } else { (c, false) });
                            page.set(0);
                        }>
                            {move || column_name(i18n, c)}
                            <span aria-hidden="true">{move || match state() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    view! {
        <section class="pc-page" aria-labelledby="pc-customers-heading">
            <h1 id="pc-customers-heading">{tr(i18n, |i| t_string!(i, cust.heading))}</h1>
            <crate::ui::components::HelpLink topic="arrears"/>
            <StatusLine message=status/>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, cust.intro))}</p>
            <div class="pc-filters">
                <TextField id="cust-search" kind="search" label=Signal::derive(move || t_string!(i18n, cust.search).to_string())
                    value=query on_input=Callback::new(move |v| { query.set(v); page.set(0); })/>
            </div>
            <p class="pc-hint" role="status">{move || t_string!(i18n, cust.count, count = found.with(Vec::len)).to_string()}</p>
            <table class="pc-table" data-testid="customers-table">
                <thead><tr>{header}</tr></thead>
                <tbody>
                    {move || customers.with(|all| found.with(|f| f.iter().skip(page.get() * PAGE).take(PAGE).map(|&i| {
                        let c = &all[i];
                        let href = format!("{base}/customers/{}", c.uin);
                        let owing = !c.arrears.is_zero();
                        let link_text = c.uin.clone();
                        view! {
                            <tr data-uin=c.uin.clone()>
                                <td><Link href=href>{link_text}</Link></td>
                                <td>{c.name.clone()}</td>
                                <td>{c.associated_since.to_string()}</td>
                                <td class="pc-num" class:pc-negative=owing>{money(c.arrears)}</td>
                                <td>{if c.special_rebates { tr(i18n, |i| t_string!(i, common.yes)).into_any() } else { tr(i18n, |i| t_string!(i, common.no)).into_any() }}</td>
                                <td>{unbind_name(i18n, c.unbind)}</td>
                            </tr>
                        }
                    }).collect_view()))}
                </tbody>
            </table>
            <nav class="pc-actions" aria-label=move || t_string!(i18n, learn.paging)>
                <button type="button" class="pc-button pc-button-quiet" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{tr(i18n, |i| t_string!(i, learn.prev))}</button>
                <span>{move || t_string!(i18n, learn.page_of, page = page.get() + 1, pages = pages(), total = found.with(Vec::len)).to_string()}</span>
                <button type="button" class="pc-button pc-button-quiet" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{tr(i18n, |i| t_string!(i, learn.next))}</button>
            </nav>
        </section>
    }
}
