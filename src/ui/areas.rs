//! Lazy areas: the pages of each area (`routes::Area`) live in their own wasm module,
//! fetched on the first visit to one of them (or earlier, as a prefetch when a link to it
//! is pointed at or focused).
//!
//! Each area is one split point: a function that, given a page of the area, returns the
//! page's view function. With the `split` feature (the Trunk build) the function is a
//! `wasm_split` point and its code — with everything only it reaches — goes into the area's
//! module; the post-build step (`scripts/split-wasm.mjs`) cuts the modules. Without the
//! feature (browser unit tests, native builds) it is an ordinary call.
//!
//! A module that cannot be fetched (network down, or a deploy replaced the hashed files)
//! gives `Failed`: the page says so and offers a reload. A failed fetch is not cached, so
//! a later visit tries again.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::*;
use crate::ui::arrival::{Arrival, LoadingLine, fetch_into};
use crate::ui::router::Router;
use crate::ui::routes::{Area, Page, route};
use crate::ui::tr;

/// A page's view, as an area module hands it over.
pub type PageView = fn() -> AnyView;

/// Declares an area's split point `$name` (and its prefetch `$preload`), giving the view
/// of each page the area holds.
macro_rules! area {
    ($name:ident, $preload:ident, { $($page:pat => $view:path),+ $(,)? }) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $name(page: Page) -> Result<PageView, SplitLoaderError> {
            Ok(match page {
                $($page => || leptos::prelude::IntoAny::into_any($view()),)+
                _ => || leptos::prelude::IntoAny::into_any(crate::ui::not_found::NotFound()),
            })
        }

        #[cfg(not(feature = "split"))]
        async fn $name(page: Page) -> Result<PageView, SplitLoaderError> {
            Ok(match page {
                $($page => || leptos::prelude::IntoAny::into_any($view()),)+
                _ => || leptos::prelude::IntoAny::into_any(crate::ui::not_found::NotFound()),
            })
        }

        #[cfg(not(feature = "split"))]
        async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

area!(workbench, preload_workbench, {
    Page::Home => crate::ui::workbench::HomePage,
    Page::Todos => crate::ui::workbench::TodosPage,
});

area!(reconciliation, preload_reconciliation, {
    Page::Reconciliation => crate::ui::workbench::ReconciliationPage,
});

area!(eligibility, preload_eligibility, {
    Page::Eligibility => crate::ui::eligibility::EligibilityPage,
});

area!(apply, preload_apply, {
    Page::Apply => crate::ui::apply::ApplyPage,
});

area!(review, preload_review, {
    Page::ReviewQueue => crate::ui::review::ReviewQueuePage,
    Page::ReviewDetail => crate::ui::review::ReviewDetailPage,
});

area!(profile, preload_profile, {
    Page::Profile => crate::ui::profile::ProfilePage,
});

area!(partnership, preload_partnership, {
    Page::Certificate => crate::ui::certificate::CertificatePage,
    Page::Termination => crate::ui::termination::TerminationPage,
});

area!(customers, preload_customers, {
    Page::Customers => crate::ui::customers::CustomersPage,
    Page::CustomerDetail => crate::ui::customers::CustomerDetailPage,
    Page::SpecialRebates => crate::ui::special_rebates::SpecialRebatesPage,
});

area!(statements, preload_statements, {
    Page::Statements => crate::ui::statements::StatementsPage,
});

area!(settlements, preload_settlements, {
    Page::Settlements => crate::ui::settlements::SettlementsPage,
    Page::SettlementDetail => crate::ui::settlements::SettlementDetailPage,
});

area!(announcements, preload_announcements, {
    Page::Announcements => crate::ui::announcements::AnnouncementsPage,
    Page::AnnouncementDetail => crate::ui::announcements::AnnouncementDetailPage,
    Page::Help => crate::ui::help::HelpPage,
});

area!(join, preload_join, {
    Page::Join => crate::ui::learners::JoinPage,
});

area!(learners, preload_learners, {
    Page::Learners => crate::ui::learners::LearnersPage,
});

area!(settings, preload_settings, {
    Page::Settings => crate::ui::settings::SettingsPage,
});

/// The view of a page, fetching its area's module first if needed.
async fn load(page: Page) -> Result<PageView, SplitLoaderError> {
    match route(page).area {
        // No page lives in the shell: an address no route matches.
        Area::Main => Ok(|| crate::ui::not_found::NotFound().into_any()),
        Area::Workbench => workbench(page).await,
        Area::Reconciliation => reconciliation(page).await,
        Area::Eligibility => eligibility(page).await,
        Area::Apply => apply(page).await,
        Area::Review => review(page).await,
        Area::Profile => profile(page).await,
        Area::Partnership => partnership(page).await,
        Area::Customers => customers(page).await,
        Area::Statements => statements(page).await,
        Area::Settlements => settlements(page).await,
        Area::Announcements => announcements(page).await,
        Area::Join => join(page).await,
        Area::Learners => learners(page).await,
        Area::Settings => settings(page).await,
    }
}

/// Starts fetching an area's module in the background; a failure is ignored here (the
/// visit itself reports it).
pub fn prefetch(area: Area) {
    leptos::task::spawn_local(async move {
        let _ = match area {
            Area::Main => Ok(()),
            Area::Workbench => preload_workbench().await,
            Area::Reconciliation => preload_reconciliation().await,
            Area::Eligibility => preload_eligibility().await,
            Area::Apply => preload_apply().await,
            Area::Review => preload_review().await,
            Area::Profile => preload_profile().await,
            Area::Partnership => preload_partnership().await,
            Area::Customers => preload_customers().await,
            Area::Statements => preload_statements().await,
            Area::Settlements => preload_settlements().await,
            Area::Announcements => preload_announcements().await,
            Area::Join => preload_join().await,
            Area::Learners => preload_learners().await,
            Area::Settings => preload_settings().await,
        };
    });
}

/// A routed page: its view once its area's module is there.
#[component]
pub fn AreaPage(page: Page) -> impl IntoView {
    let state = RwSignal::new(Arrival::Quiet);
    fetch_into(state, load(page));
    (move || match state.get() {
        Arrival::Quiet => ().into_any(),
        Arrival::Slow => view! { <LoadingLine/> }.into_any(),
        Arrival::Ready(view) => view(),
        Arrival::Failed => view! { <LoadFailed/> }.into_any(),
    })
    .into_any()
}

/// A module could not be fetched (network down, or a deploy replaced the hashed files):
/// what happened, and a reload that fetches the current files.
#[component]
pub fn LoadFailed() -> impl IntoView {
    let i18n = use_i18n();
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="pc-page" aria-labelledby="pc-area-failed">
            <h1 id="pc-area-failed">{tr(i18n, |i| t_string!(i, app.area_failed))}</h1>
            <p>{tr(i18n, |i| t_string!(i, app.area_failed_why))}</p>
            <button type="button" class="pc-button pc-button-primary" on:click=reload>
                {tr(i18n, |i| t_string!(i, app.reload))}
            </button>
        </section>
    }
}

/// The page at the address, as the route table decides (see `routes::page_of_path`).
/// Moving between two paths of one page (`/review/a` → `/review/b`) keeps the page: it
/// follows its `id` itself.
#[component]
pub fn Routed() -> impl IntoView {
    let router = Router::get();
    let page = Memo::new(move |_| router.page());
    move || match page.get() {
        Some(page) => view! { <AreaPage page/> }.into_any(),
        None => view! { <crate::ui::not_found::NotFound/> }.into_any(),
    }
}
