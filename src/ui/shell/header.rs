//! The header: company, role, mode, language.

use leptos::prelude::*;

use super::language_switch::LanguageSwitch;
use super::role_switcher::{RoleSwitcher, role_name};
use crate::data::Mode;
use crate::domain::Role;
use crate::domain::partner::lifecycle::Partnership;
use crate::i18n::*;
use crate::ui::arrival::{Arrival, OnDemand};
use crate::ui::context::AppContext;

/// The top bar of every page.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let mode = ctx.backend.with_value(|b| b.mode());
    // The partner's name belongs to the partner's own accounts; the channel manager works
    // for the provider (a remote session may still carry the partner's name). Partner or
    // not is the same answer the home page and the to-dos give (`ctx.partner`).
    // Nobody signed in (the sign-in page shows): no company, no role to name.
    let signed_out = move || {
        super::account::signs_in_itself(&ctx)
            && ctx
                .connection
                .with(|c| *c == Some(crate::data::DataError::SessionEnded))
    };
    let company = move || {
        if signed_out() {
            return String::new();
        }
        let role = ctx.session.with(|s| s.role);
        if role == Role::ChannelManager {
            return t_string!(i18n, app.provider_side).to_string();
        }
        let p = ctx.partner.get();
        match (role, p.partnership) {
            (Role::MainAccount | Role::SubAccount, Partnership::Partner(_)) => p
                .company_name
                .or_else(|| ctx.session.with(|s| s.company_name.clone()))
                .unwrap_or_default(),
            _ => t_string!(i18n, app.no_company).to_string(),
        }
    };
    let super::nav::NavMenu(menu) = expect_context::<super::nav::NavMenu>();
    // The to-do count comes with its own module, asked for once someone with to-dos is
    // signed in (a visitor has none).
    let badge = OnDemand::<fn() -> AnyView>::default();
    Effect::new(move |_| {
        if ctx.session.with(|s| s.role) != Role::Visitor {
            badge.ask(crate::ui::workbench::load_badge);
        }
    });
    let todo_badge = move || match badge.get() {
        Arrival::Ready(draw) => Some(draw()),
        _ => None,
    };
    // Remote mode: a manager's partner picker, and sign-out where the console signs in.
    let account = OnDemand::<super::account::AccountViews>::default();
    let signs_in = super::account::signs_in_itself(&ctx);
    Effect::new(move |_| {
        let manager = ctx.session.with(|s| s.role == Role::ChannelManager);
        if (signs_in || manager) && ctx.connection.with(|c| c.is_none()) {
            account.ask(super::account::load);
        }
    });
    let account_menu = move || match account.get() {
        Arrival::Ready(views) if ctx.connection.with(|c| c.is_none()) => Some((views.menu)()),
        _ => None,
    };
    view! {
        <header class="pc-header">
            // Narrow screens only (CSS): the navigation opens from here.
            <button type="button" class="pc-menu-button" aria-controls="pc-nav"
                aria-expanded=move || if menu.get() { "true" } else { "false" }
                on:click=move |_| menu.update(|m| *m = !*m)>
                <span class="pc-menu-icon" aria-hidden="true"></span>
                {crate::ui::tr(i18n, |i| t_string!(i, header.menu))}
            </button>
            <div class="pc-brand">
                <span class="pc-app-name">{crate::ui::tr(i18n, |i| t_string!(i, app.title))}</span>
                <span class="pc-company" data-testid="company-name">{company}</span>
            </div>
            <div class="pc-header-tools">
                {todo_badge}
                <span class="pc-role" data-testid="current-role" hidden=signed_out>
                    <span class="pc-muted">{crate::ui::tr(i18n, |i| t_string!(i, header.role))} ": "</span>
                    {move || role_name(i18n, ctx.session.with(|s| s.role))}
                </span>
                {match mode {
                    Mode::Local => view! {
                        <span class="pc-badge pc-badge-local" title=move || t_string!(i18n, header.mode_local_hint)>
                            {crate::ui::tr(i18n, |i| t_string!(i, header.mode_local))}
                        </span>
                    }.into_any(),
                    Mode::Remote => view! {
                        <span class="pc-badge pc-badge-remote" title=move || t_string!(i18n, header.mode_remote_hint)>
                            {crate::ui::tr(i18n, |i| t_string!(i, header.mode_remote))}
                        </span>
                    }.into_any(),
                }}
                {(mode == Mode::Local).then(|| view! { <RoleSwitcher/> })}
                {account_menu}
                <LanguageSwitch/>
            </div>
        </header>
    }
}
