//! The route table: every page of the console once — its path, its navigation label,
//! which roles see it in the navigation, which permissions open it, and which area module
//! holds its code. The router (`app.rs`), the navigation, the home page's links, the
//! permission gates and the lazy loader (`areas.rs`) all read it.
//!
//! `table.rs` holds the rows; `matching.rs` decides which page a path shows.

use crate::domain::{Permission, Role};
use crate::i18n::*;
use crate::ui::I18n;

mod matching;
mod table;

pub use matching::{area_of_href, page_at, page_of_path, section_of};
pub use table::{PARTNER_DATA, ROUTES};

/// A page of the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Todos,
    Reconciliation,
    Help,
    Eligibility,
    Apply,
    ReviewQueue,
    ReviewDetail,
    Profile,
    Certificate,
    Customers,
    CustomerDetail,
    Statements,
    Settlements,
    SettlementDetail,
    SpecialRebates,
    Termination,
    Announcements,
    AnnouncementDetail,
    Learners,
    Join,
    Settings,
}

/// The module a page's code is in: the main module (loaded with the app) or an area module
/// fetched on the first visit to one of its pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// The shell: what every visit needs (no page of its own).
    Main,
    /// The workbench: the home page per role and the to-dos.
    Workbench,
    /// Self-reconciliation.
    Reconciliation,
    /// The eligibility check (a visitor's first stop: without the wizard).
    Eligibility,
    /// The application wizard.
    Apply,
    /// The channel manager's review of applications.
    Review,
    /// The company profile.
    Profile,
    /// Authorization certificate and termination.
    Partnership,
    /// Customers and their special rebates.
    Customers,
    /// Rebate statements: the table, import, export, the tax preview.
    Statements,
    /// Settlement sheets and their payment.
    Settlements,
    /// What a partner reads: announcements and their detail, and the help pages.
    Announcements,
    /// The learning platform: an employee joining (without the admin's list).
    Join,
    /// The learning platform: the admin's list, records and imports.
    Learners,
    /// Settings: connection, backup, problems.
    Settings,
}

/// One row of the route table.
pub struct Route {
    pub page: Page,
    /// The path pattern, as the router matches it (`/review/:id`).
    pub pattern: &'static str,
    /// Where the navigation and the home page link to (no leading slash; "" is home).
    pub href: &'static str,
    /// Its label in the navigation, if it has an entry there.
    pub label: Option<fn(I18n) -> &'static str>,
    /// The roles that see its navigation entry.
    pub shown_to: &'static [Role],
    /// The permissions that open it (any one of them); empty: everyone.
    pub opens: &'static [Permission],
    pub area: Area,
}

/// What a role that may not open a gated page is told: who may, and whom to ask.
pub fn refusal(i18n: I18n, page: Page) -> &'static str {
    match page {
        Page::Learners => t_string!(i18n, learn.admin_only),
        Page::SpecialRebates => t_string!(i18n, srebate.main_only),
        Page::Reconciliation => t_string!(i18n, money.recon_only),
        _ => t_string!(i18n, money.partner_only),
    }
}

/// The table's row for a page.
pub fn route(page: Page) -> &'static Route {
    ROUTES.iter().find(|r| r.page == page).unwrap_or(&ROUTES[0])
}

/// The navigation entries a role sees, in order.
pub fn nav_for(role: Role) -> impl Iterator<Item = &'static Route> {
    ROUTES
        .iter()
        .filter(move |r| r.label.is_some() && r.shown_to.contains(&role))
}
