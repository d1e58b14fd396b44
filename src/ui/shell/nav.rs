//! Navigation: only the sections that exist and that the current role may use.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::Role;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::context::AppContext;

/// One entry of the navigation.
struct NavItem {
    path: &'static str,
    label: fn(I18n) -> String,
    roles: &'static [Role],
}

const EVERYONE: &[Role] = &Role::ALL;
const PARTNER_DATA: &[Role] = &[Role::MainAccount, Role::SubAccount, Role::ChannelManager];

/// The sections that exist so far; each feature adds its own entry here.
fn items() -> Vec<NavItem> {
    vec![
        NavItem {
            path: "",
            label: |i| t_string!(i, nav.home).to_string(),
            roles: EVERYONE,
        },
        NavItem {
            path: "eligibility",
            label: |i| t_string!(i, nav.eligibility).to_string(),
            roles: EVERYONE,
        },
        NavItem {
            path: "apply",
            label: |i| t_string!(i, nav.apply).to_string(),
            roles: &[Role::Visitor, Role::MainAccount],
        },
        NavItem {
            path: "review",
            label: |i| t_string!(i, nav.review).to_string(),
            roles: &[Role::ChannelManager],
        },
        NavItem {
            path: "profile",
            label: |i| t_string!(i, nav.profile).to_string(),
            roles: PARTNER_DATA,
        },
        NavItem {
            path: "certificate",
            label: |i| t_string!(i, nav.certificate).to_string(),
            roles: PARTNER_DATA,
        },
        NavItem {
            path: "customers",
            label: |i| t_string!(i, nav.customers).to_string(),
            roles: PARTNER_DATA,
        },
        NavItem {
            path: "statements",
            label: |i| t_string!(i, nav.statements).to_string(),
            roles: PARTNER_DATA,
        },
        NavItem {
            path: "settlements",
            label: |i| t_string!(i, nav.settlements).to_string(),
            roles: PARTNER_DATA,
        },
        NavItem {
            path: "special-rebates",
            label: |i| t_string!(i, nav.special_rebates).to_string(),
            roles: &[Role::MainAccount, Role::ChannelManager],
        },
        NavItem {
            path: "termination",
            label: |i| t_string!(i, nav.termination).to_string(),
            roles: &[Role::MainAccount, Role::ChannelManager],
        },
        NavItem {
            path: "announcements",
            label: |i| t_string!(i, nav.announcements).to_string(),
            roles: PARTNER_DATA,
        },
        NavItem {
            path: "learners",
            label: |i| t_string!(i, nav.learners).to_string(),
            roles: &[Role::MainAccount],
        },
        NavItem {
            path: "join",
            label: |i| t_string!(i, nav.join).to_string(),
            roles: &[Role::MainAccount, Role::SubAccount],
        },
        NavItem {
            path: "settings",
            label: |i| t_string!(i, nav.settings).to_string(),
            roles: EVERYONE,
        },
    ]
}

/// Whether the navigation is open on a narrow screen, where it hides behind the header's
/// menu button (on wider screens it is always shown).
#[derive(Clone, Copy)]
pub struct NavMenu(pub RwSignal<bool>);

/// The main navigation.
#[component]
pub fn Nav() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let NavMenu(open) = expect_context::<NavMenu>();
    // Following a link closes the menu (the new page takes focus).
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    view! {
        <nav id="pc-nav" class="pc-nav" class:pc-nav-open=move || open.get()
            aria-label=move || t_string!(i18n, header.main_nav)>
            <ul>
                {move || {
                    let role = ctx.session.with(|s| s.role);
                    items()
                        .into_iter()
                        .filter(|item| item.roles.contains(&role))
                        .map(|item| {
                            let href = format!("{base}/{}", item.path);
                            let label = item.label;
                            view! {
                                <li>
                                    <A href=href exact={item.path.is_empty()}>{move || label(i18n)}</A>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
