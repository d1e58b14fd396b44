//! Announcements (通知公告 / 渠道政策, RULES §Announcements).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One announcement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    /// Unique id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Body (plain text; shown as text, never as HTML).
    pub body: String,
    /// When it was published.
    #[serde(deserialize_with = "crate::common::iso::date_time")]
    pub published_at: DateTime<Utc>,
    /// Who published it.
    pub author: String,
}

/// Which field of a new announcement is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnouncementField {
    /// Title.
    Title,
    /// Body.
    Body,
}

/// The empty required fields of a new announcement.
pub fn check(title: &str, body: &str) -> Vec<AnnouncementField> {
    let mut missing = Vec::new();
    if title.trim().is_empty() {
        missing.push(AnnouncementField::Title);
    }
    if body.trim().is_empty() {
        missing.push(AnnouncementField::Body);
    }
    missing
}

/// Sorts newest first (ties by id, so the order is stable).
pub fn newest_first(list: &mut [Announcement]) {
    crate::common::order::sort_by(list, |a, b| {
        b.published_at
            .cmp(&a.published_at)
            .then_with(|| a.id.cmp(&b.id))
    });
}
