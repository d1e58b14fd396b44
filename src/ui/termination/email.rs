//! The termination application email, composed as the user types (per the guide's
//! template), with copy buttons, a `mailto:` link and the sender-domain check.

use leptos::prelude::*;

use crate::domain::common::contact::Email;
use crate::domain::partner::lifecycle::{PartnerEvent, TerminationPreconditions};
use crate::domain::partner::termination::{SenderCheck, check_sender, compose};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::copy::CopyButton;
use crate::ui::components::validation_text::contact_message;
use crate::ui::components::{TextField, focus_by_id};
use crate::ui::context::AppContext;
use crate::ui::tr;

/// The composer (shown once both preconditions hold).
#[component]
pub(super) fn Compose(
    company: String,
    website: String,
    /// The partner account's UIN from the profile (empty when unknown).
    uin: String,
    needing_help: Vec<String>,
    pre: TerminationPreconditions,
    on_sent: Callback<PartnerEvent>,
    may_send: Memo<bool>,
) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    // The UIN given at admission; else the signed-in account's.
    let uin = RwSignal::new(if uin.trim().is_empty() {
        ctx.session
            .with_untracked(|s| s.account_id.clone().unwrap_or_default())
    } else {
        uin
    });
    let reason = RwSignal::new(String::new());
    let manager = RwSignal::new(String::new());
    let sender = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let error_of = move |id: &'static str| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(f, _)| *f == id).map(|(_, m)| m.clone()))
        })
    };
    let company = StoredValue::new(company);
    let website = StoredValue::new(website);
    let help = StoredValue::new(needing_help);
    let email = Memo::new(move |_| {
        compose(
            &uin.get(),
            &company.get_value(),
            &reason.get(),
            &manager.get(),
            &help.get_value(),
        )
    });
    let mailto = move || {
        let e = email.get();
        let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
        format!(
            "mailto:{}?cc={}&subject={}&body={}",
            e.to,
            enc(&e.cc),
            enc(&e.subject),
            enc(&e.body)
        )
    };
    let sender_check = move || {
        let typed = sender.get();
        if typed.trim().is_empty() {
            return None;
        }
        Some(match Email::parse(&typed) {
            Err(_) => t_string!(i18n, term.sender_invalid).to_string(),
            Ok(e) => match check_sender(&e, &website.get_value()) {
                SenderCheck::CompanyDomain => {
                    t_string!(i18n, term.sender_ok, domain = e.domain.clone()).to_string()
                }
                SenderCheck::StampedAttachmentRequired {
                    sender_domain,
                    company_domain,
                } => t_string!(
                    i18n,
                    term.sender_stamp,
                    sender = sender_domain,
                    company = company_domain.unwrap_or_else(|| "—".into())
                )
                .to_string(),
            },
        })
    };
    let label = |i18n: I18n, id: &str| -> String {
        match id {
            "term-uin" => t_string!(i18n, term.uin),
            "term-reason" => t_string!(i18n, term.reason),
            "term-manager" => t_string!(i18n, term.manager_email),
            _ => t_string!(i18n, term.sender),
        }
        .to_string()
    };
    let sent = move |_| {
        let mut found = Vec::new();
        for (id, value) in [("term-uin", uin), ("term-reason", reason)] {
            if value.get_untracked().trim().is_empty() {
                found.push((
                    id,
                    t_string!(i18n, valid.required, field = label(i18n, id)).to_string(),
                ));
            }
        }
        for (id, value) in [("term-manager", manager), ("term-sender", sender)] {
            if let Err(e) = Email::parse(&value.get_untracked()) {
                found.push((id, contact_message(i18n, &label(i18n, id), &e)));
            }
        }
        if let Some((first, _)) = found.first() {
            focus_by_id(first);
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        on_sent.run(PartnerEvent::RequestTermination(pre));
    };
    let field = move |id: &'static str, value: RwSignal<String>, kind: &'static str| {
        view! {
            <TextField id kind label=Signal::derive(move || label(i18n, id)) value
                on_input=Callback::new(move |v| value.set(v)) error=error_of(id) required=true/>
        }
    };
    let part = move |what: fn(I18n) -> &'static str,
                     text: fn(&crate::domain::partner::termination::TerminationEmail) -> String,
                     testid: &'static str| {
        view! {
            <dt>{tr(i18n, what)}</dt>
            <dd class="pc-copy-row">
                <pre class="pc-email-text" data-testid=testid>{move || email.with(text)}</pre>
                <CopyButton text=Signal::derive(move || email.with(text)) what=Signal::derive(move || what(i18n).to_string())/>
            </dd>
        }
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-term-email">
            <h2 id="pc-term-email">{tr(i18n, |i| t_string!(i, term.email_heading))}</h2>
            <p class="pc-hint">{tr(i18n, |i| t_string!(i, term.email_intro))}</p>
            <div class="pc-filters">
                {field("term-uin", uin, "text")}
                {field("term-manager", manager, "email")}
                {field("term-sender", sender, "email")}
            </div>
            {field("term-reason", reason, "text")}
            <p class="pc-alert" role="status" data-testid="sender-check" hidden=move || sender_check().is_none()>{sender_check}</p>
            <dl class="pc-pairs" data-testid="termination-email">
                {part(|i| t_string!(i, term.to), |e| e.to.clone(), "email-to")}
                {part(|i| t_string!(i, term.cc), |e| e.cc.clone(), "email-cc")}
                {part(|i| t_string!(i, term.subject), |e| e.subject.clone(), "email-subject")}
                {part(|i| t_string!(i, term.body), |e| e.body.clone(), "email-body")}
            </dl>
            <div class="pc-actions">
                <a class="pc-button pc-button-secondary" href=mailto>{tr(i18n, |i| t_string!(i, term.open_mail))}</a>
                <button type="button" class="pc-button" hidden=move || !may_send.get() on:click=sent>{tr(i18n, |i| t_string!(i, term.sent))}</button>
            </div>
        </section>
    }
}
