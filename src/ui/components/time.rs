//! Times as shown to people: local time, `2026-11-26 09:30` (plain formatting keeps
//! chrono's strftime parser out of the wasm).

use chrono::{DateTime, Datelike, Local, Timelike, Utc};

/// A UTC instant in the browser's local time, to the minute.
pub fn local_minute(at: DateTime<Utc>) -> String {
    let t = at.with_timezone(&Local);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Today's date in the browser's time zone.
pub fn today() -> chrono::NaiveDate {
    Local::now().date_naive()
}
