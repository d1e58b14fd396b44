//! `/termination`: ending the partnership. The two preconditions with live figures (no
//! arrears, no associated customers) and what to do for each; once both hold, the
//! application email exactly per the guide's template with copy buttons and a `mailto:`
//! link, and whether the sender's mailbox will do or a stamped attachment is needed.
//! The partner records that it sent it; the provider settles and deregisters.

mod email;

use crate::data::Collection;
use crate::ui::components::Gated;
use crate::ui::components::Notice;
use crate::ui::load::use_load;
use crate::ui::router::Link;
use leptos::prelude::*;

use crate::data::money::load_customers;
use crate::data::partner::{ProfileIdentity, load_identity, load_lifecycle, save_lifecycle};
use crate::domain::Permission;
use crate::domain::money::customer::{Customer, UnbindState};
use crate::domain::partner::lifecycle::{
    Lifecycle, LifecycleError, PartnerEvent, PartnerState, TerminationPreconditions,
};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::money::money;
use crate::ui::components::time::local_minute;
use crate::ui::components::{Busy, Status, StatusLine, error_message, transition_message};
use crate::ui::context::AppContext;
use crate::ui::customers::unbind_name;
use crate::ui::routes::Page;
use crate::ui::tr;

pub(crate) fn state_name(i18n: I18n, s: PartnerState) -> String {
    match s {
        PartnerState::Active => t_string!(i18n, term.s_active),
        PartnerState::TerminationRequested => t_string!(i18n, term.s_requested),
        PartnerState::Settling => t_string!(i18n, term.s_settling),
        PartnerState::Deregistered => t_string!(i18n, term.s_deregistered),
    }
    .to_string()
}

/// How a partner state looks.
fn state_tone(s: PartnerState) -> &'static str {
    match s {
        PartnerState::Active => "pc-badge-state pc-tone-done",
        PartnerState::TerminationRequested | PartnerState::Settling => {
            "pc-badge-state pc-tone-wait"
        }
        PartnerState::Deregistered => "pc-badge-state pc-tone-off",
    }
}

/// What the page reads.
#[derive(Clone, Debug, Default, PartialEq)]
struct TerminationData {
    customers: Vec<Customer>,
    profile: Option<ProfileIdentity>,
    lifecycle: Lifecycle,
}

impl TerminationData {
    /// Customers still associated and not flagged for the provider's help.
    fn remaining(&self) -> Vec<&Customer> {
        self.customers
            .iter()
            .filter(|c| matches!(c.unbind, UnbindState::NotRequested | UnbindState::Requested))
            .collect()
    }

    fn preconditions(&self) -> TerminationPreconditions {
        TerminationPreconditions::of(&self.customers)
    }

    /// Customers the provider is asked to help unbind, as the email lists them.
    fn needing_help(&self) -> Vec<String> {
        self.customers
            .iter()
            .filter(|c| c.unbind == UnbindState::ProviderHelpNeeded)
            .map(|c| format!("{}（{}）", c.uin, c.name))
            .collect()
    }
}

/// The page.
#[component]
pub fn TerminationPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="pc-page" aria-labelledby="pc-term-heading">
            <h1 id="pc-term-heading">{tr(i18n, |i| t_string!(i, term.heading))}</h1>
            <crate::ui::components::HelpLink topic="termination"/>
            <Gated page=Page::Termination><Termination/></Gated>
        </section>
    }
}

#[component]
fn Termination() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let data = RwSignal::new(None::<TerminationData>);
    let status: Status = RwSignal::new(None);
    use_load(
        &[Collection::Customers, Collection::Profiles],
        status,
        |backend| async move {
            Ok(TerminationData {
                customers: load_customers(&*backend).await?,
                profile: load_identity(&*backend).await?.map(|p| p.value),
                lifecycle: load_lifecycle(&*backend).await?,
            })
        },
        move |d| data.set(Some(d)),
    );
    let is_manager = ctx.may_any(&[Permission::Review]);
    let is_partner = ctx.may_any(&[Permission::EditCompanyData]);
    // Moves the lifecycle on and tells the whole console (the read-only banner).
    let busy = Busy::new();
    let apply = Callback::new(move |event: PartnerEvent| {
        let Some(mut d) = data.get_untracked() else {
            return;
        };
        let who = ctx.actor();
        if let Err(e) = d.lifecycle.apply(event, chrono::Utc::now(), who, None) {
            let message = match e {
                LifecycleError::Preconditions { arrears, customers } => t_string!(
                    i18n,
                    term.preconditions_open,
                    arrears = money(arrears),
                    customers = customers
                )
                .to_string(),
                LifecycleError::Transition(e) => transition_message(i18n, &e),
            };
            status.set(Some(Notice::Problem(message)));
            return;
        }
        let backend = ctx.backend();
        busy.run(async move {
            match save_lifecycle(&*backend, &d.lifecycle).await {
                Ok(()) => {
                    ctx.wrote_todo_data();
                    let state = d.lifecycle.state;
                    ctx.reload_partner();
                    status.set(Some(Notice::Done(
                        t_string!(i18n, term.moved, state = state_name(i18n, state)).to_string(),
                    )));
                    data.set(Some(d));
                }
                Err(e) => status.set(Some(Notice::Problem(error_message(i18n, &e)))),
            }
        });
    });

    view! {
        <StatusLine message=status/>
        <p class="pc-hint">{tr(i18n, |i| t_string!(i, term.intro))}</p>
        {move || data.get().map(|d| {
            let pre = d.preconditions();
            let state = d.lifecycle.state;
            let owing: Vec<Customer> = d.customers.iter().filter(|c| c.is_associated() && !c.arrears.is_zero()).cloned().collect();
            let remaining: Vec<Customer> = d.remaining().into_iter().cloned().collect();
            let mark = |ok: bool| if ok { t_string!(i18n, term.met).to_string() } else { t_string!(i18n, term.not_met).to_string() };
            let base = base.clone();
            let link = move |c: &Customer| {
                let href = format!("{base}/customers/{}", c.uin);
                let text = format!("{} {}", c.uin, c.name);
                view! { <Link href=href>{text}</Link> }
            };
            let compose = (state == PartnerState::Active && pre.hold()).then(|| {
                let company = d.profile.as_ref().map(|p| p.company_name.clone()).unwrap_or_default();
                let website = d.profile.as_ref().map(|p| p.website.clone()).unwrap_or_default();
                let uin = d.profile.as_ref().map(|p| p.account_id.clone()).unwrap_or_default();
                view! { <email::Compose company website uin needing_help=d.needing_help() pre on_sent=apply may_send=is_partner/> }
            });
            view! {
                <div class="pc-card">
                    <p>{tr(i18n, |i| t_string!(i, term.state))}" "<span class=state_tone(state) data-testid="partner-state">{state_name(i18n, state)}</span></p>
                    <ol class="pc-timeline" hidden=d.lifecycle.history.is_empty()>
                        {d.lifecycle.history.iter().map(|c| view! {
                            <li><strong>{state_name(i18n, c.to)}</strong>" · "{local_minute(c.at)}" · "{crate::ui::components::actor_text(i18n, &c.actor)}</li>
                        }).collect_view()}
                    </ol>
                    <div class="pc-actions" hidden=move || !is_manager.get()>
                        <button type="button" class="pc-button" hidden={state != PartnerState::TerminationRequested}
                            on:click=move |_| apply.run(PartnerEvent::StartSettling)>{tr(i18n, |i| t_string!(i, term.start_settling))}</button>
                        <button type="button" class="pc-button pc-button-danger" hidden={state != PartnerState::Settling}
                            on:click=move |_| apply.run(PartnerEvent::Deregister)>{tr(i18n, |i| t_string!(i, term.deregister))}</button>
                    </div>
                    <p class="pc-hint" hidden={state != PartnerState::Settling}>{tr(i18n, |i| t_string!(i, term.settling_hint))}</p>
                </div>
                <section class="pc-card" aria-labelledby="pc-term-arrears" data-testid="precondition-arrears" data-met=pre.no_arrears().to_string()>
                    <h2 id="pc-term-arrears">{tr(i18n, |i| t_string!(i, term.no_arrears))}" · "{mark(pre.no_arrears())}</h2>
                    <p>{t_string!(i18n, term.arrears_now, amount = money(pre.arrears)).to_string()}</p>
                    <p class="pc-hint" hidden=pre.no_arrears()>{tr(i18n, |i| t_string!(i, term.arrears_todo))}</p>
                    <ul>{owing.iter().map(|c| view! { <li>{link(c)}" · "{money(c.arrears)}</li> }).collect_view()}</ul>
                </section>
                <section class="pc-card" aria-labelledby="pc-term-customers" data-testid="precondition-customers" data-met=pre.no_customers().to_string()>
                    <h2 id="pc-term-customers">{tr(i18n, |i| t_string!(i, term.no_customers))}" · "{mark(pre.no_customers())}</h2>
                    <p>{t_string!(i18n, term.customers_now, count = pre.customers_remaining).to_string()}</p>
                    <p class="pc-hint" hidden=pre.no_customers()>{tr(i18n, |i| t_string!(i, term.customers_todo))}</p>
                    <ul>{remaining.iter().map(|c| view! { <li>{link(c)}" · "{unbind_name(i18n, c.unbind)}</li> }).collect_view()}</ul>
                </section>
                {compose}
            }
        })}
    }
}
