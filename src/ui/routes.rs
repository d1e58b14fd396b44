//! The route table: every page of the console once — its path, its navigation label,
//! which roles see it in the navigation, which permissions open it, and which area module
//! holds its code. The router (`app.rs`), the navigation, the home page's links, the
//! permission gates and the lazy loader (`areas.rs`) all read it.
//!
//! The router (`router.rs`) knows two shapes of path (`/` and `/:section/:id?`, see
//! `router::locate`): which page a path shows is decided here, by [`page_at`]; the second
//! segment reaches a page as its `id`.

use crate::domain::{Permission, Role};
use crate::i18n::*;
use crate::ui::I18n;
use crate::ui::router::{Located, locate};

/// A page of the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
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
    /// The shell and the home page: what every visit needs.
    Main,
    /// The eligibility check and the application wizard.
    Apply,
    /// The channel manager's review of applications.
    Review,
    /// Company profile, authorization certificate, termination.
    Partnership,
    /// Customers and their special rebates.
    Customers,
    /// Rebate statements: the table, import, export, the tax preview.
    Statements,
    /// Settlement sheets and their payment.
    Settlements,
    /// Announcements and their detail.
    Announcements,
    /// The learning platform: joining and the admin's list.
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

const EVERYONE: &[Role] = &Role::ALL;
/// The roles that work with the partner's data: the partner's accounts and the manager.
const PARTNER_ROLES: &[Role] = &[Role::MainAccount, Role::SubAccount, Role::ChannelManager];
/// The permissions that let a role see partner data (the data layer refuses the others
/// too).
pub const PARTNER_DATA: &[Permission] = &[Permission::ReadPartnerData, Permission::Review];

/// What a role that may not open a gated page is told: who may, and whom to ask.
pub fn refusal(i18n: I18n, page: Page) -> &'static str {
    match page {
        Page::Learners => t_string!(i18n, learn.admin_only),
        Page::SpecialRebates => t_string!(i18n, srebate.main_only),
        _ => t_string!(i18n, money.partner_only),
    }
}

/// The table, in navigation order.
pub const ROUTES: &[Route] = &[
    Route {
        page: Page::Home,
        pattern: "/",
        href: "",
        label: Some(|i| t_string!(i, nav.home)),
        shown_to: EVERYONE,
        opens: &[],
        area: Area::Main,
    },
    Route {
        page: Page::Eligibility,
        pattern: "/eligibility",
        href: "eligibility",
        label: Some(|i| t_string!(i, nav.eligibility)),
        shown_to: EVERYONE,
        opens: &[],
        area: Area::Apply,
    },
    Route {
        page: Page::Apply,
        pattern: "/apply/:id?",
        href: "apply",
        label: Some(|i| t_string!(i, nav.apply)),
        shown_to: &[Role::Visitor, Role::MainAccount],
        // The wizard itself says who may submit (a sub-account is told whom to ask).
        opens: &[],
        area: Area::Apply,
    },
    Route {
        page: Page::ReviewQueue,
        pattern: "/review",
        href: "review",
        label: Some(|i| t_string!(i, nav.review)),
        shown_to: &[Role::ChannelManager],
        opens: &[Permission::Review],
        area: Area::Review,
    },
    Route {
        page: Page::ReviewDetail,
        pattern: "/review/:id",
        href: "review",
        label: None,
        shown_to: &[],
        opens: &[Permission::Review],
        area: Area::Review,
    },
    Route {
        page: Page::Profile,
        pattern: "/profile",
        href: "profile",
        label: Some(|i| t_string!(i, nav.profile)),
        shown_to: PARTNER_ROLES,
        opens: PARTNER_DATA,
        area: Area::Partnership,
    },
    Route {
        page: Page::Certificate,
        pattern: "/certificate",
        href: "certificate",
        label: Some(|i| t_string!(i, nav.certificate)),
        shown_to: PARTNER_ROLES,
        opens: PARTNER_DATA,
        area: Area::Partnership,
    },
    Route {
        page: Page::Customers,
        pattern: "/customers",
        href: "customers",
        label: Some(|i| t_string!(i, nav.customers)),
        shown_to: PARTNER_ROLES,
        opens: PARTNER_DATA,
        area: Area::Customers,
    },
    Route {
        page: Page::CustomerDetail,
        pattern: "/customers/:id",
        href: "customers",
        label: None,
        shown_to: &[],
        opens: PARTNER_DATA,
        area: Area::Customers,
    },
    Route {
        page: Page::Statements,
        pattern: "/statements",
        href: "statements",
        label: Some(|i| t_string!(i, nav.statements)),
        shown_to: PARTNER_ROLES,
        opens: PARTNER_DATA,
        area: Area::Statements,
    },
    Route {
        page: Page::Settlements,
        pattern: "/settlements",
        href: "settlements",
        label: Some(|i| t_string!(i, nav.settlements)),
        shown_to: PARTNER_ROLES,
        opens: PARTNER_DATA,
        area: Area::Settlements,
    },
    Route {
        page: Page::SettlementDetail,
        pattern: "/settlements/:id",
        href: "settlements",
        label: None,
        shown_to: &[],
        opens: PARTNER_DATA,
        area: Area::Settlements,
    },
    Route {
        page: Page::SpecialRebates,
        pattern: "/special-rebates",
        href: "special-rebates",
        label: Some(|i| t_string!(i, nav.special_rebates)),
        shown_to: &[Role::MainAccount, Role::ChannelManager],
        opens: &[Permission::SpecialRebates, Permission::Review],
        area: Area::Customers,
    },
    Route {
        page: Page::Termination,
        pattern: "/termination",
        href: "termination",
        label: Some(|i| t_string!(i, nav.termination)),
        shown_to: &[Role::MainAccount, Role::ChannelManager],
        opens: PARTNER_DATA,
        area: Area::Partnership,
    },
    Route {
        page: Page::Announcements,
        pattern: "/announcements",
        href: "announcements",
        label: Some(|i| t_string!(i, nav.announcements)),
        shown_to: PARTNER_ROLES,
        opens: &[],
        area: Area::Announcements,
    },
    Route {
        page: Page::AnnouncementDetail,
        pattern: "/announcements/:id",
        href: "announcements",
        label: None,
        shown_to: &[],
        opens: &[],
        area: Area::Announcements,
    },
    Route {
        page: Page::Learners,
        pattern: "/learners",
        href: "learners",
        label: Some(|i| t_string!(i, nav.learners)),
        shown_to: &[Role::MainAccount],
        opens: &[Permission::ManageLearners],
        area: Area::Learners,
    },
    Route {
        page: Page::Join,
        pattern: "/join",
        href: "join",
        label: Some(|i| t_string!(i, nav.join)),
        shown_to: &[Role::MainAccount, Role::SubAccount],
        // The join page explains to a visitor or manager why they cannot join.
        opens: &[],
        area: Area::Learners,
    },
    Route {
        page: Page::Settings,
        pattern: "/settings",
        href: "settings",
        label: Some(|i| t_string!(i, nav.settings)),
        shown_to: EVERYONE,
        opens: &[],
        area: Area::Settings,
    },
];

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

/// The page a path of one or two segments shows (`section`, and `id` for a second one),
/// as the table's patterns say; `None` for no page.
pub fn page_at(section: &str, id: Option<&str>) -> Option<Page> {
    ROUTES
        .iter()
        .map(|r| (r, pattern_shape(r.pattern)))
        .find_map(|(r, (head, tail))| {
            let fits = match (tail, id) {
                (Tail::None, None) | (Tail::Optional, _) | (Tail::Required, Some(_)) => true,
                (Tail::None, Some(_)) | (Tail::Required, None) => false,
            };
            (!section.is_empty() && head == section && fits).then_some(r.page)
        })
}

/// The page a path under the public URL shows; `None` for no page.
pub fn page_of_path(path: &str) -> Option<Page> {
    match locate(path) {
        Located::Home => Some(Page::Home),
        Located::Section(section, id) => page_at(&section, id.as_deref()),
        Located::Nowhere => None,
    }
}

/// The first segment of a page's pattern: a detail page's is its list's navigation entry
/// (`review` for `/review/:id`), home's is "".
pub fn section_of(page: Page) -> &'static str {
    pattern_shape(route(page).pattern).0
}

/// Whether a pattern has a parameter after its first segment.
#[derive(Clone, Copy)]
enum Tail {
    None,
    Optional,
    Required,
}

fn pattern_shape(pattern: &'static str) -> (&'static str, Tail) {
    let mut parts = pattern.trim_start_matches('/').splitn(2, '/');
    let head = parts.next().unwrap_or_default();
    let tail = match parts.next() {
        None => Tail::None,
        Some(p) if p.ends_with('?') => Tail::Optional,
        Some(_) => Tail::Required,
    };
    (head, tail)
}

/// The area holding the page a navigation link points to (`href` as in the table).
pub fn area_of_href(href: &str) -> Area {
    ROUTES
        .iter()
        .find(|r| r.href == href)
        .map_or(Area::Main, |r| r.area)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_page_has_one_row_and_patterns_are_unique() {
        let pages: HashSet<_> = ROUTES.iter().map(|r| r.page).collect();
        assert_eq!(pages.len(), ROUTES.len());
        let patterns: HashSet<_> = ROUTES.iter().map(|r| r.pattern).collect();
        assert_eq!(patterns.len(), ROUTES.len());
        for r in ROUTES {
            assert_eq!(route(r.page).pattern, r.pattern);
            // A link goes where the pattern starts.
            assert!(r.pattern[1..].starts_with(r.href), "{}", r.pattern);
        }
    }

    #[test]
    fn every_pattern_leads_back_to_its_page() {
        for r in ROUTES.iter().filter(|r| r.page != Page::Home) {
            let (head, tail) = pattern_shape(r.pattern);
            match tail {
                Tail::None => assert_eq!(page_at(head, None), Some(r.page)),
                Tail::Optional => {
                    assert_eq!(page_at(head, None), Some(r.page));
                    assert_eq!(page_at(head, Some("2")), Some(r.page));
                }
                Tail::Required => assert_eq!(page_at(head, Some("x")), Some(r.page)),
            }
        }
        // Only the patterns' shapes, only known sections.
        assert_eq!(page_at("review", None), Some(Page::ReviewQueue));
        assert_eq!(page_at("review", Some("a1")), Some(Page::ReviewDetail));
        assert_eq!(page_at("statements", Some("x")), None);
        assert_eq!(page_at("nowhere", None), None);
        assert_eq!(page_at("", None), None);
        // The router's two shapes cover every pattern (one or two segments).
        assert!(ROUTES.iter().all(|r| r.pattern.matches('/').count() <= 2));
    }

    #[test]
    fn paths_show_the_pages_of_the_table() {
        assert_eq!(page_of_path("/"), Some(Page::Home));
        assert_eq!(page_of_path("/apply/3"), Some(Page::Apply));
        assert_eq!(
            page_of_path("/customers/91110000X"),
            Some(Page::CustomerDetail)
        );
        assert_eq!(page_of_path("/statements/x"), None);
        assert_eq!(page_of_path("/review/a/b"), None);
    }

    #[test]
    fn the_navigation_matches_the_roles() {
        let manager: Vec<_> = nav_for(Role::ChannelManager).map(|r| r.href).collect();
        assert!(manager.contains(&"review"));
        assert!(!manager.contains(&"learners"));
        let visitor: Vec<_> = nav_for(Role::Visitor).map(|r| r.href).collect();
        assert_eq!(visitor, ["", "eligibility", "apply", "settings"]);
        assert_eq!(area_of_href("statements"), Area::Statements);
        assert_eq!(area_of_href(""), Area::Main);
    }
}
