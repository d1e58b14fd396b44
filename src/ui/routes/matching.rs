//! Which page a path shows, read from the route table's patterns. The router knows two
//! shapes of path (`/` and `/:section/:id?`, see `router::locate`); the second segment
//! reaches a page as its `id`.

use super::{Area, Page, ROUTES, route};
use crate::ui::router::{Located, locate};

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
    use crate::domain::Role;
    use crate::ui::routes::nav_for;
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
        assert_eq!(visitor, ["", "eligibility", "apply", "help", "settings"]);
        assert_eq!(area_of_href("statements"), Area::Statements);
        assert_eq!(area_of_href(""), Area::Workbench);
        assert_eq!(area_of_href("nowhere"), Area::Main);
    }
}
