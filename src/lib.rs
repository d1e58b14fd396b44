//! Partner Console: the channel partner's console as a Leptos single-page app.
//!
//! Layers, arrows pointing down: [`ui`] → [`data`] → [`domain`], and [`ui`] → [`domain`].

#[deny(missing_docs)]
pub mod data;
#[deny(missing_docs)]
pub mod domain;
pub mod embed;
pub mod ui;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
