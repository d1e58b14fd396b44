//! The console's router: the path under the public URL as a signal, moved by the console's
//! links, by pages that send the user on, and by the browser's back and forward buttons.
//!
//! The console has two route shapes — `/` and `/:section/:id?` — and the route table
//! decides the page a path shows (`routes::page_of_path`). A general router's matching,
//! nested routes and their generic view code (leptos_router: 47 KB gzip of the start-up
//! module, measured) were more than that needs; see ARCHITECTURE.md §Size.
//!
//! Only the console's own links are followed in place ([`Link`]): a click anywhere else
//! on a host page that embeds the console is never taken over.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::ui::routes::{Page, page_of_path};

/// Where the console is: its path under the public URL and its query.
#[derive(Clone, Copy)]
pub struct Router {
    /// The path under the base, starting with `/` (percent-encoded, as in the address).
    path: RwSignal<String>,
    /// The query string with its `?`, or empty.
    search: RwSignal<String>,
    /// The public URL's path (`/partners`, or empty at the root).
    base: StoredValue<String>,
}

impl Router {
    /// Reads the address, follows the back and forward buttons while the console is
    /// mounted, and makes the router available to every page below.
    pub fn provide(base: String) -> Self {
        let (path, search) = address(&base);
        let router = Router {
            path: RwSignal::new(path),
            search: RwSignal::new(search),
            base: StoredValue::new(base),
        };
        provide_context(router);
        let listener = window_event_listener(leptos::ev::popstate, move |_| router.sync());
        on_cleanup(move || listener.remove());
        router
    }

    /// The router of the console this component is in.
    pub fn get() -> Self {
        expect_context()
    }

    /// The path under the base (tracked): `/`, `/statements`, `/review/a1`.
    pub fn path(self) -> String {
        self.path.get()
    }

    /// The page the path shows (tracked); `None` for an unknown address.
    pub fn page(self) -> Option<Page> {
        self.path.with(|p| page_of_path(p))
    }

    /// The path's second segment, decoded (tracked): `a1` in `/review/a1`.
    pub fn id(self) -> Option<String> {
        match self.path.with(|p| locate(p)) {
            Located::Section(_, id) => id,
            _ => None,
        }
    }

    /// A query parameter, decoded (tracked): `customer` in `/statements?customer=…`.
    pub fn query(self, key: &str) -> Option<String> {
        self.search.with(|s| query_value(s, key))
    }

    /// [`Router::query`], without subscribing.
    pub fn query_untracked(self, key: &str) -> Option<String> {
        self.search.with_untracked(|s| query_value(s, key))
    }

    /// Goes to `to`, a path under the base with an optional query (`/apply/2`), as a new
    /// entry in the history.
    pub fn go(self, to: &str) {
        self.follow(&self.href(to), false);
    }

    /// Shows `to` in the address instead of the current entry (the back button skips it).
    pub fn replace(self, to: &str) {
        self.follow(&self.href(to), true);
    }

    /// The address of a path under the base.
    pub fn href(self, to: &str) -> String {
        format!("{}{to}", self.base.get_value())
    }

    /// Moves to a full address (base included) and shows it.
    fn follow(self, href: &str, replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        let moved = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(href))
        };
        if moved.is_ok() {
            self.sync();
            if !replace {
                // A new page starts at its top, as a page load would.
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    /// Takes the path and query from the address (after a move or the back button).
    fn sync(self) {
        let (path, search) = address(&self.base.get_value());
        // Signals notify even when equal: only a real change re-renders the page.
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
        }
    }
}

/// The current address's path under `base` and its query.
fn address(base: &str) -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".to_string(), String::new());
    };
    let pathname = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    (under_base(&pathname, base), search)
}

/// `pathname` without the public URL's path; `/` for the base itself.
fn under_base(pathname: &str, base: &str) -> String {
    let rest = match pathname.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        // Not under the base (a host page's own address): the console shows its home.
        _ => "",
    };
    if rest.is_empty() {
        "/".to_string()
    } else {
        rest.to_string()
    }
}

fn query_value(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(key)
}

/// What a path under the public URL names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Located {
    /// `/`.
    Home,
    /// `/section` or `/section/id` (segments decoded).
    Section(String, Option<String>),
    /// More segments, or an empty one: no page has such a path.
    Nowhere,
}

/// Reads a path (`/review/a1`, percent-encoded as in the address; a trailing `/` is
/// ignored) as the router's two shapes, `/` and `/:section/:id?`.
pub fn locate(path: &str) -> Located {
    let path = path.strip_prefix('/').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    if path.is_empty() {
        return Located::Home;
    }
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let mut parts = path.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(section), id, None) if !section.is_empty() && id != Some("") => {
            Located::Section(decode(section), id.map(decode))
        }
        _ => Located::Nowhere,
    }
}

/// A link to a page of the console (`href` with the base, as in the address). A plain
/// click moves in place; a click with a modifier (new tab, new window) or another button
/// is the browser's. `current`: marks the link as the page shown (the navigation).
#[component]
pub fn Link(
    #[prop(into)] href: String,
    #[prop(optional, into)] current: Option<Signal<bool>>,
    children: Children,
) -> impl IntoView {
    let router = Router::get();
    let target = href.clone();
    let follow = move |ev: MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        ev.prevent_default();
        router.follow(&target, false);
    };
    let aria_current = move || current.and_then(|c| c.get().then_some("page"));
    view! { <a href=href on:click=follow aria-current=aria_current>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_under_the_base() {
        assert_eq!(
            under_base("/partners/statements", "/partners"),
            "/statements"
        );
        assert_eq!(under_base("/partners", "/partners"), "/");
        assert_eq!(under_base("/partners/", "/partners"), "/");
        assert_eq!(under_base("/statements", ""), "/statements");
        assert_eq!(under_base("/", ""), "/");
        // `/partnersX` is not under `/partners`.
        assert_eq!(under_base("/partnersX/statements", "/partners"), "/");
    }

    #[test]
    fn paths_are_read_as_the_two_shapes() {
        assert_eq!(locate("/"), Located::Home);
        assert_eq!(locate(""), Located::Home);
        assert_eq!(
            locate("/statements"),
            Located::Section("statements".into(), None)
        );
        assert_eq!(
            locate("/statements/"),
            Located::Section("statements".into(), None)
        );
        assert_eq!(
            locate("/review/a%201"),
            Located::Section("review".into(), Some("a 1".into()))
        );
        assert_eq!(locate("/a/b/c"), Located::Nowhere);
        assert_eq!(locate("//x"), Located::Nowhere);
        assert_eq!(locate("/a//"), Located::Nowhere);
    }
}
