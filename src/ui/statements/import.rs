//! Import (CSV, with progress and a summary naming every refused line), export of the
//! current view, and sample data. Long work runs in slices with the page given back in
//! between, so a 100,000-row file never freezes it.

use crate::data::Collection;
use leptos::prelude::*;
use std::str::FromStr;
use std::sync::Arc;

use super::words::{file_problem, line_problem};
use super::{Statements, remember};
use crate::data::money::{save_sample, save_statements};
use crate::domain::YearMonth;
use crate::domain::sample::generate;
use crate::domain::statement::merge_rows;
use crate::domain::statement_csv::{LineProblem, StatementImport, write_statements};
use crate::i18n::*;
use crate::ui::components::browser::{
    chosen_text, confirm, file_input, measure_end, measure_start, yield_to_page,
};
use crate::ui::components::time::today;
use crate::ui::components::{
    FilePicker, SelectField, TextField, download_text, error_message, no_text_message,
};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// Lines read between two turns of the page.
const SLICE: usize = 10_000;
/// Refused lines listed by name (the count covers the rest).
const LISTED: usize = 100;

/// What the last import did.
#[derive(Clone, Debug, PartialEq)]
struct Summary {
    read: usize,
    added: usize,
    replaced: usize,
    refused: Vec<(usize, LineProblem)>,
}

/// The import, export and sample tools (main account).
#[component]
pub(super) fn DataTools(st: Statements) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<u32>);
    let summary = RwSignal::new(None::<Summary>);
    let busy = RwSignal::new(false);

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = file_input(&ev) else { return };
        // The measure covers everything from the user's choice: reading the file,
        // decoding, parsing, checking, merging and storing.
        measure_start("pc:import");
        let backend = ctx.backend();
        let lang = ctx.lang.get_untracked();
        busy.set(true);
        summary.set(None);
        st.status.set(None);
        leptos::task::spawn_local(async move {
            let text = chosen_text(&input).await;
            input.set_value("");
            let text = match text {
                Ok(text) => text,
                Err(e) => {
                    st.status.set(Some((true, no_text_message(i18n, e))));
                    busy.set(false);
                    return;
                }
            };
            progress.set(Some(0));
            let outcome = match StatementImport::start(&text) {
                Ok(mut reading) => {
                    while !reading.step(SLICE) {
                        let (done, all) = reading.progress();
                        progress.set(Some((done * 100 / all.max(1)) as u32));
                        yield_to_page().await;
                    }
                    reading.finish()
                }
                Err(e) => Err(e),
            };
            let outcome = match outcome {
                Ok(o) => o,
                Err(problem) => {
                    progress.set(None);
                    busy.set(false);
                    let why = file_problem(i18n, lang, &problem);
                    st.status.set(Some((
                        true,
                        t_string!(i18n, stmt.file_refused, why = why).to_string(),
                    )));
                    return;
                }
            };
            // The page may have gone while the file was read.
            let Some(rows) = st.rows.try_get_untracked() else {
                return;
            };
            let mut all = rows.as_ref().clone();
            let incoming = outcome.rows.len();
            let replaced = merge_rows(&mut all, outcome.rows);
            progress.set(Some(100));
            yield_to_page().await;
            match save_statements(&*backend, &all).await {
                Ok(()) => {
                    measure_end("pc:import");
                    let rows = Arc::new(all);
                    remember(ctx.versions.current(Collection::Statements), rows.clone());
                    st.rows.set(rows);
                    summary.set(Some(Summary {
                        read: outcome.read,
                        added: incoming - replaced,
                        replaced,
                        refused: outcome.refused,
                    }));
                }
                Err(e) => st.status.set(Some((true, error_message(i18n, &e)))),
            }
            progress.set(None);
            busy.set(false);
        });
    };

    let export = move |_| {
        let lang = ctx.lang.get_untracked();
        let rows = st.rows.get_untracked();
        let text = st
            .view
            .with_untracked(|v| write_statements(v.rows.iter().map(|&i| &rows[i as usize]), lang));
        if let Err(e) = download_text("statements.csv", "text/csv;charset=utf-8", &text) {
            st.status.set(Some((true, e)));
        }
    };

    let size = RwSignal::new("10000".to_string());
    let last_month = RwSignal::new(YearMonth::of(today()).prev().to_string());
    let month_error = RwSignal::new(None::<String>);
    let sample = move |_| {
        let label = t_string!(i18n, stmt.sample_last_month).to_string();
        let Ok(last) = YearMonth::from_str(last_month.get_untracked().trim()) else {
            month_error.set(Some(
                t_string!(i18n, stmt.bad_month, field = label).to_string(),
            ));
            crate::ui::components::focus_by_id("stmt-sample-month");
            return;
        };
        month_error.set(None);
        let n: usize = size.get_untracked().parse().unwrap_or(10_000);
        if !confirm(&t_string!(i18n, stmt.sample_confirm, count = n).to_string()) {
            return;
        }
        let backend = ctx.backend();
        busy.set(true);
        summary.set(None);
        leptos::task::spawn_local(async move {
            yield_to_page().await;
            let data = generate(n, last, 0x5eed ^ n as u64);
            match save_sample(&*backend, &data).await {
                Ok(()) => {
                    let rows = Arc::new(data.statements);
                    remember(ctx.versions.current(Collection::Statements), rows.clone());
                    st.rows.set(rows);
                    st.status.set(Some((
                        false,
                        t_string!(i18n, stmt.sample_done, count = n).to_string(),
                    )));
                }
                Err(e) => st.status.set(Some((true, error_message(i18n, &e)))),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-stmt-tools">
            <h2 id="pc-stmt-tools">{tr(i18n, |i| t_string!(i, stmt.tools))}</h2>
            <div class="pc-field">
                <label class="pc-label" for="stmt-import">{tr(i18n, |i| t_string!(i, stmt.import))}</label>
                <FilePicker id="stmt-import" accept=".csv,text/csv" described_by="stmt-import-hint".to_string()
                    choose=Signal::derive(move || t_string!(i18n, upload.choose_csv).to_string())
                    disabled=Signal::derive(move || busy.get()) on_change=import/>
                <p id="stmt-import-hint" class="pc-hint">{tr(i18n, |i| t_string!(i, stmt.import_hint))}</p>
            </div>
            {move || progress.get().map(|p| view! {
                <label class="pc-progress">
                    {tr(i18n, |i| t_string!(i, stmt.importing))}" "
                    <progress max="100" value=p data-testid="import-progress">{p}"%"</progress>
                </label>
            })}
            {move || summary.get().map(|s| {
                let more = s.refused.len().saturating_sub(LISTED);
                view! {
                    <div class="pc-alert" role="status" data-testid="import-summary">
                        <p>{t_string!(i18n, stmt.import_done, read = s.read, added = s.added, replaced = s.replaced, refused = s.refused.len()).to_string()}</p>
                        <ul data-testid="refused-lines">
                            {s.refused.iter().take(LISTED).map(|(line, p)| view! {
                                <li>{t_string!(i18n, stmt.refused_line, line = *line, why = line_problem(i18n, ctx.lang.get(), p)).to_string()}</li>
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p>{t_string!(i18n, stmt.refused_more, count = more).to_string()}</p> })}
                    </div>
                }
            })}
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=export disabled=move || busy.get()>
                    {tr(i18n, |i| t_string!(i, stmt.export))}
                </button>
            </div>
            <div class="pc-filters">
                <SelectField id="stmt-sample-size" label=Signal::derive(move || t_string!(i18n, stmt.sample_size).to_string())
                    options=Signal::derive(|| ["1000", "10000", "100000"].iter().map(|n| (n.to_string(), n.to_string())).collect())
                    value=size on_change=Callback::new(move |v| size.set(v)) error=Signal::derive(|| None::<String>)
                    placeholder=Signal::derive(move || t_string!(i18n, common.choose).to_string())/>
                <TextField id="stmt-sample-month" kind="month" label=Signal::derive(move || t_string!(i18n, stmt.sample_last_month).to_string())
                    value=last_month on_input=Callback::new(move |v| last_month.set(v)) error=month_error/>
            </div>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=sample disabled=move || busy.get()>
                    {tr(i18n, |i| t_string!(i, stmt.sample))}
                </button>
            </div>
        </section>
    }
}
