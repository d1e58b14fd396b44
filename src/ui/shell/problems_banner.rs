//! Tells the user, once, that some stored data could not be read and was set aside.

use crate::ui::router::Link;
use leptos::prelude::*;

use crate::data::store::keys::SESSION;
use crate::i18n::*;
use crate::ui::context::AppContext;

/// A banner shown while anything is in quarantine, and when storage fell back to memory.
#[component]
pub fn ProblemsBanner() -> impl IntoView {
    let ctx = AppContext::get();
    let i18n = use_i18n();
    let base = ctx.config.with_value(|c| c.route_base());
    let retrying = RwSignal::new(false);
    // A new answer (or the same failure again) ends the attempt.
    Effect::new(move || {
        ctx.connection.track();
        ctx.session.track();
        retrying.set(false);
    });
    view! {
        // Shown only once a request has taken a moment (CSS delay), so quick answers
        // do not flicker.
        <p class="pc-activity" role="status" data-testid="server-activity" hidden=move || ctx.in_flight.get() == 0>
            {crate::ui::tr(i18n, |i| t_string!(i, conn.waiting))}
        </p>
        {move || ctx.connection.get().map(|e| view! {
            <div class="pc-alert pc-alert-error" role="alert" data-testid="connection-banner">
                {crate::ui::tr(i18n, |i| t_string!(i, conn.banner))} " "
                {crate::ui::components::error_message(i18n, &e)} " "
                <button type="button" class="pc-button" disabled=move || retrying.get()
                    on:click=move |_| { retrying.set(true); ctx.refresh(); }>
                    {move || if retrying.get() {
                        t_string!(i18n, conn.retrying).to_string()
                    } else {
                        t_string!(i18n, conn.retry).to_string()
                    }}
                </button>
            </div>
        })}
        <div class="pc-alert pc-alert-warn" role="status" data-testid="read-only-banner"
            hidden=move || !ctx.partner.with(|p| p.partnership.is_read_only())>
            {crate::ui::tr(i18n, |i| t_string!(i, term.read_only_banner))}
        </div>
        {move || ctx.storage_fallback.get().map(|reason| view! {
            <div class="pc-alert pc-alert-error" role="alert">
                {t!(i18n, app.storage_fallback, reason = crate::ui::components::error_message(i18n, &reason))}
            </div>
        })}
        {move || ctx.storage_newer.get().then(|| view! {
            <div class="pc-alert pc-alert-error" role="alert">{crate::ui::tr(i18n, |i| t_string!(i, error.newer_data))}</div>
        })}
        {move || {
            let count = ctx.problems.with(Vec::len);
            // The role is the first thing a lost session changes: say so in words.
            let session_lost = ctx.problems.with(|p| p.iter().any(|q| q.original_key == SESSION));
            let href = format!("{base}/settings#problems");
            (count > 0).then(|| view! {
                <div class="pc-alert pc-alert-warn" role="status" data-testid="problems-banner">
                    <p class="pc-alert-line" hidden=!session_lost data-testid="session-lost">{crate::ui::tr(i18n, |i| t_string!(i, problems.session_lost))}</p>
                    {t!(i18n, problems.banner, count = count)} " "
                    <Link href=href>{crate::ui::tr(i18n, |i| t_string!(i, problems.review))}</Link>
                </div>
            })
        }}
    }
}
