//! How the app is configured: by the host page when embedded, by defaults standalone.

use serde::Deserialize;

use crate::data::Mode;
use crate::domain::Lang;

/// Theme colours the host may override (CSS colour strings).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Theme {
    /// Primary (buttons, links, focus ring).
    pub primary: Option<String>,
    /// Primary when hovered or pressed.
    pub primary_dark: Option<String>,
    /// Page background.
    pub background: Option<String>,
    /// Body text.
    pub text: Option<String>,
}

impl Theme {
    /// The CSS custom properties to set on the app's root element, as (name, value)
    /// pairs: they are set through the CSSOM (`style.setProperty`), which a strict
    /// Content-Security-Policy allows, never as a `style` attribute, which it blocks.
    pub fn css_vars(&self) -> Vec<(&'static str, String)> {
        let safe = |v: &str| {
            // A colour value only: refuse anything that could close the declaration.
            v.chars()
                .all(|c| c.is_ascii_alphanumeric() || " #(),.%-".contains(c))
        };
        [
            ("--pc-primary", &self.primary),
            ("--pc-primary-dark", &self.primary_dark),
            ("--pc-bg", &self.background),
            ("--pc-text", &self.text),
        ]
        .iter()
        .filter_map(|(name, value)| {
            value
                .as_deref()
                .filter(|v| safe(v))
                .map(|v| (*name, v.to_string()))
        })
        .collect()
    }
}

/// Everything the host page may pass to `mount`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AppConfig {
    /// Local (browser storage) or remote (HTTP backend).
    pub mode: Mode,
    /// The backend's base URL in remote mode.
    pub backend_url: Option<String>,
    /// The bearer token for the backend; kept in memory only, never stored.
    pub auth_token: Option<String>,
    /// The backend signs its users in with an email address and a password (the reference
    /// server, which serves the app marked so): while nobody is signed in, the console
    /// shows its sign-in page, and a signed-in user may sign out. Without it (a host's
    /// token, a backend chosen on the settings page) the host or the token decides.
    pub sign_in: bool,
    /// The language to start in when the user has not chosen one.
    pub locale: Option<String>,
    /// The route prefix the app lives under (`/partners`); empty for the site root.
    pub base: String,
    /// Colour overrides.
    pub theme: Theme,
    /// True when mounted inside a host page: the app then leaves `<html>` alone.
    pub embedded: bool,
    /// The IndexedDB database name (tests use their own).
    pub db_name: Option<String>,
    /// Where applicants file the supplier relationship declaration (腾讯供应商门户).
    pub supplier_portal_url: Option<String>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            mode: Mode::Local,
            backend_url: None,
            auth_token: None,
            sign_in: false,
            locale: None,
            base: String::new(),
            theme: Theme::default(),
            embedded: false,
            db_name: None,
            supplier_portal_url: None,
        }
    }
}

impl AppConfig {
    /// The starting language from the config, if it names one we speak.
    pub fn lang(&self) -> Option<Lang> {
        self.locale.as_deref().and_then(Lang::from_tag)
    }

    /// The backend's URL when the app runs in remote mode.
    pub fn remote_url(&self) -> Option<String> {
        (self.mode == Mode::Remote)
            .then(|| self.backend_url.clone())
            .flatten()
            .filter(|u| !u.trim().is_empty())
    }

    /// Refuses a configuration the app cannot honour, naming the field: remote mode
    /// without a backend URL must not quietly run on browser storage.
    pub fn check(&self) -> Result<(), String> {
        if self.mode == Mode::Remote && self.remote_url().is_none() {
            return Err("partner console config: mode \"remote\" needs backendUrl".into());
        }
        Ok(())
    }

    /// The route base normalised: leading slash, no trailing slash, empty for root.
    pub fn route_base(&self) -> String {
        normalise_base(&self.base)
    }
}

/// `partners/` → `/partners`; `/` → ``.
pub fn normalise_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// Restarts the console with another configuration (the settings page's connection); the
/// app provides it, so settings need not know the app.
#[derive(Clone, Copy)]
pub struct Reconnect(pub leptos::prelude::Callback<AppConfig>);
