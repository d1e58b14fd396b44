//! The root: opens the data layer, restores session and language, then draws the shell
//! and the routes.

use leptos::prelude::*;
use std::rc::Rc;

use super::areas::{LoadFailed, Routed};
use super::config::{AppConfig, Reconnect};
use super::context::AppContext;
use super::remote::{self, RemoteArgs};
use super::router::Router;
use super::shell::language_switch::locale_of;
use super::shell::{Header, Nav, PageFocus, ProblemsBanner};
use crate::data::local::{DB_NAME, open_local, watch::Watch};
use crate::data::memory::memory_backend;
use crate::data::{Backend, DataError, Mode, Session};
use crate::domain::Lang;
use crate::i18n::*;

/// The whole application, configured by the host (or the defaults).
#[component]
pub fn App(config: AppConfig) -> impl IntoView {
    let embedded = config.embedded;
    let theme = config.theme.css_vars();
    view! {
        <I18nContextProvider
            set_lang_attr_on_html=!embedded
            set_dir_attr_on_html=!embedded
            enable_cookie=false
        >
            <Root config theme/>
        </I18nContextProvider>
    }
}

#[component]
fn Root(config: AppConfig, theme: Vec<(&'static str, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let initial = config.lang().unwrap_or_default();
    i18n.set_locale(locale_of(initial));
    let lang = RwSignal::new(initial);
    // `Some(None)`: remote mode's module could not be fetched.
    let ready = RwSignal::new(None::<Option<AppContext>>);
    let in_flight = RwSignal::new(0u32);

    // Starts (or, after the settings page changed the backend, restarts) the console.
    let start = move |config: AppConfig| {
        leptos::task::spawn_local(async move {
            let ctx = boot(config, lang, in_flight).await;
            // The saved language if boot could read it, else the configured one.
            i18n.set_locale(locale_of(lang.get_untracked()));
            ready.set(Some(ctx));
        });
    };
    provide_context(Reconnect(Callback::new(move |config: AppConfig| {
        ready.set(None);
        in_flight.set(0);
        start(config);
    })));
    start(config.clone());

    // The host's theme colours, through the CSSOM (a strict CSP blocks style attributes).
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let style = web_sys::HtmlElement::style(&el);
            for (name, value) in &theme {
                let _ = style.set_property(name, value);
            }
        }
    });
    view! {
        <div class="pc-root" lang=move || lang.get().tag() node_ref=root>
            {move || match ready.get() {
                None => view! {
                    <p class="pc-loading" role="status">{crate::ui::tr(i18n, |i| t_string!(i, app.loading))}</p>
                }.into_any(),
                Some(Some(ctx)) => view! { <Shell ctx/> }.into_any(),
                Some(None) => view! { <main class="pc-main"><LoadFailed/></main> }.into_any(),
            }}
        </div>
    }
}

/// Opens storage (falling back to memory if the browser refuses), sets aside what cannot
/// be read, and restores the session and the language. `None`: remote mode's module could
/// not be fetched.
async fn boot(
    config: AppConfig,
    lang: RwSignal<Lang>,
    in_flight: RwSignal<u32>,
) -> Option<AppContext> {
    let db_name = config
        .db_name
        .clone()
        .unwrap_or_else(|| DB_NAME.to_string());
    let remote_url = config.remote_url();
    let (backend, fallback): (Rc<dyn Backend>, Option<DataError>) = match remote_url {
        Some(url) => {
            let activity = Rc::new(move |delta: i32| {
                // The app may have been unmounted while a request ran.
                let _ = in_flight.try_update(|n| *n = n.saturating_add_signed(delta));
            });
            let args = RemoteArgs {
                base_url: url,
                token: config.auth_token.clone(),
                activity,
            };
            (remote::open(args).await.ok()?, None)
        }
        None => match open_local(&db_name).await {
            Ok(local) => {
                // Scan problems are reported through `quarantined` below.
                let _ = local.scan().await;
                (Rc::new(local), None)
            }
            Err(e) => (Rc::new(memory_backend()), Some(e)),
        },
    };
    let (session, newer, connection) = match backend.session().await {
        Ok(s) => (s, false, None),
        Err(DataError::NewerVersion { .. }) => (Session::default(), true, None),
        // Remote: the server is down or the token is not accepted — say so, and let the
        // user try again; local mode starts as a visitor.
        Err(e) if backend.mode() == Mode::Remote => (Session::default(), false, Some(e)),
        Err(_) => (Session::default(), false, None),
    };
    let problems = backend.quarantined().await.unwrap_or_default();
    if let Some(saved) = backend.settings().await.ok().and_then(|s| s.lang) {
        lang.set(saved);
    }
    let partner = super::context::load_partner(&*backend).await;
    Some(AppContext {
        backend: StoredValue::new_local(backend),
        config: StoredValue::new(config),
        session: RwSignal::new(session),
        versions: crate::ui::load::DataVersions::new(),
        todo_writes: RwSignal::new(0),
        problems: RwSignal::new(problems),
        storage_fallback: RwSignal::new(fallback),
        storage_newer: RwSignal::new(newer),
        lang,
        partner: RwSignal::new(partner),
        connection: RwSignal::new(connection),
        in_flight,
    })
}

/// Header, navigation and the routed page.
#[component]
fn Shell(ctx: AppContext) -> impl IntoView {
    provide_context(ctx);
    let i18n = use_i18n();
    // A record set aside while a page reads is reported at once, not on the next start.
    ctx.backend
        .with_value(|b| b.on_problem(Rc::new(move || ctx.refresh_problems())));
    if ctx.backend.with_value(|b| b.mode()) == Mode::Local {
        // Another tab changed the data: reload session, problems and views. Dropping the
        // watch (when the app unmounts) removes its listeners.
        let watch = StoredValue::new_local(Some(Watch::start(move || ctx.refresh())));
        on_cleanup(move || watch.update_value(|w| drop(w.take())));
    }
    // The header's partnership follows every change to the profiles (an approval, a
    // rename, the lifecycle, sample data, another tab), read once more each time.
    Effect::new(move |first: Option<()>| {
        ctx.versions.get(crate::data::Collection::Profiles);
        if first.is_some() {
            ctx.reload_partner();
        }
    });
    let base = ctx.config.with_value(|c| c.route_base());
    provide_context(super::shell::nav::NavMenu(RwSignal::new(false)));
    let router = Router::provide(base);
    // The skip link stays on the page it is on: under `<base href>` a bare `#pc-main`
    // would lead to the console's home. A click moves the focus to the content without
    // touching the address; the address it names is the page's own.
    let skip_href = move || format!("{}#pc-main", router.href(&router.path()));
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("pc-main"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    // Remote mode, standalone: while the server says nobody is signed in, the sign-in
    // page stands in for the routed page (the address stays, so the page opens after).
    let signs_in = super::shell::account::signs_in_itself(&ctx);
    let signed_out = Memo::new(move |_| {
        signs_in && ctx.connection.with(|c| *c == Some(DataError::SessionEnded))
    });
    let account = super::arrival::OnDemand::<super::shell::account::AccountViews>::default();
    Effect::new(move |_| {
        if signed_out.get() {
            account.ask(super::shell::account::load);
        }
    });
    let sign_in = move || {
        match account.get() {
        super::arrival::Arrival::Ready(views) => (views.sign_in)(),
        super::arrival::Arrival::Failed => view! { <LoadFailed/> }.into_any(),
        _ => view! {
            <p class="pc-loading" role="status">{crate::ui::tr(i18n, |i| t_string!(i, app.loading))}</p>
        }.into_any(),
    }
    };
    view! {
        <a class="pc-skip" href=skip_href on:click=skip>{crate::ui::tr(i18n, |i| t_string!(i, app.skip))}</a>
        <Header/>
        <div class="pc-body">
            <Show when=move || !signed_out.get()><Nav/></Show>
            <main id="pc-main" class="pc-main" tabindex="-1">
                <Show when=move || !signed_out.get() fallback=sign_in>
                    <PageFocus/>
                    <ProblemsBanner/>
                    <Routed/>
                </Show>
            </main>
        </div>
    }
}
