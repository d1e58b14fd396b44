//! The monthly trend: consumption as bars, rebate as a line on its own scale, in plain
//! SVG. A chart crate would add far more wasm than these few shapes; the month totals
//! table below carries the same figures for screen readers and exact reading.
//!
//! The SVG is made with a few DOM calls (`shape`) rather than a `view!`: there every SVG
//! element and attribute is a type of its own with its own render code — 34 KB of the
//! statements' code before `wasm-opt` for this chart alone. Every text goes in as text.

use leptos::prelude::*;

use super::Statements;
use crate::domain::money::statement::Totals;
use crate::domain::money::statement_view::axis_ticks;
use crate::domain::{Cny, YearMonth};
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

const SVG: &str = "http://www.w3.org/2000/svg";

/// Appends an SVG element with its attributes (and text) to `parent`.
fn shape(
    parent: &web_sys::Element,
    tag: &str,
    attrs: &[(&str, String)],
    text: Option<&str>,
) -> Option<web_sys::Element> {
    let el = parent
        .owner_document()?
        .create_element_ns(Some(SVG), tag)
        .ok()?;
    for (name, value) in attrs {
        el.set_attribute(name, value).ok()?;
    }
    if text.is_some() {
        el.set_text_content(text);
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

/// A label at (`x`, `y`), anchored `anchor`.
fn label(parent: &web_sys::Element, class: &str, x: i64, y: i64, anchor: &str, text: &str) {
    shape(
        parent,
        "text",
        &[
            ("class", class.to_string()),
            ("x", x.to_string()),
            ("y", y.to_string()),
            ("text-anchor", anchor.to_string()),
        ],
        Some(text),
    );
}

/// A line from (`x1`, `y1`) to (`x2`, `y2`).
fn line(parent: &web_sys::Element, class: &str, (x1, y1): (i64, i64), (x2, y2): (i64, i64)) {
    shape(
        parent,
        "line",
        &[
            ("class", class.to_string()),
            ("x1", x1.to_string()),
            ("y1", y1.to_string()),
            ("x2", x2.to_string()),
            ("y2", y2.to_string()),
        ],
        None,
    );
}

/// Draws the chart of `months` into `holder` (in place of what was there).
fn draw(holder: &web_sys::Element, i18n: crate::ui::I18n, months: &[(YearMonth, Totals)]) {
    holder.set_text_content(None);
    if months.is_empty() {
        return;
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
    let base = H - BOTTOM;

    let Some(svg) = shape(
        holder,
        "svg",
        &[
            ("class", "pc-chart".to_string()),
            ("viewBox", format!("0 0 {W} {H}")),
            ("role", "img".to_string()),
            (
                "aria-labelledby",
                "pc-chart-heading pc-chart-desc".to_string(),
            ),
        ],
        None,
    ) else {
        return;
    };
    let desc = t_string!(
        i18n,
        stmt.chart_desc,
        months = months.len(),
        max_consumption = money(max_c),
        max_rebate = money(max_r)
    )
    .to_string();
    shape(
        &svg,
        "desc",
        &[("id", "pc-chart-desc".to_string())],
        Some(&desc),
    );
    // Gridlines and values of the consumption scale on the left; the rebate scale's
    // values on the right, each at its own heights (the two scales differ).
    for t in &ticks_c {
        let y = base - scale(*t, top_c, span);
        line(&svg, "pc-chart-grid", (LEFT, y), (W - RIGHT, y));
        label(
            &svg,
            "pc-chart-label",
            LEFT - 6,
            y + 4,
            "end",
            &tick_label(*t),
        );
    }
    for t in &ticks_r {
        let y = base - scale(*t, top_r, span);
        let class = "pc-chart-label pc-chart-label-rebate";
        label(&svg, class, W - RIGHT + 6, y + 4, "start", &tick_label(*t));
    }
    line(&svg, "pc-chart-axis", (LEFT, TOP), (LEFT, base));
    let rebate_axis = "pc-chart-axis pc-chart-axis-rebate";
    line(&svg, rebate_axis, (W - RIGHT, TOP), (W - RIGHT, base));
    line(&svg, "pc-chart-axis", (LEFT, base), (W - RIGHT, base));
    let mut points = Vec::with_capacity(months.len());
    for (k, (m, t)) in months.iter().enumerate() {
        let h = scale(t.consumption, top_c, span);
        let (x, y) = (x_of(k), base - scale(t.rebate, top_r, span));
        points.push(format!("{x},{y}"));
        let Some(g) = shape(&svg, "g", &[], None) else {
            return;
        };
        let point = t_string!(
            i18n,
            stmt.chart_point,
            month = m.to_string(),
            consumption = money(t.consumption),
            rebate = money(t.rebate)
        )
        .to_string();
        shape(&g, "title", &[], Some(&point));
        let rect = [
            ("class", "pc-chart-bar".to_string()),
            ("x", (x - bar / 2).to_string()),
            ("y", (base - h).to_string()),
            ("width", bar.to_string()),
            ("height", h.to_string()),
        ];
        shape(&g, "rect", &rect, None);
        let dot = [
            ("class", "pc-chart-dot".to_string()),
            ("cx", x.to_string()),
            ("cy", y.to_string()),
            ("r", "4".to_string()),
        ];
        shape(&g, "circle", &dot, None);
        label(
            &g,
            "pc-chart-label",
            x,
            base + 16,
            "middle",
            &m.to_string()[2..],
        );
    }
    let polyline = [
        ("class", "pc-chart-line".to_string()),
        ("points", points.join(" ")),
    ];
    shape(&svg, "polyline", &polyline, None);
}

/// The chart.
#[component]
pub(super) fn TrendChart(st: Statements) -> impl IntoView {
    let i18n = use_i18n();
    let holder = NodeRef::<leptos::html::Div>::new();
    // Drawn again when the figures or the language change.
    Effect::new(move |_| {
        let Some(el) = holder.get() else { return };
        st.view.with(|v| draw(&el, i18n, &v.by_month));
    });
    view! {
        <section class="pc-card" aria-labelledby="pc-chart-heading">
            <h2 id="pc-chart-heading">{tr(i18n, |i| t_string!(i, stmt.chart_heading))}</h2>
            <p class="pc-legend">
                <span class="pc-key pc-key-bar" aria-hidden="true"></span>{tr(i18n, |i| t_string!(i, stmt.col_consumption))}
                " "<span class="pc-key pc-key-line" aria-hidden="true"></span>{tr(i18n, |i| t_string!(i, stmt.col_rebate))}
                " "<span class="pc-hint">{tr(i18n, |i| t_string!(i, stmt.chart_scales))}</span>
            </p>
            <div node_ref=holder></div>
        </section>
    }
}
