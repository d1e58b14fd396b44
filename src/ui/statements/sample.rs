//! Sample data: a chosen number of generated statement rows, up to a million (with their
//! customers and settlement sheets), up to a chosen month, so anyone can try the console.
//! The rows are made in slices with progress and Cancel, like an import.

use std::str::FromStr;
use std::sync::Arc;

use crate::ui::components::Notice;
use leptos::prelude::*;

use super::progress::{Work, WorkProgress};
use super::{Statements, remember};
use crate::data::Collection;
use crate::data::money::save_sample;
use crate::domain::YearMonth;
use crate::domain::common::text::group_thousands;
use crate::domain::sample::SampleGenerator;
use crate::i18n::*;
use crate::ui::components::browser::{confirm, yield_to_page};
use crate::ui::components::time::today;
use crate::ui::components::{ChoiceField, ChoiceLook, TextField, error_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// Rows made between two turns of the page.
const SLICE: usize = 20_000;
/// The sizes offered.
const SIZES: [&str; 4] = ["1000", "10000", "100000", "1000000"];

/// The size and last month, and the button that replaces the data with the sample.
#[component]
pub(super) fn SampleTool(st: Statements, busy: RwSignal<bool>) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let size = RwSignal::new("10000".to_string());
    let last_month = RwSignal::new(YearMonth::of(today()).prev().to_string());
    let month_error = RwSignal::new(None::<String>);
    let work = Work::new("stmt-sample-load");
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
        let count = group_thousands(&n.to_string());
        if !confirm(&t_string!(i18n, stmt.sample_confirm, count = count.clone()).to_string()) {
            return;
        }
        let backend = ctx.backend();
        busy.set(true);
        st.status.set(None);
        work.start("stmt-sample-cancel");
        leptos::task::spawn_local(async move {
            let mut making = SampleGenerator::new(n, last, 0x5eed ^ n as u64);
            while !making.step(SLICE) {
                let (done, all) = making.progress();
                work.advance(done, all);
                yield_to_page().await;
                if work.cancelled() {
                    st.status.set(Some(Notice::Done(
                        t_string!(i18n, stmt.sample_cancelled).to_string(),
                    )));
                    work.end();
                    busy.set(false);
                    return;
                }
            }
            work.storing();
            yield_to_page().await;
            let data = making.finish();
            match save_sample(&*backend, &data).await {
                Ok(()) => {
                    let rows = Arc::new(data.statements);
                    remember(ctx.versions.current(Collection::Statements), rows.clone());
                    st.rows.set(rows);
                    // Everything else the sample replaced (the rows are shown already).
                    ctx.changed_in(&[
                        Collection::Customers,
                        Collection::Settlements,
                        Collection::SpecialRebates,
                        Collection::Profiles,
                    ]);
                    st.status.set(Some(Notice::Done(
                        t_string!(i18n, stmt.sample_done, count = count).to_string(),
                    )));
                }
                Err(e) => st
                    .status
                    .set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
            work.end();
            busy.set(false);
        });
    };

    view! {
        <div class="pc-filters">
            <ChoiceField id="stmt-sample-size" label=Signal::derive(move || t_string!(i18n, stmt.sample_size).to_string())
                options=Signal::derive(|| SIZES.iter().map(|n| (n.to_string(), group_thousands(n))).collect())
                value=size on_change=Callback::new(move |v| size.set(v))
                look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, common.choose).to_string()))/>
            <TextField id="stmt-sample-month" kind="month" label=Signal::derive(move || t_string!(i18n, stmt.sample_last_month).to_string())
                value=last_month on_input=Callback::new(move |v| last_month.set(v)) error=month_error/>
        </div>
        <div class="pc-actions">
            <button type="button" id="stmt-sample-load" class="pc-button pc-button-secondary" on:click=sample disabled=move || busy.get()>
                {tr(i18n, |i| t_string!(i, stmt.sample))}
            </button>
        </div>
        <WorkProgress work id="stmt-sample-cancel"
            label=Signal::derive(move || t_string!(i18n, stmt.sample_making).to_string())/>
    }
}
