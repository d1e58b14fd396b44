//! `/settings`: language, data mode and (standalone) the backend connection, backup and
//! restore, unreadable data.

mod backup;
mod connection;
mod problems;

use leptos::prelude::*;

use crate::data::Mode;
use crate::domain::Lang;
use crate::i18n::*;
use crate::ui::context::AppContext;
use crate::ui::shell::language_switch::apply_lang;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let mode = ctx.backend.with_value(|b| b.mode());
    let url = ctx
        .config
        .with_value(|c| c.backend_url.clone().unwrap_or_default());
    let on_lang = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            apply_lang(ctx, i18n, lang);
        }
    };
    view! {
        <section class="pc-page" aria-labelledby="pc-settings-heading">
            <h1 id="pc-settings-heading">{crate::ui::tr(i18n, |i| t_string!(i, settings.heading))}</h1>

            <section class="pc-card" aria-labelledby="pc-lang-heading">
                <h2 id="pc-lang-heading">{crate::ui::tr(i18n, |i| t_string!(i, settings.language))}</h2>
                <label for="pc-lang-select" class="pc-label">{crate::ui::tr(i18n, |i| t_string!(i, settings.language))}</label>
                <select id="pc-lang-select" aria-describedby="pc-lang-hint" on:change=on_lang>
                    <option value="zh-CN" lang="zh-CN" selected=move || ctx.lang.get() == Lang::ZhCn>"简体中文"</option>
                    <option value="en-US" lang="en-US" selected=move || ctx.lang.get() == Lang::EnUs>"English"</option>
                </select>
                <p id="pc-lang-hint" class="pc-hint">{crate::ui::tr(i18n, |i| t_string!(i, settings.language_hint))}</p>
            </section>

            <section class="pc-card" aria-labelledby="pc-mode-heading">
                <h2 id="pc-mode-heading">{crate::ui::tr(i18n, |i| t_string!(i, settings.mode))}</h2>
                {match mode {
                    Mode::Local => view! { <p>{crate::ui::tr(i18n, |i| t_string!(i, settings.mode_local_desc))}</p> }.into_any(),
                    Mode::Remote => view! { <p>{t!(i18n, settings.mode_remote_desc, url = url.clone())}</p> }.into_any(),
                }}
            </section>

            {(!ctx.config.with_value(|c| c.embedded)).then(|| view! { <connection::ConnectionSection/> })}

            {(mode == Mode::Local).then(|| view! { <backup::BackupSection/> })}
            // Remote mode has problems too: records a server sent in the wrong shape.
            <problems::ProblemsSection/>
        </section>
    }
}
