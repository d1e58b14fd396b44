//! Local mode's demo role switcher (RULES §Roles): clearly marked, absent in remote mode.

use leptos::prelude::*;

use crate::domain::Role;
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::components::error_message;
use crate::ui::context::AppContext;

/// The translated name of a role.
pub fn role_name(i18n: I18n, role: Role) -> String {
    match role {
        Role::MainAccount => t_string!(i18n, role.main),
        Role::SubAccount => t_string!(i18n, role.sub),
        Role::ChannelManager => t_string!(i18n, role.manager),
        Role::Visitor => t_string!(i18n, role.visitor),
    }
    .to_string()
}

/// A labelled select of the four roles.
#[component]
pub fn RoleSwitcher() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let Some(role) = Role::ALL.into_iter().find(|r| r.key() == key) else {
            return;
        };
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match backend.switch_role(role).await {
                Ok(session) => {
                    error.set(None);
                    ctx.session.set(session);
                    ctx.changed();
                }
                Err(e) => error.set(Some(error_message(i18n, &e))),
            }
        });
    };
    view! {
        <div class="pc-demo-role" title=move || t_string!(i18n, header.demo_role_hint)>
            <label for="pc-role-switch">{crate::ui::tr(i18n, |i| t_string!(i, header.demo_role))}</label>
            <select id="pc-role-switch" on:change=on_change>
                {Role::ALL
                    .into_iter()
                    .map(|role| {
                        view! {
                            <option
                                value=role.key()
                                selected=move || ctx.session.with(|s| s.role == role)
                            >
                                {move || role_name(i18n, role)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {move || error.get().map(|e| view! { <span class="pc-field-error" role="alert">{e}</span> })}
        </div>
    }
}
