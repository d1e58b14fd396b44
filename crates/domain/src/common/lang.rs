//! The two languages the console speaks, as the domain needs them for formatting.

use serde::{Deserialize, Serialize};

/// A display language. zh-CN is the default: the users are Chinese companies first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese (mainland).
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English (US).
    #[serde(rename = "en-US")]
    EnUs,
}

impl Lang {
    /// The BCP 47 tag, as used in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::EnUs => "en-US",
        }
    }

    /// Reads a tag leniently (`zh`, `zh-cn`, `en`, `en-GB` …); unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if lower.starts_with("en") {
            Some(Lang::EnUs)
        } else {
            None
        }
    }
}
