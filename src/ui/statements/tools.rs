//! The main account's tools on the statements: export of the current view, and — behind
//! one button — import and sample data. One piece of work at a time: while one runs the
//! others wait.
//!
//! Import and sample data (the CSV reader, the generator, storing a million rows) are a
//! module of their own (`split_statement_tools`), fetched when the user opens them: most
//! visits read statements and import nothing. With no statements stored they open by
//! themselves, because importing is then the first thing to do. The module also carries
//! the reader for statements an earlier version stored as CSV (`data::money`) and the
//! export's CSV writer, fetched by the first export.

use crate::ui::components::Notice;
use leptos::prelude::*;

use super::Statements;
use super::import::ImportTool;
use super::sample::SampleTool;
use crate::data::money::CsvReader;
use crate::domain::common::lang::Lang;
use crate::domain::money::statement_csv::{read_stored_csv, write_statements};
use crate::i18n::*;
use crate::ui::arrival::{Arrival, FetchFailed, LoadingLine, OnDemand};
use crate::ui::components::download_text;
use crate::ui::context::AppContext;
use crate::ui::tr;

/// What the tools' module holds.
#[derive(Clone, Copy)]
pub struct Tools {
    /// Draws the import and sample tools.
    pub draw: fn(Statements, RwSignal<bool>) -> AnyView,
    /// The import's reader, for statements stored as CSV by an earlier version.
    pub read_csv: CsvReader,
    /// Downloads the rows the filters show as CSV, in the reader's language.
    pub export: fn(Statements, Lang),
}

fn export_view(st: Statements, lang: Lang) {
    let rows = st.rows.get_untracked();
    let text = st
        .view
        .with_untracked(|v| write_statements(v.rows.iter().map(|&i| rows.row(i as usize)), lang));
    if let Err(e) = download_text("statements.csv", "text/csv;charset=utf-8", &text) {
        st.status.set(Some(Notice::Problem(e)));
    }
}

fn draw_tools(st: Statements, busy: RwSignal<bool>) -> AnyView {
    // Sample data is for trying the console on this browser's storage; a server's money
    // data comes from the provider's imports, never made up in a browser.
    let local = AppContext::get().backend.with_value(|b| b.mode()) == crate::data::Mode::Local;
    view! {
        <ImportTool st busy/>
        {local.then(|| view! { <SampleTool st busy/> })}
    }
    .into_any()
}

on_demand!(
    statement_tools,
    load: Tools = Tools {
        draw: draw_tools,
        read_csv: read_stored_csv,
        export: export_view,
    }
);

/// The tools card.
#[component]
pub(super) fn DataTools(st: Statements) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let open = RwSignal::new(false);
    // The tools stay drawn once there, even while hidden, so closing them never stops
    // an import.
    let module = OnDemand::default();
    let toggle = move |_| {
        let now = !open.get_untracked();
        open.set(now);
        if now {
            module.ask(load);
        }
    };
    // Nothing stored yet: the tools open by themselves.
    Effect::new(move |_| {
        if st.loaded.get() && st.rows.with(|r| r.is_empty()) && !open.get_untracked() {
            open.set(true);
            module.ask(load);
        }
    });

    // The CSV writer comes with the module too: the first export fetches it.
    let export = move |_| {
        let lang = ctx.lang.get_untracked();
        leptos::task::spawn_local(async move {
            match load().await {
                Ok(tools) => (tools.export)(st, lang),
                Err(_) => st.status.set(Some(Notice::Problem(
                    t_string!(i18n, app.area_failed_why).to_string(),
                ))),
            }
        });
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-stmt-tools">
            <h2 id="pc-stmt-tools">{tr(i18n, |i| t_string!(i, stmt.tools))}</h2>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=export disabled=move || busy.get()>
                    {tr(i18n, |i| t_string!(i, stmt.export))}
                </button>
                <button type="button" id="stmt-tools-toggle" class="pc-button pc-button-secondary"
                    aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls="stmt-tools-body" on:click=toggle>
                    {tr(i18n, |i| t_string!(i, stmt.tools_open))}
                </button>
            </div>
            <div id="stmt-tools-body" hidden=move || !open.get()>
                {move || match module.get() {
                    Arrival::Quiet => ().into_any(),
                    Arrival::Slow => view! { <LoadingLine/> }.into_any(),
                    Arrival::Ready(tools) => (tools.draw)(st, busy),
                    Arrival::Failed => view! { <FetchFailed retry=Callback::new(move |_| module.ask(load))/> }.into_any(),
                }}
            </div>
        </section>
    }
}
