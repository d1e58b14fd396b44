//! Import of a statements CSV, with progress, Cancel and a summary naming every refused
//! line. The file is read in slices with the page given back in between, so a
//! million-row file never freezes it; nothing is stored until the whole file is read.

use crate::data::Collection;
use crate::ui::components::Notice;
use leptos::prelude::*;
use std::sync::Arc;

use super::progress::{Work, WorkProgress};
use super::words::{file_problem, line_problem, store_problem};
use super::{Statements, remember};
use crate::data::money::save_statements;
use crate::domain::common::text::Utf8Pieces;
use crate::domain::money::statement_csv::{
    FileProblem, ImportOutcome, LineProblem, StatementImport, Step,
};
use crate::i18n::*;
use crate::ui::components::browser::{
    FilePieces, NoText, file_input, measure_end, measure_start, yield_to_page,
};
use crate::ui::components::{FilePicker, no_text_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// Lines read between two turns of the page.
const SLICE: usize = 10_000;
/// Refused lines listed by name (the count covers the rest).
const LISTED: usize = 100;

/// Why an import stopped before storing anything.
enum Stopped {
    /// The user pressed Cancel.
    Cancelled,
    /// The file could not be read as text.
    NoText(NoText),
    /// The file was refused whole.
    Refused(FileProblem),
}

/// Reads and checks the chosen file piece by piece (only one piece of it in memory at a
/// time), giving the page back between slices and stopping at Cancel.
async fn read_file(
    input: &web_sys::HtmlInputElement,
    work: Work,
) -> Result<ImportOutcome, Stopped> {
    let mut file = FilePieces::of(input).ok_or(Stopped::NoText(NoText::Unreadable))?;
    let mut reading = StatementImport::in_pieces(file.size());
    let mut utf8 = Utf8Pieces::default();
    work.start("stmt-import-cancel");
    loop {
        match reading.step(SLICE).map_err(Stopped::Refused)? {
            Step::Done => return reading.finish().map_err(Stopped::Refused),
            Step::NeedInput => {
                let bytes = file
                    .next()
                    .await
                    .ok_or(Stopped::NoText(NoText::Unreadable))?;
                let text = utf8
                    .piece(&bytes, file.done())
                    .map_err(|_| Stopped::NoText(NoText::NotUtf8))?;
                reading.feed(text, file.done());
            }
            Step::Read => {
                let (done, all) = reading.progress();
                work.advance(done, all);
                yield_to_page().await;
            }
        }
        if work.cancelled() {
            return Err(Stopped::Cancelled);
        }
    }
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq)]
struct Summary {
    read: usize,
    added: usize,
    replaced: usize,
    refused: Vec<(usize, LineProblem)>,
}

/// The file picker, the progress bar while a file is read, and what the import did.
#[component]
pub(super) fn ImportTool(st: Statements, busy: RwSignal<bool>) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let work = Work::new("stmt-import");
    let summary = RwSignal::new(None::<Summary>);
    // Another tool's work (sample data) makes the last summary stale.
    Effect::new(move |_| {
        if busy.get() && !work.running() {
            summary.set(None);
        }
    });
    // Every way out of the import: the tools free again.
    let end = move || {
        work.end();
        busy.set(false);
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = file_input(&ev) else { return };
        // The measure covers everything from the user's choice: reading the file,
        // decoding, parsing, checking, merging, storing and the table drawn with the
        // rows; the benchmark also reads each phase (`pc:import-check` — the file read
        // and checked piece by piece —, `-merge`, `-store`, `-show`).
        measure_start("pc:import");
        measure_start("pc:import-check");
        let backend = ctx.backend();
        let lang = ctx.lang.get_untracked();
        busy.set(true);
        summary.set(None);
        st.status.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match read_file(&input, work).await {
                Ok(outcome) => outcome,
                Err(stopped) => {
                    input.set_value("");
                    let message = match stopped {
                        Stopped::Cancelled => {
                            Notice::Done(t_string!(i18n, stmt.import_cancelled).to_string())
                        }
                        Stopped::NoText(e) => Notice::Problem(no_text_message(i18n, e)),
                        Stopped::Refused(problem) => {
                            let why = file_problem(i18n, lang, &problem);
                            Notice::Problem(
                                t_string!(i18n, stmt.file_refused, why = why).to_string(),
                            )
                        }
                    };
                    end();
                    st.status.set(Some(message));
                    return;
                }
            };
            input.set_value("");
            let mut outcome = outcome;
            // The page may have gone while the file was read.
            let Some(rows) = st.rows.try_get_untracked() else {
                return;
            };
            measure_end("pc:import-check");
            measure_start("pc:import-merge");
            let incoming = outcome.rows.len();
            let (read, refused) = (outcome.read, std::mem::take(&mut outcome.refused));
            let (all, replaced) = outcome.merged_into(&rows);
            measure_end("pc:import-merge");
            work.storing();
            yield_to_page().await;
            measure_start("pc:import-store");
            match save_statements(&*backend, &all).await {
                Ok(()) => {
                    measure_end("pc:import-store");
                    measure_start("pc:import-show");
                    let rows = Arc::new(all);
                    remember(ctx.versions.current(Collection::Statements), rows.clone());
                    st.rows.set(rows);
                    summary.set(Some(Summary {
                        read,
                        added: incoming - replaced,
                        replaced,
                        refused,
                    }));
                    // The view is computed and the table drawn before the page's next turn.
                    yield_to_page().await;
                    measure_end("pc:import-show");
                    measure_end("pc:import");
                }
                Err(e) => st
                    .status
                    .set(Some(Notice::Problem(store_problem(i18n, &e, &all)))),
            }
            end();
        });
    };

    view! {
        <div class="pc-field">
            <label class="pc-label" for="stmt-import">{tr(i18n, |i| t_string!(i, stmt.import))}</label>
            <FilePicker id="stmt-import" accept=".csv,text/csv" described_by="stmt-import-hint".to_string()
                choose=Signal::derive(move || t_string!(i18n, upload.choose_csv).to_string())
                disabled=Signal::derive(move || busy.get()) on_change=import/>
            <p id="stmt-import-hint" class="pc-hint">{tr(i18n, |i| t_string!(i, stmt.import_hint))}</p>
        </div>
        <WorkProgress work id="stmt-import-cancel"
            label=Signal::derive(move || t_string!(i18n, stmt.importing).to_string())/>
        <ImportSummary summary/>
    }
}

/// What the last import read, added and replaced, and the first refused lines by number.
#[component]
fn ImportSummary(summary: RwSignal<Option<Summary>>) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    view! {
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
    }
}
