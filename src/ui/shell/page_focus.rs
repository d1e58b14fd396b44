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

/// Waits for the heading, then focuses it (`focus`) and names the page.
fn settle(attempt: u32, focus: bool, announce: RwSignal<String>, app_title: String, titled: bool) {
    match page_heading().filter(|h| !h.text_content().unwrap_or_default().trim().is_empty()) {
        Some(h1) => {
            let text = h1.text_content().unwrap_or_default().trim().to_string();
            if focus {
                if !h1.has_attribute("tabindex") {
                    let _ = h1.set_attribute("tabindex", "-1");
                }
                let _ = h1.focus();
                let _ = announce.try_set(text.clone());
            }
            if titled && let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                let title = if text.is_empty() || text.contains(&app_title) {
                    app_title
                } else {
                    format!("{text} · {app_title}")
                };
                doc.set_title(&title);
            }
        }
        None if attempt < TRIES => {
            set_timeout(
                move || settle(attempt + 1, focus, announce, app_title, titled),
                EVERY,
            );
        }
        None => {}
    }
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
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        ctx.lang.track();
        let path = path
            .strip_prefix(base.as_str())
            .unwrap_or(&path)
            .to_string();
        let page = page_of(&path);
        // The first page of a visit keeps the browser's own start; later ones get focus.
        let focus = previous.as_ref().is_some_and(|p| *p != page);
        let app_title = t_string!(i18n, app.title).to_string();
        set_timeout(
            move || settle(0, focus, announce, app_title, titled),
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
