//! Joining by enterprise email: a code sent to an address on an enabled domain, then
//! confirmed (typed, or by the mailbox's link in local mode). Active at once.

use leptos::prelude::*;

use super::new_code;
use crate::data::learners::{EmailJoinRefusal, join_by_email, send_code};
use crate::data::{Collection, Mode};
use crate::domain::common::contact::Email;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::validation_text::contact_message;
use crate::ui::components::{
    Busy, CheckField, Notice, StatusLine, TextField, error_message, focus_by_id,
};
use crate::ui::context::AppContext;
use crate::ui::learners::words::code_problem;
use crate::ui::tr;

/// The email path's signals: what is typed, the messages at the fields, the local
/// mailbox (address, code) and the status line.
#[derive(Clone, Copy)]
struct EmailForm {
    email: RwSignal<String>,
    email_error: RwSignal<Option<String>>,
    code: RwSignal<String>,
    code_error: RwSignal<Option<String>>,
    agreed: RwSignal<bool>,
    agreed_error: RwSignal<Option<String>>,
    mailbox: RwSignal<Option<(String, String)>>,
    status: RwSignal<Option<Notice>>,
}

impl EmailForm {
    fn new() -> EmailForm {
        EmailForm {
            email: RwSignal::new(String::new()),
            email_error: RwSignal::new(None),
            code: RwSignal::new(String::new()),
            code_error: RwSignal::new(None),
            agreed: RwSignal::new(false),
            agreed_error: RwSignal::new(None),
            mailbox: RwSignal::new(None),
            status: RwSignal::new(None),
        }
    }

    /// Shows why the join did not go on, at the field it concerns.
    fn refused(self, i18n: I18n, address: &Email, refusal: EmailJoinRefusal) {
        match refusal {
            EmailJoinRefusal::Domain(enabled) => {
                let list = if enabled.0.is_empty() {
                    t_string!(i18n, learn.no_domains).to_string()
                } else {
                    crate::ui::components::list(i18n, enabled.0)
                };
                let domain = address.domain.clone();
                self.email_error.set(Some(
                    t_string!(i18n, learn.domain_refused, domain = domain, domains = list)
                        .to_string(),
                ));
                focus_by_id("join-email");
            }
            EmailJoinRefusal::NoCode => {
                self.code_error
                    .set(Some(t_string!(i18n, learn.code_none).to_string()));
            }
            EmailJoinRefusal::Code(e) => {
                self.code_error.set(Some(code_problem(i18n, e)));
                focus_by_id("join-code");
            }
            EmailJoinRefusal::Data(e) => self
                .status
                .set(Some(Notice::Problem(error_message(i18n, &e)))),
        }
    }
}

/// The email path's card.
#[component]
pub(super) fn EmailJoin() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let f = EmailForm::new();
    let local = ctx.backend.with_value(|b| b.mode()) == Mode::Local;

    let address = move || {
        Email::parse(&f.email.get_untracked()).map_err(|e| {
            let field = t_string!(i18n, learn.f_email).to_string();
            f.email_error.set(Some(contact_message(i18n, &field, &e)));
            focus_by_id("join-email");
        })
    };
    let send = move |_| {
        let Ok(address) = address() else { return };
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match send_code(&*backend, &address, new_code(), chrono::Utc::now()).await {
                Ok(issued) => {
                    f.email_error.set(None);
                    // Local mode's simulated mailbox; a server mails the code itself.
                    f.mailbox
                        .set(issued.map(|issued| (address.to_string(), issued.code().to_string())));
                    let sent = t_string!(i18n, learn.code_sent, email = address.to_string());
                    f.status.set(Some(Notice::Done(sent.to_string())));
                }
                Err(refusal) => f.refused(i18n, &address, refusal),
            }
        });
    };

    // Confirms with the typed code, or with the mailbox link (`by_link`).
    let checking = Busy::new();
    let confirm = move |by_link: bool| {
        if !f.agreed.get_untracked() {
            f.agreed_error
                .set(Some(t_string!(i18n, learn.agree_required).to_string()));
            focus_by_id("join-email-agree");
            return;
        }
        f.agreed_error.set(None);
        let Ok(address) = address() else { return };
        let typed = (!by_link).then(|| f.code.get_untracked());
        let backend = ctx.backend();
        checking.run(async move {
            match join_by_email(&*backend, &address, typed.as_deref(), chrono::Utc::now()).await {
                Ok(learner) => {
                    f.code_error.set(None);
                    f.mailbox.set(None);
                    let joined = t_string!(i18n, learn.email_joined, email = learner.id);
                    f.status.set(Some(Notice::Done(joined.to_string())));
                    ctx.changed_in(&[Collection::Learners]);
                }
                Err(refusal) => f.refused(i18n, &address, refusal),
            }
        });
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-join-email-heading">
            <h2 id="pc-join-email-heading">{tr(i18n, |i| t_string!(i, learn.email_heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, learn.email_intro))}</p>
            <TextField id="join-email" kind="email" label=Signal::derive(move || t_string!(i18n, learn.f_email).to_string())
                value=f.email on_input=Callback::new(move |v| f.email.set(v)) error=f.email_error required=true autocomplete="email"/>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=send>{tr(i18n, |i| t_string!(i, learn.send_code))}</button>
            </div>
            {local.then(|| view! { <Mailbox mailbox=f.mailbox on_link=Callback::new(move |_| confirm(true))/> })}
            <TextField id="join-code" label=Signal::derive(move || t_string!(i18n, learn.f_code).to_string())
                value=f.code on_input=Callback::new(move |v| f.code.set(v)) error=f.code_error inputmode="numeric" autocomplete="one-time-code"/>
            <CheckField id="join-email-agree" label=Signal::derive(move || t_string!(i18n, learn.f_agreement).to_string())
                checked=f.agreed on_change=Callback::new(move |v| f.agreed.set(v)) error=f.agreed_error/>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=move |_| confirm(false) disabled=move || checking.get() aria-busy=move || checking.get().to_string()>{tr(i18n, |i| t_string!(i, learn.confirm_join))}</button>
            </div>
            <StatusLine message=f.status/>
        </section>
    }
}

/// Local mode's stand-in for the employee's mailbox: the code sent, and the link that
/// confirms with it.
#[component]
fn Mailbox(mailbox: RwSignal<Option<(String, String)>>, on_link: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <aside class="pc-mailbox" aria-label=move || t_string!(i18n, learn.mailbox) hidden=move || mailbox.with(Option::is_none) data-testid="mailbox">
            <p class="pc-badge pc-badge-local">{tr(i18n, |i| t_string!(i, learn.mailbox))}</p>
            <p>{move || mailbox.get().map(|(to, c)| t_string!(i18n, learn.mailbox_text, email = to, code = c).to_string())}</p>
            <button type="button" class="pc-button pc-button-quiet" on:click=move |_| on_link.run(())>{tr(i18n, |i| t_string!(i, learn.mailbox_link))}</button>
        </aside>
    }
}
