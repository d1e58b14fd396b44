//! Partner Console: the channel partner's console as a Leptos single-page app.
//!
//! Layers, arrows pointing down: [`ui`] → [`data`] → [`domain`], and [`ui`] → [`domain`].

#[deny(missing_docs)]
pub mod data;
/// The business rules, in their own crate (`crates/domain`) so that the reference server
/// judges every write with the same code; re-exported so `crate::domain::…` paths hold.
pub use partner_domain as domain;
pub mod embed;
pub mod ui;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
