//! The monthly trend: consumption as bars, rebate as a line on its own scale, in plain
//! SVG. A chart crate would add far more wasm than these few shapes; the month totals
//! table below carries the same figures for screen readers and exact reading.

use leptos::prelude::*;

use super::Statements;
use crate::domain::Cny;
use crate::domain::money::statement_view::axis_ticks;
use crate::i18n::*;
use crate::ui::components::money::money;
use crate::ui::tr;

const W: i64 = 720;
const H: i64 = 220;
/// Room for the consumption axis's values on the left and the rebate axis's on the right.
const LEFT: i64 = 92;
const RIGHT: i64 = 84;
const TOP: i64 = 16;
const BOTTOM: i64 = 36;

/// An axis value: ticks are whole yuan, so no decimals.
fn tick_label(amount: Cny) -> String {
    money(amount).trim_end_matches(".00").to_string()
}

/// `value` as a height in pixels out of `span`, against `max` (integer fen arithmetic:
/// no floating point touches an amount).
fn scale(value: Cny, max: Cny, span: i64) -> i64 {
    let (v, m) = (i128::from(value.fen().max(0)), i128::from(max.fen()));
    if m <= 0 {
        return 0;
    }
    (v * i128::from(span) / m) as i64
}

/// The chart.
#[component]
pub(super) fn TrendChart(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let drawing = move || {
        let months = st.view.with(|v| v.by_month.clone());
        if months.is_empty() {
            return None;
        }
        let max_c = months
            .iter()
            .map(|(_, t)| t.consumption)
            .max()
            .unwrap_or_default();
        let max_r = months
            .iter()
            .map(|(_, t)| t.rebate)
            .max()
            .unwrap_or_default();
        // Each scale runs to its top tick, so gridlines and values line up.
        let ticks_c = axis_ticks(max_c);
        let ticks_r = axis_ticks(max_r);
        let top_c = ticks_c.last().copied().unwrap_or(max_c);
        let top_r = ticks_r.last().copied().unwrap_or(max_r);
        let span = H - TOP - BOTTOM;
        let slot = (W - LEFT - RIGHT) / months.len() as i64;
        let bar = (slot * 3 / 5).max(2);
        let x_of = |k: usize| LEFT + slot * k as i64 + slot / 2;
        let line: Vec<String> = months
            .iter()
            .enumerate()
            .map(|(k, (_, t))| format!("{},{}", x_of(k), H - BOTTOM - scale(t.rebate, top_r, span)))
            .collect();
        let shapes = months
            .iter()
            .enumerate()
            .map(|(k, (m, t))| {
                let h = scale(t.consumption, top_c, span);
                let x = x_of(k);
                let y = H - BOTTOM - scale(t.rebate, top_r, span);
                let label = t_string!(
                    i18n,
                    stmt.chart_point,
                    month = m.to_string(),
                    consumption = money(t.consumption),
                    rebate = money(t.rebate)
                )
                .to_string();
                view! {
                    <g>
                        <title>{label}</title>
                        <rect class="pc-chart-bar" x=x - bar / 2 y=H - BOTTOM - h width=bar height=h></rect>
                        <circle class="pc-chart-dot" cx=x cy=y r="4"></circle>
                        <text class="pc-chart-label" x=x y=H - BOTTOM + 16 text-anchor="middle">{m.to_string()[2..].to_string()}</text>
                    </g>
                }
            })
            .collect_view();
        let desc = t_string!(
            i18n,
            stmt.chart_desc,
            months = months.len(),
            max_consumption = money(max_c),
            max_rebate = money(max_r)
        )
        .to_string();
        // Gridlines and values of the consumption scale on the left; the rebate scale's
        // values on the right, each at its own heights (the two scales differ).
        let axis_c = ticks_c
            .iter()
            .map(|t| {
                let y = H - BOTTOM - scale(*t, top_c, span);
                view! {
                    <line class="pc-chart-grid" x1=LEFT y1=y x2=W - RIGHT y2=y></line>
                    <text class="pc-chart-label" x=LEFT - 6 y=y + 4 text-anchor="end">{tick_label(*t)}</text>
                }
            })
            .collect_view();
        let axis_r = ticks_r
            .iter()
            .map(|t| {
                let y = H - BOTTOM - scale(*t, top_r, span);
                view! {
                    <text class="pc-chart-label pc-chart-label-rebate" x=W - RIGHT + 6 y=y + 4 text-anchor="start">{tick_label(*t)}</text>
                }
            })
            .collect_view();
        Some(view! {
            <svg class="pc-chart" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="pc-chart-heading pc-chart-desc">
                <desc id="pc-chart-desc">{desc}</desc>
                {axis_c}
                {axis_r}
                <line class="pc-chart-axis" x1=LEFT y1=TOP x2=LEFT y2=H - BOTTOM></line>
                <line class="pc-chart-axis pc-chart-axis-rebate" x1=W - RIGHT y1=TOP x2=W - RIGHT y2=H - BOTTOM></line>
                <line class="pc-chart-axis" x1=LEFT y1=H - BOTTOM x2=W - RIGHT y2=H - BOTTOM></line>
                {shapes}
                <polyline class="pc-chart-line" points=line.join(" ")></polyline>
            </svg>
        })
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-chart-heading">
            <h2 id="pc-chart-heading">{tr(i18n, |i| t_string!(i, stmt.chart_heading))}</h2>
            <p class="pc-legend">
                <span class="pc-key pc-key-bar" aria-hidden="true"></span>{tr(i18n, |i| t_string!(i, stmt.col_consumption))}
                " "<span class="pc-key pc-key-line" aria-hidden="true"></span>{tr(i18n, |i| t_string!(i, stmt.col_rebate))}
                " "<span class="pc-hint">{tr(i18n, |i| t_string!(i, stmt.chart_scales))}</span>
            </p>
            {drawing}
        </section>
    }
}
