//! The main account's tools on the statements: import, export of the current view, and
//! sample data. One piece of work at a time: while one runs the others wait.

use crate::ui::components::Notice;
use leptos::prelude::*;

use super::Statements;
use super::import::ImportTool;
use super::sample::SampleTool;
use crate::domain::money::statement_csv::write_statements;
use crate::i18n::*;
use crate::ui::components::download_text;
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The tools card.
#[component]
pub(super) fn DataTools(st: Statements) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let export = move |_| {
        let lang = ctx.lang.get_untracked();
        let rows = st.rows.get_untracked();
        let text = st.view.with_untracked(|v| {
            write_statements(v.rows.iter().map(|&i| rows.row(i as usize)), lang)
        });
        if let Err(e) = download_text("statements.csv", "text/csv;charset=utf-8", &text) {
            st.status.set(Some(Notice::Problem(e)));
        }
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-stmt-tools">
            <h2 id="pc-stmt-tools">{tr(i18n, |i| t_string!(i, stmt.tools))}</h2>
            <ImportTool st busy/>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=export disabled=move || busy.get()>
                    {tr(i18n, |i| t_string!(i, stmt.export))}
                </button>
            </div>
            <SampleTool st busy/>
        </section>
    }
}
