//! Working days (RULES §Working days) and payment windows (RULES §Settlement).
#![cfg(not(target_arch = "wasm32"))]
use chrono::{Datelike, Days, NaiveDate, Weekday};
use partner_console::domain::money::calendar::{HolidayTable, WorkCalendar};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn holidays_and_adjusted_working_days() {
    let cal = WorkCalendar::mainland();
    assert!(
        !cal.is_working_day(d(2026, 2, 16)).value,
        "Spring Festival Monday"
    );
    assert!(
        cal.is_working_day(d(2026, 2, 14)).value,
        "adjusted Saturday"
    );
    assert!(
        cal.is_working_day(d(2026, 2, 28)).value,
        "adjusted Saturday"
    );
    assert!(!cal.is_working_day(d(2026, 3, 1)).value, "ordinary Sunday");
    assert!(
        cal.is_working_day(d(2024, 9, 29)).value,
        "2024 adjusted Sunday"
    );
    assert!(
        !cal.is_working_day(d(2025, 10, 8)).value,
        "2025 National Day"
    );
    assert!(!cal.is_working_day(d(2025, 10, 8)).provisional);
}

#[test]
fn spec_payment_window_example() {
    // Documents received 2026-02-10 → paid between 2026-03-02 and 2026-03-09.
    let w = WorkCalendar::mainland().payment_window(d(2026, 2, 10));
    assert_eq!((w.earliest, w.latest), (d(2026, 3, 2), d(2026, 3, 9)));
    assert!(!w.provisional);
}

#[test]
fn start_day_never_counts() {
    let cal = WorkCalendar::mainland();
    assert_eq!(cal.add_working_days(d(2026, 3, 2), 1).value, d(2026, 3, 3));
    assert_eq!(cal.add_working_days(d(2026, 3, 2), 0).value, d(2026, 3, 2));
    // From a Friday, the next working day is Monday.
    assert_eq!(cal.add_working_days(d(2026, 3, 6), 1).value, d(2026, 3, 9));
}

#[test]
fn correction_window_is_seven_working_days() {
    let w = WorkCalendar::mainland().payment_after_correction(d(2026, 9, 24));
    // Sep 25–27 off; Sep 28–30 work (3); Oct 1–7 off; Oct 8, 9 (5); Oct 10 is an
    // adjusted Saturday (6); Oct 11 Sunday off; Oct 12 (7).
    assert_eq!(w.earliest, d(2026, 10, 12));
    assert_eq!(w.earliest, w.latest);
}

#[test]
fn crossing_into_an_unpublished_year_is_provisional() {
    let cal = WorkCalendar::mainland();
    let w = cal.payment_window(d(2026, 12, 31));
    assert!(w.provisional);
    assert_eq!(w.missing_year, Some(2027));
    // Mon–Fri fallback: 2027-01-01 is a Friday.
    assert_eq!(w.earliest, d(2027, 1, 14));
    assert_eq!(w.latest, d(2027, 1, 21));
    let inside = cal.payment_window(d(2026, 11, 2));
    assert!(!inside.provisional);
}

#[test]
fn tables_can_be_extended_without_code_changes() {
    let mut cal = WorkCalendar::mainland();
    let json = r#"{"year":2027,"days_off":[["2027-01-01","2027-01-01"]],"working_weekends":[]}"#;
    let t: HolidayTable = serde_json::from_str(json).unwrap();
    cal.insert(t);
    assert!(!cal.is_working_day(d(2027, 1, 1)).value);
    assert!(!cal.is_working_day(d(2027, 1, 1)).provisional);
    assert!(!cal.payment_window(d(2026, 12, 31)).provisional);
}

#[test]
fn far_dates_never_panic() {
    let cal = WorkCalendar::mainland();
    let end = cal.add_working_days(NaiveDate::MAX, 5);
    assert_eq!(end.value, NaiveDate::MAX);
    let _ = cal.add_working_days(d(1900, 1, 1), 3000);
}

proptest! {
    #[test]
    fn addition_is_monotonic_and_lands_on_working_days(offset in 0u64..1500, n in 1u32..40) {
        let cal = WorkCalendar::mainland();
        let start = d(2023, 6, 1).checked_add_days(Days::new(offset)).unwrap();
        let a = cal.add_working_days(start, n);
        let b = cal.add_working_days(start, n + 1);
        prop_assert!(a.value > start);
        prop_assert!(b.value > a.value);
        prop_assert!(cal.is_working_day(a.value).value);
        if !cal.has_year(a.value.year()) {
            prop_assert!(a.provisional);
            prop_assert!(!matches!(a.value.weekday(), Weekday::Sat | Weekday::Sun));
        }
    }
}

#[test]
fn working_days_after_a_day_count_how_late_something_is() {
    let cal = WorkCalendar::mainland();
    // Friday 2026-10-09 → the adjusted working Saturday 2026-10-10 counts, Sunday not.
    assert_eq!(
        cal.working_days_after(d(2026, 10, 9), d(2026, 10, 11))
            .value,
        1
    );
    // The day itself never counts; a day not after it counts nothing.
    assert_eq!(
        cal.working_days_after(d(2026, 11, 2), d(2026, 11, 2)).value,
        0
    );
    assert_eq!(
        cal.working_days_after(d(2026, 11, 9), d(2026, 11, 2)).value,
        0
    );
    // Across the National Day week: from Wed 30 Sep to Fri 9 Oct only the 8th and the
    // 9th are working days (1–7 October are off).
    assert_eq!(
        cal.working_days_after(d(2026, 9, 30), d(2026, 10, 9)).value,
        2
    );
    let into_2027 = cal.working_days_after(d(2026, 12, 30), d(2027, 1, 4));
    assert_eq!(into_2027.value, 3);
    assert!(into_2027.provisional);
    assert_eq!(into_2027.missing_year, Some(2027));
}

proptest! {
    #[test]
    fn counting_working_days_undoes_adding_them(offset in 0u64..900, n in 0u32..40) {
        let cal = WorkCalendar::mainland();
        let start = d(2024, 1, 1).checked_add_days(Days::new(offset)).unwrap();
        let end = cal.add_working_days(start, n).value;
        prop_assert_eq!(cal.working_days_after(start, end).value, n);
    }
}
