//! Partner Console: the channel partner's console as a Leptos single-page app.
pub mod data;
pub mod domain;
