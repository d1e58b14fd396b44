//! The Leptos UI: the app shell, shared components and one folder per feature. Every rule
//! comes from `domain`, every read and write goes through `data`.

#[macro_use]
mod on_demand;

pub mod announcements;
pub mod app;
pub mod apply;
pub mod areas;
pub mod arrival;
pub mod certificate;
pub mod components;
pub mod config;
pub mod context;
pub mod customers;
pub mod eligibility;
pub mod help;
pub mod learners;
pub mod load;
pub mod not_found;
pub mod profile;
pub mod record_check;
pub mod remote;
pub mod review;
pub mod router;
pub mod routes;
pub mod settings;
pub mod settlements;
pub mod shell;
pub mod special_rebates;
pub mod statements;
pub mod termination;
pub mod workbench;

pub use app::App;
pub use config::AppConfig;

/// The app's translation context.
pub type I18n = leptos_i18n::I18nContext<crate::i18n::Locale>;

/// Static text in the current language. Every string goes through this one function, so
/// the whole app shares a single reactive text-node type; `t!` gives each key its own
/// type and costs hundreds of bytes of wasm per use (measured: see ARCHITECTURE.md).
pub fn tr(i18n: I18n, text: fn(I18n) -> &'static str) -> impl leptos::prelude::IntoView + Copy {
    move || text(i18n)
}
