//! The dated to-dos as an iCalendar file (RFC 5545) for the user's own calendar: one
//! all-day event per item. Written here rather than with a calendar crate: all-day events
//! need four properties, and a crate would bring a date-time and time-zone model the
//! console does not use into the workbench's module.

use chrono::{Datelike, NaiveDate, Timelike};

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayEvent {
    /// A stable id, unique within the console (the to-do's key).
    pub uid: String,
    /// The day.
    pub day: NaiveDate,
    /// What it says.
    pub summary: String,
    /// The detail (may be empty).
    pub description: String,
    /// Where in the console it is done.
    pub url: Option<String>,
}

/// The calendar file, CRLF line ends, long lines folded at 75 octets.
pub fn calendar(events: &[DayEvent], stamp: chrono::DateTime<chrono::Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Partner Console//Workbench//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    for e in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@partner-console", text(&e.uid)));
        lines.push(format!(
            "DTSTAMP:{}T{:02}{:02}{:02}Z",
            basic(stamp.date_naive()),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        ));
        lines.push(format!("DTSTART;VALUE=DATE:{}", basic(e.day)));
        lines.push(format!(
            "DTEND;VALUE=DATE:{}",
            basic(e.day.succ_opt().unwrap_or(e.day))
        ));
        lines.push(format!("SUMMARY:{}", text(&e.summary)));
        if !e.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", text(&e.description)));
        }
        if let Some(url) = &e.url {
            // A URI value: not escaped as TEXT (RFC 5545 §3.3.13).
            lines.push(format!("URL:{url}"));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// A date in the basic format (`20261231`), written by hand: chrono's `format` would
/// bring its formatter into the workbench's module for three fields.
fn basic(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// A TEXT value: backslash, semicolon, comma and line ends escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded into lines of at most 75 octets (never inside a character),
/// each continuation starting with a space; ends with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}
