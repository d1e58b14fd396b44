//! The zh-CN ⇄ en-US switch: applies at once, remembered in settings.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::context::AppContext;

/// The i18n locale for a domain language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::ZhCn => Locale::zh_CN,
        Lang::EnUs => Locale::en_US,
    }
}

/// Switches the whole app to `lang` and remembers the choice.
pub fn apply_lang(ctx: AppContext, i18n: I18n, lang: Lang) {
    ctx.lang.set(lang);
    i18n.set_locale(locale_of(lang));
    let backend = ctx.backend();
    leptos::task::spawn_local(async move {
        // A failed save only means the choice is not remembered; the switch still holds.
        let mut settings = backend.settings().await.unwrap_or_default();
        settings.lang = Some(lang);
        let _ = backend.save_settings(&settings).await;
    });
}

/// A button that switches to the other language, labelled in that language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let other = move || match ctx.lang.get() {
        Lang::ZhCn => Lang::EnUs,
        Lang::EnUs => Lang::ZhCn,
    };
    view! {
        <button
            type="button"
            class="pc-button pc-button-quiet"
            lang=move || other().tag()
            aria-label=move || format!("{}: {}", t_string!(i18n, header.language), t_string!(i18n, header.switch_to))
            on:click=move |_| apply_lang(ctx, i18n, other())
        >
            {crate::ui::tr(i18n, |i| t_string!(i, header.switch_to))}
        </button>
    }
}
