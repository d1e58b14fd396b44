//! Widgets shared by every feature.

pub mod actor;
pub mod autosave;
pub mod browser;
pub mod busy;
pub mod choice;
pub mod copy;
pub mod download;
pub mod error_text;
pub mod field;
pub mod file_picker;
pub mod form_state;
pub mod gated;
pub mod help_link;
pub mod image_upload;
pub mod list;
pub mod money;
pub mod stepper;
pub mod time;
pub mod validation_text;

pub use actor::actor_text;
pub use busy::Busy;
pub use choice::{ChoiceField, ChoiceLook};
pub use download::download_text;
pub use error_text::{
    Notice, Status, StatusLine, error_message, money_message, no_text_message, transition_message,
};
pub use field::{CheckField, TextField, focus_by_id};
pub use file_picker::FilePicker;
pub use form_state::FormState;
pub use gated::Gated;
pub use help_link::HelpLink;
pub use image_upload::{ImageUpload, StoredImage};
pub use list::{list, named};
pub use stepper::Stepper;
