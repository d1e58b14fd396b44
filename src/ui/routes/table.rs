//! The route table's rows, in navigation order: one per page.

use super::{Area, Page, Route};
use crate::domain::{Permission, Role};
use crate::i18n::*;

const EVERYONE: &[Role] = &Role::ALL;
/// The roles that work with the partner's data: the partner's accounts and the manager.
const PARTNER_ROLES: &[Role] = &[Role::MainAccount, Role::SubAccount, Role::ChannelManager];
/// The permissions that let a role see partner data (the data layer refuses the others
/// too).
pub const PARTNER_DATA: &[Permission] = &[Permission::ReadPartnerData, Permission::Review];

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
        area: Area::Eligibility,
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
        area: Area::Profile,
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
        area: Area::Join,
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
