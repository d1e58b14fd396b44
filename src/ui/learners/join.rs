//! `/join`: an employee joins the enterprise on the learning platform, by enterprise
//! email (active at once) or by account application (waits for the admin), and sees the
//! state and records of the requests made from this browser.

use crate::data::Collection;
use crate::ui::components::Notice;
use leptos::prelude::*;

use super::words::{
    achievement_name, code_problem, join_label, join_problem, method_name, state_name,
};
use crate::data::Mode;
use crate::data::learners::{
    all_learners, code, domains, drop_code, put_code, put_learner, remember_mine,
};
use crate::domain::common::contact::Email;
use crate::domain::learning::learner::{
    EmailCode, JoinField, JoinForm, JoinMethod, Learner, LearnerState,
};
use crate::i18n::*;
use crate::ui::components::validation_text::contact_message;
use crate::ui::components::{Busy, CheckField, StatusLine, TextField, error_message, focus_by_id};
use crate::ui::context::AppContext;
use crate::ui::tr;

fn new_learner(
    method: JoinMethod,
    id: String,
    name: String,
    mobile: String,
    email: String,
    account_id: String,
) -> Learner {
    Learner {
        id,
        method,
        state: LearnerState::initial(method),
        name,
        mobile,
        email,
        account_id,
        requested_at: chrono::Utc::now(),
        records: Vec::new(),
    }
}

/// The join page.
#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-join-heading">
            <h1 id="pc-join-heading">{tr(i18n, |i| t_string!(i, learn.join_heading))}</h1>
            <p>{tr(i18n, |i| t_string!(i, learn.join_intro))}</p>
            <EmailJoin/>
            <AccountJoin/>
            <MyRequests/>
        </section>
    }
}

#[component]
fn EmailJoin() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<String>);
    let code_input = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let agreed = RwSignal::new(false);
    let agreed_error = RwSignal::new(None::<String>);
    let mailbox = RwSignal::new(None::<(String, String)>);
    let status = RwSignal::new(None::<Notice>);
    let local = ctx.backend.with_value(|b| b.mode()) == Mode::Local;

    let parsed = move || Email::parse(&email.get_untracked());
    let send = move |_| {
        let field = t_string!(i18n, learn.f_email).to_string();
        let address = match parsed() {
            Ok(a) => a,
            Err(e) => {
                email_error.set(Some(contact_message(i18n, &field, &e)));
                focus_by_id("join-email");
                return;
            }
        };
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match domains(&*backend).await {
                Ok(d) if d.allows(&address) => {
                    email_error.set(None);
                    let issued = EmailCode::issue(new_code(), chrono::Utc::now());
                    match put_code(&*backend, &address.to_string(), &issued).await {
                        Ok(()) => {
                            mailbox.set(Some((address.to_string(), issued.code().to_string())));
                            status.set(Some(Notice::Done(
                                t_string!(i18n, learn.code_sent, email = address.to_string())
                                    .to_string(),
                            )));
                        }
                        Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
                    }
                }
                Ok(d) => {
                    let list = if d.0.is_empty() {
                        t_string!(i18n, learn.no_domains).to_string()
                    } else {
                        d.0.join("、")
                    };
                    email_error.set(Some(
                        t_string!(
                            i18n,
                            learn.domain_refused,
                            domain = address.domain.clone(),
                            domains = list
                        )
                        .to_string(),
                    ));
                    focus_by_id("join-email");
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };

    // Confirms with the typed code, or with the mailbox link (`by_link`).
    let checking = Busy::new();
    let confirm = move |by_link: bool| {
        if !agreed.get_untracked() {
            agreed_error.set(Some(t_string!(i18n, learn.agree_required).to_string()));
            focus_by_id("join-email-agree");
            return;
        }
        agreed_error.set(None);
        let Ok(address) = parsed() else { return };
        let typed = code_input.get_untracked();
        let backend = ctx.backend();
        checking.run(async move {
            let key = address.to_string();
            let Ok(Some(mut pending)) = code(&*backend, &key).await else {
                code_error.set(Some(t_string!(i18n, learn.code_none).to_string()));
                return;
            };
            let entered = if by_link {
                pending.code().to_string()
            } else {
                typed
            };
            let verdict = pending.verify(&entered, chrono::Utc::now());
            // The wrong-try count is kept, so reloading does not reset the five tries.
            let _ = put_code(&*backend, &key, &pending).await;
            match verdict {
                Err(e) => {
                    code_error.set(Some(code_problem(i18n, e)));
                    focus_by_id("join-code");
                }
                Ok(()) => {
                    code_error.set(None);
                    let learner = new_learner(
                        JoinMethod::EnterpriseEmail,
                        key.clone(),
                        address.local.clone(),
                        String::new(),
                        key.clone(),
                        String::new(),
                    );
                    // The learner record is the join; once it is stored the message says
                    // so. Remembering it in this browser and dropping the used code are
                    // housekeeping: a failure there loses nothing (the code can only
                    // activate the same address again).
                    let saved = async {
                        put_learner(&*backend, &learner).await?;
                        let _ = remember_mine(&*backend, &learner.id).await;
                        let _ = drop_code(&*backend, &key).await;
                        Ok::<(), crate::data::DataError>(())
                    }
                    .await;
                    match saved {
                        Ok(()) => {
                            mailbox.set(None);
                            status.set(Some(Notice::Done(
                                t_string!(i18n, learn.email_joined, email = key.clone())
                                    .to_string(),
                            )));
                            ctx.changed_in(&[Collection::Learners]);
                        }
                        Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
                    }
                }
            }
        });
    };

    view! {
        <section class="pc-card" aria-labelledby="pc-join-email-heading">
            <h2 id="pc-join-email-heading">{tr(i18n, |i| t_string!(i, learn.email_heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, learn.email_intro))}</p>
            <TextField id="join-email" kind="email" label=Signal::derive(move || t_string!(i18n, learn.f_email).to_string())
                value=email on_input=Callback::new(move |v| email.set(v)) error=email_error required=true autocomplete="email"/>
            <div class="pc-actions">
                <button type="button" class="pc-button pc-button-secondary" on:click=send>{tr(i18n, |i| t_string!(i, learn.send_code))}</button>
            </div>
            {local.then(|| view! {
                <aside class="pc-mailbox" aria-label=move || t_string!(i18n, learn.mailbox) hidden=move || mailbox.with(Option::is_none) data-testid="mailbox">
                    <p class="pc-badge pc-badge-local">{tr(i18n, |i| t_string!(i, learn.mailbox))}</p>
                    <p>{move || mailbox.get().map(|(to, c)| t_string!(i18n, learn.mailbox_text, email = to, code = c).to_string())}</p>
                    <button type="button" class="pc-button pc-button-quiet" on:click=move |_| confirm(true)>{tr(i18n, |i| t_string!(i, learn.mailbox_link))}</button>
                </aside>
            })}
            <TextField id="join-code" label=Signal::derive(move || t_string!(i18n, learn.f_code).to_string())
                value=code_input on_input=Callback::new(move |v| code_input.set(v)) error=code_error inputmode="numeric" autocomplete="one-time-code"/>
            <CheckField id="join-email-agree" label=Signal::derive(move || t_string!(i18n, learn.f_agreement).to_string())
                checked=agreed on_change=Callback::new(move |v| agreed.set(v)) error=agreed_error/>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=move |_| confirm(false) disabled=move || checking.get() aria-busy=move || checking.get().to_string()>{tr(i18n, |i| t_string!(i, learn.confirm_join))}</button>
            </div>
            <StatusLine message=status/>
        </section>
    }
}

#[component]
fn AccountJoin() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let form = RwSignal::new(JoinForm {
        account_id: ctx
            .session
            .with_untracked(|s| s.account_id.clone().unwrap_or_default()),
        ..JoinForm::default()
    });
    let shown = RwSignal::new(std::collections::HashSet::<JoinField>::new());
    let status = RwSignal::new(None::<Notice>);
    let error = move |f: JoinField| {
        Signal::derive(move || {
            if !shown.with(|s| s.contains(&f)) {
                return None;
            }
            form.with(|x| x.check())
                .into_iter()
                .find(|(g, _)| *g == f)
                .map(|(_, p)| join_problem(i18n, f, &p))
        })
    };
    let field = move |id: &'static str,
                      f: JoinField,
                      get: fn(&JoinForm) -> String,
                      set: fn(&mut JoinForm, String),
                      kind: &'static str| {
        view! {
            <TextField id=id kind=kind label=Signal::derive(move || join_label(i18n, f))
                value=Signal::derive(move || form.with(get))
                on_input=Callback::new(move |v| form.update(|x| set(x, v)))
                on_blur=Callback::new(move |_| shown.update(|s| { s.insert(f); }))
                error=error(f) required=true/>
        }
    };
    let busy = Busy::new();
    let submit = move |_| {
        let problems = form.with_untracked(|x| x.check());
        if let Some((first, _)) = problems.first() {
            shown.update(|s| s.extend(problems.iter().map(|(f, _)| *f)));
            focus_by_id(match first {
                JoinField::EnterpriseName => "join-enterprise",
                JoinField::EnterpriseUin => "join-uin",
                JoinField::Name => "join-name",
                JoinField::AccountId => "join-account",
                JoinField::Mobile => "join-mobile",
                JoinField::Agreement => "join-agree",
            });
            return;
        }
        let f = form.get_untracked();
        let id = crate::domain::common::text::compact(&f.account_id);
        let learner = new_learner(
            JoinMethod::AccountApplication,
            id.clone(),
            f.name.trim().to_string(),
            crate::domain::common::text::compact(&f.mobile),
            String::new(),
            id,
        );
        let sent = form.get_untracked();
        let backend = ctx.backend();
        busy.run(async move {
            // The request is the learner record; remembering it in this browser (so the
            // page can show its state) may fail without losing the request.
            let saved = async {
                put_learner(&*backend, &learner).await?;
                let _ = remember_mine(&*backend, &learner.id).await;
                Ok::<(), crate::data::DataError>(())
            }
            .await;
            match saved {
                Ok(()) => {
                    status.set(Some(Notice::Done(
                        t_string!(i18n, learn.request_sent).to_string(),
                    )));
                    // Cleared for the next request — unless it is already being typed.
                    if form.try_with_untracked(|x| *x == sent) == Some(true) {
                        form.update(|x| {
                            *x = JoinForm {
                                enterprise_name: x.enterprise_name.clone(),
                                enterprise_uin: x.enterprise_uin.clone(),
                                ..JoinForm::default()
                            }
                        });
                        shown.set(Default::default());
                    }
                    ctx.changed_in(&[Collection::Learners]);
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-join-account-heading">
            <h2 id="pc-join-account-heading">{tr(i18n, |i| t_string!(i, learn.account_heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, learn.account_intro))}</p>
            {field("join-enterprise", JoinField::EnterpriseName, |x| x.enterprise_name.clone(), |x, v| x.enterprise_name = v, "text")}
            {field("join-uin", JoinField::EnterpriseUin, |x| x.enterprise_uin.clone(), |x, v| x.enterprise_uin = v, "text")}
            {field("join-name", JoinField::Name, |x| x.name.clone(), |x, v| x.name = v, "text")}
            {field("join-account", JoinField::AccountId, |x| x.account_id.clone(), |x, v| x.account_id = v, "text")}
            {field("join-mobile", JoinField::Mobile, |x| x.mobile.clone(), |x, v| x.mobile = v, "tel")}
            <CheckField id="join-agree" label=Signal::derive(move || join_label(i18n, JoinField::Agreement))
                checked=Signal::derive(move || form.with(|x| x.agreed))
                on_change=Callback::new(move |v| form.update(|x| x.agreed = v))
                error=error(JoinField::Agreement)/>
            <div class="pc-actions">
                <button type="button" class="pc-button" on:click=submit disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr(i18n, |i| t_string!(i, learn.submit_request))}</button>
            </div>
            <StatusLine message=status/>
        </section>
    }
}

/// The state and records of the requests made from this browser (an employee sees only
/// their own).
#[component]
fn MyRequests() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let mine = LocalResource::new(move || {
        ctx.versions.track(&[Collection::Learners]);
        let backend = ctx.backend();
        async move {
            let ids = backend
                .settings()
                .await
                .map(|s| s.my_learners)
                .unwrap_or_default();
            let all = all_learners(&*backend).await.unwrap_or_default();
            all.into_iter()
                .filter(|l| ids.contains(&l.id))
                .collect::<Vec<_>>()
        }
    });
    view! {
        <section class="pc-card" aria-labelledby="pc-mine-heading">
            <h2 id="pc-mine-heading">{tr(i18n, |i| t_string!(i, learn.mine_heading))}</h2>
            <ul class="pc-mine" data-testid="my-requests">
                {move || mine.get().unwrap_or_default().into_iter().map(|l| {
                    let reason = match &l.state { LearnerState::Rejected { reason } => Some(reason.clone()), _ => None };
                    view! {
                        <li>
                            <strong>{l.name.clone()}</strong>" · "{method_name(i18n, l.method)}" · "{l.id.clone()}" · "
                            <span class="pc-state">{state_name(i18n, &l.state)}</span>
                            {reason.map(|r| view! { <span class="pc-reason">" — "{r}</span> })}
                            <ul>
                                {l.records.iter().map(|r| view! { <li>{achievement_name(i18n, r.achievement)}": "{r.title.clone()}" ("{r.date.to_string()}")"</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A random six-digit code. (A backend issues its own; this is local mode's mailbox.)
fn new_code() -> String {
    format!(
        "{:06}",
        (js_sys::Math::random() * 1_000_000.0) as u32 % 1_000_000
    )
}
