//! Mainland China working days (RULES §Working days). The holiday tables are data, one per year,
//! from the State Council notices; a year without a table falls back to Monday–Friday and
//! every answer that relied on the fallback says so.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One year's official table: the days off and the weekend days that are working days (调休).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayTable {
    /// The year the table covers.
    pub year: i32,
    /// Inclusive ranges of statutory days off.
    pub days_off: Vec<(NaiveDate, NaiveDate)>,
    /// Weekend days designated as working days.
    pub working_weekends: Vec<NaiveDate>,
}

/// An answer that may rest on the Monday–Friday fallback for an unpublished year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known<T> {
    /// The answer.
    pub value: T,
    /// True when a year without a table was consulted; `year` names the first such year.
    pub provisional: bool,
    /// The first year without a table that the answer relied on, if any.
    pub missing_year: Option<i32>,
}

/// A set of holiday tables; extendable with newer years (a backend may supply them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    tables: BTreeMap<i32, HolidayTable>,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A month and day within the table's year.
type MonthDay = (u32, u32);

fn table(year: i32, off: &[(MonthDay, MonthDay)], work: &[MonthDay]) -> HolidayTable {
    HolidayTable {
        year,
        days_off: off
            .iter()
            .map(|&((m1, d1), (m2, d2))| (d(year, m1, d1), d(year, m2, d2)))
            .collect(),
        working_weekends: work.iter().map(|&(m, day)| d(year, m, day)).collect(),
    }
}

/// The built-in tables for 2024–2026 (State Council notices).
pub fn builtin_tables() -> Vec<HolidayTable> {
    vec![
        table(
            2024,
            &[
                ((1, 1), (1, 1)),
                ((2, 10), (2, 17)),
                ((4, 4), (4, 6)),
                ((5, 1), (5, 5)),
                ((6, 10), (6, 10)),
                ((9, 15), (9, 17)),
                ((10, 1), (10, 7)),
            ],
            &[
                (2, 4),
                (2, 18),
                (4, 7),
                (4, 28),
                (5, 11),
                (9, 14),
                (9, 29),
                (10, 12),
            ],
        ),
        table(
            2025,
            &[
                ((1, 1), (1, 1)),
                ((1, 28), (2, 4)),
                ((4, 4), (4, 6)),
                ((5, 1), (5, 5)),
                ((5, 31), (6, 2)),
                ((10, 1), (10, 8)),
            ],
            &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
        ),
        table(
            2026,
            &[
                ((1, 1), (1, 3)),
                ((2, 15), (2, 23)),
                ((4, 4), (4, 6)),
                ((5, 1), (5, 5)),
                ((6, 19), (6, 21)),
                ((9, 25), (9, 27)),
                ((10, 1), (10, 7)),
            ],
            &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
        ),
    ]
}

impl WorkCalendar {
    /// The mainland calendar with the built-in tables.
    pub fn mainland() -> WorkCalendar {
        let mut cal = WorkCalendar::default();
        for t in builtin_tables() {
            cal.insert(t);
        }
        cal
    }

    /// Adds or replaces one year's table.
    pub fn insert(&mut self, table: HolidayTable) {
        self.tables.insert(table.year, table);
    }

    /// Whether a table exists for the year.
    pub fn has_year(&self, year: i32) -> bool {
        self.tables.contains_key(&year)
    }

    /// The years with a table, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.tables.keys().copied()
    }

    /// Whether `date` is a working day; provisional if its year has no table.
    pub fn is_working_day(&self, date: NaiveDate) -> Known<bool> {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        match self.tables.get(&date.year()) {
            Some(t) => {
                let off = t.days_off.iter().any(|&(a, b)| a <= date && date <= b);
                let adjusted = t.working_weekends.contains(&date);
                Known {
                    value: (!weekend && !off) || adjusted,
                    provisional: false,
                    missing_year: None,
                }
            }
            None => Known {
                value: !weekend,
                provisional: true,
                missing_year: Some(date.year()),
            },
        }
    }

    /// The n-th working day strictly after `date` (`date` itself never counts); n = 0
    /// gives `date`. Provisional if any day consulted lies in a year without a table.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Known<NaiveDate> {
        let walked = self.walk(date, |_, counted| counted >= n);
        Known {
            value: walked.value.0,
            provisional: walked.provisional,
            missing_year: walked.missing_year,
        }
    }

    /// How many working days lie strictly after `from` and up to `to` inclusive (0 when
    /// `to` is not after `from`): how late something due on `from` is on `to`.
    /// Provisional if a day counted lies in a year without a table.
    pub fn working_days_after(&self, from: NaiveDate, to: NaiveDate) -> Known<u32> {
        let walked = self.walk(from, |day, _| day >= to);
        Known {
            value: walked.value.1,
            provisional: walked.provisional,
            missing_year: walked.missing_year,
        }
    }

    /// Walks day by day after `from` until `done(day, working days counted)`; the day
    /// reached and the count, provisional if a day passed lies in a year without a table.
    fn walk(
        &self,
        from: NaiveDate,
        done: impl Fn(NaiveDate, u32) -> bool,
    ) -> Known<(NaiveDate, u32)> {
        let mut current = from;
        let mut counted = 0;
        let mut missing_year = None;
        while !done(current, counted) {
            let Some(next) = current.checked_add_days(Days::new(1)) else {
                break; // the end of chrono's range: stop rather than panic
            };
            current = next;
            let answer = self.is_working_day(current);
            if answer.provisional && missing_year.is_none() {
                missing_year = answer.missing_year;
            }
            if answer.value {
                counted += 1;
            }
        }
        Known {
            value: (current, counted),
            provisional: missing_year.is_some(),
            missing_year,
        }
    }
}

/// When a settlement is expected to be paid: a window of working days after a base date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentWindow {
    /// The earliest expected payment day.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub earliest: NaiveDate,
    /// The latest expected payment day.
    #[serde(deserialize_with = "crate::common::iso::date")]
    pub latest: NaiveDate,
    /// True when the window relies on a year without a published table.
    pub provisional: bool,
    /// The first such year, to name it in the UI.
    pub missing_year: Option<i32>,
}

impl WorkCalendar {
    /// Paid 10 to 15 working days after the documents are received and verified.
    pub fn payment_window(&self, received: NaiveDate) -> PaymentWindow {
        self.window(received, 10, 15)
    }

    /// After an abnormal sheet is corrected: 7 working days after the correction.
    pub fn payment_after_correction(&self, corrected: NaiveDate) -> PaymentWindow {
        self.window(corrected, 7, 7)
    }

    fn window(&self, base: NaiveDate, from: u32, to: u32) -> PaymentWindow {
        let a = self.add_working_days(base, from);
        let b = self.add_working_days(base, to);
        PaymentWindow {
            earliest: a.value,
            latest: b.value,
            provisional: a.provisional || b.provisional,
            missing_year: a.missing_year.or(b.missing_year),
        }
    }
}

/// The provider's business date at an instant: the day in Beijing time (UTC+8; China keeps
/// no daylight saving). A server judges "today" by this, whatever its own time zone.
pub fn business_date(at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (at + chrono::Duration::hours(8)).date_naive()
}
