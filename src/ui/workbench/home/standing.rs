//! The cards the partner's staff and the channel manager both see: the partnership's
//! standing and the settlement months.

use leptos::prelude::*;

use super::{Figure, href};
use crate::data::workbench::Standing;
use crate::domain::partner::certificate::{CertificateState, Validity};
use crate::domain::partner::lifecycle::{PartnerState, Partnership};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;
use crate::ui::components::time::today;
use crate::ui::context::AppContext;
use crate::ui::router::Link;
use crate::ui::routes::Page;
use crate::ui::tr;
use crate::ui::workbench::month_words::{MonthStatusView, Side};
use crate::ui::workbench::months_of;

/// How many months the home page lists before "all months".
const MONTHS_SHOWN: usize = 4;

/// The partnership in words, as the header says it: not a partner yet, or its state.
pub(crate) fn partnership_text(i18n: I18n, partnership: Partnership) -> String {
    match partnership {
        Partnership::NotPartner => t_string!(i18n, app.no_company).to_string(),
        Partnership::Partner(state) => crate::ui::termination::state_name(i18n, state),
    }
}

/// Where the partnership's status is explained and acted on: the application before
/// admission, the profile while active, the termination page once ending.
fn partnership_page(partnership: Partnership) -> &'static str {
    match partnership {
        Partnership::NotPartner => "apply",
        Partnership::Partner(PartnerState::Active) => "profile",
        Partnership::Partner(_) => "termination",
    }
}

/// The partnership's standing: cooperation, type, certificate.
#[component]
pub(super) fn Partnership(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let partnership = partnership_text(i18n, standing.partnership);
    let partner_type = standing.partner_type.map_or_else(
        || t_string!(i18n, work.type_unknown).to_string(),
        |t| crate::ui::eligibility::type_name(i18n, t),
    );
    let certificate = match standing.certificate.as_ref() {
        None => t_string!(i18n, work.cert_none).to_string(),
        Some(c) => match (&c.state, c.state.validity(today())) {
            (CertificateState::Requested, _) => t_string!(i18n, work.cert_requested).to_string(),
            (CertificateState::Rejected { .. }, _) => {
                t_string!(i18n, work.cert_rejected).to_string()
            }
            (_, Some(Validity::Valid { until })) => {
                t_string!(i18n, work.cert_valid, date = until.to_string()).to_string()
            }
            (_, Some(Validity::Expired { until })) => {
                t_string!(i18n, work.cert_expired, date = until.to_string()).to_string()
            }
            (_, None) => t_string!(i18n, work.cert_none).to_string(),
        },
    };
    let partner = standing.partnership != Partnership::NotPartner;
    view! {
        <dl class="pc-figures pc-standing" data-testid="home-partnership">
            <Figure label=|i| t_string!(i, work.f_partnership) value=partnership to=partnership_page(standing.partnership) id="fig-partnership"/>
            {partner.then(|| view! {
                <Figure label=|i| t_string!(i, work.f_type) value=partner_type to="profile" id="fig-type"/>
                <Figure label=|i| t_string!(i, work.f_certificate) value=certificate to="certificate" id="fig-certificate"/>
            })}
        </dl>
    }
}

/// The settlement months that are not settled yet — each with the status the
/// reconciliation gives it — or, when all are, the latest one.
#[component]
pub(super) fn MonthFigures(standing: Standing) -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let side = Side::of(ctx.session.with_untracked(|s| s.role));
    let lines = months_of(&standing);
    let none = lines.is_empty();
    let open: Vec<_> = lines
        .iter()
        .filter(|l| !l.status.settled())
        .cloned()
        .collect();
    let all_settled = open.is_empty();
    let more = open.len().saturating_sub(MONTHS_SHOWN);
    let shown: Vec<_> = if all_settled {
        lines.into_iter().take(1).collect()
    } else {
        open.into_iter().take(MONTHS_SHOWN).collect()
    };
    let items = shown
        .into_iter()
        .map(|line| {
            let month = line.month.to_string();
            let (to, amount) = match &line.sheet {
                Some(s) => (format!("settlements/{}", s.id), Some(money(s.amount))),
                None => (format!("statements?from={month}&to={month}"), None),
            };
            let title = match amount {
                Some(a) => format!("{month} · {a}"),
                None => month.clone(),
            };
            view! {
                <li data-month=month>
                    <Link href=href(&to)>{title}</Link>
                    <MonthStatusView status=line.status side sheet=line.sheet.map(|s| s.state)/>
                </li>
            }
        })
        .collect_view();
    // The reconciliation for those who may open it, else the sheets.
    let reconcile = ctx.may_open(Page::Reconciliation).get_untracked();
    let (all_to, all_text): (&str, fn(I18n) -> &'static str) = if reconcile {
        ("reconciliation", |i| t_string!(i, work.months_all_recon))
    } else {
        ("settlements", |i| t_string!(i, work.pay_all))
    };
    view! {
        <section class="pc-card" aria-labelledby="pc-home-pay">
            <h2 id="pc-home-pay">{tr(i18n, |i| t_string!(i, work.pay_heading))}</h2>
            {if none {
                Some(view! { <p data-testid="home-months-none">{tr(i18n, |i| t_string!(i, work.months_none))}</p> }.into_any())
            } else {
                all_settled.then(|| view! {
                    <p data-testid="home-months-settled">{tr(i18n, |i| t_string!(i, work.months_settled))}</p>
                }.into_any())
            }}
            <ul class="pc-months" data-testid="home-months">{items}</ul>
            {(more > 0).then(|| view! {
                <p class="pc-muted">{match more {
                    1 => t_string!(i18n, work.months_more_one).to_string(),
                    n => t_string!(i18n, work.months_more, count = n).to_string(),
                }}</p>
            })}
            <p><Link href=href(all_to)>{tr(i18n, all_text)}</Link></p>
        </section>
    }
}
