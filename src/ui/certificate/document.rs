//! The approved certificate as it prints on A4, and the request's history.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::Lang;
use crate::domain::partner::certificate::{CertificateRecord, CertificateState};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::time::{local_minute, today};
use crate::ui::context::AppContext;
use crate::ui::eligibility::type_name;
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

/// The certificate itself, once approved: holder, USCC, type, number, issue date and the
/// year it is valid for; after that year it says it has expired.
#[component]
pub(super) fn PrintedCertificate(record: RwSignal<Option<CertificateRecord>>) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    view! {
    {move || record.get().and_then(|r| match (&r.state, r.holder.clone()) {
        (CertificateState::Approved { number, issued }, Some(h)) => {
            let lang = ctx.lang.get();
            let until = crate::domain::partner::certificate::valid_until(*issued);
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
                        <dt>{tr(i18n, |i| t_string!(i, cert.uscc))}</dt><dd>{crate::domain::common::uscc::canonical(&h.uscc)}</dd>
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
    }
}

/// Every request, approval and rejection, newest first.
#[component]
pub(super) fn CertificateHistory(record: RwSignal<Option<CertificateRecord>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
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
