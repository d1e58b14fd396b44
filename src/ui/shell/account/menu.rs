//! The header's account tools in remote mode: the partner a channel manager works on
//! (the pages then read that partner's records) and signing out.

use leptos::prelude::*;

use crate::data::{DataError, Session};
use crate::domain::Role;
use crate::i18n::*;
use crate::ui::context::AppContext;
use crate::ui::tr;

#[component]
pub(super) fn AccountMenu() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let manager = move || ctx.session.with(|s| s.role == Role::ChannelManager);
    let pick = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            match backend.work_on(&id).await {
                Ok(session) => {
                    ctx.session.set(session);
                    ctx.refresh();
                }
                Err(e) => ctx.connection.set(Some(e)),
            }
        });
    };
    let sign_out = move |_| {
        let backend = ctx.backend();
        leptos::task::spawn_local(async move {
            // Signed out here whatever the server answered: the cookie is its to drop.
            let _ = backend.sign_out().await;
            ctx.session.set(Session::default());
            ctx.connection.set(Some(DataError::SessionEnded));
        });
    };
    let signs_in = super::signs_in_itself(&ctx);
    let partners = move || ctx.session.with(|s| s.partners.clone());
    let current = move || {
        ctx.session
            .with(|s| s.partner_id.clone().unwrap_or_default())
    };
    view! {
        {move || manager().then(|| view! {
            <label class="pc-partner-pick">
                <span class="pc-muted">{tr(i18n, |i| t_string!(i, sign_in.partner))}</span>
                <select data-testid="partner-picker" on:change=pick prop:value=current
                    disabled=move || partners().is_empty()>
                    {move || if partners().is_empty() {
                        view! { <option value="">{t_string!(i18n, sign_in.no_partners).to_string()}</option> }.into_any()
                    } else {
                        partners().into_iter().map(|p| {
                            let selected = p.id == current();
                            view! { <option value=p.id.clone() selected=selected>{p.company_name}</option> }
                        }).collect_view().into_any()
                    }}
                </select>
            </label>
        })}
        {signs_in.then(|| view! {
            <button type="button" class="pc-button pc-button-secondary" on:click=sign_out>
                {tr(i18n, |i| t_string!(i, sign_in.sign_out))}
            </button>
        })}
    }
}
