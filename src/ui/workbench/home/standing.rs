//! The cards the partner's staff and the channel manager both see: the partnership's
//! standing and the payments.

use leptos::prelude::*;

use super::{Figure, href};
use crate::data::workbench::Standing;
use crate::domain::money::calendar::WorkCalendar;
use crate::domain::money::settlement::{PaymentOutlook, SettlementState};
use crate::domain::partner::certificate::{CertificateState, Validity};
use crate::i18n::*;
use crate::ui::components::money::money;
use crate::ui::components::time::today;
use crate::ui::router::Link;
use crate::ui::tr;

/// The partnership's standing: cooperation, type, certificate.
#[component]
pub(super) fn Partnership(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let partnership = crate::ui::termination::state_name(i18n, standing.partnership);
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
    view! {
        <dl class="pc-figures" data-testid="home-partnership">
            <Figure label=|i| t_string!(i, work.f_partnership) value=partnership to="termination" id="fig-partnership"/>
            <Figure label=|i| t_string!(i, work.f_type) value=partner_type to="profile" id="fig-type"/>
            <Figure label=|i| t_string!(i, work.f_certificate) value=certificate to="certificate" id="fig-certificate"/>
        </dl>
    }
}
/// Payments expected (with their window) and held (with the reason).
#[component]
pub(super) fn PaymentFigures(standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let calendar = WorkCalendar::mainland();
    let arrears = !crate::domain::money::customer::total_arrears(&standing.customers).is_zero();
    let mut rows: Vec<_> = standing
        .sheets
        .iter()
        .filter(|s| s.state != SettlementState::Paid)
        .map(|s| {
            let hold = crate::domain::money::settlement::payment_hold(arrears, s.contract_on_file);
            (
                s.id.clone(),
                s.month,
                s.amount(),
                s.outlook(hold, &calendar),
            )
        })
        .collect();
    rows.sort_by_key(|r| r.1);
    let items = rows
        .into_iter()
        .map(|(id, month, amount, outlook)| {
            let (text, tone) = match &outlook {
                PaymentOutlook::Held(hold) => (crate::ui::settlements::hold_text(i18n, *hold), "pc-not-met"),
                PaymentOutlook::Expected(w) => (
                    t_string!(i18n, work.pay_expected, window = crate::ui::settlements::window_text(i18n, w)).to_string(),
                    "",
                ),
                PaymentOutlook::AwaitingReceipt => (t_string!(i18n, work.pay_awaiting).to_string(), ""),
                PaymentOutlook::Paid(_) => (String::new(), ""),
            };
            view! {
                <li class=tone>
                    <Link href=href(&format!("settlements/{id}"))>{format!("{month} · {}", money(amount))}</Link>
                    " "{text}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pc-card" aria-labelledby="pc-home-pay">
            <h2 id="pc-home-pay">{tr(i18n, |i| t_string!(i, work.pay_heading))}</h2>
            <ul class="pc-next" data-testid="home-payments">{items}</ul>
            <p class="pc-muted"><Link href=href("settlements")>{tr(i18n, |i| t_string!(i, work.pay_all))}</Link></p>
        </section>
    }
}
