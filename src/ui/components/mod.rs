//! Widgets shared by every feature.

pub mod download;
pub mod error_text;

pub use download::download_text;
pub use error_text::{StatusLine, error_message};
