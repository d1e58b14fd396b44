//! The frame around every page: header, navigation, banners.

pub mod account;
pub mod header;
pub mod language_switch;
pub mod nav;
pub mod page_focus;
pub mod problems_banner;
pub mod role_switcher;

pub use header::Header;
pub use nav::Nav;
pub use page_focus::PageFocus;
pub use problems_banner::ProblemsBanner;
