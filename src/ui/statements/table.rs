//! The statement table, virtualised: it draws only the rows in view (plus a margin) between
//! two spacer rows sized for the rest, so 100,000 rows keep the DOM at a few dozen. The
//! scroll box takes the keyboard (arrows, Page Up/Down) and the header sorts on any
//! column.

use leptos::html::Div;
use leptos::prelude::*;

use super::Statements;
use super::words::column_name;
use crate::domain::money::statement::{PaymentMode, StatementBasis, statement_month};
use crate::domain::money::statement_csv::ratio_percent;
use crate::domain::money::statement_view::{Column, Sort};
use crate::i18n::*;
use crate::ui::components::money::{mode_name, money};
use crate::ui::tr;

/// Height of one row in pixels (fixed by the stylesheet: `.pc-vtable tbody tr`).
const ROW_PX: f64 = 36.0;
/// Rows visible in the scroll box.
const VISIBLE: usize = 15;
/// Rows drawn above and below what is visible, so fast scrolling shows no gap.
const MARGIN: usize = 10;

/// The first and last (exclusive) row to draw for a scroll position in pixels (layout
/// only: no amount is ever a float).
fn window(scroll_top: f64, count: usize) -> (usize, usize) {
    let first = ((scroll_top / ROW_PX) as usize)
        .saturating_sub(MARGIN)
        .min(count);
    (first, (first + VISIBLE + 2 * MARGIN).min(count))
}

/// The table.
#[component]
pub(super) fn StatementTable(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let scroll = RwSignal::new(0.0_f64);
    let scroller = NodeRef::<Div>::new();
    // A new filter or order starts at the top.
    Effect::new(move |_| {
        st.view.track();
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
        scroll.set(0.0);
    });
    let total = move || st.view.with(|v| v.rows.len());
    let toggle = move |column: Column| {
        st.sort.update(|s| {
            *s = if s.column == column {
                Sort {
                    column,
                    descending: !s.descending,
                }
            } else {
                Sort {
                    column,
                    descending: false,
                }
            }
        })
    };
    let header = move || {
        Column::ALL
            .into_iter()
            .map(|c| {
                let sort_state = move || {
                    let s = st.sort.get();
                    match (s.column == c, s.descending) {
                        (false, _) => "none",
                        (true, false) => "ascending",
                        (true, true) => "descending",
                    }
                };
                let arrow = move || match sort_state() {
                    "ascending" => " ▲",
                    "descending" => " ▼",
                    _ => "",
                };
                let numeric = matches!(c, Column::Consumption | Column::Ratio | Column::Rebate);
                view! {
                    <th scope="col" aria-sort=sort_state class:pc-num=numeric>
                        <button type="button" class="pc-sort" on:click=move |_| toggle(c)>
                            {move || column_name(i18n, c)}<span aria-hidden="true">{arrow}</span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };
    let body = move || {
        let basis = st.basis.get();
        let (first, last) = window(scroll.get(), total());
        let rows = st.rows.get();
        st.view.with(|v| {
            v.rows[first..last]
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let r = &rows.row(i as usize);
                    let month = statement_month(r, basis);
                    // A postpaid row counted by usage says when it is deducted, and
                    // counted by deduction says when it was used.
                    let other = match (r.payment_mode, basis) {
                        (PaymentMode::Postpaid, StatementBasis::BillingPeriod) => Some(
                            t_string!(i18n, stmt.deducted_in, month = r.deduction_month().to_string())
                                .to_string(),
                        ),
                        (PaymentMode::Postpaid, StatementBasis::DeductionPeriod) => Some(
                            t_string!(i18n, stmt.used_in, month = r.month.to_string()).to_string(),
                        ),
                        _ => None,
                    };
                    view! {
                        <tr aria-rowindex=first + k + 2>
                            // In the order of `Column::ALL`.
                            <td data-col="month">{month.to_string()}{other.map(|o| view! { <span class="pc-hint">" "{o}</span> })}</td>
                            <td title=r.customer_name.to_string()>{r.customer_name.to_string()}</td>
                            <td title=r.product.to_string()>{r.product.to_string()}</td>
                            <td class="pc-num">{money(r.consumption)}</td>
                            <td class="pc-num">{ratio_percent(r.ratio)}</td>
                            <td class="pc-num">{money(r.rebate)}</td>
                            <td>{if r.special { tr(i18n, |i| t_string!(i, common.yes)).into_any() } else { tr(i18n, |i| t_string!(i, common.no)).into_any() }}</td>
                            <td>{mode_name(i18n, r.payment_mode)}</td>
                            <td>{r.sub_product.to_string()}</td>
                            <td>{r.customer_uin.to_string()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    // A row without cells has no height, so each spacer is one empty cell spanning
    // the table.
    // Heights go through the CSSOM (`style:height`), which a strict CSP allows.
    let spacer = move |above: bool| {
        let (first, last) = window(scroll.get(), total());
        let rows = if above { first } else { total() - last };
        format!("{}px", rows as f64 * ROW_PX)
    };
    let columns = Column::ALL.len();
    view! {
        <section class="pc-card" aria-labelledby="pc-stmt-table-heading">
            <h2 id="pc-stmt-table-heading">{tr(i18n, |i| t_string!(i, stmt.table_heading))}</h2>
            <p class="pc-hint" role="status">{move || t_string!(i18n, stmt.row_count, count = total()).to_string()}</p>
            <div class="pc-vscroll" node_ref=scroller tabindex="0" role="region"
                aria-labelledby="pc-stmt-table-heading" data-testid="statement-scroll"
                on:scroll=move |ev| {
                    let top = event_target::<web_sys::Element>(&ev).scroll_top();
                    scroll.set(f64::from(top));
                }>
                <table class="pc-table pc-vtable" aria-rowcount=move || total() + 1 data-testid="statement-table">
                    <thead><tr aria-rowindex="1">{header}</tr></thead>
                    <tbody>
                        <tr class="pc-spacer" aria-hidden="true"><td colspan=columns style:height=move || spacer(true)></td></tr>
                        {body}
                        <tr class="pc-spacer" aria-hidden="true"><td colspan=columns style:height=move || spacer(false)></td></tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
