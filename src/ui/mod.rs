//! The Leptos UI: the app shell, shared components and one folder per feature. Every rule
//! comes from `domain`, every read and write goes through `data`.

pub mod app;
pub mod apply;
pub mod components;
pub mod config;
pub mod context;
pub mod eligibility;
pub mod home;
pub mod not_found;
pub mod review;
pub mod settings;
pub mod shell;

pub use app::App;
pub use config::AppConfig;

/// The app's translation context.
pub type I18n = leptos_i18n::I18nContext<crate::i18n::Locale>;
