//! `/certificate`: the yearly authorization certificate — the partner applies, the
//! channel manager approves or rejects with a reason, and an approved certificate has a
//! page that prints on A4. After its year it shows as expired, with "apply for this
//! year's".

mod document;

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use chrono::Datelike;
use leptos::prelude::*;

use crate::data::partner::{load_certificate, load_identity, save_certificate};
use crate::domain::Permission;
use crate::domain::partner::certificate::{
    CertificateHolder, CertificateRecord, CertificateState, Validity,
};
use crate::i18n::*;
use crate::ui::components::time::today;
use crate::ui::components::{
    Busy, StatusLine, TextField, error_message, focus_by_id, transition_message,
};
use crate::ui::context::AppContext;
use crate::ui::routes::Page;
use crate::ui::tr;

/// The page.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-cert-heading">
            <h1 id="pc-cert-heading" class="pc-no-print">{tr(i18n, |i| t_string!(i, cert.heading))}</h1>
            <crate::ui::components::HelpLink topic="certificate"/>
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
    let status = RwSignal::new(None::<Notice>);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let may_apply = ctx.may_any(&[Permission::EditCompanyData]);
    let may_decide = ctx.may_any(&[Permission::Review]);
    use_load(
        &[Collection::Certificates, Collection::Profiles],
        status,
        |backend| async move {
            let certificate = load_certificate(&*backend).await?;
            let profile = load_identity(&*backend).await.ok().flatten();
            Ok((certificate, profile))
        },
        move |(certificate, profile)| {
            record.set(certificate);
            if let Some(p) = profile {
                holder.set(Some(CertificateHolder {
                    name: p.value.company_name,
                    uscc: crate::domain::common::uscc::canonical(&p.value.uscc),
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
                    ctx.wrote_todo_data();
                    record.set(Some(next));
                    status.set(Some(Notice::Done(done)));
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
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
            Err(e) => status.set(Some(Notice::Problem(transition_message(i18n, &e)))),
        }
    };
    let approve = move |_| {
        let (Some(mut next), Some(h)) = (record.get_untracked(), holder.get_untracked()) else {
            status.set(Some(Notice::Problem(
                t_string!(i18n, cert.no_profile).to_string(),
            )));
            return;
        };
        let who = ctx.actor();
        match next.approve(h, today(), chrono::Utc::now(), who) {
            Ok(()) => store(next, t_string!(i18n, cert.approved_done).to_string()),
            Err(e) => status.set(Some(Notice::Problem(transition_message(i18n, &e)))),
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
        <document::PrintedCertificate record/>
        <document::CertificateHistory record/>
    }
}
