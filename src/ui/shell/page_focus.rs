//! What a route change tells the user: focus moves to the new page's heading (keyboard
//! and screen-reader users start reading the page, not the `<body>`), the page's title is
//! announced, and in a standalone console the document title follows (a tab or a
//! bookmark names the page). Embedded, the host page's title is the host's.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::time::Duration;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::ui::context::AppContext;
use crate::ui::tr;

/// How long a page may take to draw its heading (data pages load first).
const TRIES: u32 = 40;
const EVERY: Duration = Duration::from_millis(50);

/// The page a path shows, for deciding whether the page changed: the wizard's steps are
/// one page (it moves focus to the step's own heading).
fn page_of(path: &str) -> String {
    let path = path.trim_end_matches('/');
    if path.starts_with("/apply") {
        return "/apply".to_string();
    }
    path.to_string()
}

/// The heading of the page in the main area, once it is drawn and loaded.
fn page_heading() -> Option<web_sys::HtmlElement> {
    let doc = web_sys::window()?.document()?;
    let h1 = doc.query_selector(".pc-root main h1").ok()??;
    h1.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Sets the document title from the heading's text.
fn set_title(text: &str, app_title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let title = if text.is_empty() || text.contains(app_title) {
            app_title.to_string()
        } else {
            format!("{text} · {app_title}")
        };
        doc.set_title(&title);
    }
}

/// Waits for the heading, then focuses it (`focus`) and names the page. A page whose
/// data arrives later may change its heading (a loading title, then the record's own):
/// the title follows it for a while.
fn settle(
    attempt: u32,
    run: (RwSignal<u32>, u32),
    focus: bool,
    announce: RwSignal<String>,
    app_title: String,
    titled: bool,
) {
    // A later route or language change has taken over.
    if run.0.try_get_untracked() != Some(run.1) {
        return;
    }
    let heading = page_heading()
        .map(|h| (h.text_content().unwrap_or_default().trim().to_string(), h))
        .filter(|(text, _)| !text.is_empty());
    match heading {
        Some((text, h1)) => {
            if focus {
                if !h1.has_attribute("tabindex") {
                    let _ = h1.set_attribute("tabindex", "-1");
                }
                let _ = h1.focus();
                let _ = announce.try_set(text.clone());
                // The heading found may still be the old page's, about to be replaced:
                // if it leaves the document, the new page's heading gets the focus.
                let (a, t) = (announce, app_title.clone());
                set_timeout(
                    move || {
                        if !h1.is_connected() {
                            settle(attempt + 1, run, true, a, t, titled);
                        }
                    },
                    EVERY,
                );
            }
            if titled {
                set_title(&text, &app_title);
                follow_title(0, run, text, app_title);
            }
        }
        None if attempt < TRIES => {
            set_timeout(
                move || settle(attempt + 1, run, focus, announce, app_title, titled),
                EVERY,
            );
        }
        None => {}
    }
}

/// Keeps the document title in step with the heading for the next two seconds.
fn follow_title(attempt: u32, run: (RwSignal<u32>, u32), last: String, app_title: String) {
    if attempt >= TRIES || run.0.try_get_untracked() != Some(run.1) {
        return;
    }
    set_timeout(
        move || {
            let now = page_heading()
                .and_then(|h| h.text_content())
                .map(|t| t.trim().to_string())
                .unwrap_or_default();
            if !now.is_empty() && now != last {
                set_title(&now, &app_title);
            }
            let last = if now.is_empty() { last } else { now };
            follow_title(attempt + 1, run, last, app_title);
        },
        EVERY,
    );
}

/// The live region that announces a newly opened page, and the effect that moves focus.
#[component]
pub fn PageFocus() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let location = use_location();
    let base = ctx.config.with_value(|c| c.route_base());
    let titled = !ctx.config.with_value(|c| c.embedded);
    let announce = RwSignal::new(String::new());
    // Each route or language change starts a new run; the waits of older runs stop.
    let runs = RwSignal::new(0u32);
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        // The language in force (after a switch, once its strings are in).
        let _ = i18n.get_locale();
        let path = path
            .strip_prefix(base.as_str())
            .unwrap_or(&path)
            .to_string();
        let page = page_of(&path);
        // The first page of a visit keeps the browser's own start; later ones get focus.
        let focus = previous.as_ref().is_some_and(|p| *p != page);
        let app_title = t_string!(i18n, app.title).to_string();
        let run = runs.get_untracked() + 1;
        runs.set(run);
        set_timeout(
            move || settle(0, (runs, run), focus, announce, app_title, titled),
            Duration::ZERO,
        );
        page
    });
    view! {
        <p class="pc-visually-hidden" role="status" aria-live="polite" data-testid="page-announcer">
            {move || (!announce.get().is_empty()).then(|| view! {
                {tr(i18n, |i| t_string!(i, app.page_opened))}{announce.get()}
            })}
        </p>
    }
}
