//! Storage key layout. Small values live in localStorage under `pc/`, large ones in
//! IndexedDB; unreadable values are moved under a quarantine prefix, never deleted.

use crate::data::model::{Collection, Tier};

/// Prefix of every key the app owns in localStorage.
pub const KV_PREFIX: &str = "pc/";
/// The session (role) key.
pub const SESSION: &str = "pc/session";
/// The preferences key.
pub const SETTINGS: &str = "pc/settings";
/// Prefix of set-aside values in localStorage.
pub const KV_QUARANTINE: &str = "pc/q/";
/// Prefix of set-aside values in IndexedDB.
pub const BULK_QUARANTINE: &str = "q/";

/// Where a record is stored: which tier and under which key.
pub fn record_key(collection: Collection, id: &str) -> (Tier, String) {
    match crate::data::model::tier(collection) {
        Tier::Small => (Tier::Small, format!("pc/r/{}/{id}", collection.name())),
        Tier::Large => (Tier::Large, format!("r/{}/{id}", collection.name())),
    }
}

/// The key prefix of a collection's records in its tier.
pub fn collection_prefix(collection: Collection) -> String {
    let (_, key) = record_key(collection, "");
    key
}

/// The collection and id a record key belongs to.
pub fn parse_record_key(key: &str) -> Option<(Collection, String)> {
    let rest = key
        .strip_prefix("pc/r/")
        .or_else(|| key.strip_prefix("r/"))?;
    let (name, id) = rest.split_once('/')?;
    Some((Collection::from_name(name)?, id.to_string()))
}
