//! `/certificate`: the yearly authorization certificate — the partner applies, the
//! channel manager approves or rejects with a reason, and an approved certificate has a
//! page that prints on A4. After its year it shows as expired, with "apply for this
//! year's".

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::load::use_load;
use chrono::Datelike;
use leptos::prelude::*;

use crate::data::partner::{load_certificate, load_profile, save_certificate};
use crate::domain::certificate::{
    CertificateHolder, CertificateRecord, CertificateState, Validity,
};
use crate::domain::{Lang, Permission};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::time::{local_minute, today};
use crate::ui::components::{
    Busy, StatusLine, TextField, error_message, focus_by_id, transition_message,
};
use crate::ui::context::AppContext;
use crate::ui::eligibility::type_name;
use crate::ui::routes::Page;
use crate::ui::tr;

/// `31 December 2026` / `2026年12月31日`.
pub(crate) fn long_date(lang: Lang, d: chrono::NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::EnUs => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
    }
}

fn state_name(i18n: I18n, s: &str) -> String {
    match s {
        "requested" => t_string!(i18n, cert.s_requested),
        "approved" => t_string!(i18n, cert.s_approved),
        _ => t_string!(i18n, cert.s_rejected),
    }
    .to_string()
}

/// The page.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-cert-heading">
            <h1 id="pc-cert-heading" class="pc-no-print">{tr(i18n, |i| t_string!(i, cert.heading))}</h1>
            <Gated page=Page::Certificate><Certificate/></Gated>
        </section>
    }
}

#[component]
fn Certificate() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let record = RwSignal::new(None::<CertificateRecord>);
    let holder = RwSignal::new(None::<CertificateHolder>);
    let loaded = RwSignal::new(false);
    let status = RwSignal::new(None::<(bool, String)>);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let may_apply = ctx.may_any(&[Permission::EditCompanyData]);
    let may_decide = ctx.may_any(&[Permission::Review]);
    use_load(
        &[Collection::Certificates, Collection::Profiles],
        status,
        |backend| async move {
            let certificate = load_certificate(&*backend).await?;
            let profile = load_profile(&*backend).await.ok().flatten();
            Ok((certificate, profile))
        },
        move |(certificate, profile)| {
            record.set(certificate);
            if let Some(p) = profile {
                holder.set(Some(CertificateHolder {
                    name: p.value.company_name,
                    uscc: crate::domain::uscc::canonical(&p.value.uscc),
                    partner_type: p.value.partner_type,
                }));
            }
            loaded.set(true);
        },
    );
    let busy = Busy::new();
    let store = move |next: CertificateRecord, done: String| {
        let backend = ctx.backend();
        busy.run(async move {
            match save_certificate(&*backend, &next).await {
                Ok(()) => {
                    record.set(Some(next));
                    status.set(Some((false, done)));
                }
                Err(e) => status.set(Some((true, error_message(i18n, &e)))),
            }
        });
    };
    let apply = move |_| {
        let who = ctx.actor();
        match CertificateRecord::request(
            record.get_untracked().as_ref(),
            today(),
            chrono::Utc::now(),
            who,
        ) {
            Ok(next) => store(next, t_string!(i18n, cert.requested_done).to_string()),
            Err(e) => status.set(Some((true, transition_message(i18n, &e)))),
        }
    };
    let approve = move |_| {
        let (Some(mut next), Some(h)) = (record.get_untracked(), holder.get_untracked()) else {
            status.set(Some((true, t_string!(i18n, cert.no_profile).to_string())));
            return;
        };
        let who = ctx.actor();
        match next.approve(h, today(), chrono::Utc::now(), who) {
            Ok(()) => store(next, t_string!(i18n, cert.approved_done).to_string()),
            Err(e) => status.set(Some((true, transition_message(i18n, &e)))),
        }
    };
    let reject = move |_| {
        let Some(mut next) = record.get_untracked() else {
            return;
        };
        let who = ctx.actor();
        match next.reject(&reason.get_untracked(), chrono::Utc::now(), who) {
            Ok(()) => {
                reason_error.set(None);
                reason.set(String::new());
                store(next, t_string!(i18n, cert.rejected_done).to_string());
            }
            Err(_) => {
                let field = t_string!(i18n, cert.reason).to_string();
                reason_error.set(Some(
                    t_string!(i18n, valid.required, field = field).to_string(),
                ));
                focus_by_id("cert-reason");
            }
        }
    };
    let state = move || record.with(|r| r.as_ref().map(|r| r.state.clone()));
    let can_request = move || {
        may_apply.get()
            && holder.with(Option::is_some)
            && record.with(|r| r.as_ref().is_none_or(|r| r.state.may_request_new(today())))
    };
    let year = today().year();

    view! {
        <StatusLine message=status/>
        <p class="pc-alert pc-no-print" role="status" hidden=move || !(loaded.get() && holder.with(Option::is_none))>
            {tr(i18n, |i| t_string!(i, cert.no_profile))}
        </p>
        <div class="pc-card pc-no-print" data-testid="certificate-state">
            <p>{move || match state() {
                None => t_string!(i18n, cert.none).to_string(),
                Some(CertificateState::Requested) => t_string!(i18n, cert.waiting, date = record.with(|r| r.as_ref().map(|r| r.requested_on.to_string()).unwrap_or_default())).to_string(),
                Some(CertificateState::Rejected { reason }) => t_string!(i18n, cert.rejected, reason = reason).to_string(),
                Some(CertificateState::Approved { .. }) => match record.with(|r| r.as_ref().and_then(|r| r.state.validity(today()))) {
                    Some(Validity::Expired { until }) => t_string!(i18n, cert.expired, date = until.to_string()).to_string(),
                    _ => t_string!(i18n, cert.valid).to_string(),
                },
            }}</p>
            <div class="pc-actions">
                <button type="button" class="pc-button" hidden=move || !can_request() on:click=apply disabled=move || busy.get()>
                    {move || t_string!(i18n, cert.apply, year = year).to_string()}
                </button>
            </div>
            <div hidden=move || !(may_decide.get() && state() == Some(CertificateState::Requested))>
                <TextField id="cert-reason" label=Signal::derive(move || t_string!(i18n, cert.reason).to_string())
                    value=reason on_input=Callback::new(move |v| reason.set(v)) error=reason_error/>
                <div class="pc-actions">
                    <button type="button" class="pc-button" on:click=approve disabled=move || busy.get()>{tr(i18n, |i| t_string!(i, cert.approve))}</button>
                    <button type="button" class="pc-button pc-button-danger" on:click=reject disabled=move || busy.get()>{tr(i18n, |i| t_string!(i, cert.reject))}</button>
                </div>
            </div>
        </div>
        {move || record.get().and_then(|r| match (&r.state, r.holder.clone()) {
            (CertificateState::Approved { number, issued }, Some(h)) => {
                let lang = ctx.lang.get();
                let until = crate::domain::certificate::valid_until(*issued);
                let expired = today() > until;
                let kind = h.partner_type.map(|t| type_name(i18n, t)).unwrap_or_default();
                let print = move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                };
                Some(view! {
                    <article class="pc-certificate" data-testid="certificate" aria-labelledby="pc-cert-title">
                        <h2 id="pc-cert-title">{tr(i18n, |i| t_string!(i, cert.title))}</h2>
                        <p class="pc-cert-body">{t_string!(i18n, cert.body, name = h.name.clone(), kind = kind.clone()).to_string()}</p>
                        <dl class="pc-pairs">
                            <dt>{tr(i18n, |i| t_string!(i, cert.holder))}</dt><dd data-testid="cert-holder">{h.name.clone()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cert.uscc))}</dt><dd>{crate::domain::uscc::canonical(&h.uscc)}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cert.kind))}</dt><dd>{kind}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cert.number))}</dt><dd data-testid="cert-number">{number.clone()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cert.issued))}</dt><dd>{long_date(lang, *issued)}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, cert.validity))}</dt>
                            <dd data-testid="cert-validity">{t_string!(i18n, cert.valid_until, date = long_date(lang, until)).to_string()}</dd>
                        </dl>
                        <p class="pc-badge-state pc-tone-problem pc-no-print" hidden=!expired>{tr(i18n, |i| t_string!(i, cert.expired_badge))}</p>
                        <div class="pc-actions">
                            <button type="button" class="pc-button pc-button-secondary" on:click=print>{tr(i18n, |i| t_string!(i, cert.print))}</button>
                        </div>
                    </article>
                })
            }
            _ => None,
        })}
        <section class="pc-card pc-no-print" aria-labelledby="pc-cert-history" hidden=move || record.with(Option::is_none)>
            <h2 id="pc-cert-history">{tr(i18n, |i| t_string!(i, cert.history))}</h2>
            <ol class="pc-timeline">
                {move || record.get().map(|r| r.history.iter().rev().map(|c| view! {
                    <li><strong>{state_name(i18n, &c.to)}</strong>" · "{local_minute(c.at)}" · "{crate::ui::components::actor_text(i18n, &c.actor)}
                        {c.reason.clone().map(|r| view! { <div class="pc-hint">{r}</div> })}</li>
                }).collect_view())}
            </ol>
        </section>
    }
}
