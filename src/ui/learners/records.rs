//! A learner's courses, exams and certifications, entered by the admin.

use crate::data::Collection;
use crate::ui::components::Notice;
use crate::ui::components::Status;
use leptos::prelude::*;

use super::words::{KINDS, achievement_name};
use crate::data::learners::{put_learner, put_learners};
use crate::domain::learning::learner::{Learner, LearningRecord, RecordLineProblem};
use crate::i18n::*;
use crate::ui::components::{
    Busy, ChoiceField, ChoiceLook, TextField, error_message, no_text_message,
};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The editor for the learner chosen in the table.
#[component]
pub fn RecordsEditor(
    learner_id: RwSignal<Option<String>>,
    learners: RwSignal<Vec<Learner>>,
    status: Status,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let kind = RwSignal::new("foundation".to_string());
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(crate::ui::components::time::today().to_string());
    let error = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        learner_id
            .get()
            .and_then(|id| learners.with(|l| l.iter().find(|x| x.id == id).cloned()))
    });
    let busy = Busy::new();
    let add = move |_| {
        let Some(mut l) = current.get_untracked() else {
            return;
        };
        let Some(d) = crate::domain::common::text::parse_date(&date.get_untracked()) else {
            error.set(Some(
                t_string!(
                    i18n,
                    elig.bad_date,
                    field = t_string!(i18n, learn.date).to_string()
                )
                .to_string(),
            ));
            return;
        };
        let Some((_, achievement)) = KINDS.iter().find(|(k, _)| *k == kind.get_untracked()) else {
            return;
        };
        let t = title.get_untracked();
        let t = if t.trim().is_empty() {
            achievement_name(i18n, *achievement)
        } else {
            t.trim().to_string()
        };
        error.set(None);
        l.records.push(LearningRecord {
            achievement: *achievement,
            title: t,
            date: d,
        });
        let typed = title.get_untracked();
        let backend = ctx.backend();
        busy.run(async move {
            match put_learner(&*backend, &l).await {
                Ok(()) => {
                    // Only what was added: text typed meanwhile stays.
                    if title.try_with_untracked(|t| *t == typed) == Some(true) {
                        title.set(String::new());
                    }
                    ctx.changed_in(&[Collection::Learners]);
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-records-heading" hidden=move || current.with(Option::is_none) data-testid="records-editor">
            <h2 id="pc-records-heading">{move || current.get().map(|l| t_string!(i18n, learn.records_heading, name = l.name).to_string())}</h2>
            <ul>
                {move || current.get().map(|l| l.records.into_iter().map(|r| view! {
                    <li>{achievement_name(i18n, r.achievement)}": "{r.title}" ("{r.date.to_string()}")"</li>
                }).collect_view())}
            </ul>
            <div class="pc-filters">
                <ChoiceField id="record-kind" label=Signal::derive(move || t_string!(i18n, learn.kind).to_string())
                    options=Signal::derive(move || KINDS.iter().map(|(k, a)| (k.to_string(), achievement_name(i18n, *a))).collect::<Vec<_>>())
                    value=kind on_change=Callback::new(move |v| kind.set(v))
                    look=ChoiceLook::Select(Signal::derive(move || t_string!(i18n, common.choose).to_string()))/>
                <TextField id="record-title" label=Signal::derive(move || t_string!(i18n, learn.title).to_string())
                    value=title on_input=Callback::new(move |v| title.set(v))/>
                <TextField id="record-date" kind="date" label=Signal::derive(move || t_string!(i18n, learn.date).to_string())
                    value=date on_input=Callback::new(move |v| date.set(v)) error=error/>
            </div>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=add disabled=move || busy.get()>{tr(i18n, |i| t_string!(i, learn.add_record))}</button>
                <button type="button" class="pc-button pc-button-quiet" on:click=move |_| learner_id.set(None)>{tr(i18n, |i| t_string!(i, learn.close))}</button>
            </div>
        </section>
    }
}

fn line_problem(i18n: crate::ui::I18n, p: &RecordLineProblem) -> String {
    match p {
        RecordLineProblem::MissingColumns => t_string!(i18n, learn.import_columns).to_string(),
        RecordLineProblem::UnknownLearner(id) => {
            t_string!(i18n, learn.import_unknown, id = id.clone()).to_string()
        }
        RecordLineProblem::UnknownKind(k) => {
            t_string!(i18n, learn.import_kind, kind = k.clone()).to_string()
        }
        RecordLineProblem::BadDate(d) => {
            t_string!(i18n, learn.import_date, date = d.clone()).to_string()
        }
    }
}

/// Import of learning records from a CSV file (local mode); a file that fails as a whole
/// stores nothing, refused lines are listed with their numbers.
#[component]
pub fn RecordsImport(learners: RwSignal<Vec<Learner>>, status: Status) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let refused = RwSignal::new(Vec::<String>::new());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = crate::ui::components::browser::file_input(&ev) else {
            return;
        };
        if input.files().and_then(|f| f.get(0)).is_none() {
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            let text = crate::ui::components::browser::chosen_text(&input).await;
            input.set_value("");
            let text = match text {
                Ok(text) => text,
                Err(e) => {
                    status.set(Some(Notice::Problem(no_text_message(i18n, e))));
                    return;
                }
            };
            // The page may have gone while the file was read.
            let Some(mut list) = learners.try_get_untracked() else {
                return;
            };
            let Ok(read_records_csv) = super::records_reader::load().await else {
                status.set(Some(Notice::Problem(
                    t_string!(i18n, app.area_failed_why).to_string(),
                )));
                return;
            };
            let known: Vec<String> = list.iter().map(|l| l.id.clone()).collect();
            let parsed = match read_records_csv(&text, &known) {
                Ok(p) => p,
                Err(p) => {
                    refused.set(Vec::new());
                    status.set(Some(Notice::Problem(line_problem(i18n, &p))));
                    return;
                }
            };
            let added = parsed.accepted.len();
            let before = list.clone();
            for (id, record) in parsed.accepted {
                if let Some(l) = list.iter_mut().find(|l| l.id.eq_ignore_ascii_case(&id)) {
                    l.records.push(record);
                }
            }
            // Only the learners the file added to, all of them or none.
            let changed: Vec<(Learner, Learner)> = before
                .into_iter()
                .zip(list)
                .filter(|(b, a)| b != a)
                .collect();
            if let Err(e) = put_learners(&*backend, &changed).await {
                status.set(Some(Notice::Problem(error_message(i18n, &e))));
                return;
            }
            refused.set(
                parsed
                    .refused
                    .iter()
                    .map(|(n, p)| {
                        t_string!(
                            i18n,
                            learn.import_line,
                            line = *n,
                            why = line_problem(i18n, p)
                        )
                        .to_string()
                    })
                    .collect(),
            );
            status.set(Some(Notice::Done(
                t_string!(
                    i18n,
                    learn.imported,
                    added = added,
                    refused = parsed.refused.len()
                )
                .to_string(),
            )));
            ctx.changed_in(&[Collection::Learners]);
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-import-heading">
            <h2 id="pc-import-heading">{tr(i18n, |i| t_string!(i, learn.import_heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, learn.import_hint))}</p>
            <label for="records-file" class="pc-label">{tr(i18n, |i| t_string!(i, learn.import_file))}</label>
            <crate::ui::components::FilePicker id="records-file" accept=".csv,text/csv"
                choose=Signal::derive(move || t_string!(i18n, upload.choose_csv).to_string())
                on_change=on_file/>
            <ul class="pc-refused" data-testid="import-refused">
                {move || refused.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        </section>
    }
}
