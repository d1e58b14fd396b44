//! Signing in and out of a server, and a channel manager's choice of partner. Only remote
//! mode draws them, so their code is a module of its own, fetched when the header or the
//! sign-in page first needs it: local mode — most visits — never downloads it.

mod menu;
mod sign_in;

use leptos::prelude::*;

/// The views this module draws, once it is there.
#[derive(Clone, Copy)]
pub struct AccountViews {
    /// The sign-in page, in place of the routed page while nobody is signed in.
    pub sign_in: fn() -> AnyView,
    /// The header's partner picker (a channel manager) and, where the console signs its
    /// users in, sign-out.
    pub menu: fn() -> AnyView,
}

on_demand!(account_views, load: AccountViews = AccountViews {
    sign_in: || view! { <sign_in::SignIn/> }.into_any(),
    menu: || view! { <menu::AccountMenu/> }.into_any(),
});

/// Whether this console signs its users in itself: remote mode on a backend with
/// accounts, and no token from a host page (a host signs its users in and out itself).
pub fn signs_in_itself(ctx: &crate::ui::context::AppContext) -> bool {
    ctx.backend.with_value(|b| b.mode()) == crate::data::Mode::Remote
        && ctx
            .config
            .with_value(|c| c.sign_in && c.auth_token.is_none())
}
