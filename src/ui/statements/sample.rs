//! Sample data: a chosen number of generated statement rows (with their customers and
//! settlement sheets) up to a chosen month, so anyone can try the console.

use std::str::FromStr;
use std::sync::Arc;

use crate::ui::components::Notice;
use leptos::prelude::*;

use super::{Statements, remember};
use crate::data::Collection;
use crate::data::money::save_sample;
use crate::domain::YearMonth;
use crate::domain::sample::generate;
use crate::i18n::*;
use crate::ui::components::browser::{confirm, yield_to_page};
use crate::ui::components::time::today;
use crate::ui::components::{ChoiceField, ChoiceLook, TextField, error_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The size and last month, and the button that replaces the data with the sample.
#[component]
pub(super) fn SampleTool(st: Statements, busy: RwSignal<bool>) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
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
        leptos::task::spawn_local(async move {
            yield_to_page().await;
            let data = generate(n, last, 0x5eed ^ n as u64);
            match save_sample(&*backend, &data).await {
                Ok(rows) => {
                    let rows = Arc::new(rows);
                    remember(ctx.versions.current(Collection::Statements), rows.clone());
                    st.rows.set(rows);
                    st.status.set(Some(Notice::Done(
                        t_string!(i18n, stmt.sample_done, count = n).to_string(),
                    )));
                }
                Err(e) => st
                    .status
                    .set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
            busy.set(false);
        });
    };

    view! {
        <div class="pc-filters">
            <ChoiceField id="stmt-sample-size" label=Signal::derive(move || t_string!(i18n, stmt.sample_size).to_string())
                options=Signal::derive(|| ["1000", "10000", "100000"].iter().map(|n| (n.to_string(), n.to_string())).collect())
                value=size on_change=Callback::new(move |v| size.set(v))
                look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, common.choose).to_string()))/>
            <TextField id="stmt-sample-month" kind="month" label=Signal::derive(move || t_string!(i18n, stmt.sample_last_month).to_string())
                value=last_month on_input=Callback::new(move |v| last_month.set(v)) error=month_error/>
        </div>
        <div class="pc-actions">
            <button type="button" class="pc-button pc-button-secondary" on:click=sample disabled=move || busy.get()>
                {tr(i18n, |i| t_string!(i, stmt.sample))}
            </button>
        </div>
    }
}
