//! `/settlements`: the settlement sheets with their payment state, and
//! `/settlements/:id`: one sheet — timeline, expected payment, hold, lines, invoice
//! preview and details, paperwork checklist, the moves of each role, and an A4 print.

mod actions;
mod detail;
mod invoice;
mod invoice_form;
mod invoice_record;
mod save;
mod words;

pub use detail::SettlementDetailPage;
pub(crate) use words::{hold_text, state_name};

use crate::data::Collection;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Link;
use leptos::prelude::*;

use crate::data::money::{company_names, load_customers, load_settlements};
use crate::data::{Backend, DataError};
use crate::domain::Cny;
use crate::domain::common::keyed::Keyed;
use crate::domain::money::calendar::{PaymentWindow, WorkCalendar};
use crate::domain::money::customer::total_arrears;
use crate::domain::money::settlement::{
    PaymentHold, PaymentOutlook, SettlementSheet, SettlementState, SheetFilter, payment_hold,
};
use crate::domain::partner::profile::{ChangeRecord, company_name_in};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::Gated;
use crate::ui::components::money::money;
use crate::ui::components::{Status, StatusLine};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;
use words::state_tone;

/// What the settlement pages read.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SettlementData {
    sheets: Vec<SettlementSheet>,
    arrears: Cny,
    current_name: String,
    history: Vec<ChangeRecord>,
}

impl SettlementData {
    async fn load(backend: &dyn Backend, session_name: String) -> Result<Self, DataError> {
        let sheets = load_settlements(backend).await?;
        let arrears = total_arrears(&load_customers(backend).await?);
        let (profile_name, history) = company_names(backend).await?;
        Ok(SettlementData {
            sheets,
            arrears,
            current_name: profile_name.unwrap_or(session_name),
            history,
        })
    }

    /// The company name the sheet must carry (the one valid in its month).
    fn name_for(&self, sheet: &SettlementSheet) -> String {
        let name = company_name_in(sheet.month, &self.current_name, &self.history);
        if name.is_empty() {
            t_string!(use_i18n(), settle.no_company).to_string()
        } else {
            name
        }
    }

    /// What holds payment of a sheet (nothing once paid).
    fn hold(&self, sheet: &SettlementSheet) -> Option<PaymentHold> {
        (sheet.state != SettlementState::Paid)
            .then(|| payment_hold(!self.arrears.is_zero(), sheet.contract_on_file))
    }
}

/// Loads the settlement data into a signal (again when the data changes).
fn use_settlement_data() -> (RwSignal<Option<SettlementData>>, Status) {
    let ctx = AppContext::get();
    let data = RwSignal::new(None::<SettlementData>);
    let status = RwSignal::new(None::<Notice>);
    use_load(
        &[
            Collection::Settlements,
            Collection::Customers,
            Collection::Profiles,
        ],
        status,
        move |backend| {
            let name = ctx
                .session
                .with_untracked(|s| s.company_name.clone().unwrap_or_default());
            async move { SettlementData::load(&*backend, name).await }
        },
        move |d| data.set(Some(d)),
    );
    (data, status)
}

/// When a sheet will be paid, in words: paid on, held (and why), the expected window, or
/// "once the documents are received".
pub(crate) fn outlook_text(i18n: I18n, outlook: &PaymentOutlook) -> String {
    match outlook {
        PaymentOutlook::Paid(day) => {
            t_string!(i18n, settle.paid_on, date = day.to_string()).to_string()
        }
        // The hold itself is named on its own line (payment state).
        PaymentOutlook::Held(_) => t_string!(i18n, settle.window_held).to_string(),
        PaymentOutlook::Expected(w) => window_text(i18n, w),
        PaymentOutlook::AwaitingReceipt => t_string!(i18n, settle.window_after_receipt).to_string(),
    }
}

/// An expected payment window in words, provisional where the calendar is not known.
pub(crate) fn window_text(i18n: I18n, w: &PaymentWindow) -> String {
    let range = if w.earliest == w.latest {
        w.earliest.to_string()
    } else {
        // No-break spaces: a range never wraps between its two days.
        format!("{}\u{a0}–\u{a0}{}", w.earliest, w.latest)
    };
    match w.missing_year {
        Some(year) if w.provisional => {
            t_string!(i18n, settle.window_provisional, range = range, year = year).to_string()
        }
        _ => range,
    }
}

/// A filter's name.
fn filter_name(i18n: I18n, f: SheetFilter) -> &'static str {
    match f {
        SheetFilter::All => t_string!(i18n, settle.f_all),
        SheetFilter::ToCheck => t_string!(i18n, settle.f_to_check),
        SheetFilter::PartnersTurn => t_string!(i18n, settle.f_partners_turn),
        SheetFilter::Unpaid => t_string!(i18n, settle.f_unpaid),
        SheetFilter::Paid => t_string!(i18n, settle.f_paid),
    }
}

/// The page: the sheet list, for the roles that see partner data.
#[component]
pub fn SettlementsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-settle-heading">
            <h1 id="pc-settle-heading">{tr(i18n, |i| t_string!(i, settle.heading))}</h1>
            <crate::ui::components::HelpLink topic="settlement"/>
            <Gated page=Page::Settlements><SheetList/></Gated>
        </section>
    }
}

/// Every sheet, newest first, with its payment outlook and hold.
#[component]
fn SheetList() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let (data, status) = use_settlement_data();
    let calendar = WorkCalendar::mainland();
    // The filter lives in the address (`?state=to-check`): the home page's queue links to
    // it, and a reload keeps it.
    let router = crate::ui::router::Router::get();
    let filter = Memo::new(move |_| {
        router
            .query("state")
            .and_then(|k| SheetFilter::from_key(&k))
            .unwrap_or_default()
    });
    let choose = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        router.replace(&if key == SheetFilter::All.key() {
            "/settlements".to_string()
        } else {
            format!("/settlements?state={key}")
        });
    };
    let options = move || {
        SheetFilter::CHOICES
            .iter()
            .map(|f| {
                let (key, f) = (f.key(), *f);
                view! { <option value=key selected=move || filter.get() == f>{filter_name(i18n, f)}</option> }
            })
            .collect_view()
    };
    view! {
            <StatusLine message=status/>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, settle.intro))}</p>
            <div class="pc-filters">
                <div class="pc-field">
                    <label for="settle-filter" class="pc-label">{tr(i18n, |i| t_string!(i, settle.filter))}</label>
                    <select id="settle-filter" on:change=choose>{options}</select>
                </div>
            </div>
            {move || data.get().map(|d| {
                let arrears = (!d.arrears.is_zero()).then(|| view! {
                    <p class="pc-alert pc-alert-warn" role="status" data-testid="arrears-hold">
                        {t_string!(i18n, settle.arrears_banner, amount = money(d.arrears)).to_string()}
                    </p>
                });
                let shown: Vec<&SettlementSheet> = d.sheets.iter().rev().filter(|s| filter.get().shows(s.state)).collect();
                let empty = if d.sheets.is_empty() {
                    Some(view! { <p class="pc-alert">{tr(i18n, |i| t_string!(i, settle.empty))}</p> }.into_any())
                } else if shown.is_empty() {
                    Some(view! { <p class="pc-alert" role="status">{tr(i18n, |i| t_string!(i, settle.none_shown))}</p> }.into_any())
                } else {
                    None
                };
                let none = shown.is_empty();
                let rows = shown.into_iter().map(|s| {
                    let payment = outlook_text(i18n, &s.outlook(d.hold(s).unwrap_or(PaymentHold::Normal), &calendar));
                    let amount = s.amount();
                    let negative = amount.is_negative();
                    let month = s.month.to_string();
                    let company = d.name_for(s);
                    let hold = d.hold(s).map(|h| hold_text(i18n, h));
                    view! {
                        <tr data-id=s.id.clone()>
                            <th scope="row"><Link href=format!("{base}/settlements/{}", s.id)>{month}</Link></th>
                            <td>{company}</td>
                            <td class="pc-num" class:pc-negative=negative>{money(amount)}</td>
                            <td><span class=state_tone(s.state)>{state_name(i18n, s.state)}</span></td>
                            <td>{payment}</td>
                            <td>{hold}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    {arrears}
                    {empty}
                    <table class="pc-table" data-testid="settlements-table" hidden=none>
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, settle.month))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, settle.company))}</th>
                            <th scope="col" class="pc-num">{tr(i18n, |i| t_string!(i, money.amount))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, settle.state))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, settle.expected))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, settle.hold))}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })}
    }
}
