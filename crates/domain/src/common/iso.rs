//! Dates and instants as records store them and servers send them — `2026-03-31` and
//! RFC 3339 (`2026-03-31T08:30:00Z`, `2026-03-31T16:30:00.5+08:00`) — read by hand.
//!
//! Why not chrono's own `Deserialize`: it goes through chrono's general parser (its
//! format items, `Parsed`, the scanners), ≈ 6 KB of gzip in the wasm of every area that
//! reads a record with a date. Writing stays chrono's (`2026-03-31`, RFC 3339 in UTC
//! with `Z`), and every form that writing produces reads back to the same value.
//!
//! Use on a field: `#[serde(deserialize_with = "crate::common::iso::date")]`,
//! and for an `Option` field `#[serde(default, deserialize_with = "…::opt_date")]`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, de::Error};

/// `YYYY-MM-DD`, a real calendar day.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        number(&b[0..4])? as i32,
        number(&b[5..7])?,
        number(&b[8..10])?,
    )
}

/// RFC 3339 as chrono reads it: a date, `T` (or `t`, or a space), `hh:mm:ss`, an optional
/// fraction of a second (up to nanoseconds, further digits ignored), and `Z` (`z`) or
/// an offset `±hh:mm` (or `±hhmm`).
pub fn parse_date_time(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let date = parse_date(text.get(..10)?)?;
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (hour, minute, second) = (
        number(&b[11..13])?,
        number(&b[14..16])?,
        number(&b[17..19])?,
    );
    let mut rest = &b[19..];
    let mut nanos = 0u32;
    if let [b'.', digits @ ..] = rest {
        let n = digits.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        for (i, d) in digits[..n].iter().enumerate().take(9) {
            nanos += u32::from(d - b'0') * 10u32.pow(8 - i as u32);
        }
        rest = &digits[n..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            let seconds = (number(&[*h1, *h2])? * 60 + number(&[*m1, *m2])?) as i32 * 60;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    // A leap second (`:60`) is chrono's nanoseconds beyond a full second.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, nanos + 1_000_000_000)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let local = NaiveDateTime::new(date, time);
    Some(
        offset
            .from_local_datetime(&local)
            .single()?
            .with_timezone(&Utc),
    )
}

/// The value of two or four ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

/// A stored `NaiveDate`.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_date(&text).ok_or_else(|| D::Error::custom(format!("not a date (YYYY-MM-DD): {text:?}")))
}

/// A stored `Option<NaiveDate>` (`null` or absent: `None`).
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_date(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("not a date (YYYY-MM-DD): {text:?}"))),
    }
}

/// A stored `DateTime<Utc>`.
pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse_date_time(&text)
        .ok_or_else(|| D::Error::custom(format!("not an RFC 3339 date and time: {text:?}")))
}

/// A stored `Option<DateTime<Utc>>` (`null` or absent: `None`).
pub fn opt_date_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_date_time(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("not an RFC 3339 date and time: {text:?}"))),
    }
}
