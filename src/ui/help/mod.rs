//! `/help` and `/help/<id>` (in the announcements area: what a partner reads): the
//! answers, searchable in both languages and by the glossary's synonyms. Opened at an id
//! (a page's help link), that answer is open, marked and scrolled into view; an id that
//! names no answer says so and shows them all.

mod entries;

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::TextField;
use crate::ui::router::Router;
use crate::ui::tr;
use entries::{ENTRIES, matches};

/// The help page.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let router = Router::get();
    let query = RwSignal::new(String::new());
    let wanted = Memo::new(move |_| router.id());
    let unknown = move || {
        wanted
            .get()
            .filter(|id| !ENTRIES.iter().any(|e| e.id == id))
    };
    // Bring the wanted answer into view once it is drawn (the page's focus goes to its
    // heading without scrolling: see `shell/page_focus.rs`).
    Effect::new(move |_| {
        if let Some(id) = wanted.get()
            && let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("help-{id}")))
        {
            el.scroll_into_view();
        }
    });
    let shown = move || {
        let q = query.get();
        ENTRIES
            .iter()
            .filter(|e| matches(e, &q))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="pc-page" aria-labelledby="pc-help-heading">
            <h1 id="pc-help-heading">{tr(i18n, |i| t_string!(i, help.heading))}</h1>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, help.intro))}</p>
            {move || unknown().map(|topic| view! {
                <p class="pc-alert pc-alert-warn" role="status" data-testid="help-unknown">
                    {t_string!(i18n, help.unknown_topic, topic = topic).to_string()}
                </p>
            })}
            <div class="pc-filters">
                <TextField id="help-search" kind="search" label=Signal::derive(move || t_string!(i18n, help.search).to_string())
                    value=query on_input=Callback::new(move |v| query.set(v))
                    hint=Signal::derive(move || t_string!(i18n, help.search_hint).to_string())/>
            </div>
            <p id="help-found" role="status" data-testid="help-found">
                {move || {
                    let n = shown().len();
                    if n == 0 {
                        t_string!(i18n, help.none).to_string()
                    } else {
                        t_string!(i18n, help.found, count = n).to_string()
                    }
                }}
            </p>
            <div class="pc-help" data-testid="help-entries">
                {move || shown().into_iter().map(|e| {
                    let current = wanted.get().as_deref() == Some(e.id);
                    let open = current || !query.get().trim().is_empty();
                    view! {
                        <details class="pc-card pc-help-entry" class:pc-help-current=current
                            id=format!("help-{}", e.id) data-entry=e.id open=open
                            aria-current=current.then_some("location")>
                            <summary>{move || (e.question)(i18n.get_locale())}</summary>
                            <p class="pc-prewrap">{move || (e.answer)(i18n.get_locale())}</p>
                            <p class="pc-muted">{move || t_string!(i18n, help.source, chapter = (e.chapter)(i18n.get_locale())).to_string()}</p>
                        </details>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
