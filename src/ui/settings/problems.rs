//! The list of values set aside as unreadable, with export and discard.

use crate::ui::components::Notice;
use leptos::prelude::*;

use crate::data::Mode;
use crate::data::model::QuarantineReason;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::{StatusLine, download_text, error_message};
use crate::ui::context::AppContext;

/// The reason a value was set aside, in words.
fn reason_text(i18n: I18n, reason: &QuarantineReason) -> String {
    match reason {
        QuarantineReason::NotJson => t_string!(i18n, settings.reason_not_json).to_string(),
        QuarantineReason::NewerSchema { found, supported } => t_string!(
            i18n,
            settings.reason_newer,
            found = *found,
            supported = *supported
        )
        .to_string(),
        QuarantineReason::Migration { from } => {
            t_string!(i18n, settings.reason_migration, from = *from).to_string()
        }
        QuarantineReason::WrongShape => t_string!(i18n, settings.reason_shape).to_string(),
        QuarantineReason::Unknown => t_string!(i18n, settings.reason_unknown).to_string(),
    }
}

/// The unreadable-data card.
#[component]
pub fn ProblemsSection() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Notice>);

    // The list is complete only once every record has been read as its type (local mode;
    // a server's records are checked as pages read them). The check comes with its own
    // module; if that cannot be fetched the list stays as the pages' own reads left it
    // (each page checks the records it shows), and the next visit tries again.
    let backend = ctx.backend();
    if backend.mode() == Mode::Local {
        leptos::task::spawn_local(async move {
            if let Ok(check) = crate::ui::record_check::load().await {
                crate::data::shapes::sweep(&*backend, check).await;
                ctx.refresh_problems();
            }
        });
    }

    let export = move |key: String| {
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match backend.quarantined_raw(&key).await {
                Ok(Some(raw)) => {
                    let name = format!("{}.txt", key.replace(['/', '@'], "_"));
                    if let Err(e) = download_text(&name, "text/plain", &raw) {
                        status.set(Some(Notice::Problem(e)));
                    }
                }
                Ok(None) => {}
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    let discard = move |key: String| {
        let confirmed = crate::ui::components::browser::confirm(t_string!(
            i18n,
            settings.problem_discard_confirm
        ));
        if !confirmed {
            return;
        }
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match backend.discard_quarantined(&key).await {
                Ok(()) => ctx.refresh(),
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };

    view! {
        <section class="pc-card" id="problems" aria-labelledby="pc-problems-heading">
            <h2 id="pc-problems-heading">{crate::ui::tr(i18n, |i| t_string!(i, settings.problems))}</h2>
            <p>{crate::ui::tr(i18n, |i| t_string!(i, settings.problems_desc))}</p>
            {move || {
                let items = ctx.problems.get();
                if items.is_empty() {
                    view! { <p class="pc-muted">{crate::ui::tr(i18n, |i| t_string!(i, settings.problems_none))}</p> }.into_any()
                } else {
                    view! {
                        <table class="pc-table" data-testid="problems-table">
                            <thead>
                                <tr>
                                    <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, settings.problem_key))}</th>
                                    <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, settings.problem_reason))}</th>
                                    <th scope="col">{crate::ui::tr(i18n, |i| t_string!(i, settings.problem_size))}</th>
                                    <th scope="col"><span class="pc-visually-hidden">"⋯"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {items.into_iter().map(|q| {
                                    let k1 = q.key.clone();
                                    let k2 = q.key.clone();
                                    let in_place = q.in_place;
                                    view! {
                                        <tr>
                                            <td><code>{q.original_key.clone()}</code></td>
                                            <td>
                                                {reason_text(i18n, &q.reason)}
                                                <br/><small class="pc-muted" lang="en">{q.detail.clone()}</small>
                                                <br/><small class="pc-muted" hidden=!in_place>{crate::ui::tr(i18n, |i| t_string!(i, settings.problem_in_place))}</small>
                                            </td>
                                            <td class="pc-num">{q.size}</td>
                                            <td class="pc-actions">
                                                <button type="button" class="pc-button pc-button-secondary" on:click=move |_| export(k1.clone())>
                                                    {crate::ui::tr(i18n, |i| t_string!(i, settings.problem_export))}
                                                </button>
                                                <button type="button" class="pc-button pc-button-danger" hidden=in_place on:click=move |_| discard(k2.clone())>
                                                    {crate::ui::tr(i18n, |i| t_string!(i, settings.problem_discard))}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            }}
            <StatusLine message=status/>
        </section>
    }
}
