//! The standalone app's backend connection (an embedding host passes its own): local
//! mode, or a backend's address and an access token. The address is remembered; the
//! token lives in memory only, so after a reload it is asked for again.

use crate::ui::components::Notice;
use leptos::prelude::*;

use crate::data::Mode;
use crate::data::remote::{
    BaseUrlProblem, browser_kv, check_base_url, forget_connection, save_connection,
};
use crate::i18n::*;
use crate::ui::components::{Busy, StatusLine, TextField, error_message, focus_by_id};
use crate::ui::config::AppConfig;
use crate::ui::config::Reconnect;
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The connection card.
#[component]
pub fn ConnectionSection() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let reconnect = expect_context::<Reconnect>().0;
    let mode = ctx.backend.with_value(|b| b.mode());
    let url = RwSignal::new(
        ctx.config
            .with_value(|c| c.backend_url.clone().unwrap_or_default()),
    );
    let token = RwSignal::new(String::new());
    let url_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<Notice>);
    let busy = Busy::new();

    let connect = move |_| {
        let field = t_string!(i18n, conn.url).to_string();
        let checked = match check_base_url(&url.get_untracked()) {
            Ok(u) => u,
            Err(problem) => {
                let msg = match problem {
                    BaseUrlProblem::Empty => t_string!(i18n, valid.required, field = field),
                    BaseUrlProblem::NotHttp => t_string!(i18n, conn.url_http, field = field),
                    BaseUrlProblem::Extras => t_string!(i18n, conn.url_extras, field = field),
                };
                url_error.set(Some(msg.to_string()));
                focus_by_id("conn-url");
                return;
            }
        };
        url_error.set(None);
        let typed = token.get_untracked();
        let token = (!typed.trim().is_empty()).then(|| typed.trim().to_string());
        busy.run(async move {
            // Ask the server who we are before switching: a wrong address or token
            // leaves the console as it was.
            let args = crate::ui::remote::RemoteArgs {
                base_url: checked.clone(),
                token: token.clone(),
                activity: std::rc::Rc::new(|_| {}),
            };
            let Ok(probe) = crate::ui::remote::open(args).await else {
                status.set(Some(Notice::Problem(
                    t_string!(i18n, app.area_failed_why).to_string(),
                )));
                return;
            };
            match probe.session().await {
                Ok(_) => {
                    if let Some(kv) = browser_kv() {
                        let _ = save_connection(&kv, &checked);
                    }
                    let mut config = ctx.config.get_value();
                    config.mode = Mode::Remote;
                    config.backend_url = Some(checked);
                    config.auth_token = token;
                    reconnect.run(config);
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    let use_local = move |_| {
        if let Some(kv) = browser_kv() {
            let _ = forget_connection(&kv);
        }
        let config = AppConfig {
            mode: Mode::Local,
            backend_url: None,
            auth_token: None,
            ..ctx.config.get_value()
        };
        reconnect.run(config);
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-conn-heading">
            <h2 id="pc-conn-heading">{tr(i18n, |i| t_string!(i, conn.heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, conn.intro))}</p>
            <form novalidate on:submit=move |ev| { ev.prevent_default(); connect(()); }>
                <TextField id="conn-url" kind="url" label=Signal::derive(move || t_string!(i18n, conn.url).to_string())
                    value=url on_input=Callback::new(move |v| url.set(v)) error=url_error required=true
                    hint=Signal::derive(move || t_string!(i18n, conn.url_hint).to_string())/>
                <TextField id="conn-token" kind="password" autocomplete="off"
                    label=Signal::derive(move || t_string!(i18n, conn.token).to_string())
                    value=token on_input=Callback::new(move |v| token.set(v))
                    hint=Signal::derive(move || t_string!(i18n, conn.token_hint).to_string())/>
                <div class="pc-actions">
                    <button type="submit" class="pc-button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                        {tr(i18n, |i| t_string!(i, conn.connect))}
                    </button>
                    {(mode == Mode::Remote).then(|| view! {
                        <button type="button" class="pc-button pc-button-quiet" on:click=use_local>
                            {tr(i18n, |i| t_string!(i, conn.use_local))}
                        </button>
                    })}
                </div>
            </form>
            <StatusLine message=status/>
        </section>
    }
}
