//! Stored dates and instants are read by hand (`domain::common::iso`) instead of through
//! chrono's parser: every form chrono writes must read back to the same value, the forms
//! chrono reads must read alike, and what is not a date must be refused.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};
use partner_console::domain::common::iso::{parse_date, parse_date_time};
use proptest::prelude::*;
use serde::Deserialize;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // Years 0000–9999: the four-digit years chrono writes without a sign.
    (0i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 0001-01-01 … 9999-12-31, any nanosecond.
    (-62_135_596_800i64..253_402_300_799, 0u32..1_000_000_000)
        .prop_filter_map("in range", |(s, n)| DateTime::from_timestamp(s, n))
}

proptest! {
    #[test]
    fn every_date_chrono_writes_reads_back(d in any_date()) {
        prop_assert_eq!(parse_date(&d.to_string()), Some(d));
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<Day>(&format!("{{\"d\":{json}}}")).unwrap().d, d);
    }

    #[test]
    fn every_instant_chrono_writes_reads_back(t in any_instant()) {
        for form in [SecondsFormat::Secs, SecondsFormat::Millis, SecondsFormat::Micros,
                     SecondsFormat::Nanos, SecondsFormat::AutoSi] {
            for z in [true, false] {
                let text = t.to_rfc3339_opts(form, z);
                let chrono_reads: DateTime<Utc> = text.parse().unwrap();
                prop_assert_eq!(parse_date_time(&text), Some(chrono_reads), "{}", text);
            }
        }
        // What chrono's `Serialize` writes (the stored form).
        let json = serde_json::to_string(&t).unwrap();
        prop_assert_eq!(serde_json::from_str::<Instant>(&format!("{{\"t\":{json}}}")).unwrap().t, t);
    }

    #[test]
    fn an_offset_reads_as_chrono_reads_it(t in any_instant(), minutes in -(23 * 60 + 59)..=(23 * 60 + 59i32)) {
        let offset = FixedOffset::east_opt(minutes * 60).unwrap();
        let local = offset.from_utc_datetime(&t.naive_utc());
        let text = local.to_rfc3339_opts(SecondsFormat::AutoSi, false);
        let chrono_reads: DateTime<Utc> = text.parse().unwrap();
        prop_assert_eq!(parse_date_time(&text), Some(chrono_reads), "{}", text);
        // Without the colon, with a space or a lower-case `t`: chrono's relaxed forms.
        let relaxed = format!("{}{}", &text[..text.len() - 3], &text[text.len() - 2..]);
        prop_assert_eq!(parse_date_time(&relaxed), Some(chrono_reads), "{}", relaxed);
        let spaced = text.replacen('T', " ", 1);
        prop_assert_eq!(parse_date_time(&spaced), Some(chrono_reads), "{}", spaced);
        prop_assert_eq!(parse_date_time(&text.replacen('T', "t", 1)), Some(chrono_reads));
    }

    #[test]
    fn any_text_is_refused_or_read_as_chrono_reads_it(text in "[0-9T:.Zz+ -]{0,40}") {
        // Whatever we accept, chrono accepts with the same value (never a date made up).
        if let Some(ours) = parse_date_time(&text) {
            prop_assert_eq!(text.parse::<DateTime<Utc>>().ok(), Some(ours));
        }
        if let Some(ours) = parse_date(&text) {
            prop_assert_eq!(text.parse::<NaiveDate>().ok(), Some(ours));
        }
    }
}

#[derive(Deserialize)]
struct Day {
    #[serde(deserialize_with = "partner_console::domain::common::iso::date")]
    d: NaiveDate,
}

#[derive(Deserialize)]
struct Instant {
    #[serde(deserialize_with = "partner_console::domain::common::iso::date_time")]
    t: DateTime<Utc>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Maybe {
    #[serde(
        default,
        deserialize_with = "partner_console::domain::common::iso::opt_date"
    )]
    d: Option<NaiveDate>,
    #[serde(
        default,
        deserialize_with = "partner_console::domain::common::iso::opt_date_time"
    )]
    t: Option<DateTime<Utc>>,
}

#[test]
fn what_is_not_a_date_is_refused_with_the_rule() {
    for text in [
        "",
        "2026-02-30",
        "2026-13-01",
        "2026-1-01",
        "2026/03/01",
        " 2026-03-01",
        "2026-03-01 ",
        "２０２６-03-01",
        "20260301",
        "2026-03-01T00:00:00Z",
    ] {
        assert_eq!(parse_date(text), None, "{text:?}");
    }
    for text in [
        "2026-03-31",
        "2026-03-31T08:30:00",
        "2026-03-31T24:00:00Z",
        "2026-03-31T08:60:00Z",
        "2026-03-31T08:30:00.Z",
        "2026-03-31T08:30:00+8:00",
        "2026-03-31T08:30:00+24:00",
        "2026-03-31T08:30:00Z ",
        "2026-03-31X08:30:00Z",
        "2026-02-29T08:30:00Z",
    ] {
        assert_eq!(parse_date_time(text), None, "{text:?}");
    }
    let err = serde_json::from_str::<Day>(r#"{"d":"2026-02-30"}"#)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("not a date (YYYY-MM-DD)") && err.contains("2026-02-30"),
        "{err}"
    );
    let err = serde_json::from_str::<Instant>(r#"{"t":"yesterday"}"#)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("not an RFC 3339 date and time"), "{err}");
    assert!(serde_json::from_str::<Day>(r#"{"d":20260301}"#).is_err());
}

#[test]
fn an_optional_date_may_be_null_or_absent() {
    let none = Maybe { d: None, t: None };
    assert_eq!(serde_json::from_str::<Maybe>("{}").unwrap(), none);
    assert_eq!(
        serde_json::from_str::<Maybe>(r#"{"d":null,"t":null}"#).unwrap(),
        none
    );
    assert_eq!(
        serde_json::from_str::<Maybe>(r#"{"d":"2026-03-31","t":"2026-03-31T16:30:00.5+08:00"}"#)
            .unwrap(),
        Maybe {
            d: NaiveDate::from_ymd_opt(2026, 3, 31),
            t: Some(
                Utc.with_ymd_and_hms(2026, 3, 31, 8, 30, 0).unwrap()
                    + chrono::Duration::milliseconds(500)
            ),
        }
    );
    assert!(serde_json::from_str::<Maybe>(r#"{"d":"31/03/2026"}"#).is_err());
}
