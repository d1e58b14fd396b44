//! The ids of the records a partner has one of, named once for the app and the server.

/// The partner's profile (`profiles/partner`).
pub const PROFILE: &str = "partner";
/// The profile's change history (`profiles/history`), one line per changed field.
pub const PROFILE_HISTORY: &str = "history";
/// The partnership's lifecycle (`profiles/lifecycle`).
pub const LIFECYCLE: &str = "lifecycle";
/// The current authorization certificate (`certificates/partner`).
pub const CERTIFICATE: &str = "partner";
/// The learning platform's enabled email domains (`learning-settings/enabled-domains`).
pub const DOMAINS: &str = "enabled-domains";
