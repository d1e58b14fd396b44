//! The monthly trend: consumption as bars, rebate as a line on its own scale, in plain
//! SVG. A chart crate would add far more wasm than these few shapes; the month totals
//! table below carries the same figures for screen readers and exact reading.

use leptos::prelude::*;

use super::Statements;
use crate::domain::Cny;
use crate::i18n::*;
use crate::ui::components::money::money;
use crate::ui::tr;

const W: i64 = 720;
const H: i64 = 220;
const LEFT: i64 = 16;
const TOP: i64 = 16;
const BOTTOM: i64 = 36;

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
        let span = H - TOP - BOTTOM;
        let slot = (W - 2 * LEFT) / months.len() as i64;
        let bar = (slot * 3 / 5).max(2);
        let x_of = |k: usize| LEFT + slot * k as i64 + slot / 2;
        let line: Vec<String> = months
            .iter()
            .enumerate()
            .map(|(k, (_, t))| format!("{},{}", x_of(k), H - BOTTOM - scale(t.rebate, max_r, span)))
            .collect();
        let shapes = months
            .iter()
            .enumerate()
            .map(|(k, (m, t))| {
                let h = scale(t.consumption, max_c, span);
                let x = x_of(k);
                let y = H - BOTTOM - scale(t.rebate, max_r, span);
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
        Some(view! {
            <svg class="pc-chart" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="pc-chart-heading pc-chart-desc">
                <desc id="pc-chart-desc">{desc}</desc>
                <line class="pc-chart-axis" x1=LEFT y1=H - BOTTOM x2=W - LEFT y2=H - BOTTOM></line>
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
