//! What a route change tells the user: focus moves to the new page's heading (keyboard
//! and screen-reader users start reading the page, not the `<body>`), the page's title is
//! announced, and in a standalone console the document title follows (a tab or a
//! bookmark names the page). Embedded, the host page's title is the host's.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::context::AppContext;
use crate::ui::router::Router;
use crate::ui::tr;

/// How long a page may take to draw its heading (data pages load first): 40 × 50 ms.
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

/// The heading of the page in the main area, with its text, once it has some.
fn page_heading() -> Option<(String, web_sys::HtmlElement)> {
    let doc = web_sys::window()?.document()?;
    let h1 = doc.query_selector(".pc-root main h1").ok()??;
    let text = h1.text_content()?.trim().to_string();
    let h1 = h1.dyn_into::<web_sys::HtmlElement>().ok()?;
    (!text.is_empty()).then_some((text, h1))
}

/// What the waits of one route (or language) change share. A newer change starts a new
/// run; the waits of older runs then stop.
#[derive(Clone, Copy)]
struct Run {
    runs: RwSignal<u32>,
    id: u32,
    /// A focus move still owed: set by a page change, cleared once the heading has it
    /// (a redirect right after the change — `/apply` → `/apply/1` — keeps it owed).
    owed: RwSignal<bool>,
    announce: RwSignal<String>,
    i18n: I18n,
    titled: bool,
}

impl Run {
    fn current(&self) -> bool {
        self.runs.try_get_untracked() == Some(self.id)
    }

    /// The document title for a heading, in the language in force now.
    fn set_title(&self, text: &str) {
        if !self.titled {
            return;
        }
        let app = t_string!(self.i18n, app.title).to_string();
        let title = if text.contains(&app) {
            app
        } else {
            format!("{text} · {app}")
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    }

    /// Waits for the heading, focuses it if a focus move is owed, and names the page.
    fn settle(self, attempt: u32) {
        if !self.current() {
            return;
        }
        let Some((text, h1)) = page_heading() else {
            if attempt < TRIES {
                set_timeout(move || self.settle(attempt + 1), EVERY);
            }
            return;
        };
        if self.owed.get_untracked() {
            if !h1.has_attribute("tabindex") {
                let _ = h1.set_attribute("tabindex", "-1");
            }
            // Without scrolling: the router has put a new page at its top already, and a
            // page that scrolled to a part of itself (a help topic) stays there.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = h1.focus_with_options(&options);
            let _ = self.announce.try_set(text.clone());
            // The heading found may still be the old page's, about to be replaced: the
            // focus stays owed until the heading it went to is still there.
            set_timeout(
                move || {
                    if h1.is_connected() {
                        let _ = self.owed.try_set(false);
                    } else {
                        self.settle(attempt + 1);
                    }
                },
                EVERY,
            );
        }
        self.set_title(&text);
        self.follow(0, text);
    }

    /// Keeps the title in step with a heading that changes once its data arrives (a
    /// loading title, then the record's own), for two seconds.
    fn follow(self, attempt: u32, last: String) {
        if attempt >= TRIES || !self.current() {
            return;
        }
        set_timeout(
            move || {
                let now = page_heading().map(|(t, _)| t).unwrap_or(last.clone());
                if now != last {
                    self.set_title(&now);
                }
                self.follow(attempt + 1, now);
            },
            EVERY,
        );
    }
}

/// The live region that announces a newly opened page, and the effect that moves focus.
#[component]
pub fn PageFocus() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let router = Router::get();
    let titled = !ctx.config.with_value(|c| c.embedded);
    let announce = RwSignal::new(String::new());
    let runs = RwSignal::new(0u32);
    let owed = RwSignal::new(false);
    Effect::new(move |previous: Option<String>| {
        let path = router.path();
        // A language switch renames the page too.
        let _ = i18n.get_locale();
        let page = page_of(&path);
        // The first page of a visit keeps the browser's own start; later ones get focus.
        if previous.as_ref().is_some_and(|p| *p != page) {
            owed.set(true);
        }
        let id = runs.get_untracked() + 1;
        runs.set(id);
        let run = Run {
            runs,
            id,
            owed,
            announce,
            i18n,
            titled,
        };
        set_timeout(move || run.settle(0), Duration::ZERO);
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
