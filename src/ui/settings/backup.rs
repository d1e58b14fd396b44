//! Backup to one JSON file, restore from it, and clearing local data.

use crate::ui::components::Notice;
use leptos::prelude::*;

use crate::data::backup::Backup;
use crate::data::store::StoreBackend;
use crate::data::{Backend, DataError};
use crate::i18n::*;
use crate::ui::components::{StatusLine, download_text, error_message, no_text_message};
use crate::ui::context::AppContext;

/// `partner-console-backup-20261126-093005.json` (plain formatting: chrono's strftime
/// parser would add kilobytes to the wasm for one file name).
fn backup_file_name(now: chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "partner-console-backup-{:04}{:02}{:02}-{:02}{:02}{:02}.json",
        now.year(),
        now.month(),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// Restores a backup (local mode only).
async fn import(backend: &dyn Backend, backup: &Backup) -> Result<(), DataError> {
    StoreBackend::of(backend)?.import_all(backup).await
}

/// The backup card.
#[component]
pub fn BackupSection() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Notice>);
    let busy = RwSignal::new(false);

    let export = move |_| {
        let backend = ctx.backend();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let backup = match StoreBackend::of(&*backend) {
                Ok(store) => store.export_all().await,
                Err(e) => Err(e),
            };
            match backup {
                Ok(backup) => {
                    let name = backup_file_name(chrono::Local::now().naive_local());
                    let msg = match download_text(&name, "application/json", &backup.to_json()) {
                        Ok(()) => Notice::Done(
                            t_string!(
                                i18n,
                                settings.exported,
                                records = backup.records.len(),
                                files = backup.blobs.len()
                            )
                            .to_string(),
                        ),
                        Err(e) => Notice::Problem(e),
                    };
                    status.set(Some(msg));
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
            busy.set(false);
        });
    };

    let restore = move |ev: leptos::ev::Event| {
        let Some(input) = crate::ui::components::browser::file_input(&ev) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = match crate::ui::components::browser::chosen_text(&input).await {
                Err(e) => Notice::Problem(no_text_message(i18n, e)),
                Ok(text) => match crate::ui::record_check::load().await {
                    Err(_) => Notice::Problem(t_string!(i18n, app.area_failed_why).to_string()),
                    Ok(check) => match Backup::parse_checked(&text, check) {
                        Err(e) => Notice::Problem(error_message(i18n, &e)),
                        // Its files passed the signature check; the browser must also open
                        // each as an image before anything is restored.
                        Ok(backup) => match undecodable(&backup).await {
                            Some(id) => Notice::Problem(
                                t_string!(i18n, settings.restore_bad_file, id = id).to_string(),
                            ),
                            None => match import(&*ctx.backend(), &backup).await {
                                Ok(()) => {
                                    ctx.refresh();
                                    Notice::Done(
                                        t_string!(
                                            i18n,
                                            settings.imported,
                                            records = backup.records.len(),
                                            files = backup.blobs.len()
                                        )
                                        .to_string(),
                                    )
                                }
                                Err(e) => Notice::Problem(error_message(i18n, &e)),
                            },
                        },
                    },
                },
            };
            // Let the same file be chosen again.
            input.set_value("");
            status.set(Some(outcome));
            busy.set(false);
        });
    };

    let clear = move |_| {
        let confirmed =
            crate::ui::components::browser::confirm(t_string!(i18n, settings.clear_confirm));
        if !confirmed {
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match backend.clear_all().await {
                Ok(()) => {
                    ctx.refresh();
                    status.set(Some(Notice::Done(
                        t_string!(i18n, settings.cleared).to_string(),
                    )));
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-backup-heading">
            <h2 id="pc-backup-heading">{crate::ui::tr(i18n, |i| t_string!(i, settings.backup))}</h2>
            <p>{crate::ui::tr(i18n, |i| t_string!(i, settings.backup_desc))}</p>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=export disabled=move || busy.get()>
                    {crate::ui::tr(i18n, |i| t_string!(i, settings.export))}
                </button>
                <label class="pc-button pc-button-secondary pc-file-button">
                    <span>{crate::ui::tr(i18n, |i| t_string!(i, settings.import))}</span>
                    <input
                        type="file"
                        accept="application/json,.json"
                        class="pc-visually-hidden"
                        aria-label=move || t_string!(i18n, settings.import_file)
                        on:change=restore
                        disabled=move || busy.get()
                    />
                </label>
                <button type="button" class="pc-button pc-button-danger" on:click=clear disabled=move || busy.get()>
                    {crate::ui::tr(i18n, |i| t_string!(i, settings.clear))}
                </button>
            </div>
            {move || busy.get().then(|| view! { <p class="pc-muted" role="status">{crate::ui::tr(i18n, |i| t_string!(i, settings.working))}</p> })}
            <StatusLine message=status/>
        </section>
    }
}

/// The first file of a backup the browser cannot open as an image, if any.
async fn undecodable(backup: &Backup) -> Option<String> {
    for b in &backup.blobs {
        let Ok(file) = b.to_blob() else {
            return Some(b.id.clone());
        };
        if !crate::ui::components::browser::decodes_as_image(&file.bytes, &file.mime).await {
            return Some(b.id.clone());
        }
    }
    None
}
