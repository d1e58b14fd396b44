//! The sign-in page: shown in place of the routed page when the server says nobody is
//! signed in. The password never leaves this form except in the sign-in request; the
//! session comes back as an HttpOnly cookie that no script reads.

use leptos::prelude::*;

use crate::data::DataError;
use crate::i18n::*;
use crate::ui::components::{Busy, Notice, Status, StatusLine, TextField, error_message};
use crate::ui::context::AppContext;
use crate::ui::tr;

#[component]
pub(super) fn SignIn() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let status = Status::default();
    let busy = Busy::new();
    let heading = NodeRef::<leptos::html::H1>::new();
    // Whoever arrives here is told where they are first.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let required =
        move |value: RwSignal<String>, error: RwSignal<Option<String>>, label: String| {
            let missing = value.with_untracked(|v| v.trim().is_empty());
            error.set(missing.then(|| t_string!(i18n, valid.required, field = label).to_string()));
            !missing
        };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let email_ok = required(
            email,
            email_error,
            t_string!(i18n, sign_in.email).to_string(),
        );
        let password_ok = required(
            password,
            password_error,
            t_string!(i18n, sign_in.password).to_string(),
        );
        if !email_ok || !password_ok {
            let first = if email_ok {
                "sign-in-password"
            } else {
                "sign-in-email"
            };
            crate::ui::components::focus_by_id(first);
            return;
        }
        let backend = ctx.backend();
        let (address, secret) = (email.get_untracked(), password.get_untracked());
        status.set(None);
        busy.run(async move {
            match backend.sign_in(address.trim(), &secret).await {
                Ok(session) => {
                    password.set(String::new());
                    ctx.session.set(session);
                    ctx.connection.set(None);
                    ctx.refresh();
                }
                Err(e) => {
                    // Which of the two was wrong is never said; the password is typed again.
                    if e == DataError::SignInRefused {
                        password.set(String::new());
                        crate::ui::components::focus_by_id("sign-in-password");
                    }
                    status.set(Some(Notice::Problem(error_message(i18n, &e))));
                }
            }
        });
    };

    view! {
        <section class="pc-page pc-sign-in" aria-labelledby="pc-sign-in-heading">
            <h1 id="pc-sign-in-heading" tabindex="-1" node_ref=heading>{tr(i18n, |i| t_string!(i, sign_in.heading))}</h1>
            <p class="pc-muted">{tr(i18n, |i| t_string!(i, sign_in.intro))}</p>
            <form class="pc-card pc-form" on:submit=submit novalidate>
                <TextField id="sign-in-email" kind="email" autocomplete="username" required=true
                    label=Signal::derive(move || t_string!(i18n, sign_in.email).to_string())
                    value=email on_input=Callback::new(move |v| email.set(v)) error=email_error/>
                <TextField id="sign-in-password" kind="password" autocomplete="current-password" required=true
                    label=Signal::derive(move || t_string!(i18n, sign_in.password).to_string())
                    value=password on_input=Callback::new(move |v| password.set(v)) error=password_error/>
                <StatusLine message=status/>
                <div class="pc-actions">
                    <button type="submit" class="pc-button" disabled=move || busy.get()>
                        {move || if busy.get() {
                            t_string!(i18n, sign_in.signing_in).to_string()
                        } else {
                            t_string!(i18n, sign_in.submit).to_string()
                        }}
                    </button>
                </div>
            </form>
        </section>
    }
}
