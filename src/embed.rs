//! The embedding API: a host page mounts the app into an element it owns and can remove
//! it again completely. The standalone page uses the same entry point.

use leptos::prelude::*;
use std::any::Any;
use wasm_bindgen::prelude::*;

use crate::ui::{App, AppConfig};

/// What `mount` returns to the host; `unmount()` removes the app and its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    inner: Option<Box<dyn Any>>,
    root: web_sys::HtmlElement,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the app from the host element. Safe to call twice.
    pub fn unmount(&mut self) {
        // Dropping leptos' handle disposes the reactive tree: routes, listeners, watches.
        drop(self.inner.take());
        self.root.set_inner_html("");
    }
}

fn read_config(value: &JsValue) -> Result<AppConfig, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(AppConfig::default());
    }
    let text = js_sys::JSON::stringify(value)?
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text)
        .map_err(|e| JsValue::from_str(&format!("partner console config: {e}")))
}

/// Mounts the console into `element` with a configuration object:
/// `{ mode, backendUrl, authToken, locale, base, theme: { primary, primaryDark,
/// background, text } }` (every field optional).
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue) -> Result<MountHandle, JsValue> {
    let mut config = read_config(&config)?;
    config.check().map_err(|e| JsValue::from_str(&e))?;
    config.embedded = true;
    Ok(mount_with(element, config))
}

fn mount_with(element: web_sys::HtmlElement, config: AppConfig) -> MountHandle {
    console_error_panic_hook::set_once();
    let root = element.clone();
    let handle = leptos::mount::mount_to(element, move || view! { <App config/> });
    MountHandle {
        inner: Some(Box::new(handle)),
        root,
    }
}

/// The path of the page's `<base href>` (set from Trunk's public URL), as the route base.
fn document_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .map(|href| {
            // An absolute URL (CDN) keeps only its path.
            let path = href.split("://").nth(1).map_or(href.as_str(), |rest| {
                rest.find('/').map_or("/", |i| &rest[i..])
            });
            crate::ui::config::normalise_base(path)
        })
        .unwrap_or_default()
}

/// The backend a server serving the app names on the mount element
/// (`data-backend-url="api"`, resolved against the page's base): the reference server
/// marks its `index.html` so, and the app is in remote mode on the same origin.
fn served_backend(target: &web_sys::HtmlElement) -> Option<String> {
    let path = target.get_attribute("data-backend-url")?;
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let url = web_sys::Url::new_with_base(&path, &base).ok()?.href();
    crate::data::remote::check_base_url(&url).ok()
}

/// Standalone start: mounts into the element marked `data-partner-console` if the page
/// has one (index.html does; a host page that embeds the app does not).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(target) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-partner-console]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // A page serving index.html itself may configure the app (remote mode, backend,
    // token) by setting `window.partnerConsoleConfig` from its own script first.
    // Otherwise the backend chosen on the settings page, if any (its token is asked for
    // again: it is never stored).
    let page_config = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("partnerConsoleConfig")).ok())
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(|v| read_config(&v))
        .unwrap_or_else(|| {
            if let Some(url) = served_backend(&target) {
                return Ok(AppConfig {
                    mode: crate::data::Mode::Remote,
                    backend_url: Some(url),
                    sign_in: true,
                    ..AppConfig::default()
                });
            }
            let saved = crate::data::remote::browser_kv()
                .and_then(|kv| crate::data::remote::saved_connection(&kv));
            Ok(match saved {
                Some(url) => AppConfig {
                    mode: crate::data::Mode::Remote,
                    backend_url: Some(url),
                    ..AppConfig::default()
                },
                None => AppConfig::default(),
            })
        });
    let config =
        match page_config.and_then(|c| c.check().map(|_| c).map_err(|e| JsValue::from_str(&e))) {
            Ok(c) => AppConfig {
                base: document_base(),
                embedded: false,
                ..c
            },
            Err(e) => {
                // Refused where it shows rather than quietly running on browser storage.
                target.set_text_content(e.as_string().as_deref());
                return;
            }
        };
    // The standalone app lives as long as the page.
    std::mem::forget(mount_with(target, config));
}
